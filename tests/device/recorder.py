"""Hearing what attune says: record the virtual sink's monitor, and play into the sink."""

import time

import numpy as np

from assistant.adapters.voice import Pyttsx3Synthesizer
from assistant.audio import AudioClip, resample


class Recorder:
    """Record the monitor (what the sink played) while a block runs."""

    def __init__(self) -> None:
        import sounddevice as sd

        self.rate = int(sd.query_devices(None, "input")["default_samplerate"])
        self.blocks: list[np.ndarray] = []
        self._stream = sd.InputStream(
            samplerate=self.rate, channels=1, dtype="float32",
            callback=lambda data, *_: self.blocks.append(data[:, 0].copy()),
        )  # fmt: skip

    def __enter__(self) -> "Recorder":
        self._stream.start()
        time.sleep(0.3)
        return self

    def __exit__(self, *_exc: object) -> None:
        time.sleep(0.5)
        self._stream.stop()
        self._stream.close()

    def clip(self) -> AudioClip:
        return AudioClip(resample(np.concatenate(self.blocks), self.rate))


def wait_for_quiet(
    recorder: Recorder, since: int, quiet_s: float = 1.0, timeout_s: float = 40.0
) -> None:
    """Block until attune has spoken since block `since` and the sink is then silent."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        heard = recorder.blocks[since:]
        if heard and float(np.abs(np.concatenate(heard)).max()) > 0.05:
            break
        time.sleep(0.1)
    while time.monotonic() < deadline:
        time.sleep(0.2)
        recent = recorder.blocks[-400:] or [np.zeros(1, dtype=np.float32)]
        tail = np.concatenate(recent)[-int(quiet_s * recorder.rate) :]
        if len(tail) >= quiet_s * recorder.rate * 0.9 and float(np.abs(tail).max()) < 0.01:
            return
    raise AssertionError("attune kept speaking")


def play(voice: Pyttsx3Synthesizer, text: str) -> None:
    """Say a sentence into the virtual sink, as a person would into the microphone."""
    from assistant.adapters.playback import play as play_clip

    play_clip(voice.synthesize(text))
