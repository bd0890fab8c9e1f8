"""Thinking pauses: two-part utterances and finished turns, spoken by several voices.

Used by `attune bench`, the listening tests and the device tests. A two-part utterance is a
sentence that sounds finished and is not ("I don't know.") + a pause of 1.5–2.5 s + the rest
of the thought; it is cut when attune takes the first part as the whole turn.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.audio import SAMPLE_RATE_HZ, Samples, resample
from assistant.endpoint import Completeness, EndpointConfig
from assistant.ports import Synthesizer

FIRST_PARTS = (
    "I don't know.",
    "It's hard to explain.",
    "When he walked out of the room.",
    "I keep thinking about it.",
)
RESTS = (
    "Maybe I'm scared that if I say it out loud it becomes real.",
    "I felt like nobody in the house could see me at all.",
    "And honestly it has been like that for months, ever since the baby came home.",
    "Part of me still waits for her to call and say sorry.",
    "Something in me just went quiet and stayed that way.",
)
FINISHED = (
    "My partner broke a promise to me again and I feel betrayed.",
    "I felt so alone last night when you stayed on your phone.",
    "I am scared that you are going to leave me.",
    "I am really angry that you never listen to me.",
    "I miss how close we used to be.",
    "I am sorry, it was my fault and I want to make it right.",
    "I feel ashamed of what I said to you.",
    "I just shut down and leave the room when we argue.",
    "Thank you for making dinner, it meant a lot to me.",
    "I can't believe anything you tell me anymore.",
)
VOICES = ("gmw/en-US", "gmw/en", "gmw/en-GB-scotland", "gmw/en-GB-x-rp", "gmw/en-029")
RATES_WPM = (140, 160, 150, 145)
"""People's pace. At 180 wpm espeak-ng's Scottish voice is mis-heard by tiny.en ('It's hard to
explain.' → 'It's hard, duck-slaying.'), which tests the voice, not the listening."""
PAUSES_S = (1.5, 1.8, 2.0, 2.2, 2.5)
LEAD_S = 0.6
TAIL_S = 5.0


@dataclass(frozen=True)
class Spoken:
    """One test turn: its audio at 16 kHz and where its speech ends (seconds of audio)."""

    text: str
    samples: Samples
    speech_end_s: float
    pause_s: float = 0.0
    """The thinking pause inside it (0 for a finished turn)."""
    first_part: str = ""
    first_end_s: float = 0.0
    """Where the first part's speech ends (0 for a finished turn)."""


def _say(
    make_voice: Callable[[str, int], Synthesizer], voice: str, rate: int, text: str
) -> Samples:
    clip = make_voice(voice, rate).synthesize(text)
    return trimmed(resample(clip.samples, clip.sample_rate_hz))


def trimmed(samples: Samples, floor: float = 0.01) -> Samples:
    """The samples from the first to the last louder than `floor` (the voice's own quiet
    margins removed, so "end of speech" is where the sound ends); silence stays as it is."""
    loud = np.flatnonzero(np.abs(samples) > floor)
    return samples[loud[0] : loud[-1] + 1] if len(loud) else samples


def _quiet(seconds: float) -> Samples:
    return np.zeros(int(seconds * SAMPLE_RATE_HZ), dtype=np.float32)


def two_part_turns(make_voice: Callable[[str, int], Synthesizer], count: int = 20) -> list[Spoken]:
    """`count` two-part utterances: every first part with every rest, voices, rates and pauses
    rotating, each led by quiet and followed by TAIL_S of silence."""
    turns: list[Spoken] = []
    for i in range(count):
        first, rest = FIRST_PARTS[i % len(FIRST_PARTS)], RESTS[(i // len(FIRST_PARTS)) % len(RESTS)]
        voice, rate = VOICES[i % len(VOICES)], RATES_WPM[i % len(RATES_WPM)]
        pause = PAUSES_S[i % len(PAUSES_S)]
        second = _say(make_voice, voice, rate, rest)
        said_first = np.concatenate([_quiet(LEAD_S), _say(make_voice, voice, rate, first)])
        head = np.concatenate([said_first, _quiet(pause)])
        end = (len(head) + len(second)) / SAMPLE_RATE_HZ
        samples = np.concatenate([head, second, _quiet(TAIL_S)])
        first_end = len(said_first) / SAMPLE_RATE_HZ
        turns.append(Spoken(f"{first} {rest}", samples, end, pause, first, first_end))
    return turns


def finished_turns(make_voice: Callable[[str, int], Synthesizer], count: int = 20) -> list[Spoken]:
    """`count` really finished turns, voices and rates rotating, each followed by TAIL_S."""
    turns: list[Spoken] = []
    for i in range(count):
        text = FINISHED[i % len(FINISHED)]
        voice, rate = VOICES[(i + 2) % len(VOICES)], RATES_WPM[(i + 1) % len(RATES_WPM)]
        said = np.concatenate([_quiet(LEAD_S), _say(make_voice, voice, rate, text)])
        samples = np.concatenate([said, _quiet(TAIL_S)])
        turns.append(Spoken(text, samples, len(said) / SAMPLE_RATE_HZ))
    return turns


def pyttsx3_voices() -> Callable[[str, int], Synthesizer]:
    """A factory of the real espeak-ng voices by id and rate (one synthesizer per pair)."""
    from assistant.adapters.voice import Pyttsx3Synthesizer
    from assistant.config import Settings

    made: dict[tuple[str, int], Synthesizer] = {}

    def make(voice: str, rate: int) -> Synthesizer:
        if (voice, rate) not in made:
            made[voice, rate] = Pyttsx3Synthesizer(Settings(voice=voice, speech_rate_wpm=rate))
        return made[voice, rate]

    return make


POLICIES: dict[str, Callable[[Completeness, bool, float, EndpointConfig], int]] = {
    "words as before (a finished sentence → 1.0 s)": lambda v, setup, _p, _c: EndpointConfig(
        finished_silence_ms=1000
    ).wait_ms(Completeness.FINISHED if setup and v is Completeness.UNSURE else v),
    "words, with set-up sentences": lambda v, _s, _p, c: c.wait_ms(v),
    "audio alone (p ≥ 0.5 → 0.45 s, else 3.6 s)": lambda _v, _s, p, c: (
        c.sounds_finished_silence_ms if p >= c.audio_finished_threshold else c.unsure_silence_ms
    ),
    "words + audio (shipped)": lambda v, _s, p, c: c.wait_ms(v, p),
}
"""How long each way of judging would wait, from the words' verdict, whether the last sentence
only sets things up, and the audio model's probability."""


def percentile_ms(values: Sequence[float], q: float) -> float:
    """The q-th percentile in milliseconds of values in seconds (0 for none)."""
    return round(float(np.percentile(values, q)) * 1000, 1) if values else 0.0


def heard_whole(turn: Spoken, text: str) -> bool:
    """Whether a heard text holds the whole thought: at least half the words of each part
    (Whisper may mishear a word or two; a turn cut at its pause loses the whole second part)."""
    heard = set(_words(text))
    first, rest = _words(turn.first_part), _words(turn.text)[len(_words(turn.first_part)) :]
    return all(sum(w in heard for w in part) * 2 >= len(part) for part in (first, rest) if part)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())
