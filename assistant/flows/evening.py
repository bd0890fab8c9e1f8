"""Evening reflection: one person, from "what's sitting with you" to one small action."""

from collections.abc import Callable, Sequence
from enum import StrEnum

from assistant.flows.base import Commitment, FlowReply, FollowUp, OpenCommitment, Utterance
from assistant.flows.hearing import (
    Repeats,
    corrected_reflection,
    correction,
    named_step,
    told_already,
)
from assistant.flows.naming import (
    Confidence,
    FeelingsHeard,
    closing_summary,
    confidence,
    feeling_line,
)
from assistant.flows.saying import Saying
from assistant.flows.wording import (
    ThemeTally,
    commitment_sentence,
    commitment_text,
    follow_up_done,
    named_feeling,
    need_reflection,
    reflection_of,
    sounds_denied,
    sounds_finished,
    sounds_unsure,
    states_need,
)
from assistant.prompts import PromptLibrary, PromptPicker, Step
from assistant.reflect import turn_words
from assistant.themes.taxonomy import Theme, ThemeReading
from assistant.voice_commands import yes_or_no

MAX_EXCHANGES = 8
CORE_EXCHANGES = 7
"""sitting with, feeling, explore, deepen, need, more, action."""
MAX_FOLLOW_UPS = MAX_EXCHANGES - CORE_EXCHANGES
LONG_ANSWER_WORDS = 8
"""An answer to "does that fit?" this long says something new, so it is reflected."""


class _Awaiting(StrEnum):
    FOLLOW_UP = "follow_up"
    SITTING = "sitting_with"
    FEELING = "name_feeling"
    EXPLORE = "explore"
    DEEPEN = "deepen"
    NEED = "need"
    MORE = "more"
    ACTION = "action"
    DONE = "done"


class EveningFlow:
    """The evening conversation as a state machine; see assistant.flows.base.Flow.

    At most MAX_FOLLOW_UPS earlier commitments are asked about (the first ones given), so the
    whole conversation stays within MAX_EXCHANGES exchanges; the rest stay open for next time.
    A need the person already stated is not asked about again, and an action they named
    before being asked is the one saved, without asking for another.
    """

    def __init__(
        self,
        library: PromptLibrary,
        *,
        open_commitments: Sequence[OpenCommitment],
        recent_prompt_ids: set[str],
        seed: int | None = None,
    ) -> None:
        self._library = library
        self._picker = PromptPicker(library, recent_prompt_ids, seed)
        self._follow_ups = list(open_commitments)[:MAX_FOLLOW_UPS]
        self._tally = ThemeTally()
        self._feelings = FeelingsHeard()
        self._offered: Theme | None = None
        """The feeling attune named after the first answer, if any (dropped on a "no")."""
        self._rejected = ""
        """What the person's correction in this turn turned down ("I'm angry")."""
        self._awaiting = _Awaiting.SITTING
        self._commitment: Commitment | None = None
        self._commitment_saved = False
        self._need_heard = False
        self._early_action: str | None = None
        self._action_said = ""
        """The person's own words for their step, read back whole if the prompt would not fit."""
        self._repeats = Repeats()
        self._last_said: Utterance | None = None
        self._prefix: list[tuple[Step, str | None]] = []
        self._override: str | None = None
        self._confirmed_now = False
        """A step was confirmed in this reply, so the turn is not reflected a second time."""

    def opening(self) -> FlowReply:
        """The privacy note, then a follow-up question or "what's sitting with you?"."""
        saying = Saying(self._picker).say(Step.PRIVACY)
        self._ask_next(saying)
        return saying.reply(themes=[])

    def respond(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        """The next step after the person spoke; after the end, the closing again."""
        if self._awaiting is _Awaiting.DONE:
            return self.close()
        said = self._hear(said)
        if self._awaiting not in (_Awaiting.FOLLOW_UP, _Awaiting.ACTION):
            named = named_feeling(said.text)
            self._tally.add(reading, named)
            self._feelings.add(said.text, reading, named)
            self._feelings.deny(None, self._rejected)
        self._rejected = ""
        if self._awaiting in (_Awaiting.SITTING, _Awaiting.FEELING, _Awaiting.EXPLORE):
            self._need_heard = self._need_heard or states_need(said.text)
        self._note_step(said)
        handlers: dict[_Awaiting, Callable[[Utterance, ThemeReading], FlowReply]] = {
            _Awaiting.FOLLOW_UP: self._on_follow_up,
            _Awaiting.SITTING: self._on_sitting,
            _Awaiting.FEELING: self._on_feeling,
            _Awaiting.EXPLORE: self._on_explore,
            _Awaiting.DEEPEN: self._on_deepen,
            _Awaiting.NEED: self._on_need,
            _Awaiting.MORE: self._on_more,
            _Awaiting.ACTION: self._on_action,
        }
        return handlers[self._awaiting](said, reading)

    def _hear(self, said: Utterance) -> Utterance:
        """Notice a reproach, a correction or a repeat; returns the words to answer."""
        if told_already(said.text) and self._last_said is not None:
            self._prefix.append((Step.APOLOGY, None))
            return self._last_said
        fixed = correction(said.text) if self._awaiting is not _Awaiting.FOLLOW_UP else None
        if fixed is not None:
            self._prefix.append((Step.CORRECTED, None))
            self._rejected = fixed[0]
            self._override = corrected_reflection(fixed[1])
        elif self._repeats.heard(said.text) and self._awaiting is not _Awaiting.ACTION:
            self._prefix.append((Step.REPEATED, None))
        if said.text.strip():
            self._last_said = said
        return said

    def _note_step(self, said: Utterance) -> None:
        """A step named before it is asked for is confirmed once and never asked for again."""
        if self._awaiting is _Awaiting.ACTION or self._early_action is not None:
            return
        step = named_step(said.text)
        if step is not None:
            self._early_action, self._action_said = step, said.text
            if self._awaiting is not _Awaiting.MORE:  # else the closing reads it back at once
                self._prefix.append((Step.STEP_CONFIRMED, turn_words(step)))
                self._confirmed_now = True

    def _saying(self, reflection: str | None = None, *, validate: bool = True) -> Saying:
        """A reply that opens with what was noticed, then the reflection (never a bare ask)."""
        saying = Saying(self._picker)
        for step, commitment in self._prefix:
            if commitment:
                saying.say(step, commitment=commitment)
            else:
                saying.say(step)
        heard = None if self._confirmed_now else self._override or reflection
        saying.reflect(heard)
        if validate and not heard and not self._prefix:
            saying.say(Step.ACKNOWLEDGE)
        self._prefix, self._override, self._confirmed_now = [], None, False
        return saying

    def close(self) -> FlowReply:
        """The spoken summary: themes heard, the commitment if one was named, goodbye."""
        return self._closing(Saying(self._picker))

    def _ask_next(self, saying: Saying) -> None:
        if self._follow_ups:
            pending = self._follow_ups[0]
            saying.say(Step.FOLLOW_UP, commitment=turn_words(pending.text))
            self._awaiting = _Awaiting.FOLLOW_UP
        else:
            saying.say(Step.SITTING_WITH)
            self._awaiting = _Awaiting.SITTING

    def _on_follow_up(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        asked = self._follow_ups.pop(0)
        answer = FollowUp(commitment_id=asked.id, answer=said.text, done=follow_up_done(said.text))
        saying = self._saying(validate=False).say(Step.FOLLOW_UP_ACK)
        self._ask_next(saying)
        return saying.reply(themes=self._tally.heard(), follow_ups=[answer])

    def _step(
        self,
        steps: Sequence[Step],
        then: _Awaiting,
        reflection: str | None = None,
        theme: Theme | None = None,
    ) -> FlowReply:
        saying = self._saying(reflection, validate=steps[0] is not Step.NORMALISE)
        for step in steps:
            saying.say(step, theme=theme or self._focus())
        self._awaiting = then
        return saying.reply(themes=self._tally.heard())

    def _focus(self) -> Theme:
        """The theme to speak to now, if it may be named; else neutral (names no feeling)."""
        return self._tally.focus(self._feelings.may_name)

    def _on_sitting(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        """Reflect, then name the feeling as surely as the reading allows (or ask, unnamed)."""
        reflection = reflection_of(said.text)
        named = named_feeling(said.text)
        level = confidence(reading, named, said.text)
        if level is Confidence.NONE:
            return self._step([Step.NAME_FEELING], _Awaiting.FEELING, reflection, Theme.NEUTRAL)
        self._offered = named or reading.top
        if level is Confidence.NAME:
            return self._step([Step.NAME_FEELING], _Awaiting.FEELING, reflection, self._offered)
        saying = self._saying(reflection, validate=False)
        saying.line(feeling_line(reading, None, named)).say(Step.CHECK_FEELING)
        self._awaiting = _Awaiting.FEELING
        return saying.reply(themes=self._tally.heard())

    def _on_feeling(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        """After "does that fit?": a "no" is not normalised; "I don't know" is, gently."""
        text = said.text
        long = len(text.split()) >= LONG_ANSWER_WORDS
        heard = reflection_of(text) if long or sounds_denied(text) else None
        if sounds_unsure(text):
            saying = self._saying(validate=False).say(Step.NORMALISE, theme=Theme.NEUTRAL)
            saying.say(Step.EXPLORE, theme=self._focus())
            self._awaiting = _Awaiting.EXPLORE
            return saying.reply(themes=self._tally.heard())
        if sounds_denied(text):
            self._feelings.deny(self._offered)
            named = named_feeling(text)
            return self._step([Step.EXPLORE], _Awaiting.EXPLORE, heard, named or Theme.NEUTRAL)
        if yes_or_no(text):
            self._feelings.confirm(self._offered, text)
        return self._step([Step.NORMALISE, Step.EXPLORE], _Awaiting.EXPLORE, heard)

    def _on_explore(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        return self._step([Step.DEEPEN], _Awaiting.DEEPEN, reflection_of(said.text))

    def _on_deepen(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        heard = reflection_of(said.text)
        if self._need_heard or states_need(said.text):
            return self._step([Step.MORE], _Awaiting.MORE, heard)
        return self._step([Step.NEED], _Awaiting.NEED, heard)

    def _on_need(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        return self._step([Step.MORE], _Awaiting.MORE, need_reflection(said.text))

    def _on_more(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        finished = sounds_finished(said.text)
        if self._early_action is not None:
            self._commitment = Commitment(who=None, text=self._early_action)
            named_now = named_step(said.text) is not None
            heard = None if finished or named_now else reflection_of(said.text)
            return self._closing(self._saying(heard, validate=False))
        heard = None if finished else reflection_of(said.text)
        return self._step([Step.ACTION], _Awaiting.ACTION, heard)

    def _on_action(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        action = commitment_text(said.text)
        saying = self._saying(validate=False)
        if action is None:
            saying.say(Step.NO_ACTION)
        else:
            self._commitment = Commitment(who=None, text=action)
            self._action_said = said.text
        return self._closing(saying)

    def _closing(self, saying: Saying) -> FlowReply:
        heard = self._tally.heard()
        if self._feelings.words:
            saying.line(closing_summary(self._feelings.words, []))
        elif self._feelings.sure():
            saying.say(Step.CLOSE, themes=self._feelings.heard_phrase())
        if self._commitment is not None:
            saying.say(Step.CLOSE_COMMITMENT, commitment=turn_words(self._commitment.text))
            saying.checked(commitment_sentence(self._action_said))
        saying.say(Step.GOODBYE)
        unsaved = [] if self._commitment_saved or not self._commitment else [self._commitment]
        self._commitment_saved = self._commitment is not None
        self._awaiting = _Awaiting.DONE
        return saying.reply(step=Step.CLOSE, themes=heard, commitments=unsaved, done=True)
