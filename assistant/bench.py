"""`attune bench`: reply latency (speculative vs naive), transcription speed, classifier speed.

Reply latency is measured from the moment the end of a turn is judged (in the Listener) to
the moment the first sample of the reply is handed to the output device, over turns spoken
by the real voice and replayed through the real VAD, endpointing and Whisper (the silence
after each turn at a microphone's pace, so a reply rendered ahead gets the time it would).
"""

import functools
import importlib
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import BaseModel, ConfigDict

from assistant.audio import SAMPLE_RATE_HZ, AudioClip, resample
from assistant.bench_pauses import FINISHED
from assistant.bench_replay import PacedReplay
from assistant.bench_turns import TurnReport
from assistant.bench_voice import Intelligibility, measure_engines
from assistant.config import Settings
from assistant.ports import Synthesizer, Transcriber, Transcript
from assistant.voice_ahead import VoiceAhead

if TYPE_CHECKING:
    from assistant.prompts import PromptLibrary
    from assistant.reading import Reader

SENTENCES = FINISHED
"""The finished turns spoken for the latency figures (the same ones the pause bench uses)."""
RATES_WPM = (150, 180)
GAP_S = 5.0
RECORDINGS = ("jfk.flac", "LJ050-0131.wav", "OSR_us_000_0034_8k.wav")


class Latency(BaseModel):
    """End of turn → first sample of reply audio, for one pipeline."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    pipeline: str
    turns: int
    p50_ms: float
    p95_ms: float
    speculative_hits: int


class Speed(BaseModel):
    """Transcription real-time factor on one real recording (lower is faster)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str
    audio_s: float
    beam_size: int
    seconds: float
    real_time_factor: float


class BenchReport(BaseModel):
    """Everything `attune bench` measured in one run."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    latency: list[Latency]
    transcription: list[Speed]
    classifier_utterances_per_s: float | None
    reading_ms_per_utterance: float
    output: str
    turns: TurnReport | None = None
    """Thinking pauses and finished turns (words + audio end of turn)."""
    voices: list[Intelligibility] = []
    """Each voice engine's reply lines, heard back (the default engine first)."""


@dataclass
class BeamTranscriber:
    """A Whisper transcriber fixed to one beam width (the naive pipeline uses 5)."""

    whisper: Any
    beam_size: int

    def transcribe(self, clip: AudioClip) -> Transcript:
        result: Transcript = self.whisper.transcribe(clip, beam_size=self.beam_size)
        return result


def bench_turns(voice: Synthesizer) -> AudioClip:
    """The spoken turns (each sentence at each rate), separated by silence, at 16 kHz."""
    gap = np.zeros(int(GAP_S * SAMPLE_RATE_HZ), dtype=np.float32)
    parts: list[np.ndarray] = [gap]
    for rate in RATES_WPM:
        if hasattr(voice, "rate_wpm"):
            voice.rate_wpm = rate
        for sentence in SENTENCES:
            clip = voice.synthesize(sentence)
            parts += [resample(clip.samples, clip.sample_rate_hz), gap]
    return AudioClip(np.concatenate(parts))


@functools.cache
def _reply_reading() -> tuple["PromptLibrary", "Reader"]:
    """The prompt library and the reader, loaded once for every reply path of a bench run."""
    from assistant.adapters.embedding import MiniLmEmbedder
    from assistant.adapters.language import load_language
    from assistant.flows.wording import use_language
    from assistant.prompts import load_library
    from assistant.reading import Reader

    use_language(*load_language())
    return load_library(), Reader(MiniLmEmbedder(), cache_size=0)  # every turn read afresh


@dataclass
class ReplyPath:
    """What attune does after a turn: safety gate, themes, the evening flow's reply, the
    voice, the first sample. `ahead` is what a live session does at a speculation: work out
    the reply to the words so far and render it while the silence runs on."""

    voice: Synthesizer
    hand_over: Callable[[AudioClip], float]

    def __post_init__(self) -> None:
        self._library, self._reader = _reply_reading()

    def reply(self, text: str) -> str:
        from assistant.session import answer_once

        reader = self._reader  # the same words get the same variant, as a copied flow would
        return answer_once(text, library=self._library, classify=reader.classify,
                           check=reader.check, seed=zlib.crc32(text.encode()))[2]  # fmt: skip

    def ahead(self, text: str) -> None:
        if isinstance(self.voice, VoiceAhead):
            self.voice.prepare(self.reply(text))

    def answer(self, text: str) -> float:
        """Answer one turn; returns when the reply's first sample reached the device."""
        return self.hand_over(self.voice.synthesize(self.reply(text)))


def reply_path(
    voice: Synthesizer, hand_over: Callable[[AudioClip], float]
) -> Callable[[str], float]:
    """The reply path's `answer` (for callers that time the whole answer only)."""
    return ReplyPath(voice, hand_over).answer


def measure_latency(
    name: str, turns: AudioClip, vad: Any, transcriber: Transcriber, speculative: bool,
    path: ReplyPath,
) -> Latency:  # fmt: skip
    """Replay the turns through a Listener; time end of turn → first reply sample. With
    `speculative`, the reply is also worked out and rendered ahead at each speculation."""
    from assistant.listen import Listener

    vad.reset()
    microphone = PacedReplay(turns)
    listener = Listener(microphone, vad, transcriber, speculative=speculative)
    listener.on_speculation = path.ahead if speculative else None
    delays_ms: list[float] = []
    hits = 0
    while (said := listener.next_utterance()) is not None:
        microphone.turn_ended()
        first_sample_at = path.answer(said.text)
        assert listener.last_timing is not None
        delays_ms.append((first_sample_at - listener.last_timing.ended_at_s) * 1000)
        hits += int(listener.last_timing.speculative_hit)
    return Latency(
        pipeline=name,
        turns=len(delays_ms),
        p50_ms=round(float(np.percentile(delays_ms, 50)), 1) if delays_ms else 0.0,
        p95_ms=round(float(np.percentile(delays_ms, 95)), 1) if delays_ms else 0.0,
        speculative_hits=hits,
    )


def measure_speed(whisper: Any, folder: Path, beam_sizes: tuple[int, ...] = (1, 5)) -> list[Speed]:
    """Real-time factor of transcribing each real recording (missing files are left out)."""
    from assistant.adapters.decode import load_audio

    rows: list[Speed] = []
    for name in RECORDINGS:
        if not (folder / name).is_file():
            continue
        clip = load_audio(folder / name)
        for beam in beam_sizes:
            started = time.perf_counter()
            whisper.transcribe(clip, beam_size=beam)
            seconds = time.perf_counter() - started
            rows.append(
                Speed(
                    file=name,
                    audio_s=round(clip.duration_s, 2),
                    beam_size=beam,
                    seconds=round(seconds, 3),
                    real_time_factor=round(seconds / clip.duration_s, 4),
                )
            )
    return rows


def classifier_speed() -> float | None:
    """Lexicon-only classifier utterances per second, when the evaluation module is installed."""
    try:
        speed = importlib.import_module("assistant.evaluation.speed")
    except ImportError:
        return None
    return round(float(speed.classify_throughput()), 1)


def reading_ms() -> float:
    """Milliseconds per utterance for the learned reading of a live turn (themes and safety,
    one encoder pass) on one core, over the speed module's sample utterances."""
    from assistant.adapters.embedding import MiniLmEmbedder
    from assistant.evaluation.speed import classify_throughput
    from assistant.reading import Reader

    reader = Reader(MiniLmEmbedder(), cache_size=0)
    return round(1000.0 / classify_throughput(classify=reader.read), 2)


def run_bench(
    settings: Settings, audio_folder: Path, output_device: int | str | None
) -> BenchReport:
    """Measure everything, both pipelines and both voice engines in the same run on the
    same turns (the people's turns are spoken by espeak-ng voices, attune by its own)."""
    from assistant.adapters.silero import SileroVoiceActivity
    from assistant.adapters.voice import Pyttsx3Synthesizer
    from assistant.adapters.whisper import WhisperTranscriber
    from assistant.bench_pauses import pyttsx3_voices
    from assistant.bench_turns import measure_turns

    whisper = WhisperTranscriber(settings)
    turns = bench_turns(Pyttsx3Synthesizer(settings))
    hand_over, output = first_sample_handover(output_device)
    vad = SileroVoiceActivity()
    fast, careful = BeamTranscriber(whisper, 1), BeamTranscriber(whisper, 5)
    engines = voice_engines(settings)
    latency: list[Latency] = []
    paths = {engine: ReplyPath(VoiceAhead(make()), hand_over) for engine, make in engines.items()}
    for engine, path in paths.items():
        latency.append(measure_latency(f"speculative, {engine}", turns, vad, fast, True, path))
    default_engine, default_path = next(iter(paths.items()))
    assert isinstance(default_path.voice, VoiceAhead)
    warm_only = ReplyPath(default_path.voice.synthesizer, hand_over)  # no render-ahead
    latency += [
        measure_latency(f"speculative, {default_engine}, rendered after the turn", turns, vad,
                        fast, True, warm_only),
        measure_latency(f"naive (after end of turn, beam 5), {default_engine}", turns, vad,
                        careful, False, default_path),
    ]  # fmt: skip
    turn_report = measure_turns(pyttsx3_voices(), vad, fast, default_path)
    return BenchReport(
        latency=latency,
        transcription=measure_speed(whisper, audio_folder),
        classifier_utterances_per_s=classifier_speed(),
        reading_ms_per_utterance=reading_ms(),
        output=output,
        turns=turn_report,
        voices=measure_engines(careful, engines),
    )


def voice_engines(settings: Settings) -> dict[str, Callable[[], Synthesizer]]:
    """Each voice engine that can speak here, the default engine first."""
    from assistant.adapters.festival import FestivalSynthesizer
    from assistant.adapters.voice import Pyttsx3Synthesizer
    from assistant.adapters.voices import choose_engine
    from assistant.errors import VoiceError

    makers: dict[str, Callable[[], Synthesizer]] = {
        "festival": lambda: FestivalSynthesizer(settings),
        "pyttsx3": lambda: Pyttsx3Synthesizer(settings),
    }
    usable: dict[str, Callable[[], Synthesizer]] = {}
    for engine in sorted(makers, key=lambda e: e != choose_engine(settings).engine):
        try:
            makers[engine]()
        except VoiceError:
            continue
        usable[engine] = makers[engine]
    return usable


def first_sample_handover(device: int | str | None) -> tuple[Callable[[AudioClip], float], str]:
    """A function that plays a clip's first block through attune's own playback path and
    returns when its first sample went to the device; without a device, the hand-over."""
    try:
        import sounddevice as sd

        name = str(sd.query_devices(device, "output")["name"])
    except (OSError, ValueError, ImportError):
        return (lambda _clip: time.perf_counter()), "no output device: time of hand-over"
    from assistant.adapters.playback import play

    def hand_over(clip: AudioClip) -> float:
        started: list[float] = []
        first_block = AudioClip(clip.samples[: clip.sample_rate_hz // 10], clip.sample_rate_hz)
        play(first_block, device, on_started=lambda: started.append(time.perf_counter()))
        return started[0]

    return hand_over, f"output device: {name}"
