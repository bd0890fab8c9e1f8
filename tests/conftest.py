"""Shared fixtures: every test writes into its own ATTUNE_HOME."""

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from assistant.adapters.voice import Pyttsx3Synthesizer
    from assistant.adapters.whisper import WhisperTranscriber

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(autouse=True)
def attune_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point ATTUNE_HOME at a fresh temporary folder for each test."""
    home = tmp_path / "attune-home"
    monkeypatch.setenv("ATTUNE_HOME", str(home))
    yield home


@pytest.fixture(scope="session")
def whisper() -> "WhisperTranscriber":
    """The real bundled tiny.en, loaded once for the whole run (beam 1, as live)."""
    from assistant.adapters.whisper import WhisperTranscriber
    from assistant.config import Settings

    return WhisperTranscriber(Settings())


@pytest.fixture(scope="session")
def voice() -> "Pyttsx3Synthesizer":
    """The real pyttsx3/espeak-ng voice at 150 words per minute."""
    from assistant.adapters.voice import Pyttsx3Synthesizer
    from assistant.config import Settings

    return Pyttsx3Synthesizer(Settings(speech_rate_wpm=150))
