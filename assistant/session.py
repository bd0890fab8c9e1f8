"""The session runner: turns from a source, through the safety gate, themes and a flow, out loud.

It only composes ports; the CLI builds the real parts. Every finished turn is written to the
journal before attune answers, so Ctrl-C or a crash loses at most the turn being spoken.
"""

import contextlib
import copy
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from assistant import safety
from assistant.captions import Captions
from assistant.errors import AttuneError, DeviceError, JournalError, JournalLockedError
from assistant.flows.base import Flow, FlowReply, Utterance
from assistant.ports import Speaker, UtteranceSource
from assistant.safety import SafetyCheck, SafetyLevel
from assistant.session_safety import SafetyTurns
from assistant.themes import Theme, ThemeReading, ThemeScore, classify
from assistant.voice_commands import Command, match_command, yes_or_no

if TYPE_CHECKING:
    from assistant.audio import AudioClip
    from assistant.journal import Journal
    from assistant.prompts import PromptLibrary


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
    read_back: bool = False
    keep_audio: bool = False
    classify: Callable[[str], ThemeReading] = classify
    check: Callable[[str], SafetyCheck] = safety.check
    # running state
    session_id: int | None = None
    turns: int = 0
    last_spoken: str = ""
    last_question: str = ""
    expected_speaker: str | None = None
    safety_turns: SafetyTurns = field(default_factory=SafetyTurns)
    paused: bool = False
    _unsaved: list[tuple[Callable[[], int], "AudioClip | None"]] = field(default_factory=list)
    _save_error: JournalError | None = None

    def run(self) -> int:
        """Hold the whole conversation; returns the number of turns heard."""
        if self.journal is not None:
            try:
                self.session_id = self.journal.start_session(self.mode, self.names)
            except JournalError as exc:
                self._speak_only(str(exc))  # printed by the command; said for those who can't see
                raise
        try:
            self._say_reply(self.flow.opening())
            self._loop()
        finally:
            self._end()
        return self.turns

    def _loop(self) -> None:
        """Listen and answer until the flow is done, input ends or max_turns is reached."""
        while self.max_turns is None or self.turns < self.max_turns:
            said = self._next_utterance()
            if said is None:
                break
            self.turns += 1
            if self.expected_speaker and said.speaker is None:
                said = said.model_copy(update={"speaker": self.expected_speaker})
            self.captions.heard(said.speaker, said.text)
            going_on = self._obey(said)
            if going_on is None and not self.paused:
                going_on = self._take_turn(said)
                if going_on is None:
                    break
            if going_on is False:
                return
        if not self.safety_turns.closes_instead(self):
            self._say_reply(self.flow.close())

    def _take_turn(self, said: Utterance) -> bool | None:
        """Answer one turn, read back first when asked; None when input ended meanwhile."""
        if self.read_back:
            confirmed = self._read_back(said)
            if confirmed is None:
                return None
            said = confirmed
        return self._answer(said)

    def _next_utterance(self) -> Utterance | None:
        """The next turn; a microphone that goes away is said out loud, then ends the session
        (everything said so far is already in the journal)."""
        try:
            return self.source.next_utterance()
        except DeviceError as exc:
            self.say(str(exc))
            raise

    def _obey(self, said: Utterance) -> bool | None:
        """Act on a spoken command; None when the turn is not one, else whether to go on."""
        command = match_command(said.text)
        if command is None or (command is Command.RESUME and not self.paused):
            return None
        if command is Command.STOP:
            if not self.safety_turns.closes_instead(self):
                self._say_reply(self.flow.close())
            return False
        if command is Command.FORGET:
            return self._forget_this_session()
        if command is Command.REPEAT:
            self.say(self.last_spoken)
            return True
        if command is Command.SKIP and not self.paused:
            self._say_reply(self.flow.respond(said.model_copy(update={"text": ""}), SKIPPED))
            return True
        self.paused = command is Command.PAUSE or (self.paused and command is not Command.RESUME)
        if command in (Command.SLOWER, Command.FASTER) and self.speaker is not None:
            self.speaker.adjust_rate(RATE_STEP_WPM if command is Command.FASTER else -RATE_STEP_WPM)
        self.say(_ACKNOWLEDGE.get(command, "") + (self.last_question if command in _REASK else ""))
        return True

    def _read_back(self, said: Utterance) -> Utterance | None:
        """Say what was heard and ask; a no asks again, any other answer is the correction."""
        for _attempt in range(MAX_READ_BACKS):
            self.say(f"I heard: {said.text}. Is that right?")
            answer = self._next_utterance()
            if answer is None:
                return None
            self.captions.heard(said.speaker, answer.text)
            verdict = yes_or_no(answer.text)
            if verdict is True:
                return said
            if verdict is False:
                self.say("Sorry I missed it. Please say it again, or type it and press Enter.")
                answer = self._next_utterance()
                if answer is None:
                    return None
                self.captions.heard(said.speaker, answer.text)
            said = said.model_copy(update={"text": answer.text})
        return said

    def _forget_this_session(self) -> bool:
        """Delete everything of this session from the journal, say so, and end."""
        if self.journal is not None and self.session_id is not None:
            self.journal.forget(self.session_id)
            self.session_id = None
        self.say("I've deleted this session. Nothing from it is kept. Goodbye for now.")
        return False

    def _answer(self, said: Utterance) -> bool:
        """Answer one turn; False when the conversation is over."""
        check = self.check(said.text)
        handled = self.safety_turns.answer(self, said, check)
        if handled is not None:
            return handled
        reading = self.classify(said.text)
        answer = self.flow.respond(said, reading)
        self._record(said, reading, check, answer.text, answer.prompt_ids, answer.step)
        self._save_side_effects(answer)
        self._say_reply(answer)
        return not answer.done

    def prepare_reply(self, text: str) -> None:
        """While the person's silence runs on, work out the reply to the words heard so far on
        a copy of the flow and have the voice render it, so an unchanged turn is answered at
        once. Nothing of the session changes; commands, read-back and safety turns are left
        to the turn itself."""
        if self.speaker is None or self.paused or self.read_back or match_command(text):
            return
        if not self.safety_turns.idle:
            return
        check = self.check(text)
        if check.level is not SafetyLevel.CLEAR:
            return
        said = Utterance(text=text, speaker=self.expected_speaker)
        reply = copy.deepcopy(self.flow).respond(said, self.classify(text))
        self.speaker.prepare(reply.text)

    def record_turn(self, said: Utterance, check: SafetyCheck, reply: str, step: str) -> None:
        """Record a turn answered by the safety care rather than the flow."""
        self._record(said, None, check, reply, [], step)

    def back_to_flow(
        self, said: Utterance, check: SafetyCheck, care: str, topic: Utterance | None
    ) -> bool:
        """After a safety answer, go back to the conversation: the flow answers `topic`, or its
        last question is asked again."""
        if topic is None:
            reply = " ".join(part for part in (care, AFTER_SAFE, self.last_question) if part)
            self.record_turn(said, check, reply, "safety_back")
            self.say(reply)
            return True
        reading = self.classify(topic.text)
        answer = self.flow.respond(topic, reading)
        reply = f"{care} {answer.text}"
        self._record(said, reading, check, reply, answer.prompt_ids, answer.step)
        self._save_side_effects(answer)
        self._say_reply(answer.model_copy(update={"lines": [care, *answer.lines]}))
        return not answer.done

    def _record(
        self,
        said: Utterance,
        reading: ThemeReading | None,
        check: SafetyCheck,
        reply: str,
        prompt_ids: list[str],
        step: str,
    ) -> None:
        """Commit the finished turn at once (and its audio, only when asked to keep it).

        If the journal is locked by another program, the turn waits in memory and is written,
        in order, as soon as the journal is free again (at the latest when the session ends).
        """
        if self.journal is None or self.session_id is None:
            return
        write = partial(
            self.journal.add_turn,
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
        clip = getattr(self.source, "last_clip", None) if self.keep_audio else None
        self._unsaved.append((write, clip))
        self._save_waiting_turns()

    def _save_waiting_turns(self) -> bool:
        """Write the turns waiting for the journal, oldest first; False if it is still locked."""
        while self._unsaved and self.journal is not None and self.session_id is not None:
            write, clip = self._unsaved[0]
            try:
                turn_id = write()
            except JournalError as exc:
                if self._save_error is None:  # said once, not at every turn
                    self.captions.note(
                        f"{exc} What is said is kept here and saved as soon as the journal can "
                        "be written again."
                    )
                self._save_error = exc
                return False
            self._unsaved.pop(0)
            if clip is not None:
                self.journal.keep_audio(self.session_id, turn_id, clip)
        return True

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
        self.last_question = reply.lines[-1] if reply.lines else ""
        self.say(reply.text)

    def _speak_only(self, text: str) -> None:
        """Say a line without a caption (the command prints it); a failing voice stays quiet."""
        if self.speaker is not None:
            with contextlib.suppress(AttuneError):
                self.speaker.say(text)

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
        """Save any waiting turns, then close the journal entry (nothing after a forget)."""
        if self.journal is None or self.session_id is None:
            return
        deadline = time.monotonic() + FINAL_SAVE_WAIT_S
        while not self._save_waiting_turns() and time.monotonic() < deadline:
            if not isinstance(self._save_error, JournalLockedError):
                break  # a full or read-only disk does not free itself in seconds
            time.sleep(0.5)
        if self._unsaved:
            raise JournalError(
                f"{len(self._unsaved)} turn(s) could not be saved: {self._save_error}"
            )
        self.journal.end_session(self.session_id, self.last_spoken)


RATE_STEP_WPM = 30
FINAL_SAVE_WAIT_S = 15.0
"""How long the end of a session waits for a locked journal to save the last turns."""
MAX_READ_BACKS = 3
SKIPPED = ThemeReading(
    text="", top=Theme.NEUTRAL, themes=[ThemeScore(theme=Theme.NEUTRAL, score=1.0)]
)
_ACKNOWLEDGE = {
    Command.SLOWER: "I'll speak more slowly. ",
    Command.FASTER: "I'll speak a little faster. ",
    Command.PAUSE: "Of course. I'll wait here. Say resume when you're ready.",
    Command.RESUME: "Welcome back. ",
    Command.SKIP: "",
}
_REASK = {Command.SLOWER, Command.FASTER, Command.RESUME}
"""Commands after which attune says its last question again."""

AFTER_SAFE = "Let's go back to what you were saying."

NOTHING_HEARD = (
    "I didn't hear any words in that recording. Whenever you're ready, "
    "what's sitting with you right now?"
)


def answer_once(
    text: str,
    region: str = "US",
    extra_resources: Sequence[str] = (),
    library: "PromptLibrary | None" = None,
    check: Callable[[str], SafetyCheck] = safety.check,
    classify: Callable[[str], ThemeReading] = classify,
    seed: int | None = None,
) -> tuple[ThemeReading, SafetyCheck, str]:
    """One turn without a session: the gate, the themes and the reply attune would give
    (`seed` fixes which prompt variant is chosen)."""
    from assistant.flows.evening import EveningFlow
    from assistant.prompts import load_library

    verdict = check(text)
    reading = classify(text)
    if not text.strip():
        return reading, verdict, NOTHING_HEARD
    if verdict.crisis:
        return reading, verdict, safety.crisis_reply(verdict, region, extra_resources)
    flow = EveningFlow(
        library or load_library(), open_commitments=[], recent_prompt_ids=set(), seed=seed
    )
    flow.opening()
    return reading, verdict, flow.respond(Utterance(text=text), reading).text
