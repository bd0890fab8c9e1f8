"""Recorded turns replayed to the Listener at a microphone's pace where it matters (bench)."""

import time
from collections.abc import Iterator

import numpy as np

from assistant.audio import SAMPLE_RATE_HZ, AudioClip

QUIET = 0.01
FRAME_S = 512 / SAMPLE_RATE_HZ


class PacedReplay:
    """Recorded turns replayed as fast as they are read, except the silence after speech,
    which comes at the pace a microphone sends it (32 ms a frame) until the turn ends — so
    what a session starts at a speculation has the time it has in a live session."""

    def __init__(self, turns: AudioClip) -> None:
        from assistant.adapters.microphone import WavMicrophone

        self._replay = WavMicrophone([turns])
        self._after_speech = False

    def frames(self) -> Iterator[np.ndarray]:
        due: float | None = None
        for frame in self._replay.frames():
            if float(np.max(np.abs(frame))) > QUIET:
                self._after_speech, due = True, None
            elif self._after_speech:
                now = time.perf_counter()
                due = max(due or now, now - FRAME_S) + FRAME_S
                time.sleep(max(0.0, due - now))
            yield frame

    def turn_ended(self) -> None:
        self._after_speech = False

    def discard_pending(self) -> None:
        """Nothing is captured in the background during replay."""
