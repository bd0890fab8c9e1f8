"""Evening reflection: one person, from "what's sitting with you" to one small action."""

from collections.abc import Callable, Sequence
from enum import StrEnum

from assistant.flows.base import Commitment, FlowReply, FollowUp, OpenCommitment, Utterance
from assistant.flows.saying import Saying
from assistant.flows.wording import (
    ThemeTally,
    commitment_text,
    follow_up_done,
    join_words,
    reflection_of,
    sounds_finished,
    states_action,
)
from assistant.prompts import PromptLibrary, PromptPicker, Step
from assistant.reflect import reflect
from assistant.themes.taxonomy import ThemeReading

MAX_EXCHANGES = 8
CORE_EXCHANGES = 7
"""sitting with, feeling, explore, deepen, need, more, action."""
MAX_FOLLOW_UPS = MAX_EXCHANGES - CORE_EXCHANGES


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
        self._awaiting = _Awaiting.SITTING
        self._commitment: Commitment | None = None
        self._commitment_saved = False

    def opening(self) -> FlowReply:
        """The privacy note, then a follow-up question or "what's sitting with you?"."""
        saying = Saying(self._picker).say(Step.PRIVACY)
        self._ask_next(saying)
        return saying.reply(themes=[])

    def respond(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        """The next step after the person spoke; after the end, the closing again."""
        if self._awaiting is _Awaiting.DONE:
            return self.close()
        self._tally.add(reading)
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

    def close(self) -> FlowReply:
        """The spoken summary: themes heard, the commitment if one was named, goodbye."""
        return self._closing(Saying(self._picker))

    def _ask_next(self, saying: Saying) -> None:
        if self._follow_ups:
            pending = self._follow_ups[0]
            saying.say(Step.FOLLOW_UP, commitment=reflect(pending.text))
            self._awaiting = _Awaiting.FOLLOW_UP
        else:
            saying.say(Step.SITTING_WITH)
            self._awaiting = _Awaiting.SITTING

    def _on_follow_up(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        asked = self._follow_ups.pop(0)
        answer = FollowUp(commitment_id=asked.id, answer=said.text, done=follow_up_done(said.text))
        saying = Saying(self._picker).say(Step.FOLLOW_UP_ACK)
        self._ask_next(saying)
        return saying.reply(themes=self._tally.heard(), follow_ups=[answer])

    def _step(
        self, said: Utterance, reading: ThemeReading, steps: Sequence[Step], then: _Awaiting
    ) -> FlowReply:
        saying = Saying(self._picker)
        if Step.REFLECT in steps:
            saying.reflect(reflection_of(said.text))
        focus = self._tally.focus()
        for step in steps:
            if step is not Step.REFLECT:
                saying.say(step, theme=focus)
        self._awaiting = then
        return saying.reply(themes=self._tally.heard())

    def _on_sitting(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        return self._step(said, reading, [Step.REFLECT, Step.NAME_FEELING], _Awaiting.FEELING)

    def _on_feeling(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        return self._step(said, reading, [Step.NORMALISE, Step.EXPLORE], _Awaiting.EXPLORE)

    def _on_explore(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        return self._step(said, reading, [Step.REFLECT, Step.DEEPEN], _Awaiting.DEEPEN)

    def _on_deepen(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        return self._step(said, reading, [Step.REFLECT, Step.NEED], _Awaiting.NEED)

    def _on_need(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        return self._step(said, reading, [Step.REFLECT, Step.MORE], _Awaiting.MORE)

    def _on_more(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        if states_action(said.text):
            return self._on_action(said, reading)
        steps = [Step.ACTION] if sounds_finished(said.text) else [Step.REFLECT, Step.ACTION]
        return self._step(said, reading, steps, _Awaiting.ACTION)

    def _on_action(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        action = commitment_text(said.text)
        saying = Saying(self._picker)
        if action is None:
            saying.say(Step.NO_ACTION)
        else:
            self._commitment = Commitment(who=None, text=action)
        return self._closing(saying)

    def _closing(self, saying: Saying) -> FlowReply:
        heard = self._tally.heard()
        if heard:
            spoken = join_words([self._library.spoken(t) for t in heard])
            saying.say(Step.CLOSE, themes=spoken)
        if self._commitment is not None:
            saying.say(Step.CLOSE_COMMITMENT, commitment=reflect(self._commitment.text))
        saying.say(Step.GOODBYE)
        unsaved = [] if self._commitment_saved or not self._commitment else [self._commitment]
        self._commitment_saved = self._commitment is not None
        self._awaiting = _Awaiting.DONE
        return saying.reply(step=Step.CLOSE, themes=heard, commitments=unsaved, done=True)
