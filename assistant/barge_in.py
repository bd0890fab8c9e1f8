"""Barge-in, pure: take attune's own reply out of the microphone, and notice a person speaking.

attune knows the exact signal it plays, so the microphone is compared with it instead of being
ignored. `EchoCanceller` finds where the reply sits in the microphone stream (cross-correlation
over the first stretch of the reply), fits a short FIR filter to the echo path by least
squares, keeps adapting it (normalised LMS, frozen while someone else talks) and subtracts the
predicted echo. `BargeInDetector` then watches the residual: speech there, loud enough not to
be what is left of the echo, for `onset_frames` frames in a row, is a person barging in.

Everything counts samples and frames, never the clock, so replayed audio behaves the same way.
"""

from dataclasses import dataclass

import numpy as np

from assistant.audio import FRAME_SAMPLES, SAMPLE_RATE_HZ, Samples


@dataclass(frozen=True)
class BargeInConfig:
    """Settings of the canceller and the detector; durations are audio time."""

    taps: int = 32
    """FIR length of the echo path (2 ms: the virtual room's echo is a digital copy; a real
    room's reverberation needs far more)."""
    lead_taps: int = 8
    """Taps before the correlation peak, for a filtered (not purely delayed) echo."""
    lock_after_ms: int = 400
    """Reply audio heard before the echo path is estimated."""
    search_ms: int = 1500
    """How far either side of the expected position the echo is looked for (an output that
    stalls when it starts puts the echo up to a second later than expected)."""
    lock_every_frames: int = 3
    """Frames between two tries at finding the echo (each try costs a few milliseconds)."""
    lock_on_ms: int = 1000
    """Most recent microphone audio correlated when looking for the echo."""
    follow_ms: int = 500
    """How far the echo is looked for around its last position when it may have moved (an
    output underrun shifts it by the gap's length)."""
    no_echo_after_ms: int = 1500
    """A microphone silent this long into the reply means there is no echo (headphones)."""
    min_correlation: float = 0.5
    """Normalised correlation that counts as having found the echo."""
    step: float = 0.05
    """NLMS step size while adapting to a changing echo path."""
    speech_threshold: float = 0.5
    onset_frames: int = 3
    """Frames of residual speech in a row that make a barge-in (96 ms)."""
    leak_ratio: float = 0.12
    """Residual level, relative to the predicted echo, below which speech is echo left over."""
    min_rms: float = 0.004
    """Residual level below which nothing counts as speech."""
    recheck_ms: int = 200
    """Microphone audio re-matched against the reply before a barge-in is believed."""
    own_voice_ratio: float = 0.15
    """If the reply (at its best lag) explains all but this fraction of the microphone's
    energy, what was heard is attune's own voice, only shifted (the output stalled)."""


@dataclass(frozen=True)
class Cleaned:
    """One microphone frame with the predicted echo taken out."""

    samples: Samples
    echo_rms: float
    """Level of the echo that was predicted (and removed) in this frame."""

    @property
    def rms(self) -> float:
        return _rms(self.samples)


class EchoCanceller:
    """Subtract a known reference (the reply, 16 kHz) from microphone frames.

    `expected_at` is the microphone sample index at which playback was seen to start; the
    echo is searched for within `search_ms` of it. Until the echo path is found, `push`
    returns nothing and keeps the frames; once found, it returns every kept frame cleaned.
    """

    def __init__(
        self, reference: Samples, expected_at: int, config: BargeInConfig | None = None
    ) -> None:
        self.config = config or BargeInConfig()
        pad = self.config.taps + _ms(self.config.search_ms) + FRAME_SAMPLES
        self._ref = np.concatenate(
            [np.zeros(pad, np.float32), reference, np.zeros(pad, np.float32)]
        )
        self._pad = pad
        self._reference_len = len(reference)
        self.expected_at = expected_at
        self.lag: int | None = None
        """Microphone index minus reference index of the echo (None until found)."""
        self.correlation = 0.0
        self.weights = np.zeros(self.config.taps, np.float64)
        self._mic: list[Samples] = []
        self._first: int | None = None
        """Microphone sample index of the first frame pushed."""
        self._start = 0
        """Microphone sample index of the first kept frame."""
        self._recent: list[Samples] = []
        self._recent_end = 0
        """Microphone sample index just after the last frame in `_recent`."""

    @property
    def locked(self) -> bool:
        return self.lag is not None

    def truncate(self, played: int) -> None:
        """The reply stopped after `played` reference samples: predict no echo beyond them."""
        self._ref[self._pad + max(played, 0) :] = 0.0

    def push(self, frame: Samples, index: int) -> list[Cleaned]:
        """Add the frame starting at microphone sample `index`; the frames cleaned so far."""
        if not self._mic:
            self._start = index
        if self._first is None:
            self._first = index
        self._mic.append(frame)
        self._recent = [*self._recent[-(_ms(self.config.recheck_ms) // FRAME_SAMPLES) :], frame]
        self._recent_end = index + FRAME_SAMPLES
        if self.lag is None and not self._try_lock():
            return []
        kept, first = self._mic, self._start
        self._mic, self._start = [], first + FRAME_SAMPLES * len(kept)
        return [self._clean(f, first + i * FRAME_SAMPLES) for i, f in enumerate(kept)]

    def _try_lock(self) -> bool:
        """Find the echo by cross-correlation; a silent microphone means there is no echo."""
        cfg = self.config
        heard = len(self._mic) * FRAME_SAMPLES
        if self._start + heard < self.expected_at + _ms(cfg.lock_after_ms):
            return False
        if len(self._mic) % cfg.lock_every_frames:
            return False
        tail = self._mic[-(_ms(cfg.lock_on_ms) // FRAME_SAMPLES) :]
        mic = np.concatenate(tail).astype(np.float64)
        start = self._start + heard - len(mic)
        window = _ms(cfg.search_ms)
        lags = np.arange(self.expected_at - window, self.expected_at + window + 1)
        scores = self._correlations(mic, lags, start)
        best = int(np.argmax(scores))
        self.correlation = float(scores[best])
        if self.correlation >= cfg.min_correlation:
            self.lag = int(lags[best])
            self._fit(mic, start)
            return True
        quiet_long = self._recent_end - (self._first or 0) >= _ms(cfg.no_echo_after_ms)
        if quiet_long and _rms(mic) < self.config.min_rms:  # headphones: no echo at all
            self.lag = self.expected_at
            return True
        if heard > 4 * window:  # keep a bounded window while still looking
            self._start += FRAME_SAMPLES * (len(self._mic) // 2)
            self._mic = self._mic[len(self._mic) // 2 :]
        return False

    def unexplained(self) -> float:
        """Share of the recent microphone energy that the reply cannot explain at any lag
        near the current one (0: only attune's voice; 1: none of it). When another lag
        explains it far better, the echo path has moved: follow it."""
        if self.lag is None or not self._recent:
            return 1.0
        mic = np.concatenate(self._recent).astype(np.float64)
        start = self._recent_end - len(mic)
        window = _ms(self.config.follow_ms)
        lags = np.arange(self.lag - window, self.lag + window + 1)
        best = int(lags[int(np.argmax(self._correlations(mic, lags, start)))])
        tail = self.config.onset_frames * FRAME_SAMPLES  # judge the speech just heard
        end, at = mic[-tail:], self._recent_end - tail
        here, there = self._left(end, at, self.lag), self._left(end, at, best)
        if there < here and there < self.config.own_voice_ratio:
            self.lag = best
            self._fit(mic, start)
        return min(here, there)

    def _left(self, mic: np.ndarray, start: int, lag: int) -> float:
        """Fraction of the energy left after the best short filter at `lag`."""
        matrix = self._taps_matrix(start, len(mic), lag)
        energy = float(mic @ mic) + 1e-12
        if float(np.sum(matrix**2)) <= 1e-9:
            return 1.0
        weights = _least_squares(matrix, mic)
        residual = mic - matrix @ weights
        return float(residual @ residual) / energy

    def _correlations(self, mic: np.ndarray, lags: np.ndarray, start: int) -> np.ndarray:
        """|normalised correlation| of the microphone with the reference at each lag."""
        n = len(mic)
        lo = start - int(lags[-1])
        segment = self._reference(lo, n + len(lags) - 1)
        size = 1 << int(np.ceil(np.log2(len(segment) + n)))
        spectrum = np.fft.rfft(segment, size) * np.conj(np.fft.rfft(mic, size))
        raw = np.fft.irfft(spectrum, size)[: len(lags)][::-1]
        running: np.ndarray = np.concatenate([[0.0], np.cumsum(segment**2)])
        energy: np.ndarray = (running[n:] - running[:-n])[::-1][: len(lags)]
        scores: np.ndarray = np.abs(raw) / np.sqrt(np.maximum(energy * float(mic @ mic), 1e-12))
        return scores

    def _reference(self, start: int, length: int) -> np.ndarray:
        """Reference samples [start, start + length) with zeros outside the reply."""
        out = np.zeros(length, np.float64)
        lo, hi = max(start, -self._pad), min(start + length, len(self._ref) - self._pad)
        if hi > lo:
            out[lo - start : hi - start] = self._ref[self._pad + lo : self._pad + hi]
        return out

    def _taps_matrix(self, mic_index: int, length: int, lag: int | None = None) -> np.ndarray:
        """Rows: the reference samples that tap k sees for each microphone sample."""
        lag = self.lag if lag is None else lag
        assert lag is not None
        first = mic_index - lag + self.config.lead_taps - self.config.taps + 1
        ref = self._reference(first, length + self.config.taps - 1)
        view = np.lib.stride_tricks.sliding_window_view(ref, self.config.taps)
        return view[:, ::-1]

    def _fit(self, mic: np.ndarray, start: int) -> None:
        """Least-squares echo path over the microphone samples from `start`."""
        matrix = self._taps_matrix(start, len(mic))
        if float(np.sum(matrix**2)) > 1e-9:
            self.weights = _least_squares(matrix, mic)

    def _clean(self, frame: Samples, index: int) -> Cleaned:
        """Subtract the predicted echo where that helps (none is left after the reply ends)."""
        matrix = self._taps_matrix(index, len(frame))
        echo = matrix @ self.weights
        residual = frame - echo
        if float(residual @ residual) >= float(frame @ frame):
            return Cleaned(frame, 0.0)  # the echo is not there (already stopped, or none)
        echo_rms = _rms(echo)
        if _rms(residual) < self.config.leak_ratio * echo_rms:  # only echo: keep adapting
            power = float(np.sum(matrix**2)) + 1e-6
            self.weights += self.config.step * (matrix.T @ residual) / power
        return Cleaned(residual.astype(np.float32), echo_rms)


class BargeInDetector:
    """Count frames of speech in the cleaned microphone; fires once per reply."""

    def __init__(self, config: BargeInConfig | None = None) -> None:
        self.config = config or BargeInConfig()
        self.run = 0
        self.fired_at: int | None = None
        """Index (in frames pushed) of the first frame of the speech that barged in."""
        self._pushed = 0

    def push(self, frame: Cleaned, probability: float) -> bool:
        """One cleaned frame and its speech probability; True on the frame a barge-in starts."""
        self._pushed += 1
        if self.fired_at is not None:
            return False
        cfg = self.config
        loud = frame.rms >= max(cfg.min_rms, cfg.leak_ratio * frame.echo_rms)
        self.run = self.run + 1 if loud and probability >= cfg.speech_threshold else 0
        if self.run >= cfg.onset_frames:
            self.fired_at = self._pushed - self.run
            return True
        return False

    def retract(self) -> None:
        """The speech just reported was not a person after all: start counting again."""
        self.fired_at = None
        self.run = 0


def _least_squares(matrix: np.ndarray, target: np.ndarray) -> np.ndarray:
    """The filter that best maps `matrix`'s rows onto `target`: the normal equations with a
    whisper of ridge (LAPACK's SVD solver took ~17 ms here on a loaded core; this ~0.1 ms)."""
    gram = matrix.T @ matrix
    ridge = 1e-6 * (float(np.trace(gram)) / len(gram) + 1e-12)
    solved: np.ndarray = np.linalg.solve(gram + ridge * np.eye(len(gram)), matrix.T @ target)
    return solved


def _rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if len(samples) else 0.0


def _ms(ms: int) -> int:
    return ms * SAMPLE_RATE_HZ // 1000
