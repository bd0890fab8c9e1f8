"""The session runner with hand-written fakes for the flow, input and voice (pure logic)."""

import contextlib
from collections.abc import Callable, Iterator
from io import StringIO

from assistant.captions import Captions
from assistant.errors import DeviceError
from assistant.flows.base import FlowReply, Utterance
from assistant.session import Session
from assistant.themes import ThemeReading


class ScriptedInput:
    def __init__(self, *lines: str) -> None:
        self.lines = list(lines)
        self.speaking_now = False

    def next_utterance(self) -> Utterance | None:
        return Utterance(text=self.lines.pop(0)) if self.lines else None

    @contextlib.contextmanager
    def speaking(self) -> Iterator[None]:
        self.speaking_now = True
        yield
        self.speaking_now = False


class EchoFlow:
    def __init__(self, done_after: int = 99) -> None:
        self.heard: list[str] = []
        self.done_after = done_after

    def opening(self) -> FlowReply:
        return FlowReply(lines=["Hello."], step="open", next_speaker="Sam")

    def respond(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        self.heard.append(f"{said.speaker}:{said.text}:{reading.top}")
        done = len(self.heard) >= self.done_after
        return FlowReply(lines=[f"Heard {len(self.heard)}."], step="reflect", done=done)

    def close(self) -> FlowReply:
        return FlowReply(lines=["Goodbye."], step="close", done=True)


class RecordingSpeaker:
    def __init__(self, source: ScriptedInput, fail: bool = False) -> None:
        self.spoken: list[tuple[str, bool]] = []
        self.prepared: list[str] = []
        self.source = source
        self.fail = fail

        self.rate_wpm = 150

    def prepare(self, text: str) -> None:
        self.prepared.append(text)

    def adjust_rate(self, delta_wpm: int) -> int:
        self.rate_wpm += delta_wpm
        return self.rate_wpm

    def say(self, text: str) -> None:
        if self.fail:
            raise DeviceError("The speaker went away.")
        self.spoken.append((text, self.source.speaking_now))


def _session(flow: EchoFlow, source: ScriptedInput, **kw: object) -> tuple[Session, StringIO]:
    out = StringIO()
    return Session(flow=flow, source=source, captions=Captions(out), **kw), out  # type: ignore[arg-type]


def test_every_turn_is_classified_answered_and_captioned_while_input_is_muted() -> None:
    source = ScriptedInput("I feel so alone lately.", "I'm furious with you.")
    flow = EchoFlow()
    speaker = RecordingSpeaker(source)
    session, out = _session(flow, source, speaker=speaker)
    assert session.run() == 2
    assert flow.heard[0].startswith("Sam:I feel so alone lately.:")
    assert [text for text, _ in speaker.spoken] == ["Hello.", "Heard 1.", "Heard 2.", "Goodbye."]
    assert all(muted for _, muted in speaker.spoken)
    assert out.getvalue().splitlines() == [
        "attune: Hello.",
        "Sam: I feel so alone lately.",
        "attune: Heard 1.",
        "you: I'm furious with you.",
        "attune: Heard 2.",
        "attune: Goodbye.",
    ]


def test_max_turns_ends_with_the_closing_summary() -> None:
    source = ScriptedInput("one", "two", "three")
    session, out = _session(EchoFlow(), source, max_turns=1)
    assert session.run() == 1
    assert out.getvalue().splitlines()[-1] == "attune: Goodbye."
    assert source.lines == ["two", "three"]


def test_a_finished_flow_is_not_closed_twice() -> None:
    session, out = _session(EchoFlow(done_after=1), ScriptedInput("one", "two"))
    assert session.run() == 1
    assert "Goodbye." not in out.getvalue()


def test_a_crisis_stops_the_exercise_gives_resources_and_then_stays_present() -> None:
    flow = EchoFlow()
    session, out = _session(flow, ScriptedInput("I want to kill myself.", "I'm home.", "more"))
    assert session.run() == 3
    text = out.getvalue()
    assert flow.heard == []
    assert "Are you safe right now?" in text and "[988" in text.replace("Lifeline: ", "[")
    assert "I'm here with you" in text and "safety plan" in text
    assert "stop the exercise" not in text


def test_in_couples_mode_a_disclosure_of_abuse_ends_joint_work_but_attune_stays() -> None:
    flow = EchoFlow()
    source = ScriptedInput("He grabbed my throat last week.", "We can keep going.")
    session, out = _session(flow, source, mode="couple")
    assert session.run() == 2
    text = out.getvalue()
    assert flow.heard == []  # no joint step after it, whoever says to go on
    assert "1-800-799-7233" in text and "support on your own" in text
    after = text.split("We can keep going.", 1)[1]
    assert "I'm here with you" in after and "safety plan" in after
    assert "Goodbye." not in after and "Take care of yourself" in after


def test_a_lost_speaker_falls_back_to_captions_and_keeps_going() -> None:
    source = ScriptedInput("I feel hopeful today.")
    session, out = _session(EchoFlow(), source, speaker=RecordingSpeaker(source, fail=True))
    assert session.run() == 1
    text = out.getvalue()
    assert "[The speaker went away. Continuing with captions only.]" in text
    assert "attune: Heard 1." in text


def test_spoken_commands_repeat_slow_down_pause_and_resume() -> None:
    source = ScriptedInput(
        "Repeat that, please.", "slower", "pause", "I'm thinking out loud here", "resume", "stop"
    )
    flow = EchoFlow()
    speaker = RecordingSpeaker(source)
    session, _ = _session(flow, source, speaker=speaker)
    session.run()
    spoken = [text for text, _ in speaker.spoken]
    assert spoken[:2] == ["Hello.", "Hello."]
    assert spoken[2] == "I'll speak more slowly. Hello." and speaker.rate_wpm == 120
    assert "I'll wait here" in spoken[3]
    assert spoken[4] == "Welcome back. Hello."
    assert spoken[-1] == "Goodbye."
    assert flow.heard == [], "commands and speech during a pause are not answered"


def test_resume_when_not_paused_is_ordinary_speech() -> None:
    flow = EchoFlow()
    session, _ = _session(flow, ScriptedInput("go on"))
    session.run()
    assert flow.heard and flow.heard[0].split(":")[1] == "go on"


class VanishingMicrophone(ScriptedInput):
    def next_utterance(self) -> Utterance | None:
        if not self.lines:
            raise DeviceError(
                "The microphone stopped sending sound; everything said so far is kept."
            )
        return super().next_utterance()


def test_a_microphone_that_goes_away_is_said_out_loud_and_ends_the_session() -> None:
    import pytest

    source = VanishingMicrophone("I feel a bit lighter tonight.")
    speaker = RecordingSpeaker(source)
    session, _ = _session(EchoFlow(), source, speaker=speaker)
    with pytest.raises(DeviceError):
        session.run()
    spoken = [text for text, _ in speaker.spoken]
    assert spoken[-1].startswith("The microphone stopped sending sound")
    assert session.turns == 1


class SpeculatingInput(ScriptedInput):
    """Input that, like the live listener, tells its listener the words before the turn ends."""

    def __init__(self, *lines: str) -> None:
        super().__init__(*lines)
        self.on_speculation: Callable[[str], None] | None = None

    def next_utterance(self) -> Utterance | None:
        if self.lines and self.on_speculation is not None:
            self.on_speculation(self.lines[0])
        return super().next_utterance()


def test_the_reply_is_prepared_from_the_words_so_far_without_changing_the_session() -> None:
    source = SpeculatingInput("I feel so alone lately.", "I'm furious with you.")
    flow = EchoFlow()
    speaker = RecordingSpeaker(source)
    session, _ = _session(flow, source, speaker=speaker)
    source.on_speculation = session.prepare_reply
    session.run()
    assert speaker.prepared == ["Heard 1.", "Heard 2."], "each reply is rendered ahead"
    assert [t for t, _ in speaker.spoken] == ["Hello.", "Heard 1.", "Heard 2.", "Goodbye."]
    assert len(flow.heard) == 2, "the flow itself answered each turn once"


def test_no_reply_is_prepared_for_a_crisis_a_command_or_during_a_pause() -> None:
    source = SpeculatingInput("I want to kill myself.", "stop")
    speaker = RecordingSpeaker(source)
    session, _ = _session(EchoFlow(), source, speaker=speaker)
    source.on_speculation = session.prepare_reply
    session.run()
    assert speaker.prepared == []
    session.paused = True
    session.prepare_reply("I feel calmer.")
    assert speaker.prepared == []
