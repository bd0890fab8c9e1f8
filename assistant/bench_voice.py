"""How well attune's own voice is understood: its reply lines, spoken and heard back.

Used by `attune bench`. Each engine speaks the same lines — prompts, reflections from an
evening, the crisis reply, a closing summary — and the bundled Whisper model transcribes them
back with beam 5; the word error rate over all words is what a listener would miss.
"""

import time
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from assistant.audio import AudioClip, resample
from assistant.ports import Synthesizer, Transcriber

EVENING = (
    "I felt so alone last night when you stayed on your phone.",
    "She said she'd call and she didn't, again.",
    "I keep thinking I'm just not enough for him.",
    "We laughed in the car yesterday. Really laughed.",
    "I guess I'll try telling her how I feel before bed.",
    "Yes, that's it.",
)
"""An evening's turns, so the reflections and the closing summary are the real ones."""
PROMPT_LINES = 40
"""How many of the library's prompt variants (without placeholders) are spoken, evenly
spread over the library."""


class Intelligibility(BaseModel):
    """One engine's reply lines, heard back."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    engine: str
    lines: int
    words: int
    word_error_rate: float
    synthesis_ms_per_audio_s: float
    """Milliseconds of rendering per second of speech (how fast the voice is made)."""
    worst: list[tuple[str, str]]
    """The three lines heard worst: (said, heard)."""


def reply_lines() -> list[str]:
    """attune's own lines, in a fixed order: prompt variants, an evening (opening,
    reflections, close with its summary) and the crisis reply."""
    from assistant.flows.base import Utterance
    from assistant.flows.evening import EveningFlow
    from assistant.prompts import load_library
    from assistant.safety import check, crisis_reply
    from assistant.themes import classify

    library = load_library()
    plain = [v.text for _s, _t, v in library.all_variants() if not v.placeholders()]
    step = max(1, len(plain) // PROMPT_LINES)
    lines = plain[::step][:PROMPT_LINES]
    flow = EveningFlow(library, open_commitments=[], recent_prompt_ids=set(), seed=7)
    replies = [flow.opening()]
    replies += [flow.respond(Utterance(text=t), classify(t)) for t in EVENING]
    replies.append(flow.close())
    lines += [line for reply in replies for line in reply.lines]
    lines += [crisis_reply(check("I want to kill myself tonight."), "US", [])]
    return list(dict.fromkeys(line for line in lines if line.strip()))


def measure_intelligibility(
    engine: str, voice: Synthesizer, whisper: Transcriber, lines: list[str]
) -> Intelligibility:
    """Speak each line, transcribe it back, and count the words missed."""
    from assistant.wer import normalise, word_error_rate

    errors = words = 0.0
    synth_s = audio_s = 0.0
    heard_lines: list[tuple[float, str, str]] = []
    for line in lines:
        started = time.perf_counter()
        clip = voice.synthesize(line)
        synth_s += time.perf_counter() - started
        audio_s += clip.duration_s
        heard = whisper.transcribe(AudioClip(resample(clip.samples, clip.sample_rate_hz))).text
        count = len(normalise(line))
        rate = word_error_rate(line, heard)
        errors += rate * count
        words += count
        heard_lines.append((rate, line, heard))
    worst = sorted(heard_lines, key=lambda row: -row[0])[:3]
    return Intelligibility(
        engine=engine,
        lines=len(lines),
        words=int(words),
        word_error_rate=round(errors / max(words, 1.0), 4),
        synthesis_ms_per_audio_s=round(1000 * synth_s / max(audio_s, 1e-9), 1),
        worst=[(said, heard) for _rate, said, heard in worst],
    )


def measure_engines(
    whisper: Transcriber, voices: dict[str, Callable[[], Synthesizer]]
) -> list[Intelligibility]:
    """Every available engine on the same lines, in one run."""
    lines = reply_lines()
    return [measure_intelligibility(name, make(), whisper, lines) for name, make in voices.items()]


def intelligibility_lines(rows: list[Intelligibility]) -> list[str]:
    """The bench's printed lines for the voices."""
    out = ["Voice intelligibility (attune's reply lines, heard back by Whisper, beam 5):"]
    for row in rows:
        out.append(
            f"  {row.engine:<9} WER {row.word_error_rate:6.1%} over {row.lines} lines "
            f"({row.words} words); {row.synthesis_ms_per_audio_s:.0f} ms to render 1 s"
        )
    return out
