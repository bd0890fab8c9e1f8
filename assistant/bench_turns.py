"""`attune bench`, end of turn: thinking pauses kept, finished turns answered fast, model cost.

Every turn is replayed through the real Listener (Silero VAD, the end-of-turn machine, Whisper,
Smart Turn), counting audio time; the reply's first sample is timed on the wall clock.
"""

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import BaseModel, ConfigDict

from assistant.audio import SAMPLE_RATE_HZ, AudioClip
from assistant.bench_pauses import (
    POLICIES,
    Spoken,
    finished_turns,
    heard_whole,
    percentile_ms,
    two_part_turns,
)
from assistant.endpoint import Completeness, EndpointConfig, judge_partial, sets_up_more
from assistant.ports import Synthesizer, Transcriber, TurnDetector

if TYPE_CHECKING:
    from assistant.bench import ReplyPath

SPECULATE_S = EndpointConfig().speculate_after_ms / 1000


class PolicyResult(BaseModel):
    """One way of judging the end of a turn, on the same turns."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    policy: str
    cut_at_pause: int
    finished_wait_p50_ms: float
    finished_wait_p95_ms: float


class TurnReport(BaseModel):
    """Thinking pauses and finished turns through the real Listener (words + audio)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    two_part: int
    cut_at_pause: int
    finished: int
    reply_p50_ms: float
    """End of speech → first sample of the reply."""
    reply_p95_ms: float
    policies: list[PolicyResult]
    audio_vs_words_disagree: int
    audio_right: int
    words_right: int
    model_ms_p50: float
    model_ms_p95: float
    model_mb: float


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def load_detector() -> tuple[TurnDetector, float]:
    """The Smart Turn detector and the resident memory its loading and first call added."""
    from assistant.adapters.turn import SmartTurnDetector

    before = _rss_mb()
    detector = SmartTurnDetector()
    detector.finished_probability(np.zeros(SAMPLE_RATE_HZ, dtype=np.float32))
    return detector, round(_rss_mb() - before, 1)


def _whole(turn: Spoken, heard: list[Any]) -> bool:
    return len(heard) == 1 and heard_whole(turn, heard[0][0].text)


def first_view(
    turn: Spoken, transcriber: Transcriber, detector: TurnDetector
) -> tuple[Completeness, bool, float]:
    """What each judge sees at the first speculation: the words' verdict, whether the last
    sentence only sets things up, and the audio model's probability."""
    end_s = (turn.first_end_s or turn.speech_end_s) + SPECULATE_S
    audio = turn.samples[: int(end_s * SAMPLE_RATE_HZ)]
    text = transcriber.transcribe(AudioClip(audio)).text.strip()
    return judge_partial(text), sets_up_more(text), detector.finished_probability(audio)


def listen_once(  # type: ignore[no-untyped-def]
    turn: Spoken, vad: Any, transcriber: Transcriber, detector: TurnDetector | None,
    ahead: Callable[[str], None] | None = None,
):  # fmt: skip
    """The utterances the real Listener hears in one replayed turn, and the listener. With
    `ahead`, the silence after speech comes at a microphone's pace and each speculation is
    handed to `ahead`, as a live session renders its reply while the silence runs on."""
    from assistant.adapters.microphone import WavMicrophone
    from assistant.bench_replay import PacedReplay
    from assistant.listen import Listener

    vad.reset()
    clip = AudioClip(turn.samples)
    mic = PacedReplay(clip) if ahead is not None else WavMicrophone([clip])
    listener = Listener(mic, vad, transcriber, turn_detector=detector)
    listener.on_speculation = ahead
    heard = []
    while (said := listener.next_utterance()) is not None:
        heard.append((said, listener.last_timing))
        if isinstance(mic, PacedReplay):
            mic.turn_ended()  # the rest of the tail is not waited through
    return heard, listener


def measure_turns(
    make_voice: Callable[[str, int], Synthesizer],
    vad: Any,
    transcriber: Transcriber,
    path: "ReplyPath",
    count: int = 20,
) -> TurnReport:
    """Run every two-part and finished turn through the Listener and compare the judges; the
    finished turns are answered by `path` as a session answers them (rendered ahead)."""
    detector, model_mb = load_detector()
    two, done = two_part_turns(make_voice, count), finished_turns(make_voice, count)
    cut = sum(not _whole(t, listen_once(t, vad, transcriber, detector)[0]) for t in two)
    delays: list[float] = []
    for turn in done:
        heard, _ = listen_once(turn, vad, transcriber, detector, path.ahead)
        said, timing = heard[0]
        first_sample = path.answer(said.text)
        delays.append(
            timing.ended_at_audio_s - turn.speech_end_s + first_sample - timing.ended_at_s
        )
    views = [first_view(t, transcriber, detector) for t in (*two, *done)]
    return TurnReport(
        two_part=len(two), cut_at_pause=cut, finished=len(done),
        reply_p50_ms=percentile_ms(delays, 50), reply_p95_ms=percentile_ms(delays, 95),
        policies=_policies(two, views), **_disagreement(views, len(two)),
        **_model_cost(detector), model_mb=model_mb,
    )  # fmt: skip


def _policies(
    two: list[Spoken], views: list[tuple[Completeness, bool, float]]
) -> list[PolicyResult]:
    """Each policy's wait at the first part (cut when shorter than the pause) and at the end
    of each finished turn (VAD hangover and reply time not included)."""
    config, rows = EndpointConfig(), []
    for name, wait in POLICIES.items():
        waits = [wait(v, s, p, config) / 1000 for v, s, p in views]
        cuts = sum(w < t.pause_s for w, t in zip(waits, two, strict=False))
        finished = waits[len(two) :]
        rows.append(PolicyResult(
            policy=name, cut_at_pause=cuts,
            finished_wait_p50_ms=percentile_ms(finished, 50),
            finished_wait_p95_ms=percentile_ms(finished, 95),
        ))  # fmt: skip
    return rows


def _disagreement(views: list[tuple[Completeness, bool, float]], two: int) -> dict[str, int]:
    """Where the audio model (p ≥ 0.5) and the words as before (a finished-looking sentence)
    disagree, and which was right (a first part is unfinished; a finished turn is finished)."""
    threshold = EndpointConfig().audio_finished_threshold
    disagree = audio_right = 0
    for i, (verdict, setup, p) in enumerate(views):
        words = verdict is Completeness.FINISHED or (setup and verdict is Completeness.UNSURE)
        audio, truth = p >= threshold, i >= two
        if words != audio:
            disagree += 1
            audio_right += int(audio == truth)
    return {
        "audio_vs_words_disagree": disagree,
        "audio_right": audio_right,
        "words_right": disagree - audio_right,
    }


def _model_cost(detector: TurnDetector, calls: int = 20) -> dict[str, float]:
    """Milliseconds per Smart Turn check on 8 s of audio (one thread)."""
    rng = np.random.default_rng(0)
    audio = (rng.standard_normal(8 * SAMPLE_RATE_HZ) * 0.05).astype(np.float32)
    times = []
    for _ in range(calls):
        started = time.perf_counter()
        detector.finished_probability(audio)
        times.append(time.perf_counter() - started)
    return {"model_ms_p50": percentile_ms(times, 50), "model_ms_p95": percentile_ms(times, 95)}


def turn_lines(report: TurnReport) -> list[str]:
    """The end-of-turn figures as plain lines for `attune bench`."""
    lines = [
        f"End of turn (words + audio), {report.two_part} two-part utterances with a 1.5–2.5 s "
        f"pause: {report.cut_at_pause} cut at the pause",
        f"  {report.finished} finished turns, end of speech → first sample of reply: "
        f"p50 {report.reply_p50_ms:.0f} ms   p95 {report.reply_p95_ms:.0f} ms",
        "  each way of judging, on the same turns (cut at the pause; wait after a finished turn):",
    ]
    lines += [
        f"    {row.policy:<48} {row.cut_at_pause:2d} cut   wait p50 "
        f"{row.finished_wait_p50_ms:5.0f} ms  p95 {row.finished_wait_p95_ms:5.0f} ms"
        for row in report.policies
    ]
    lines.append(
        f"  audio model and words disagree on {report.audio_vs_words_disagree} of "
        f"{report.two_part + report.finished} turns: audio right {report.audio_right}, "
        f"words right {report.words_right}"
    )
    lines.append(
        f"  Smart Turn v3.2: {report.model_ms_p50:.0f} ms a check (p95 "
        f"{report.model_ms_p95:.0f} ms) on one thread, {report.model_mb:.0f} MB"
    )
    return lines
