"""Barge-in figures from what attune heard: how soon its reply stopped after a person spoke.

Measured in the microphone's own audio (the room's timeline), not by wall clocks: the person's
voice is found in the recording by correlation with the clip that was played, and the reply's
last sample is where the recording, with the person taken out, goes quiet.
"""

import numpy as np

from assistant.audio import SAMPLE_RATE_HZ, Samples

WINDOW = SAMPLE_RATE_HZ // 100
"""10 ms analysis windows."""
TAPS = 32


def voice_onset(samples: Samples, level: float = 0.02) -> int:
    """Index of the first sample louder than `level` (0 for a silent clip)."""
    loud = np.flatnonzero(np.abs(samples) > level)
    return int(loud[0]) if len(loud) else 0


def find(recording: Samples, clip: Samples) -> int:
    """Offset in the recording at which the clip best matches (may be negative)."""
    size = 1 << int(np.ceil(np.log2(len(recording) + len(clip))))
    spectrum = np.fft.rfft(recording, size) * np.conj(np.fft.rfft(clip, size))
    scores = np.fft.irfft(spectrum, size)
    best = int(np.argmax(np.abs(scores)))
    return best if best < size - len(clip) else best - size


def without(recording: Samples, clip: Samples, at: int) -> np.ndarray:
    """The recording with the clip (placed at `at`, through a short fitted filter) taken out."""
    rec = recording.astype(np.float64)
    placed = np.zeros(len(rec) + TAPS, np.float64)
    lo, hi = max(at, 0), min(at + len(clip), len(rec))
    if hi <= lo:
        return rec
    placed[lo + TAPS // 2 : hi + TAPS // 2] = clip[lo - at : hi - at]
    view = np.lib.stride_tricks.sliding_window_view(placed, TAPS)[: len(rec)]
    weights = np.linalg.lstsq(view[lo:hi], rec[lo:hi], rcond=None)[0]
    return rec - view @ weights


def stop_latency_s(recording: Samples, person: Samples, quiet: float = 0.004) -> float:
    """Seconds from the person's first syllable to the reply's last audible sample, both in
    the 16 kHz recording of the room that also holds the reply."""
    at = find(recording, person)
    onset = at + voice_onset(person)
    rest = without(recording, person, at)
    active = person[np.abs(person) > 0.02]
    quiet = max(quiet, 0.12 * float(np.sqrt(np.mean(active**2)))) if len(active) else quiet
    levels = np.sqrt(np.mean(rest[: len(rest) // WINDOW * WINDOW].reshape(-1, WINDOW) ** 2, 1))
    loud = np.flatnonzero(levels > quiet)
    end = (int(loud[-1]) + 1) * WINDOW if len(loud) else 0
    return (end - onset) / SAMPLE_RATE_HZ
