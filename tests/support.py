"""Helpers for tests that use the real parts: the attune command, the voice, audio files."""

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from assistant.audio import AudioClip, write_wav
from assistant.config import Settings

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Run:
    """What a person sees after running a command."""

    code: int
    out: str
    err: str


def attune(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None, timeout_s: float = 300
) -> Run:
    """Run the real `attune` command line in a child process."""
    merged = {**os.environ, **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        cwd=REPO,
        env=merged,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def speak_to_wav(text: str, path: Path, rate_wpm: int = 150, engine: str = "festival") -> AudioClip:
    """Say a sentence with a real voice (Festival's HTS voice, clear enough that a test of
    what is heard is not a test of the voice; or pyttsx3/espeak-ng) into a WAV file."""
    from assistant.adapters.festival import FestivalSynthesizer
    from assistant.adapters.voice import Pyttsx3Synthesizer

    settings = Settings(speech_rate_wpm=rate_wpm)
    voice = FestivalSynthesizer(settings) if engine == "festival" else Pyttsx3Synthesizer(settings)
    clip = voice.synthesize(text)
    write_wav(path, clip)
    return clip


def encode(source: Path, target: Path, codec: str) -> Path:
    """Re-encode an audio file with PyAV (mp3, libopus/vorbis in ogg, flac…)."""
    import av

    with av.open(str(source)) as src, av.open(str(target), "w") as dst:
        stream = dst.add_stream(codec, rate=48000 if codec in ("libopus", "opus") else 44100)
        resampler = av.AudioResampler(format=stream.format.name, layout="stereo", rate=stream.rate)
        stream.layout = "stereo"
        for frame in src.decode(audio=0):
            frame.pts = None
            for out in resampler.resample(frame):
                dst.mux(stream.encode(out))
        for out in resampler.resample(None):
            dst.mux(stream.encode(out))
        dst.mux(stream.encode(None))
    return target
