"""Small interfaces at the hardware and model edges; adapters/ holds the real ones."""

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field

from assistant.audio import AudioClip, Samples
from assistant.flows.base import Utterance


class Segment(BaseModel):
    """One stretch of recognised speech."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start_s: float
    end_s: float
    text: str
    no_speech_prob: float = 0.0


class Transcript(BaseModel):
    """What the speech recogniser heard in one clip (empty text for silence)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    language: str
    duration_s: float
    segments: list[Segment] = Field(default_factory=list)


class Transcriber(Protocol):
    """Speech to text."""

    def transcribe(self, clip: AudioClip) -> Transcript:
        """Transcribe a 16 kHz mono clip; silence gives empty text."""
        ...


class Speaker(Protocol):
    """Text to speech, played on an output device."""

    def say(self, text: str) -> None:
        """Speak the text and return when the last sample has been played."""
        ...

    def prepare(self, text: str) -> None:
        """Start rendering a line that will probably be said next, so `say` can start at
        once; a line never asked for is dropped."""
        ...

    def adjust_rate(self, delta_wpm: int) -> int:
        """Speak faster (positive) or slower (negative); returns the new rate in wpm."""
        ...


class Synthesizer(Protocol):
    """Text to audio, without playing it."""

    rate_wpm: int
    """Speech rate in words per minute, read at each synthesis."""

    def synthesize(self, text: str) -> AudioClip:
        """Render the text as speech at the voice's own sample rate."""
        ...


class VoiceActivity(Protocol):
    """Per-frame speech probability, keeping state from one 32 ms frame to the next."""

    def probability(self, frame: Samples) -> float:
        """Speech probability of one 512-sample 16 kHz frame."""
        ...

    def reset(self) -> None:
        """Forget the stream state (after attune has spoken)."""
        ...


class TurnDetector(Protocol):
    """Whether a turn sounds finished, judged from its audio (prosody), not its words."""

    def finished_probability(self, samples: Samples) -> float:
        """P(the speaker has finished) for the turn's 16 kHz audio so far."""
        ...


class Microphone(Protocol):
    """A live stream of 16 kHz mono frames."""

    def frames(self) -> Iterator[Samples]:
        """Yield 512-sample frames until the stream is closed."""
        ...


class UtteranceSource(Protocol):
    """Where a session's turns come from: a live microphone, or typed lines."""

    def next_utterance(self) -> Utterance | None:
        """Wait for the next finished turn; None when the input has ended for good."""
        ...

    def speaking(self) -> AbstractContextManager[None]:
        """Held while attune speaks: input heard meanwhile (and a short tail) is ignored."""
        ...


@dataclass(frozen=True)
class Encoded:
    """One utterance through the sentence encoder: its unit vector and one per span."""

    vector: npt.NDArray[np.float32]
    spans: npt.NDArray[np.float32]
    """One row per requested span (0 rows when none were asked for)."""


class SentenceEncoder(Protocol):
    """One encoder pass per utterance: its unit vector, and one unit vector per char span."""

    def encode(self, text: str, spans: Sequence[tuple[int, int]] = ()) -> Encoded:
        """The vectors of ``text`` and of each ``(start, end)`` span inside it."""
        ...


@dataclass
class Playback:
    """The reply a speaker is playing, as attune knows it (for telling its echo apart)."""

    samples: Samples
    """The reply at 16 kHz mono, exactly as sent to the output device."""
    stopped_at: int | None = None
    """16 kHz samples sent before the reply was interrupted (None: not interrupted)."""
    stopped_at_s: float | None = None
    """time.perf_counter() when the output was stopped (for latency measurements)."""
    output_latency_s: float = 0.0
    """The output device's reported latency: audio still on its way after `stopped_at_s`."""


@runtime_checkable
class Interruptible(Protocol):
    """A speaker that says what it is playing and can be stopped mid-reply."""

    def now_playing(self) -> Playback | None:
        """The reply being played now; None before the first sample and after the last."""
        ...

    def interrupt(self) -> None:
        """Stop the current reply at once (from any thread); `say` then returns."""
        ...
