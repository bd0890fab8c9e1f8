"""pyttsx3 (espeak-ng on Linux) behind the Synthesizer port, played with sounddevice."""

import contextlib
import io
import itertools
import shutil
import tempfile
import threading
import time
import weakref
from pathlib import Path
from typing import Any

import numpy as np

from assistant.audio import AudioClip, read_wav
from assistant.config import Settings
from assistant.errors import VoiceError

_ENGINE_LOCK = threading.Lock()
WAV_HEADER_BYTES = 44
PREFERRED_VOICE = "gmw/en-us"
"""espeak-ng's American English: understood best (by people and by Whisper) of its voices."""


class Pyttsx3Synthesizer:
    """Render text to audio with the system voice, at the settings' rate, volume and voice."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._engine = _init_engine()
        self.rate_wpm = settings.speech_rate_wpm
        self._configure(settings)
        self._folder = Path(tempfile.mkdtemp(prefix="attune-voice-"))
        self._count = itertools.count()
        weakref.finalize(self, shutil.rmtree, self._folder, True)

    def _configure(self, settings: Settings) -> None:
        """Apply volume and voice; an unknown voice name is a clear error."""
        self._engine.setProperty("volume", settings.volume)
        if settings.voice:
            self._engine.setProperty("voice", _find_voice(self._engine, settings.voice))
        elif _has_voice(self._engine, PREFERRED_VOICE):
            self._engine.setProperty("voice", PREFERRED_VOICE)

    def synthesize(self, text: str) -> AudioClip:
        """Speak the text into memory; empty text gives an empty clip."""
        if not text.strip():
            return AudioClip(np.zeros(0, dtype=np.float32))
        target = self._folder / f"reply-{next(self._count)}.wav"
        with _ENGINE_LOCK:
            self._engine.setProperty("rate", self.rate_wpm)
            with contextlib.redirect_stdout(io.StringIO()):
                self._engine.save_to_file(text, str(target))
                self._engine.runAndWait()
                written = _wait_for_wav(target)  # the driver prints when done: keep it quiet
        try:
            return read_wav(written)
        finally:
            target.unlink(missing_ok=True)

    def voices(self) -> list[tuple[str, str]]:
        """(id, name) of every installed voice."""
        return [(v.id, v.name) for v in self._engine.getProperty("voices")]


def _wait_for_wav(target: Path, timeout_s: float = 5.0) -> Path:
    """espeak's driver may finish writing just after runAndWait returns: wait for the file.

    The file lives in a folder kept for the synthesizer's lifetime, so a late write never
    lands in a deleted folder.
    """
    deadline = time.monotonic() + timeout_s
    last_size = -1
    while time.monotonic() < deadline:
        size = target.stat().st_size if target.exists() else 0
        if size > WAV_HEADER_BYTES and size == last_size:
            return target
        last_size = size
        time.sleep(0.01)
    raise VoiceError("The voice produced no sound. Run 'attune doctor' to check it.")


def _init_engine() -> Any:
    """Start pyttsx3; a missing speech engine is a VoiceError with the fix."""
    try:
        import pyttsx3

        return pyttsx3.init()
    except (ImportError, RuntimeError, OSError) as exc:
        raise VoiceError(
            "No text-to-speech voice is available. Install espeak-ng "
            "('sudo apt-get install espeak-ng') or run 'make run', or use --no-speak."
        ) from exc


def _has_voice(engine: Any, voice_id: str) -> bool:
    return any(v.id == voice_id for v in engine.getProperty("voices"))


def _find_voice(engine: Any, wanted: str) -> str:
    """The id of the voice whose id or name matches `wanted` (case-insensitive)."""
    lowered = wanted.lower()
    for voice in engine.getProperty("voices"):
        if lowered in (voice.id.lower(), voice.name.lower()):
            return str(voice.id)
    for voice in engine.getProperty("voices"):
        if lowered in voice.id.lower() or lowered in voice.name.lower():
            return str(voice.id)
    raise VoiceError(f"No voice called '{wanted}'. Run 'attune devices' to list the voices.")
