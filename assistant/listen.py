"""Hands-free turns from a microphone: VAD, patient end-of-turn, speculative transcription.

`Listener` is an UtteranceSource. It reads 32 ms frames, asks the voice detector about each,
lets the end-of-turn machine (`assistant.endpoint`) decide, and while the trailing silence is
being counted it transcribes what was said so far, so the text is ready the moment the turn
is judged finished. While attune speaks (`speaking()`), what the microphone hears is dropped —
unless barge-in is on (`assistant.duplex`): then a person speaking over the reply stops it, and
their words, from the first syllable, begin the next turn.
"""

import queue
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np

from assistant.audio import AudioClip, Samples
from assistant.config import Settings
from assistant.endpoint import (
    FRAME_MS,
    Completeness,
    EndpointConfig,
    Endpointer,
    Event,
    config_for,
    judge_partial,
    strip_done_phrase,
)
from assistant.flows.base import Utterance
from assistant.hallucinations import is_silence_phrase
from assistant.ports import Microphone, Speaker, Transcriber, TurnDetector, VoiceActivity

if TYPE_CHECKING:
    from assistant.duplex import BargeIn

CAP_NOTE = "Thank you. That was a lot to hold; let me reflect on what I've heard so far."
REPROMPT = "I'm still here, whenever you're ready. There's no rush."
TAIL_MS = 400
"""Microphone audio dropped after attune stops speaking (speaker and device latency)."""


_TURN_ENDS = (Event.TURN_ENDED, Event.TURN_CAPPED, Event.TURN_DISCARDED)


@runtime_checkable
class Flushable(Protocol):
    """A microphone that can drop what it captured in the background."""

    def discard_pending(self) -> None: ...


@dataclass(frozen=True)
class TurnTiming:
    """When the last turn was judged finished, for latency measurements."""

    ended_at_s: float
    """time.perf_counter() at the moment the end of turn was decided."""
    speculative_hit: bool
    """Whether the text came from the speculative transcription (no wait for Whisper)."""
    audio_s: float
    """Length of the turn's audio, pre-roll and trailing silence included."""
    ended_at_audio_s: float
    """Audio time since the microphone opened at which the turn was judged finished."""
    capped: bool = False
    verdict: Completeness | None = None
    """The words' verdict at the last speculation (None: never speculated)."""
    finished_p: float | None = None
    """The audio model's probability that the turn was finished (None: no audio model)."""


class Listener:
    """Turns of speech from a microphone, one finished utterance per `next_utterance()`."""

    def __init__(
        self,
        microphone: Microphone,
        vad: VoiceActivity,
        transcriber: Transcriber,
        config: EndpointConfig | None = None,
        *,
        speculative: bool = True,
        speaker: Speaker | None = None,
        caption: Callable[[str], None] | None = None,
        enter_ends_turn: bool = False,
        speaker_name: str | None = None,
        turn_detector: TurnDetector | None = None,
        barge_in: "BargeIn | None" = None,
    ) -> None:
        self.microphone = microphone
        self.vad = vad
        self.transcriber = transcriber
        self.config = config or EndpointConfig()
        self.speculative = speculative
        self.speaker = speaker
        self.caption = caption
        self.speaker_name = speaker_name
        self.turn_detector = turn_detector
        self.barge_in = barge_in
        self.machine = Endpointer(self.config)
        self.last_timing: TurnTiming | None = None
        self.on_speculation: Callable[[str], None] | None = None
        """Told the speculative transcript of a turn that sounds finished, so the reply can
        be worked out and rendered while the end-of-turn silence runs on."""
        self.last_clip: AudioClip | None = None
        """The audio of the last turn (kept on disk only with --keep-audio)."""
        self._frames: _Frames | None = None
        self._ended = False
        self._skip_frames = 0
        self.frames_read = 0
        self._enter = _EnterKey() if enter_ends_turn and sys.stdin.isatty() else None

    def next_utterance(self) -> Utterance | None:
        """Wait for the next turn with words in it; None when the microphone stream ended."""
        self.machine.restart()
        while not self._ended:
            said = self._one_turn()
            if said is not None:
                return said
        return None

    @contextmanager
    def speaking(self) -> Iterator[None]:
        """While attune speaks and for TAIL_MS after, microphone audio is dropped; with
        barge-in, words spoken over the reply stop it and become the start of the next turn."""
        if self.barge_in is None:
            try:
                yield
            finally:
                self._after_speaking()
            return
        with self.barge_in.watch(self._stream(), self.vad) as heard:
            yield
        if not heard.barged_in:
            self._after_speaking()
            return
        self.vad.reset()
        self.machine.restart(allow_reprompt=False)
        self._stream().pending.extend(heard.frames)

    def _after_speaking(self) -> None:
        self._flush()
        self._skip_frames = max(int(TAIL_MS / FRAME_MS), 1)

    def _flush(self) -> None:
        if isinstance(self.microphone, Flushable):
            self.microphone.discard_pending()
        self.vad.reset()
        self.machine.restart(allow_reprompt=False)

    def _stream(self) -> "_Frames":
        if self._frames is None:
            self._frames = _Frames(self.microphone.frames())
        return self._frames

    def _one_turn(self) -> Utterance | None:
        """Read frames until a turn ends; None for a turn with no words or end of input."""
        turn = self._new_turn()
        for frame in self._stream():
            self.frames_read += 1
            if self._skip_frames:
                self._skip_frames -= 1
                continue
            event = self.machine.push(self.vad.probability(frame))
            turn.add(frame, self.machine.in_turn or event in _TURN_ENDS)
            typed = self._enter.take() if self._enter is not None else None
            if typed:
                return Utterance(text=typed, speaker=self.speaker_name)
            if typed == "" and self.machine.in_turn:
                event = self.machine.force_end()
            if event is None or event is Event.TURN_STARTED:
                continue
            if event is Event.SPECULATE:
                event = self._speculate(turn)
            if event is Event.LONG_SILENCE:
                self._notice(REPROMPT)
            elif event is Event.TURN_DISCARDED:
                turn = self._new_turn()
            elif event in (Event.TURN_ENDED, Event.TURN_CAPPED):
                return self._finish(turn, capped=event is Event.TURN_CAPPED)
        self._ended = True
        return self._finish(turn, capped=False) if self.machine.in_turn else None

    def _new_turn(self) -> "_Turn":
        """An empty turn keeping the pre-roll plus the frames that confirmed speech began."""
        return _Turn(self.config.pre_roll_frames + self.config.start_frames)

    def _speculate(self, turn: "_Turn") -> Event | None:
        """Transcribe what was said so far; "I'm done" ends the turn at once."""
        if not self.speculative:
            return None
        turn.transcribe(self.transcriber, self.machine.speech_frames)
        verdict = judge_partial(turn.text)
        finished_p = None
        if self.turn_detector is not None and verdict is Completeness.FINISHED:
            finished_p = self.turn_detector.finished_probability(turn.clip().samples)
        self.machine.hint(verdict, finished_p)
        if verdict is Completeness.DONE_PHRASE:
            return self.machine.force_end()
        if self.on_speculation is not None and turn.text and verdict is not Completeness.UNFINISHED:
            self.on_speculation(strip_done_phrase(turn.text))
        return None

    def _finish(self, turn: "_Turn", capped: bool) -> Utterance | None:
        """The utterance of a finished turn; nothing for a turn Whisper heard no words in."""
        ended_at = time.perf_counter()
        hit = turn.transcribed_at_speech == self.machine.speech_frames
        if not hit:
            turn.transcribe(self.transcriber, self.machine.speech_frames)
        heard_s = self.frames_read * FRAME_MS / 1000
        self.last_timing = TurnTiming(
            ended_at, hit, turn.duration_s, heard_s, capped,
            self.machine.verdict, self.machine.finished_p,
        )  # fmt: skip
        self.last_clip = turn.clip()
        text = strip_done_phrase(turn.text) if turn.text else ""
        if capped:
            self._notice(CAP_NOTE)
        if is_silence_phrase(text):
            return None
        return Utterance(text=text, speaker=self.speaker_name, duration_s=turn.duration_s)

    def _notice(self, text: str) -> None:
        """Say a gentle note (re-prompt, cap) out loud, with its caption."""
        if self.caption is not None:
            self.caption(text)
        if self.speaker is not None:
            with self.speaking():
                self.speaker.say(text)


def open_listener(
    settings: Settings,
    device: int | str | None = None,
    pause: str | int | None = None,
    *,
    speaker: Speaker | None = None,
    caption: Callable[[str], None] | None = None,
    barge_in: bool = False,
) -> Listener:
    """The live listener: the microphone (by name or index), Silero VAD and Whisper.

    No microphone raises DeviceError; `speaker` and `caption` carry the gentle re-prompt and
    the note when a turn reaches its cap. With `barge_in` and a speaker that can be stopped,
    words said over a reply stop it and begin the next turn.
    """
    from assistant.adapters.microphone import BARGE_IN_BLOCK_S, BLOCK_S, SoundDeviceMicrophone
    from assistant.adapters.portaudio import parse_device
    from assistant.adapters.silero import SileroVoiceActivity
    from assistant.adapters.whisper import WhisperTranscriber

    chosen = parse_device(device) if isinstance(device, str) else device
    from assistant.adapters.turn import load_turn_detector

    detector = load_turn_detector()
    config = config_for(pause)
    watch = watch_over(speaker, config) if barge_in else None
    microphone = SoundDeviceMicrophone(chosen, BLOCK_S if watch is None else BARGE_IN_BLOCK_S)
    microphone.start()
    return Listener(
        microphone,
        SileroVoiceActivity(),
        WhisperTranscriber(settings),
        config,
        speaker=speaker,
        caption=caption,
        enter_ends_turn=True,
        turn_detector=detector,
        barge_in=watch,
    )


class _Frames:
    """The microphone's frames, after any handed back by a barge-in (heard over a reply)."""

    def __init__(self, live: Iterable[Samples]) -> None:
        self._live = iter(live)
        self.pending: deque[Samples] = deque()

    def __iter__(self) -> "_Frames":
        return self

    def __next__(self) -> Samples:
        return self.pending.popleft() if self.pending else next(self._live)


class _Turn:
    """The audio of one turn (with its pre-roll) and its latest speculative transcript."""

    def __init__(self, pre_roll_frames: int) -> None:
        self._pre_roll: deque[Samples] = deque(maxlen=max(pre_roll_frames, 1))
        self._frames: list[Samples] = []
        self.text = ""
        self.transcribed_at_speech = -1

    def add(self, frame: Samples, in_turn: bool) -> None:
        if in_turn:
            if not self._frames:
                self._frames.extend(self._pre_roll)
            self._frames.append(frame)
        else:
            self._pre_roll.append(frame)

    @property
    def duration_s(self) -> float:
        return len(self._frames) * FRAME_MS / 1000

    def clip(self) -> AudioClip:
        return AudioClip(np.concatenate(self._frames) if self._frames else np.zeros(0, np.float32))

    def transcribe(self, transcriber: Transcriber, speech_frames: int) -> None:
        """Transcribe the turn so far; `speech_frames` marks how much speech the text covers."""
        self.text = transcriber.transcribe(self.clip()).text.strip()
        self.transcribed_at_speech = speech_frames


class _EnterKey:
    """Watches stdin in the background: Enter ends the current turn; a typed line is a turn."""

    def __init__(self) -> None:
        self._lines: queue.SimpleQueue[str] = queue.SimpleQueue()
        threading.Thread(target=self._watch, daemon=True, name="attune-enter").start()

    def _watch(self) -> None:
        for line in sys.stdin:
            self._lines.put(line.strip())

    def take(self) -> str | None:
        """The line typed since the last call ("" for a bare Enter), or None."""
        try:
            return self._lines.get_nowait()
        except queue.Empty:
            return None


HALF_DUPLEX_NOTE = (
    "attune hears you between its replies, not over them (barge-in is off): words said while "
    "it speaks are not heard, so wait until it has finished ('--barge-in' turns it on)."
)
BARGE_IN_NOTE = (
    "attune listens while it speaks (barge-in): start talking over a reply and it stops and "
    "hears you, once it has found its own voice in the microphone by comparing it with what "
    "it plays (until then, and with a speaker it cannot stop, it listens between replies)."
)


def watch_over(speaker: Speaker | None, config: EndpointConfig) -> "BargeIn | None":
    """Barge-in for a speaker that can be stopped; None (half duplex) for any other."""
    from assistant.duplex import BargeIn
    from assistant.ports import Interruptible

    if speaker is None or not isinstance(speaker, Interruptible):
        return None
    return BargeIn(speaker, pre_roll_frames=config.pre_roll_frames)


def listening_note(barge_in: bool = True) -> str:
    """One line for `attune doctor` on how attune listens while it speaks."""
    return BARGE_IN_NOTE if barge_in else HALF_DUPLEX_NOTE
