"""Couples speaking in turn: share, mirror, check, more, validate, pass the floor; repair."""

from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import TypedDict

from assistant.flows.base import Commitment, FlowReply, FollowUp, OpenCommitment, Utterance
from assistant.flows.hearing import listener_stuck, minimising
from assistant.flows.naming import (
    CLOSING_FEELINGS,
    SOME,
    Confidence,
    FeelingsHeard,
    closing_summary,
    confidence,
    feeling_line,
)
from assistant.flows.saying import Saying
from assistant.flows.turns import SpeakingTime, escalated
from assistant.flows.wording import (
    ThemeTally,
    commitment_sentence,
    commitment_text,
    follow_up_done,
    join_words,
    named_feeling,
    reflection_of,
    sounds_finished,
    sounds_missed,
    sounds_unready,
)
from assistant.prompts import PromptLibrary, PromptPicker, Step
from assistant.reflect import about_them, turn_words
from assistant.themes.taxonomy import Theme, ThemeReading

INJURY_SCORE = 0.35
"""A betrayal or mistrust score this high in the speaker's words puts an injury on the table."""
MAX_FOLLOW_UPS = 4
MAX_MIRRORS = 2
"""Mirror attempts per piece before moving on, so a round cannot loop forever."""
MAX_MORES = 2


class _Pair(TypedDict):
    name: str
    partner: str


class _Awaiting(StrEnum):
    FOLLOW_UP = "follow_up"
    READY_FIRST = "ready"
    READY_SECOND = "ready_partner"
    SHARE = "share"
    MIRROR = "mirror"
    CHECK = "check"
    MORE = "more"
    VALIDATE = "validate"
    REPAIR_DEEPEN = "repair_deepen"
    REPAIR_ACKNOWLEDGE = "repair_acknowledge"
    REPAIR_ASK = "repair_ask"
    REPAIR_RESPOND = "repair_respond"
    VALIDATION_LANDED = "validation_landed"
    APOLOGY_LANDED = "apology_landed"
    BEHAVIOUR = "new_behaviour"
    DONE = "done"


_SPEAKER_TURNS = (_Awaiting.SHARE, _Awaiting.CHECK, _Awaiting.MORE)
_ECHO_TURNS = (
    _Awaiting.FOLLOW_UP, _Awaiting.READY_FIRST, _Awaiting.READY_SECOND, _Awaiting.MIRROR,
    _Awaiting.VALIDATE, _Awaiting.BEHAVIOUR,
)  # fmt: skip
"""Turns whose feeling words are not the person's own (a mirror of the partner, a step)."""


class CoupleFlow:
    """Two named partners taking turns, as a state machine; see assistant.flows.base.Flow.

    `rounds` is how many times the floor is held in all (2: each partner once). When the
    speaker's words carry betrayal or mistrust, the round ends in the attachment-injury repair
    steps instead of passing the floor; then each partner names one new behaviour.
    """

    def __init__(
        self,
        library: PromptLibrary,
        names: tuple[str, str],
        *,
        open_commitments: Sequence[OpenCommitment],
        recent_prompt_ids: set[str],
        seed: int | None = None,
        rounds: int = 2,
    ) -> None:
        self._library = library
        self._picker = PromptPicker(library, recent_prompt_ids, seed)
        self._names = names
        self._follow_ups = list(open_commitments)[:MAX_FOLLOW_UPS]
        self._rounds = max(1, rounds)
        self._tally = ThemeTally()
        self._feelings = (FeelingsHeard(), FeelingsHeard())
        """Per partner: the feelings they named and the themes read surely in their own words."""
        self._piece_reading: ThemeReading | None = None
        self._time = SpeakingTime(names)
        self._awaiting = _Awaiting.READY_FIRST
        self._speaker = 0
        self._rounds_done = 0
        self._mirrors = 0
        self._mores = 0
        self._hurt: int | None = None
        self._behaviours: list[int] = []
        self._commitments: list[Commitment] = []
        self._commitments_said: list[str] = []
        """Each commitment in the partner's own words, read back whole if a prompt would not fit."""
        self._piece = ""
        """What the speaker said last (shared or added), for attune's reflection and scaffold."""
        self._helped = False
        """Whether the listener was helped (scaffold or slowing down) with this piece yet."""

    # names -----------------------------------------------------------------------------
    def _both(self, who: int) -> _Pair:
        return _Pair(name=self._names[who], partner=self._names[1 - who])

    @property
    def _listener(self) -> int:
        return 1 - self._speaker

    # Flow ------------------------------------------------------------------------------
    def opening(self) -> FlowReply:
        """The privacy note, then follow-ups on earlier commitments or the readiness check."""
        saying = Saying(self._picker).say(Step.PRIVACY_COUPLE, **self._both(0))
        return self._ask_next(saying, follow_ups=[])

    def respond(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        """The next prompt after one partner spoke; contempt or overwhelm ends in a break."""
        if self._awaiting is _Awaiting.DONE:
            return self.close()
        who = self._who_spoke(said)
        self._time.add(self._names[who], said.text, said.duration_s)
        self._tally.add(reading)
        if self._awaiting not in _ECHO_TURNS:
            self._feelings[who].add(said.text, reading, named_feeling(said.text))
        if self._awaiting in (_Awaiting.SHARE, _Awaiting.MORE):
            self._piece_reading = reading
        if escalated(said.text):
            return self._pause()
        if self._awaiting in _SPEAKER_TURNS:
            self._note_injury(reading)
        return self._handlers()[self._awaiting](said)

    def close(self) -> FlowReply:
        """The summary: themes heard, each partner's new behaviour, thanks."""
        saying = Saying(self._picker)
        heard = self._tally.heard()
        for who, feelings in enumerate(self._feelings):
            if feelings.words:
                saying.line(closing_summary(feelings.words, [], self._names[who]))
        sure = self._sure_phrase()
        if sure and not saying.lines:
            saying.say(Step.CLOSE_COUPLE, themes=sure, **self._both(0))
        for c, own in zip(self._commitments, self._commitments_said, strict=True):
            who = self._names.index(c.who) if c.who in self._names else 0
            words = turn_words(c.text, partner=self._names[1 - who])
            saying.say_commitment(Step.CLOSE_COMMITMENT_NAMED, commitment=words, **self._both(who))
            saying.checked(commitment_sentence(own, self._names[who], self._names[1 - who]))
        saying.say(Step.GOODBYE_COUPLE, **self._both(0))
        self._awaiting = _Awaiting.DONE
        return saying.reply(step=Step.CLOSE_COUPLE, themes=heard, done=True)

    def _sure_phrase(self) -> str:
        """The themes read surely in either partner's own words ("some hope"), or ""."""
        sure: list[Theme] = []
        for feelings in self._feelings:
            sure += [t for t in feelings.sure() if t not in sure]
        return join_words([SOME[t] for t in sure][:CLOSING_FEELINGS])

    # bookkeeping -------------------------------------------------------------------------
    def _handlers(self) -> dict[_Awaiting, Callable[[Utterance], FlowReply]]:
        return {
            _Awaiting.FOLLOW_UP: self._on_follow_up,
            _Awaiting.READY_FIRST: self._on_ready_first,
            _Awaiting.READY_SECOND: self._on_ready_second,
            _Awaiting.SHARE: self._on_share,
            _Awaiting.MIRROR: self._on_mirror,
            _Awaiting.CHECK: self._on_check,
            _Awaiting.MORE: self._on_more,
            _Awaiting.VALIDATE: self._on_validate,
            _Awaiting.REPAIR_DEEPEN: self._repair(Step.REPAIR_ACKNOWLEDGE, hurt=False),
            _Awaiting.REPAIR_ACKNOWLEDGE: self._repair(Step.REPAIR_ASK, hurt=True),
            _Awaiting.REPAIR_ASK: self._repair(Step.REPAIR_RESPOND, hurt=False),
            _Awaiting.REPAIR_RESPOND: self._on_repair_respond,
            _Awaiting.VALIDATION_LANDED: self._on_validation_landed,
            _Awaiting.APOLOGY_LANDED: self._on_apology_landed,
            _Awaiting.BEHAVIOUR: self._on_behaviour,
        }

    def _expected(self) -> int:
        """Whose turn the flow announced last."""
        if self._awaiting in (_Awaiting.MIRROR, _Awaiting.VALIDATE):
            return self._listener
        if self._awaiting is _Awaiting.READY_SECOND:
            return 1
        if self._awaiting is _Awaiting.APOLOGY_LANDED:
            return self._hurt or 0
        if self._awaiting is _Awaiting.BEHAVIOUR and self._behaviours:
            return self._behaviours[0]
        if self._awaiting.value.startswith("repair") and self._hurt is not None:
            hurt_speaks = self._awaiting in (_Awaiting.REPAIR_DEEPEN, _Awaiting.REPAIR_ASK)
            return self._hurt if hurt_speaks else 1 - self._hurt
        if self._awaiting is _Awaiting.FOLLOW_UP and self._follow_ups:
            who = self._follow_ups[0].who
            return self._names.index(who) if who in self._names else 0
        return self._speaker

    def _who_spoke(self, said: Utterance) -> int:
        if said.speaker in self._names:
            return self._names.index(said.speaker)
        return self._expected()

    def _note_injury(self, reading: ThemeReading) -> None:
        injury = max(reading.score(Theme.BETRAYAL), reading.score(Theme.MISTRUST))
        on_top = reading.top in (Theme.BETRAYAL, Theme.MISTRUST)
        if self._hurt is None and (injury >= INJURY_SCORE or on_top):
            owning = reading.score(Theme.REMORSE) > injury
            self._hurt = self._listener if owning else self._speaker

    # steps -------------------------------------------------------------------------------
    def _ask_next(self, saying: Saying, follow_ups: list[FollowUp]) -> FlowReply:
        if self._follow_ups:
            pending = self._follow_ups[0]
            if pending.who in self._names:
                who = self._names.index(pending.who)
                words = turn_words(pending.text, partner=self._names[1 - who])
                saying.say(Step.FOLLOW_UP_NAMED, commitment=words, **self._both(who))
                nxt: str | None = self._names[who]
            else:
                saying.say(Step.FOLLOW_UP, commitment=turn_words(pending.text))
                nxt = None
            self._awaiting = _Awaiting.FOLLOW_UP
            return saying.reply(themes=self._tally.heard(), next_speaker=nxt, follow_ups=follow_ups)
        saying.say(Step.READY, **self._both(0))
        self._awaiting = _Awaiting.READY_FIRST
        return self._reply(saying, 0, follow_ups=follow_ups)

    def _reply(
        self, saying: Saying, to: int, follow_ups: list[FollowUp] | None = None
    ) -> FlowReply:
        return saying.reply(
            themes=self._tally.heard(), next_speaker=self._names[to], follow_ups=follow_ups
        )

    def _on_follow_up(self, said: Utterance) -> FlowReply:
        asked = self._follow_ups.pop(0)
        answer = FollowUp(commitment_id=asked.id, answer=said.text, done=follow_up_done(said.text))
        return self._ask_next(Saying(self._picker).say(Step.FOLLOW_UP_ACK), follow_ups=[answer])

    def _on_ready_first(self, said: Utterance) -> FlowReply:
        if sounds_unready(said.text):
            return self._not_ready()
        self._awaiting = _Awaiting.READY_SECOND
        return self._reply(Saying(self._picker).say(Step.READY_PARTNER, **self._both(1)), 1)

    def _on_ready_second(self, said: Utterance) -> FlowReply:
        if sounds_unready(said.text):
            return self._not_ready()
        self._start_round(0)
        return self._reply(Saying(self._picker).say(Step.FIRST_SHARE, **self._both(0)), 0)

    def _start_round(self, speaker: int) -> None:
        self._speaker, self._mirrors, self._mores = speaker, 0, 0
        self._awaiting = _Awaiting.SHARE

    def _mirror(self, saying: Saying, step: Step = Step.MIRROR) -> FlowReply:
        self._mirrors += 1
        self._awaiting = _Awaiting.MIRROR
        return self._reply(saying.say(step, **self._both(self._listener)), self._listener)

    def _acknowledge(self, who: int, said: str | None = None) -> Saying:
        """attune's own brief reflection (when it has one) or validation of `who`.

        When the speaker's piece cannot be reflected but its reading is sure, the feeling is
        named to them instead, only as surely as the reading allows.
        """
        saying = Saying(self._picker)
        heard = reflection_of(said, partner=self._names[1 - who]) if said else None
        if heard:
            return saying.say(Step.REFLECT_NAMED, reflection=heard, **self._both(who))
        felt = self._feeling_of_piece(said) if said else ""
        if felt:
            felt = felt if felt.startswith("I ") else felt[0].lower() + felt[1:]
            return saying.line(f"{self._names[who]}, {felt}")
        return saying.say(Step.VALIDATE_BRIEF, **self._both(who))

    def _feeling_of_piece(self, said: str) -> str:
        """The feeling in the speaker's piece, named as surely as allowed; "" when none may be."""
        reading = self._piece_reading
        if reading is None or said != self._piece:
            return ""
        named = named_feeling(said)
        if confidence(reading, named, said) is Confidence.NONE:
            return ""
        return feeling_line(reading, None, named)

    def _new_piece(self, text: str) -> None:
        self._piece, self._helped = text, False

    def _on_share(self, said: Utterance) -> FlowReply:
        self._new_piece(said.text)
        return self._mirror(self._acknowledge(self._speaker))

    def _help_listener(self, said: Utterance) -> FlowReply | None:
        """Once per piece: a scaffold for "I don't know", slowing down for a minimising reply."""
        if self._helped or not (listener_stuck(said.text) or minimising(said.text)):
            return None
        self._helped = True
        pair = self._both(self._listener)
        if minimising(said.text):
            return self._reply(Saying(self._picker).say(Step.SLOW_DOWN, **pair), self._listener)
        heard = reflection_of(self._piece, partner=self._names[self._listener])
        words = about_them(heard) if heard else f'"{" ".join(self._piece.split()[:12])}"'
        saying = Saying(self._picker).say(Step.SCAFFOLD, reflection=words, **pair)
        return self._reply(saying, self._listener)

    def _on_mirror(self, said: Utterance) -> FlowReply:
        helped = self._help_listener(said)
        if helped is not None:
            return helped
        self._awaiting = _Awaiting.CHECK
        saying = Saying(self._picker).say(Step.CHECK, **self._both(self._speaker))
        return self._reply(saying, self._speaker)

    def _on_check(self, said: Utterance) -> FlowReply:
        if sounds_missed(said.text) and self._mirrors < MAX_MIRRORS:
            return self._mirror(Saying(self._picker))
        self._awaiting = _Awaiting.MORE
        saying = self._acknowledge(self._speaker, self._piece)
        saying.say(Step.MORE_NAMED, **self._both(self._speaker))
        return self._reply(saying, self._speaker)

    def _on_more(self, said: Utterance) -> FlowReply:
        self._mores += 1
        talkative = self._time.quieter() == self._names[self._listener]
        limit = 1 if talkative else MAX_MORES
        if not sounds_finished(said.text) and self._mores < limit:
            self._mirrors = 0
            self._new_piece(said.text)
            return self._mirror(self._acknowledge(self._speaker), Step.MIRROR_MORE)
        self._awaiting = _Awaiting.VALIDATE
        saying = Saying(self._picker).say(Step.VALIDATE, **self._both(self._listener))
        return self._reply(saying, self._listener)

    def _on_validate(self, said: Utterance) -> FlowReply:
        helped = self._help_listener(said)
        if helped is not None:
            return helped
        self._awaiting = _Awaiting.VALIDATION_LANDED
        saying = self._acknowledge(self._listener)
        saying.say(Step.VALIDATION_LANDED, **self._both(self._speaker))
        return self._reply(saying, self._speaker)

    def _on_validation_landed(self, said: Utterance) -> FlowReply:
        self._rounds_done += 1
        saying = self._acknowledge(self._speaker)
        if self._hurt is not None:
            self._awaiting = _Awaiting.REPAIR_DEEPEN
            saying.say(Step.REPAIR_DEEPEN, **self._both(self._hurt))
            return self._reply(saying, self._hurt)
        if self._rounds_done >= self._rounds:
            return self._ask_behaviours([0, 1], saying)
        new = self._listener
        saying = Saying(self._picker)  # passing the floor thanks them both already
        if self._time.quieter() == self._names[new]:
            saying.say(Step.BALANCE, **self._both(new))
        self._start_round(new)
        return self._reply(saying.say(Step.PASS_FLOOR, **self._both(new)), new)

    def _repair(self, step: Step, *, hurt: bool) -> Callable[[Utterance], FlowReply]:
        """A handler that moves the repair on to `step`, addressed to the hurt partner or not."""

        def handle(said: Utterance) -> FlowReply:
            hurt_one = self._hurt or 0
            to = hurt_one if hurt else 1 - hurt_one
            self._awaiting = _Awaiting(step.value)
            heard = None if hurt else said.text  # the hurt partner's words are reflected
            saying = self._acknowledge(1 - to, heard).say(step, **self._both(to))
            return self._reply(saying, to)

        return handle

    def _on_repair_respond(self, said: Utterance) -> FlowReply:
        """After the apology or answer, the hurt partner is asked how it landed."""
        hurt_one = self._hurt or 0
        self._awaiting = _Awaiting.APOLOGY_LANDED
        saying = self._acknowledge(1 - hurt_one).say(Step.APOLOGY_LANDED, **self._both(hurt_one))
        return self._reply(saying, hurt_one)

    def _on_apology_landed(self, said: Utterance) -> FlowReply:
        hurt_one = self._hurt or 0
        return self._ask_behaviours([1 - hurt_one, hurt_one], self._acknowledge(hurt_one))

    def _ask_behaviours(self, order: list[int], saying: Saying | None = None) -> FlowReply:
        self._behaviours = order
        self._awaiting = _Awaiting.BEHAVIOUR
        saying = (saying or Saying(self._picker)).say(Step.NEW_BEHAVIOUR, **self._both(order[0]))
        return self._reply(saying, order[0])

    def _on_behaviour(self, said: Utterance) -> FlowReply:
        who = self._behaviours.pop(0)
        action = commitment_text(said.text)
        new = [Commitment(who=self._names[who], text=action)] if action else []
        self._commitments.extend(new)
        self._commitments_said.extend(said.text for _ in new)
        if not self._behaviours:
            closing = self.close()
            return closing.model_copy(update={"commitments": new})
        nxt = self._behaviours[0]
        saying = self._acknowledge(who).say(Step.NEW_BEHAVIOUR, **self._both(nxt))
        return self._reply(saying, nxt).model_copy(update={"commitments": new})

    def _not_ready(self) -> FlowReply:
        self._awaiting = _Awaiting.DONE
        saying = Saying(self._picker).say(Step.NOT_READY, **self._both(0))
        return saying.reply(themes=self._tally.heard(), done=True)

    def _pause(self) -> FlowReply:
        self._awaiting = _Awaiting.DONE
        saying = Saying(self._picker).say(Step.PAUSE, **self._both(0))
        return saying.reply(themes=self._tally.heard(), done=True)
