"""The barge-in core on synthetic signals: the echo is found and taken out, a person is not."""

import numpy as np

from assistant.audio import FRAME_SAMPLES, SAMPLE_RATE_HZ, resample
from assistant.barge_in import BargeInDetector, Cleaned, EchoCanceller

RNG = np.random.default_rng(15)


def voiced(seconds: float, pitch_hz: float, seed: int) -> np.ndarray:
    """A speech-like signal: a pitched buzz with a syllable-rate envelope, at 16 kHz."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * SAMPLE_RATE_HZ)) / SAMPLE_RATE_HZ
    buzz = sum(np.sin(2 * np.pi * pitch_hz * k * t) / k for k in range(1, 8))
    envelope = 0.5 + 0.5 * np.sin(2 * np.pi * 4 * t + rng.uniform(0, 6))
    return (0.05 * buzz * envelope + 0.002 * rng.standard_normal(len(t))).astype(np.float32)


def room(reply: np.ndarray, lag: int, other: np.ndarray | None = None, at: int = 0) -> np.ndarray:
    """The virtual room's microphone: the reply delayed by `lag` (through a 44.1 kHz round
    trip, as PulseAudio's null sink does), plus another voice from sample `at`."""
    echo = resample(resample(reply, SAMPLE_RATE_HZ, 44_100), 44_100)
    mic = np.zeros(len(reply) + lag + SAMPLE_RATE_HZ, np.float32)
    mic[lag : lag + len(echo)] += 0.9 * echo
    if other is not None:
        mic[at : at + len(other)] += other[: len(mic) - at]
    return mic


def run(mic: np.ndarray, reply: np.ndarray, expected_at: int) -> tuple[list[Cleaned], int | None]:
    """Every cleaned frame and the frame a barge-in was detected at (None: never)."""
    canceller = EchoCanceller(reply, expected_at)
    detector = BargeInDetector()
    cleaned: list[Cleaned] = []
    for i in range(0, len(mic) - FRAME_SAMPLES, FRAME_SAMPLES):
        for piece in canceller.push(mic[i : i + FRAME_SAMPLES], i):
            cleaned.append(piece)
            loud = piece.rms > 0.01  # a stand-in voice detector: anything loud is speech
            detector.push(piece, 1.0 if loud else 0.0)
    return cleaned, detector.fired_at


def test_the_echo_of_the_reply_is_found_and_taken_out() -> None:
    reply = voiced(4.0, 120, seed=1)
    mic = room(reply, lag=2_400)
    cleaned, fired = run(mic, reply, expected_at=2_000)
    during = np.concatenate([c.samples for c in cleaned])[2_400 + 8_000 : 2_400 + 60_000]
    echo = mic[2_400 + 8_000 : 2_400 + 60_000]
    erle_db = 10 * np.log10(np.mean(echo**2) / np.mean(during**2))
    assert erle_db > 25, erle_db
    assert fired is None


def test_a_person_speaking_over_the_reply_is_heard_from_their_first_frame() -> None:
    reply = voiced(5.0, 120, seed=2)
    person = voiced(2.0, 210, seed=3)
    start = 2_400 + SAMPLE_RATE_HZ
    mic = room(reply, lag=2_400, other=person, at=start)
    cleaned, fired = run(mic, reply, expected_at=3_000)
    assert fired is not None
    onset_frame = (start - 0) // FRAME_SAMPLES
    assert abs(fired - onset_frame) <= 2, (fired, onset_frame)
    heard = np.concatenate([c.samples for c in cleaned])[start : start + len(person)]
    left = heard - person[: len(heard)]
    assert 10 * np.log10(np.mean(person**2) / np.mean(left**2)) > 20


def test_an_output_that_starts_late_is_still_recognised_as_attunes_own_voice() -> None:
    reply = voiced(4.0, 120, seed=6)
    mic = room(reply, lag=14_000)  # the echo arrives 0.9 s after playback was seen to start
    _cleaned, fired = run(mic, reply, expected_at=0)
    assert fired is None


def test_no_echo_at_all_is_recognised_and_the_person_still_heard() -> None:
    reply = voiced(4.0, 120, seed=4)
    mic = np.zeros(len(reply) + SAMPLE_RATE_HZ, np.float32)
    person = voiced(1.0, 200, seed=5)
    mic[30_000 : 30_000 + len(person)] = person  # after 1.5 s of a silent microphone
    _cleaned, fired = run(mic, reply, expected_at=0)
    assert fired is not None and abs(fired - 30_000 // FRAME_SAMPLES) <= 2
