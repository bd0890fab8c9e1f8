"""Usable without keyboard, screen, hearing or clear speech (issue 8), with the real parts."""

import io
from pathlib import Path

import pytest

from assistant.adapters.microphone import WavMicrophone
from assistant.adapters.silero import SileroVoiceActivity
from assistant.adapters.voice import Pyttsx3Synthesizer
from assistant.adapters.whisper import WhisperTranscriber
from assistant.captions import Captions
from assistant.endpoint import config_for
from assistant.flows.evening import EveningFlow
from assistant.journal import Journal
from assistant.listen import Listener
from assistant.prompts import load_library
from assistant.session import Session
from tests.support import attune
from tests.support_speech import spoken_turns


class SpokenLines:
    """A speaker that keeps what attune says (the session is heard, not played, here)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.rate_wpm = 145

    def say(self, text: str) -> None:
        self.lines.append(text)

    def prepare(self, text: str) -> None:
        pass  # lines are kept as said, never rendered

    def adjust_rate(self, delta_wpm: int) -> int:
        self.rate_wpm += delta_wpm
        return self.rate_wpm


@pytest.mark.model
@pytest.mark.voice
def test_a_whole_evening_by_voice_alone_with_spoken_commands(
    attune_home: Path, voice: Pyttsx3Synthesizer, whisper: WhisperTranscriber
) -> None:
    audio = spoken_turns(
        voice,
        "I felt so lonely at dinner tonight, like we were strangers.",
        "Could you repeat that, please?",
        "Please speak more slowly.",
        "Goodbye for now.",
        gap_s=2.5,
    )
    listener = Listener(WavMicrophone([audio]), SileroVoiceActivity(), whisper)
    spoken = SpokenLines()
    out = io.StringIO()
    with Journal.open() as journal:
        session = Session(
            flow=EveningFlow(load_library(), open_commitments=[], recent_prompt_ids=set()),
            source=listener, captions=Captions(out), speaker=spoken, journal=journal,
        )  # fmt: skip
        session.run()
        (record,) = journal.all_sessions()
    assert out.getvalue().count("\nyou: ") == 4, out.getvalue()
    reply = spoken.lines[1]
    assert "lonely" in reply.lower() or "strangers" in reply.lower()
    assert spoken.lines[2] == reply, "'repeat that' says the last line again"
    assert spoken.lines[3].startswith("I'll speak more slowly.") and spoken.rate_wpm == 115
    assert len(spoken.lines) == 5 and spoken.lines[4] != reply, "goodbye closes with a summary"
    assert record.turns[0].transcript.lower().startswith("i felt so lonely")
    assert len(record.turns) == 1, "commands are not journal turns"


@pytest.mark.model
@pytest.mark.voice
def test_unhurried_listening_waits_through_long_pauses(
    voice: Pyttsx3Synthesizer, whisper: WhisperTranscriber
) -> None:
    audio = spoken_turns(voice, "I keep thinking", "about the way", "he looked at me.", gap_s=8.0)
    heard = []
    listener = Listener(
        WavMicrophone([audio]), SileroVoiceActivity(), whisper, config_for("unhurried"),
    )  # fmt: skip
    while (said := listener.next_utterance()) is not None:
        heard.append(said.text)
    assert len(heard) == 1, heard
    assert "he looked at me" in heard[0].lower()


def test_read_back_asks_before_answering_and_takes_a_typed_correction() -> None:
    run = attune(
        "evening", "--text", "--no-voice", "--read-back",
        stdin="I feel alone\nno\nI feel so alone at home\nyes\n",
    )  # fmt: skip
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[2] == "attune: I heard: I feel alone. Is that right?"
    assert "say it again, or type it" in lines[4]
    assert lines[6] == "attune: I heard: I feel so alone at home. Is that right?"
    assert "alone at home" in lines[8], "the corrected words are the ones reflected"


@pytest.mark.parametrize("style", ["plain", "large", "off"])
def test_output_to_a_pipe_has_no_escape_codes_in_any_caption_style(style: str) -> None:
    run = attune("evening", "--text", "--no-voice", "--captions", style, stdin="I'm tired.\n")
    assert run.code == 0, run.err
    assert "\x1b" not in run.out and "\r" not in run.out
    if style == "large":
        assert "ATTUNE:" in run.out and "YOU:" in run.out
    if style == "off":
        assert "tired" not in run.out


def test_a_missing_model_in_a_voice_session_is_one_clear_line(tmp_path: Path) -> None:
    run = attune("evening", "--no-voice", "--model", str(tmp_path / "gone"))
    assert run.code != 0 and "Traceback" not in run.err
    assert "No Whisper model folder" in run.err
