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
SYNTH_ATTEMPTS = 3
PREFERRED_VOICE = "gmw/en-us"
"""espeak-ng's American English: understood best (by people and by Whisper) of its voices."""


class Pyttsx3Synthesizer:
    """Render text to audio with the system voice, at the settings' rate, volume and voice."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._engine = _init_engine()
        self.rate_wpm = settings.speech_rate_wpm
        self._voice_id = self._chosen_voice(settings)
        self._folder = Path(tempfile.mkdtemp(prefix="attune-voice-"))
        self._count = itertools.count()
        weakref.finalize(self, shutil.rmtree, self._folder, True)

    def _chosen_voice(self, settings: Settings) -> str | None:
        """The voice id to speak with; an unknown voice name is a clear error."""
        if settings.voice:
            return _find_voice(self._engine, settings.voice)
        return PREFERRED_VOICE if _has_voice(self._engine, PREFERRED_VOICE) else None

    def _apply(self) -> None:
        """Set this synthesizer's voice, rate and volume: pyttsx3 shares one engine per process."""
        if self._voice_id is not None:
            self._engine.setProperty("voice", self._voice_id)
        self._engine.setProperty("rate", self.rate_wpm)
        self._engine.setProperty("volume", self.settings.volume)

    def synthesize(self, text: str) -> AudioClip:
        """Speak the text into memory; empty text gives an empty clip."""
        if not text.strip():
            return AudioClip(np.zeros(0, dtype=np.float32))
        for _attempt in range(SYNTH_ATTEMPTS):
            target = self._folder / f"reply-{next(self._count)}.wav"
            with _ENGINE_LOCK, contextlib.redirect_stdout(io.StringIO()):
                _wait_until_idle()
                self._apply()
                self._engine.save_to_file(self._with_settings(text), str(target))
                self._engine.runAndWait()
                written = _wait_for_wav(target)  # the driver prints when done: keep it quiet
            if written is not None:
                try:
                    return read_wav(written)
                finally:
                    written.unlink(missing_ok=True)
        raise VoiceError("The voice produced no sound. Run 'attune doctor' to check it.")

    def _with_settings(self, text: str) -> str:
        """For espeak-ng, the rate and volume as embedded commands at the start of the text.

        pyttsx3 2.99 hands espeak's rate and volume over through a queue that races the
        synthesis, so a change ("slower") is often heard only lines later or never; commands
        inside the text itself apply to exactly that text.
        """
        if type(self._engine.proxy._driver).__name__ != "EspeakDriver":
            return text
        amplitude = round(self.settings.volume * 100)
        return f"\x01{self.rate_wpm}S\x01{amplitude}A{text}"

    def voices(self) -> list[tuple[str, str]]:
        """(id, name) of every installed voice."""
        return [(v.id, v.name) for v in self._engine.getProperty("voices")]


def _wait_for_wav(target: Path, timeout_s: float = 2.0) -> Path | None:
    """The finished WAV, or None if none came.

    pyttsx3 2.99's espeak driver synthesizes asynchronously: runAndWait returns before the file
    is written, and its stop() can cancel a synthesis that is still finishing. So wait for a
    complete file (its size steady), in a folder kept for the synthesizer's lifetime.
    """
    deadline = time.monotonic() + timeout_s
    last_size = -1
    while time.monotonic() < deadline:
        size = target.stat().st_size if target.exists() else 0
        if size > WAV_HEADER_BYTES and size == last_size:
            return target
        last_size = size
        time.sleep(0.01)
    return None


def _wait_until_idle(timeout_s: float = 2.0) -> None:
    """Let espeak finish any earlier synthesis, so the driver does not cancel the next one."""
    try:
        from pyttsx3.drivers import _espeak
    except (ImportError, OSError):
        return  # another platform's driver: nothing to wait for
    deadline = time.monotonic() + timeout_s
    while _espeak.IsPlaying() and time.monotonic() < deadline:
        time.sleep(0.005)


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
