"""A sounddevice speaker that can be stopped mid-reply and says what it is playing (barge-in)."""

import threading
import time
from collections.abc import Callable

import numpy as np

from assistant.adapters.playback import SoundDeviceSpeaker, speaker_failed
from assistant.adapters.portaudio import sounddevice
from assistant.audio import SAMPLE_RATE_HZ, AudioClip, resample
from assistant.ports import Playback, Synthesizer

CHUNK_S = 0.02
"""Audio written per blocking write: how often a stop request is looked at."""
OUTPUT_LATENCY = 0.1
"""Seconds of output buffer: with less, playback underruns on a busy core, and each gap moves
the echo that barge-in subtracts (its own voice was then taken for a person)."""


class InterruptibleSpeaker(SoundDeviceSpeaker):
    """A SoundDeviceSpeaker whose replies `interrupt()` stops within one chunk."""

    def __init__(
        self,
        synthesizer: Synthesizer,
        device: int | str | None = None,
        on_first_sample: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(synthesizer, device, on_first_sample)
        self._stop = threading.Event()
        self._playing: Playback | None = None
        self.interrupted: list[Playback] = []
        """Every reply that was stopped before its end, oldest first."""

    def now_playing(self) -> Playback | None:
        """The reply being played now (16 kHz), or None."""
        return self._playing

    def interrupt(self) -> None:
        """Ask the reply being played to stop; harmless when nothing plays."""
        self._stop.set()

    def play(self, clip: AudioClip) -> None:
        """Play one clip, stopping early when interrupted."""
        playback = Playback(resample(clip.samples, clip.sample_rate_hz))
        self._stop.clear()

        def started(latency_s: float) -> None:
            playback.output_latency_s = latency_s
            self._playing = playback
            if self.on_first_sample is not None:
                self.on_first_sample()

        try:
            sent = play_until_stopped(clip, self.device, started, self._stop)
        finally:
            self._playing = None
        if sent is not None:
            playback.stopped_at_s = time.perf_counter()
            playback.stopped_at = int(sent * SAMPLE_RATE_HZ / clip.sample_rate_hz)
            self.interrupted.append(playback)


def play_until_stopped(
    clip: AudioClip,
    device: int | str | None,
    on_started: Callable[[float], None],
    stop: threading.Event,
) -> int | None:
    """Play a clip in short blocking writes; when `stop` is set, drop what is queued at once.

    Returns the number of samples sent before the stop, or None when the clip played whole.
    `on_started` gets the output latency in seconds.
    """
    sd = sounddevice()
    samples = np.ascontiguousarray(clip.samples.reshape(-1, 1), dtype=np.float32)
    chunk = max(int(clip.sample_rate_hz * CHUNK_S), 1)
    try:
        with sd.OutputStream(
            samplerate=clip.sample_rate_hz,
            channels=1,
            dtype="float32",
            device=device,
            latency=OUTPUT_LATENCY,
        ) as stream:
            on_started(float(stream.latency))
            for start in range(0, len(samples), chunk):
                if stop.is_set():
                    stream.abort()
                    return start
                stream.write(samples[start : start + chunk])
    except (sd.PortAudioError, ValueError) as exc:
        raise speaker_failed(exc) from exc
    return None
