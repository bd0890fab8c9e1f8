"""Listening through a real device: the PulseAudio null sink's monitor is the microphone.

Everything played into the sink — the test's spoken sentences and attune's own replies — comes
back through the monitor, so these tests also show that attune never answers itself.
"""

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pytest

from assistant.adapters.microphone import SoundDeviceMicrophone
from assistant.adapters.playback import SoundDeviceSpeaker
from assistant.adapters.silero import SileroVoiceActivity
from assistant.adapters.voice import Pyttsx3Synthesizer
from assistant.adapters.voices import open_voice
from assistant.adapters.whisper import WhisperTranscriber
from assistant.audio import SAMPLE_RATE_HZ, AudioClip, Samples
from assistant.config import Settings
from assistant.listen import Listener
from assistant.reflect import reflect
from assistant.themes import Theme, classify
from assistant.wer import word_error_rate
from tests.device.recorder import Recorder
from tests.support_speech import CountingTranscriber, silence, spoken

pytestmark = [pytest.mark.device, pytest.mark.model, pytest.mark.voice]
FRAMES_PER_S = SAMPLE_RATE_HZ / 512


@dataclass
class TimedMicrophone:
    """The real microphone, closed after `limit_s` of audio has been read from it."""

    real: SoundDeviceMicrophone
    limit_s: float

    def frames(self) -> Iterator[Samples]:
        for count, frame in enumerate(self.real.frames()):
            if count >= self.limit_s * FRAMES_PER_S:
                return
            yield frame

    def discard_pending(self) -> None:
        self.real.discard_pending()


def play_later(samples: Samples, delay_s: float) -> dict[str, float]:
    """Play into the sink from a thread after `delay_s`; records when playback ended."""
    from assistant.adapters.playback import play

    times: dict[str, float] = {}

    def run() -> None:
        time.sleep(delay_s)
        play(AudioClip(samples, SAMPLE_RATE_HZ))
        times["ended_at"] = time.perf_counter()

    threading.Thread(target=run, daemon=True).start()
    return times


def listener_on_device(transcriber: object, limit_s: float) -> Listener:
    mic = TimedMicrophone(SoundDeviceMicrophone(None), limit_s)
    return Listener(mic, SileroVoiceActivity(), transcriber)  # type: ignore[arg-type]


def test_a_thinking_pause_heard_through_the_device_does_not_end_the_turn(
    voice: Pyttsx3Synthesizer, whisper: WhisperTranscriber
) -> None:
    parts = [spoken(voice, "I felt"), silence(3.0), spoken(voice, "like you weren't there.")]
    play_later(np.concatenate(parts), 0.5)
    listener = listener_on_device(whisper, limit_s=12.0)
    said = listener.next_utterance()
    assert said is not None and "there" in said.text.lower(), said
    assert listener.next_utterance() is None


def test_silence_and_noise_through_the_device_give_no_turn_and_no_transcript(
    whisper: WhisperTranscriber,
) -> None:
    rng = np.random.default_rng(3)
    noise = (rng.standard_normal(int(2.5 * SAMPLE_RATE_HZ)) * 0.08).astype(np.float32)
    t = np.arange(2 * SAMPLE_RATE_HZ) / SAMPLE_RATE_HZ
    hum = (0.15 * np.sin(2 * np.pi * 100 * t)).astype(np.float32)
    play_later(np.concatenate([silence(1.0), noise, hum]), 0.3)
    counting = CountingTranscriber(whisper)
    listener = listener_on_device(counting, limit_s=7.0)
    assert listener.next_utterance() is None
    assert counting.calls == []


def test_attune_answers_a_spoken_sentence_out_loud_and_never_hears_itself(
    voice: Pyttsx3Synthesizer, whisper: WhisperTranscriber
) -> None:
    # Last in this file: after a reply rendered ahead (as a session does) the next microphone
    # this process opens has been seen to stay silent for 2 s on this PulseAudio; a session
    # opens its microphone once, so that reopening is a test artefact, not yet explained.
    sentence = "You went behind my back and lied to me. I feel betrayed."
    first_sample: list[float] = []
    speaker = SoundDeviceSpeaker(  # attune's own voice, ready before the person speaks
        open_voice(Settings(), print),
        on_first_sample=lambda: first_sample.append(time.perf_counter()),
    )

    def reply_to(text: str) -> str:
        return f"It sounds like {reflect(text)}. That sounds like a real breach of trust."

    playback = play_later(np.concatenate([silence(0.5), spoken(voice, sentence)]), 1.0)
    listener = listener_on_device(whisper, limit_s=16.0)
    listener.on_speculation = lambda text: speaker.prepare(reply_to(text))  # as a session does
    said = listener.next_utterance()
    assert said is not None and "lied" in said.text.lower(), said
    assert classify(said.text).top is classify(sentence).top is Theme.BETRAYAL
    reply = reply_to(said.text)
    with Recorder() as recorder, listener.speaking():
        speaker.say(reply)
    assert listener.last_timing is not None and "ended_at" in playback
    # 0.7 s after a finished sentence; up to 3.6 s when Whisper's words sound unfinished
    # (the patient wait of the end-of-turn rule), plus the room's latency
    assert listener.last_timing.ended_at_s - playback["ended_at"] <= 4.5
    assert first_sample[0] - listener.last_timing.ended_at_s <= 0.5
    heard_back = whisper.transcribe(recorder.clip(), beam_size=5).text
    assert "trust" in heard_back.lower() and word_error_rate(reply, heard_back) <= 0.5, heard_back
    assert listener.next_utterance() is None
