"""Listening while attune speaks: the watch that runs beside a reply and stops it for a person.

`BargeIn.watch` reads the microphone in a background thread for as long as attune speaks. Each
frame goes through the `EchoCanceller` (attune's own reply taken out) and the voice detector;
when the `BargeInDetector` hears a person, the speaker is interrupted, and the cleaned audio
from just before their first syllable to a short tail after the reply stopped is handed back,
so the listener's next turn starts with every word they said.
"""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from assistant.audio import FRAME_SAMPLES, Samples
from assistant.barge_in import BargeInConfig, BargeInDetector, EchoCanceller
from assistant.endpoint import FRAME_MS
from assistant.ports import Interruptible, Playback, VoiceActivity

TAIL_MS = 480
"""Cleaned audio kept after an interrupted reply stops, while its last echo dies away."""
EXTRA_PRE_ROLL_FRAMES = 6
"""Frames kept before the detected onset on top of the listener's pre-roll."""


@dataclass
class Heard:
    """What one watch found: the cleaned frames of a barge-in (empty when nobody spoke)."""

    frames: list[Samples] = field(default_factory=list)
    heard_at_s: float | None = None
    """time.perf_counter() when the barge-in was decided."""
    playback: Playback | None = None
    correlation: float = 0.0
    """How well the echo matched the reply when it was found (1.0: an exact copy)."""
    raw: list[Samples] = field(default_factory=list)
    """Every microphone frame the watch read, as heard (kept for measurements)."""
    detect_ms: float | None = None
    """Audio time from the first frame of the person's speech to the barge-in decision."""
    locked_at: int | None = None
    """Index in `raw` at which the echo of the reply was found (None: never)."""
    retracted: int = 0
    """Speech onsets that turned out to be attune's own voice, shifted."""
    decided_at: int | None = None
    """Index in `raw` (16 kHz samples) just after the frame on which the barge-in was decided."""

    @property
    def barged_in(self) -> bool:
        return self.heard_at_s is not None


@dataclass
class BargeIn:
    """Barge-in for one listener: the speaker to interrupt and the detector's settings."""

    speaker: Interruptible
    config: BargeInConfig = field(default_factory=BargeInConfig)
    pre_roll_frames: int = 15
    last: Heard | None = None
    """The most recent watch's result (for measurements)."""
    interruptions: list[Heard] = field(default_factory=list)
    """Every watch that heard a person, oldest first."""

    @contextmanager
    def watch(self, frames: Iterator[Samples], vad: VoiceActivity) -> Iterator[Heard]:
        """Watch the microphone while the block runs; the result is filled in at its end."""
        heard = Heard()
        done = threading.Event()
        worker = threading.Thread(
            target=self._run, args=(frames, vad, heard, done), daemon=True, name="attune-barge-in"
        )
        vad.reset()
        worker.start()
        try:
            yield heard
        finally:
            done.set()
            worker.join()
            self.last = heard
            if heard.barged_in:
                self.interruptions.append(heard)

    def _run(
        self, frames: Iterator[Samples], vad: VoiceActivity, heard: Heard, done: threading.Event
    ) -> None:
        """Read frames until the reply is over (plus the tail after an interruption)."""
        canceller: EchoCanceller | None = None
        detector = BargeInDetector(self.config)
        cleaned: list[Samples] = []
        tail = int(TAIL_MS / FRAME_MS)
        index = 0
        truncated = False
        for frame in frames:
            heard.raw.append(frame)
            playing = self.speaker.now_playing() if canceller is None else None
            if playing is not None:
                heard.playback = playing
                canceller = EchoCanceller(playing.samples, index, self.config)
            if canceller is not None:
                stopped = heard.playback.stopped_at if heard.playback else None
                if stopped is not None and not truncated:
                    canceller.truncate(stopped)  # no echo is predicted past the last sample
                    truncated = True
                pieces = canceller.push(frame, index)
                if pieces and heard.locked_at is None:
                    heard.locked_at = index + FRAME_SAMPLES
                for piece in pieces:
                    cleaned.append(piece.samples)
                    if detector.push(piece, vad.probability(piece.samples)):
                        if canceller.unexplained() < self.config.own_voice_ratio:
                            detector.retract()  # its own voice, shifted: not a person
                            heard.retracted += 1
                            continue
                        self.speaker.interrupt()
                        heard.heard_at_s = time.perf_counter()
                        heard.detect_ms = detector.run * FRAME_MS
                        heard.decided_at = index + FRAME_SAMPLES
                heard.correlation = canceller.correlation
            index += FRAME_SAMPLES
            if done.is_set():
                if not heard.barged_in or tail <= 0:
                    break
                tail -= 1
        if not heard.barged_in:
            heard.raw = []
        if detector.fired_at is not None:
            start = max(detector.fired_at - self.pre_roll_frames - EXTRA_PRE_ROLL_FRAMES, 0)
            heard.frames = cleaned[start:]
