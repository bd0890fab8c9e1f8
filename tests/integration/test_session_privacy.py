"""What a live session keeps: turns always, audio only when asked, nothing after a forget."""

import io
from pathlib import Path

import pytest

from assistant.adapters.microphone import WavMicrophone
from assistant.adapters.silero import SileroVoiceActivity
from assistant.adapters.voice import Pyttsx3Synthesizer
from assistant.adapters.whisper import WhisperTranscriber
from assistant.audio import SAMPLE_RATE_HZ, AudioClip
from assistant.captions import Captions
from assistant.flows.evening import EveningFlow
from assistant.journal import Journal
from assistant.listen import Listener
from assistant.prompts import load_library
from assistant.session import Session
from tests.support_speech import spoken_turns

pytestmark = [pytest.mark.model, pytest.mark.voice]


def _session(
    journal: Journal, audio: AudioClip, whisper: WhisperTranscriber, keep_audio: bool
) -> Session:
    listener = Listener(WavMicrophone([audio]), SileroVoiceActivity(), whisper)
    flow = EveningFlow(load_library(), open_commitments=[], recent_prompt_ids=set())
    return Session(
        flow=flow,
        source=listener,
        captions=Captions(io.StringIO()),
        journal=journal,
        keep_audio=keep_audio,
    )


def _files(home: Path) -> list[Path]:
    return sorted(p for p in home.rglob("*") if p.is_file())


def test_audio_is_never_written_unless_asked(
    attune_home: Path, whisper: WhisperTranscriber, voice: Pyttsx3Synthesizer
) -> None:
    with Journal.open() as journal:
        _session(
            journal, spoken_turns(voice, "My sister called and I felt left out."), whisper, False
        ).run()
        assert journal.all_sessions()[0].turns
    assert not [p for p in _files(attune_home) if p.suffix == ".wav"]


def test_kept_audio_is_private_and_forgotten_with_its_session(
    attune_home: Path, whisper: WhisperTranscriber, voice: Pyttsx3Synthesizer
) -> None:
    with Journal.open() as journal:
        _session(
            journal, spoken_turns(voice, "My sister called and I felt left out."), whisper, True
        ).run()
        wavs = [p for p in _files(attune_home) if p.suffix == ".wav"]
        assert len(wavs) == 1 and wavs[0].stat().st_mode & 0o777 == 0o600
        assert wavs[0].stat().st_size > SAMPLE_RATE_HZ
        journal.forget_last()
    assert not [p for p in _files(attune_home) if p.suffix == ".wav"]


def test_saying_forget_this_session_erases_it_from_the_journal_file(
    attune_home: Path, whisper: WhisperTranscriber, voice: Pyttsx3Synthesizer
) -> None:
    audio = spoken_turns(voice, "My sister laughed at my painting.", "Please forget this session.")
    with Journal.open() as journal:
        session = _session(journal, audio, whisper, True)
        session.run()
        heard = session.captions.stream.getvalue()  # type: ignore[attr-defined]
        assert journal.all_sessions() == [], heard
    assert "painting" in heard, "the unique word was heard, so its absence below means something"
    assert "deleted this session" in session.last_spoken
    for path in _files(attune_home):
        assert b"painting" not in path.read_bytes(), path
