"""Speech for tests: sentences said by the real voice, silence, and a transcriber that counts."""

from dataclasses import dataclass, field

import numpy as np

from assistant.adapters.voice import Pyttsx3Synthesizer
from assistant.adapters.whisper import WhisperTranscriber
from assistant.audio import SAMPLE_RATE_HZ, AudioClip, Samples, resample
from assistant.ports import Transcript


@dataclass
class CountingTranscriber:
    """The real transcriber, remembering the length of every clip it was asked to transcribe."""

    real: WhisperTranscriber
    calls: list[float] = field(default_factory=list)

    def transcribe(self, clip: AudioClip) -> Transcript:
        self.calls.append(clip.duration_s)
        return self.real.transcribe(clip)


def spoken(voice: Pyttsx3Synthesizer, text: str) -> Samples:
    """A sentence said by the real voice, at 16 kHz."""
    clip = voice.synthesize(text)
    return resample(clip.samples, clip.sample_rate_hz)


def silence(seconds: float) -> Samples:
    return np.zeros(int(seconds * SAMPLE_RATE_HZ), dtype=np.float32)


def spoken_turns(
    voice: Pyttsx3Synthesizer, *sentences: str, gap_s: float = 3.0, lead_s: float = 1.0
) -> AudioClip:
    """Sentences said one after another, after `lead_s` of quiet, each followed by `gap_s`."""
    parts = [silence(lead_s)]
    for sentence in sentences:
        parts += [spoken(voice, sentence), silence(gap_s)]
    return AudioClip(np.concatenate(parts).astype(np.float32))
