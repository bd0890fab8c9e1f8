"""The one internal audio format (16 kHz mono float32), WAV I/O and resampling — numpy only."""

import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

SAMPLE_RATE_HZ = 16_000
FRAME_SAMPLES = 512
"""32 ms at 16 kHz: the frame size Silero VAD expects."""

Samples = npt.NDArray[np.float32]


@dataclass(frozen=True)
class AudioClip:
    """Mono float32 samples in [-1, 1] at `sample_rate_hz` (16 kHz inside attune)."""

    samples: Samples
    sample_rate_hz: int = SAMPLE_RATE_HZ

    @property
    def duration_s(self) -> float:
        """Length in seconds; 0.0 for an empty clip."""
        return len(self.samples) / self.sample_rate_hz if self.sample_rate_hz else 0.0

    def peak(self) -> float:
        """The largest absolute sample; 0.0 for an empty clip."""
        return float(np.max(np.abs(self.samples))) if len(self.samples) else 0.0


def to_mono(samples: npt.NDArray[np.floating] | npt.NDArray[np.integer]) -> Samples:
    """Average channels (frames × channels) to mono float32; 1-D input is returned as float32."""
    data = np.asarray(samples)
    if np.issubdtype(data.dtype, np.integer):
        data = data.astype(np.float32) / float(np.iinfo(data.dtype).max)
    if data.ndim == 2:
        data = data.mean(axis=1)
    return np.ascontiguousarray(data, dtype=np.float32)


def resample(samples: Samples, from_hz: int, to_hz: int = SAMPLE_RATE_HZ) -> Samples:
    """Resample mono audio with a windowed-sinc low-pass and interpolation; empty stays empty."""
    if from_hz == to_hz or len(samples) == 0:
        return samples.astype(np.float32, copy=False)
    if to_hz < from_hz:
        samples = _low_pass(samples, cutoff=0.5 * to_hz / from_hz)
    n_out = round(len(samples) * to_hz / from_hz)
    positions = np.arange(n_out, dtype=np.float64) * (from_hz / to_hz)
    indices = np.arange(len(samples), dtype=np.float64)
    return np.interp(positions, indices, samples).astype(np.float32)


def _low_pass(samples: Samples, cutoff: float, taps: int = 63) -> Samples:
    """FIR low-pass (Hamming-windowed sinc); `cutoff` is a fraction of the input rate."""
    n = np.arange(taps) - (taps - 1) / 2
    kernel = 2 * cutoff * np.sinc(2 * cutoff * n) * np.hamming(taps)
    kernel /= kernel.sum()
    return np.convolve(samples, kernel.astype(np.float32), mode="same").astype(np.float32)


def read_wav(path: Path) -> AudioClip:
    """Read a PCM WAV file as mono float32 at its own rate (no resampling)."""
    with wave.open(str(path), "rb") as wav:
        width = wav.getsampwidth()
        channels = wav.getnchannels()
        rate = wav.getframerate()
        raw = wav.readframes(wav.getnframes())
    dtype = {1: np.uint8, 2: np.int16, 4: np.int32}[width]
    data = np.frombuffer(raw, dtype=dtype)
    if width == 1:
        data = (data.astype(np.int16) - 128).astype(np.int8)
    return AudioClip(to_mono(data.reshape(-1, channels)), rate)


def write_wav(path: Path, clip: AudioClip) -> None:
    """Write a clip as 16-bit PCM mono WAV; an empty clip makes a valid empty file."""
    pcm = (np.clip(clip.samples, -1.0, 1.0) * 32767.0).astype("<i2")
    with open(path, "wb") as handle, wave.open(handle, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(clip.sample_rate_hz)
        wav.writeframes(pcm.tobytes())


def frames(clip: AudioClip, size: int = FRAME_SAMPLES) -> list[Samples]:
    """Split a 16 kHz clip into whole frames, zero-padding the last; empty gives no frames."""
    count = -(-len(clip.samples) // size)
    padded = np.zeros(count * size, dtype=np.float32)
    padded[: len(clip.samples)] = clip.samples
    return [padded[i * size : (i + 1) * size] for i in range(count)]
