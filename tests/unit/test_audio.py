"""The internal audio format: mono 16 kHz float32, resampling and WAV round trips."""

from pathlib import Path

import numpy as np

from assistant.audio import AudioClip, frames, read_wav, resample, to_mono, write_wav


def _tone(freq_hz: float, rate_hz: int, seconds: float) -> np.ndarray:
    t = np.arange(int(rate_hz * seconds)) / rate_hz
    return (0.5 * np.sin(2 * np.pi * freq_hz * t)).astype(np.float32)


def _dominant_hz(samples: np.ndarray, rate_hz: int) -> float:
    spectrum = np.abs(np.fft.rfft(samples))
    return float(np.fft.rfftfreq(len(samples), 1 / rate_hz)[np.argmax(spectrum)])


def test_resampling_keeps_pitch_and_duration() -> None:
    for rate in (8000, 22050, 44100, 48000):
        out = resample(_tone(440, rate, 1.0), rate)
        assert abs(len(out) - 16000) <= 1
        assert abs(_dominant_hz(out, 16000) - 440) < 3


def test_downsampling_removes_tones_above_the_new_nyquist() -> None:
    out = resample(_tone(12000, 48000, 1.0), 48000)
    assert float(np.abs(out[200:-200]).max()) < 0.05


def test_stereo_int16_becomes_mono_float() -> None:
    stereo = np.array([[32767, -32767], [16384, 16384]], dtype=np.int16)
    mono = to_mono(stereo)
    assert mono.dtype == np.float32
    assert mono.tolist() == [0.0, 0.5000152587890625]


def test_wav_round_trip_and_framing(tmp_path: Path) -> None:
    clip = AudioClip(_tone(300, 16000, 0.5))
    write_wav(tmp_path / "t.wav", clip)
    back = read_wav(tmp_path / "t.wav")
    assert back.sample_rate_hz == 16000 and abs(back.duration_s - 0.5) < 1e-3
    assert np.allclose(back.samples, clip.samples, atol=1e-4)
    split = frames(back)
    assert len(split) == 16 and all(len(f) == 512 for f in split)
    assert frames(AudioClip(np.zeros(0, dtype=np.float32))) == []
