"""Barge-in figures from what attune heard: how soon its reply stopped after a person spoke.

Measured in the microphone's own audio (the room's timeline), not by wall clocks: the person's
voice is found in the recording by correlation with the clip that was played, and the reply's
last sample is where the recording, with the person taken out, goes quiet.
"""

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from pydantic import BaseModel, ConfigDict

from assistant.audio import SAMPLE_RATE_HZ, Samples, resample

if TYPE_CHECKING:
    from assistant.ports import Synthesizer, Transcriber

WINDOW = SAMPLE_RATE_HZ // 100
"""10 ms analysis windows."""
TAPS = 32


def voice_onset(samples: Samples, level: float = 0.02) -> int:
    """Index of the first sample louder than `level` (0 for a silent clip)."""
    loud = np.flatnonzero(np.abs(samples) > level)
    return int(loud[0]) if len(loud) else 0


def find(recording: Samples, clip: Samples) -> int:
    """Offset in the recording at which the clip best matches (may be negative)."""
    size = 1 << int(np.ceil(np.log2(len(recording) + len(clip))))
    spectrum = np.fft.rfft(recording, size) * np.conj(np.fft.rfft(clip, size))
    scores = np.fft.irfft(spectrum, size)
    best = int(np.argmax(np.abs(scores)))
    return best if best < size - len(clip) else best - size


def without(recording: Samples, clip: Samples, at: int) -> np.ndarray:
    """The recording with the clip (placed at `at`, through a short fitted filter) taken out."""
    rec = recording.astype(np.float64)
    placed = np.zeros(len(rec) + TAPS, np.float64)
    lo, hi = max(at, 0), min(at + len(clip), len(rec))
    if hi <= lo:
        return rec
    placed[lo + TAPS // 2 : hi + TAPS // 2] = clip[lo - at : hi - at]
    view = np.lib.stride_tricks.sliding_window_view(placed, TAPS)[: len(rec)]
    weights = np.linalg.lstsq(view[lo:hi], rec[lo:hi], rcond=None)[0]
    return rec - view @ weights


def reply_end(recording: Samples, person: Samples, quiet: float = 0.004) -> tuple[int, int]:
    """(the person's first syllable, just after the reply's last audible sample), as sample
    indices in the 16 kHz recording of the room that holds both voices."""
    head = person[: voice_onset(person) + SAMPLE_RATE_HZ]  # surely heard: the recording
    at = find(recording, head)  # may stop soon after the person's first second
    onset = at + voice_onset(person)
    rest = without(recording, person, at)
    active = person[np.abs(person) > 0.02]
    quiet = max(quiet, 0.12 * float(np.sqrt(np.mean(active**2)))) if len(active) else quiet
    levels = np.sqrt(np.mean(rest[: len(rest) // WINDOW * WINDOW].reshape(-1, WINDOW) ** 2, 1))
    loud = np.flatnonzero(levels > quiet)
    end = (int(loud[-1]) + 1) * WINDOW if len(loud) else 0
    return onset, end


def stop_latency_s(recording: Samples, person: Samples, quiet: float = 0.004) -> float:
    """Seconds from the person's first syllable to the reply's last audible sample, both in
    the 16 kHz recording of the room that also holds the reply."""
    onset, end = reply_end(recording, person, quiet)
    return (end - onset) / SAMPLE_RATE_HZ


INTERRUPTIONS = (
    ("gmw/en-GB-x-rp", 150, "Sorry, can I say something? I felt completely alone."),
    ("gmw/en", 140, "Wait. Honestly, it has been like that for months."),
    ("gmw/en-GB-scotland", 150, "Hold on. He lied to me again, and I am angry."),
    ("gmw/en-GB-x-rp", 170, "Actually, I think I am scared that he will leave."),
)
"""(voice, words per minute, what a second voice says over attune's opening)"""
INTERRUPT_AFTER_S = 1.0


class Trial(BaseModel):
    """One interruption in the room: how soon the reply stopped, and what was heard."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    said: str
    heard: str
    reply: str
    stop_ms: float
    """From the second voice's first syllable to the reply's last sample, in the room."""
    decided_ms: float
    """Audio from the first frame of speech counted to the barge-in decision."""
    onset_to_decision_ms: float = float("nan")
    """In the room's recording: the person's first syllable to the frame the decision came on."""
    decision_to_silence_ms: float = float("nan")
    """In the room's recording: that frame to the reply's last audible sample (output drain)."""
    interrupted: int
    """Replies stopped in the trial (1: only the opening)."""


class BargeInReport(BaseModel):
    """Barge-in in the virtual room, over several interruptions."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    trials: list[Trial]
    stop_p50_ms: float
    stop_p95_ms: float
    kept_from_first_word: int
    answered: int


def room_trial(whisper: "Transcriber", folder: Path, n: int, voice: "Synthesizer") -> Trial:
    """attune opens an evening in the room; 1 s into the opening a second voice speaks over it,
    and the session answers that turn (one turn, then its close)."""
    from assistant.adapters.interruptible import InterruptibleSpeaker
    from assistant.adapters.microphone import BARGE_IN_BLOCK_S, SoundDeviceMicrophone
    from assistant.adapters.playback import play
    from assistant.adapters.silero import SileroVoiceActivity
    from assistant.adapters.voice import Pyttsx3Synthesizer
    from assistant.captions import Captions
    from assistant.config import Settings
    from assistant.duplex import BargeIn
    from assistant.endpoint import EndpointConfig
    from assistant.flows.evening import EveningFlow
    from assistant.journal import Journal
    from assistant.listen import Listener
    from assistant.prompts import load_library
    from assistant.session import Session

    voice_id, rate, text = INTERRUPTIONS[n % len(INTERRUPTIONS)]
    person = Pyttsx3Synthesizer(Settings(voice=voice_id, speech_rate_wpm=rate)).synthesize(text)
    once = threading.Event()

    def first_sample() -> None:
        if not once.is_set():
            once.set()
            threading.Timer(INTERRUPT_AFTER_S, play, (person,)).start()

    speaker = InterruptibleSpeaker(voice, on_first_sample=first_sample)
    microphone = SoundDeviceMicrophone(None, BARGE_IN_BLOCK_S)
    microphone.start()
    config = EndpointConfig()
    barge_in = BargeIn(speaker, pre_roll_frames=config.pre_roll_frames)
    listener = Listener(microphone, SileroVoiceActivity(), whisper, config, barge_in=barge_in)
    flow = EveningFlow(load_library(), open_commitments=[], recent_prompt_ids=set())
    with Journal.open(folder / f"barge-in-{n}.sqlite3") as journal, open(os.devnull, "w") as out:
        try:
            session = Session(flow, listener, Captions(out), speaker, journal, max_turns=1)
            listener.on_speculation = session.prepare_reply
            session.run()
        finally:
            microphone.close()
        turns = journal.session(journal.last_session_id() or 0).turns
    heard = barge_in.interruptions[0] if barge_in.interruptions else None
    stop_s = detect = drain = float("nan")
    if heard is not None and heard.raw:
        person_16k = resample(person.samples, person.sample_rate_hz)
        onset, end = reply_end(np.concatenate(heard.raw), person_16k)
        stop_s = (end - onset) / SAMPLE_RATE_HZ
        if heard.decided_at is not None:
            detect = (heard.decided_at - onset) / 16.0
            drain = (end - heard.decided_at) / 16.0
    return Trial(
        said=text,
        heard=turns[0].transcript if turns else "",
        reply=turns[0].reply if turns else "",
        stop_ms=stop_s * 1000,
        decided_ms=(heard.detect_ms or 0.0) if heard is not None else 0.0,
        interrupted=len(speaker.interrupted),
        onset_to_decision_ms=detect,
        decision_to_silence_ms=drain,
    )


def attune_voice() -> "Synthesizer":
    """attune's default voice on this machine (Festival's HTS voice on Linux)."""
    from assistant.adapters.voices import open_voice
    from assistant.config import Settings

    return open_voice(Settings(), lambda _note: None)


def first_word_kept(trial: Trial) -> bool:
    """Whether the turn heard begins with the first word the second voice said."""
    first = trial.said.split()[0].strip(",.?!").lower()
    return trial.heard.strip(" ,.").lower().startswith(first)


def measure_barge_in(whisper: "Transcriber", folder: Path, trials: int = 10) -> BargeInReport:
    """`trials` interruptions in the room (with the room kept awake), and their figures."""
    with awake_room():
        voice = attune_voice()
        done = [room_trial(whisper, folder, n, voice) for n in range(trials)]
    stops = [t.stop_ms for t in done]
    return BargeInReport(
        trials=done,
        stop_p50_ms=float(np.nanpercentile(stops, 50)),
        stop_p95_ms=float(np.nanpercentile(stops, 95)),
        kept_from_first_word=sum(first_word_kept(t) for t in done),
        answered=sum(bool(t.reply) for t in done),
    )


@contextmanager
def awake_room() -> Iterator[None]:
    """Keep the output running (playing silence) while the block runs: an idle PulseAudio
    null sink stops feeding its monitor, and waking it delays the next sound by up to 1 s."""
    from assistant.adapters.portaudio import sounddevice

    sd = sounddevice()
    stop = threading.Event()

    def hum() -> None:
        zeros = np.zeros((1024, 1), np.float32)
        with sd.OutputStream(samplerate=SAMPLE_RATE_HZ, channels=1, dtype="float32") as stream:
            while not stop.is_set():
                stream.write(zeros)

    worker = threading.Thread(target=hum, daemon=True, name="attune-awake-room")
    worker.start()
    time.sleep(0.3)
    try:
        yield
    finally:
        stop.set()
        worker.join()


def barge_in_lines(report: BargeInReport) -> list[str]:
    """The bench's lines about barge-in."""
    n = len(report.trials)
    return [
        f"Barge-in in the room ({n} interruptions 1 s into a reply):",
        f"  reply stopped after the first syllable  p50 {report.stop_p50_ms:6.0f} ms   "
        f"p95 {report.stop_p95_ms:6.0f} ms",
        f"  heard from the first word {report.kept_from_first_word}/{n}, "
        f"answered {report.answered}/{n}",
    ]


OWN_REPLIES = (
    "Let me check I have it: you felt unseen when he forgot. Is that right?",
    "Thank you for staying with this. It can be hard to say out loud. Is there more?",
    "You said you felt left out when they made plans without you. What did you need then?",
    "Good evening. Take a breath, and tell me about one moment from today with someone close.",
    "I hear how much you miss the way things were between you. What would help right now?",
    "It sounds like that evening stayed with you long after it ended, and I wonder what it was "
    "like to carry it alone.",
)
"""Replies of attune's kinds, spoken alone in the room: none may be taken for a person
(shortest first, so the device test's few are quick)."""
OWN_RATES = (130, 145, 175)


class OwnVoiceReport(BaseModel):
    """attune's replies alone in the room: how often it took its own voice for a person."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    replies: int
    false_barge_ins: int
    correlations: list[float]
    """How well the echo matched each reply when it was found (0.0: never found)."""


def measure_own_voice(replies: int, dump: Path | None = None) -> OwnVoiceReport:
    """Speak `replies` lines alone in the room while barge-in watches; with `dump`, save the
    microphone and the reply of each false barge-in there (to replay offline)."""
    from assistant.adapters.interruptible import InterruptibleSpeaker
    from assistant.adapters.microphone import BARGE_IN_BLOCK_S, SoundDeviceMicrophone
    from assistant.adapters.silero import SileroVoiceActivity
    from assistant.duplex import BargeIn

    speaker = InterruptibleSpeaker(attune_voice())
    microphone = SoundDeviceMicrophone(None, BARGE_IN_BLOCK_S)
    microphone.start()
    barge_in, vad = BargeIn(speaker), SileroVoiceActivity()
    frames = iter(microphone.frames())
    false, correlations = 0, []
    try:
        with awake_room():
            for n in range(replies):
                speaker.synthesizer.rate_wpm = OWN_RATES[n % len(OWN_RATES)]
                with barge_in.watch(frames, vad) as heard:
                    speaker.say(OWN_REPLIES[n % len(OWN_REPLIES)])
                correlations.append(heard.correlation)
                if heard.barged_in:
                    false += 1
                    if dump is not None and heard.playback is not None:
                        mic = np.concatenate(heard.raw)
                        np.savez(dump / f"false-{n}.npz", mic=mic, ref=heard.playback.samples)
                microphone.discard_pending()
    finally:
        microphone.close()
    return OwnVoiceReport(replies=replies, false_barge_ins=false, correlations=correlations)
