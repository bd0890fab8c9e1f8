"""The session runner: turns from a source, through the safety gate, themes and a flow, out loud.

It only composes ports; the CLI builds the real parts. Every finished turn is written to the
journal before attune answers, so Ctrl-C or a crash loses at most the turn being spoken.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant import safety
from assistant.captions import Captions
from assistant.errors import DeviceError
from assistant.flows.base import Flow, FlowReply, Utterance
from assistant.ports import Speaker, UtteranceSource
from assistant.safety import SafetyCheck
from assistant.themes import ThemeReading, classify

if TYPE_CHECKING:
    from assistant.journal import Journal


@dataclass
class Session:
    """One conversation's parts and running state."""

    flow: Flow
    source: UtteranceSource
    captions: Captions
    speaker: Speaker | None = None
    journal: "Journal | None" = None
    mode: str = "evening"
    names: list[str] = field(default_factory=list)
    max_turns: int | None = None
    region: str = "US"
    extra_resources: list[str] = field(default_factory=list)
    classify: Callable[[str], ThemeReading] = classify
    check: Callable[[str], SafetyCheck] = safety.check
    session_id: int | None = None
    turns: int = 0
    last_spoken: str = ""
    expected_speaker: str | None = None
    crisis_heard: SafetyCheck | None = None

    def run(self) -> int:
        """Hold the whole conversation; returns the number of turns heard."""
        if self.journal is not None:
            self.session_id = self.journal.start_session(self.mode, self.names)
        try:
            self._say_reply(self.flow.opening())
            self._loop()
        finally:
            self._end()
        return self.turns

    def _loop(self) -> None:
        """Listen and answer until the flow is done, input ends or max_turns is reached."""
        while self.max_turns is None or self.turns < self.max_turns:
            said = self.source.next_utterance()
            if said is None:
                break
            self.turns += 1
            if self.expected_speaker and said.speaker is None:
                said = said.model_copy(update={"speaker": self.expected_speaker})
            self.captions.heard(said.speaker, said.text)
            if not self._answer(said):
                return
        self._say_reply(self.flow.close())

    def _answer(self, said: Utterance) -> bool:
        """Answer one turn; False when the conversation is over."""
        check = self.check(said.text)
        if check.crisis:
            return self._answer_crisis(said, check)
        if self.crisis_heard is not None:
            self._record(said, None, check, AFTER_CRISIS, [], "safety")
            self.say(AFTER_CRISIS)
            return False
        reading = self.classify(said.text)
        answer = self.flow.respond(said, reading)
        self._record(said, reading, check, answer.text, answer.prompt_ids, answer.step)
        self._save_side_effects(answer)
        self._say_reply(answer)
        return not answer.done

    def _answer_crisis(self, said: Utterance, check: SafetyCheck) -> bool:
        """Stop the exercise and answer with care; couples mode ends joint work at once."""
        couples = self.mode == "couple"
        reply = safety.crisis_reply(check, self.region, self.extra_resources, couples=couples)
        if couples and safety.ends_joint_work(check):
            reply = f"{reply} {safety.individual_support_note(check.kind)}"
        self._record(said, None, check, reply, [], "safety")
        self.say(reply)
        for line in safety.resource_card(check, self.region, self.extra_resources):
            self.captions.note(line)
        self.crisis_heard = check
        return not couples

    def _record(
        self,
        said: Utterance,
        reading: ThemeReading | None,
        check: SafetyCheck,
        reply: str,
        prompt_ids: list[str],
        step: str,
    ) -> None:
        """Commit the finished turn at once."""
        if self.journal is None or self.session_id is None:
            return
        self.journal.add_turn(
            self.session_id,
            speaker=said.speaker,
            transcript=said.text,
            reading=reading,
            safety=check,
            reply=reply,
            prompt_ids=prompt_ids,
            step=step,
            duration_s=said.duration_s,
        )

    def _save_side_effects(self, answer: FlowReply) -> None:
        """Commitments and follow-ups the flow produced."""
        if self.journal is None or self.session_id is None:
            return
        for commitment in answer.commitments:
            self.journal.add_commitment(self.session_id, commitment.who, commitment.text)
        for follow_up in answer.follow_ups:
            self.journal.record_follow_up(self.session_id, follow_up)

    def _say_reply(self, reply: FlowReply) -> None:
        self.expected_speaker = reply.next_speaker
        self.say(reply.text)

    def say(self, text: str) -> None:
        """Caption and speak one line, ignoring the microphone meanwhile."""
        if not text:
            return
        self.last_spoken = text
        self.captions.said(text)
        if self.speaker is None:
            return
        try:
            with self.source.speaking():
                self.speaker.say(text)
        except DeviceError as exc:
            self.speaker = None
            self.captions.note(f"{exc} Continuing with captions only.")

    def _end(self) -> None:
        if self.journal is not None and self.session_id is not None:
            self.journal.end_session(self.session_id, self.last_spoken)


AFTER_CRISIS = (
    "Thank you for answering me. I'm going to stop the exercise here for tonight. The numbers "
    "I gave are on the screen, and the people there are ready to listen, day and night."
)

NOTHING_HEARD = (
    "I didn't hear any words in that recording. Whenever you're ready, "
    "what's sitting with you right now?"
)


def answer_once(
    text: str, region: str = "US", extra_resources: Sequence[str] = ()
) -> tuple[ThemeReading, SafetyCheck, str]:
    """One turn without a session: the gate, the themes and the reply attune would give."""
    from assistant.flows.evening import EveningFlow
    from assistant.prompts import load_library

    check = safety.check(text)
    reading = classify(text)
    if not text.strip():
        return reading, check, NOTHING_HEARD
    if check.crisis:
        return reading, check, safety.crisis_reply(check, region, extra_resources)
    flow = EveningFlow(load_library(), open_commitments=[], recent_prompt_ids=set())
    flow.opening()
    return reading, check, flow.respond(Utterance(text=text), reading).text
