"""End-of-turn detection on 32 ms frames, counting audio time (pure: no device, no clock).

The listener feeds one speech probability per frame and, when asked to (`SPECULATE`), the
partial transcript's verdict and, when it has one, the audio model's probability that the turn
is finished (`hint`). How long the machine waits through silence depends on both: a finished
sentence that also sounds finished ends the turn quickly; one that does not sound finished, a
preamble ("I don't know.", "It's hard to explain.") or a subordinate clause standing alone
("When he walked out of the room.") waits as for an unsure clause; an unfinished clause ("and",
"because", "um", "I felt …") waits longest.
"""

import re
from dataclasses import dataclass, replace
from enum import StrEnum

from assistant.audio import FRAME_SAMPLES, SAMPLE_RATE_HZ
from assistant.errors import ConfigError
from assistant.voice_commands import match_command

FRAME_MS = FRAME_SAMPLES * 1000 / SAMPLE_RATE_HZ
"""32 ms: the audio time one frame stands for."""


class PauseProfile(StrEnum):
    """How patiently attune waits through silence before answering."""

    SHORT = "short"
    NORMAL = "normal"
    PATIENT = "patient"
    UNHURRIED = "unhurried"
    """For slow or halting speech: pauses never end a turn; "I'm done", Enter, or half a
    minute of silence does."""


_PROFILE_SCALE = {PauseProfile.SHORT: 0.6, PauseProfile.NORMAL: 1.0, PauseProfile.PATIENT: 1.6}
UNHURRIED_SILENCE_MS = 30_000


class Completeness(StrEnum):
    """What the partial transcript says about whether the person has finished."""

    FINISHED = "finished"
    UNFINISHED = "unfinished"
    UNSURE = "unsure"
    DONE_PHRASE = "done_phrase"


class Event(StrEnum):
    """What the machine tells the listener after a frame."""

    TURN_STARTED = "turn_started"
    SPECULATE = "speculate"
    TURN_ENDED = "turn_ended"
    TURN_CAPPED = "turn_capped"
    TURN_DISCARDED = "turn_discarded"
    LONG_SILENCE = "long_silence"


@dataclass(frozen=True)
class EndpointConfig:
    """Thresholds of the end-of-turn machine; every duration is audio time."""

    speech_threshold: float = 0.5
    silence_threshold: float = 0.35
    pre_roll_ms: int = 480
    start_speech_ms: int = 96
    min_speech_ms: int = 200
    speculate_after_ms: int = 224
    finished_silence_ms: int = 700
    sounds_finished_silence_ms: int = 450
    """A finished sentence that the audio model also hears as finished."""
    audio_finished_threshold: float = 0.5
    unsure_silence_ms: int = 3600
    unfinished_silence_ms: int = 4500
    max_utterance_ms: int = 120_000
    reprompt_after_ms: int = 20_000

    @property
    def pre_roll_frames(self) -> int:
        """Frames kept from before speech starts, so first words are never clipped."""
        return _frames(self.pre_roll_ms)

    @property
    def start_frames(self) -> int:
        """Frames of speech in a row that start a turn."""
        return _frames(self.start_speech_ms)

    def wait_ms(self, verdict: Completeness | None, finished_p: float | None = None) -> int:
        """Silence that ends a turn, given the partial transcript's verdict (None: not known)
        and the audio model's probability that the turn is finished (None: no audio model)."""
        if verdict is Completeness.DONE_PHRASE:
            return 0
        if verdict is Completeness.FINISHED:
            if finished_p is None:
                return self.finished_silence_ms
            if finished_p >= self.audio_finished_threshold:
                return min(self.sounds_finished_silence_ms, self.finished_silence_ms)
            return self.finished_silence_ms
        if verdict is Completeness.UNFINISHED:
            return self.unfinished_silence_ms
        return self.unsure_silence_ms


def config_for(pause: str | PauseProfile | int | None, **overrides: int) -> EndpointConfig:
    """The config for `--pause short|normal|patient` or a wait in milliseconds after a
    finished sentence (an unsure clause waits 3.6× that, an unfinished one 4.5×)."""
    base = EndpointConfig()
    base = replace(base, **overrides) if overrides else base
    if pause is None or pause == "":
        return base
    if isinstance(pause, int) or str(pause).strip().isdigit():
        finished = max(int(pause), 100)
        return replace(
            base,
            finished_silence_ms=finished,
            sounds_finished_silence_ms=int(finished * 0.625),
            unsure_silence_ms=int(finished * 3.6),
            unfinished_silence_ms=int(finished * 4.5),
        )
    try:
        profile = PauseProfile(str(pause).strip().lower())
    except ValueError as exc:
        raise ConfigError(
            f"'{pause}' is not a pause setting. Use --pause short, normal, patient, "
            "unhurried, or a number of milliseconds."
        ) from exc
    if profile is PauseProfile.UNHURRIED:
        wait = UNHURRIED_SILENCE_MS
        return replace(
            base,
            finished_silence_ms=wait,
            sounds_finished_silence_ms=wait,
            unsure_silence_ms=wait,
            unfinished_silence_ms=wait,
            reprompt_after_ms=2 * wait,
        )
    scale = _PROFILE_SCALE[profile]
    return replace(
        base,
        finished_silence_ms=int(base.finished_silence_ms * scale),
        sounds_finished_silence_ms=int(base.sounds_finished_silence_ms * scale),
        unsure_silence_ms=int(base.unsure_silence_ms * scale),
        unfinished_silence_ms=int(base.unfinished_silence_ms * scale),
    )


def _frames(ms: float) -> int:
    """Whole frames covering `ms` of audio (at least one for a positive duration)."""
    return max(int(-(-ms // FRAME_MS)), 1 if ms > 0 else 0)


_DONE = re.compile(r"(?:^|\W)(i'?m done|i am done|that'?s all|that is all)\W*$", re.IGNORECASE)
_CONTINUES = frozenset(
    """and but or so because cause cuz since although though while when if unless until
    which who whose where like as than um uh er erm hmm mm ah the a an my your our their
    his every to of in on at for with from into by without between through i we they he
    she i'm we're they're he's she's i've we've i'd felt feel feeling think wish mean
    just really very also even""".split()  # noqa: SIM905
)
"""Last words that leave a clause unfinished: conjunctions, fillers, articles, subjects."""


_PREAMBLE = re.compile(
    r"^(?:(?:well|so|and|honestly|um|uh|okay|ok),?\s+)*(?:"
    r"i (?:do not|don'?t|just don'?t) know|i'?m not sure"
    r"|(?:it|that)'?s (?:hard|difficult|complicated)"
    r"|it is (?:hard|difficult)|(?:i )?keep thinking|i'?ve been thinking|i was thinking"
    r"|let me think|how do i (?:say|put)|the thing is|where do i (?:start|begin)|i guess"
    r"|you know|here'?s the thing|i mean"
    r")(?:[\s,]+[\w'-]+){0,4}[\s.!?]*$",
    re.IGNORECASE,
)
"""A short sentence that sets up what comes next: a hedge or an opener (with at most four
more words, as Whisper may hear them), said before the thought."""
_SUBORDINATE = re.compile(
    r"^(?:when|whenever|if|because|since|although|though|while|after|before|unless|until|"
    r"once|as soon as|every time|the moment)\b[^,;:]*[.!]?$",
    re.IGNORECASE,
)
"""A subordinate clause standing alone ("When he walked out of the room."): its main clause
is still to come."""


def sets_up_more(text: str) -> bool:
    """Whether the last sentence only sets up the next: a preamble or a lone subordinate
    clause. Empty text is False."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
    if not sentences:
        return False
    last = sentences[-1].strip()
    return bool(_PREAMBLE.match(last) or _SUBORDINATE.match(last))


def judge_partial(text: str) -> Completeness:
    """Read a partial transcript: finished sentence, unfinished clause, "I'm done", or unsure.

    Empty text is UNSURE.
    """
    stripped = text.strip()
    if _DONE.search(stripped):
        return Completeness.DONE_PHRASE
    words = re.findall(r"[a-z']+", stripped.lower())
    if not words:
        return Completeness.UNSURE
    if stripped.endswith(("...", "…", ",", "-", "—", ";", ":")) or words[-1] in _CONTINUES:
        return Completeness.UNFINISHED
    if match_command(stripped) is not None:
        return Completeness.FINISHED
    if sets_up_more(stripped):
        return Completeness.UNSURE
    if stripped.endswith((".", "!", "?")):
        return Completeness.FINISHED if len(words) >= 3 else Completeness.UNSURE
    return Completeness.UNSURE


def strip_done_phrase(text: str) -> str:
    """The text without a closing "I'm done" / "that's all"; the phrase alone stays as it is."""
    rest = _DONE.sub("", text.strip()).strip(" ,.;-")
    return rest + "." if rest and rest[-1].isalnum() else (rest or text.strip())


@dataclass
class Endpointer:
    """The end-of-turn state machine: push one speech probability per 32 ms frame."""

    config: EndpointConfig = EndpointConfig()

    def __post_init__(self) -> None:
        self.restart()

    def restart(self, *, allow_reprompt: bool = True) -> None:
        """Start waiting for a new turn; the re-prompt may fire once again if allowed."""
        self.in_turn = False
        self._onset = 0
        self._idle_frames = 0
        if allow_reprompt:
            self._reprompted = False
        self._clear_turn()

    def _clear_turn(self) -> None:
        self.turn_frames = 0
        self.speech_frames = 0
        self.silence_frames = 0
        self.verdict: Completeness | None = None
        self.finished_p: float | None = None
        self._speculated = False

    def hint(self, verdict: Completeness, finished_p: float | None = None) -> None:
        """The partial transcript's verdict for the current silence (after SPECULATE), and
        the audio model's probability that the turn is finished, when there is one."""
        if self.in_turn:
            self.verdict = verdict
            self.finished_p = finished_p

    def push(self, probability: float) -> Event | None:
        """Advance one frame of audio; returns what happened, if anything."""
        return self._in_turn(probability) if self.in_turn else self._idle(probability)

    def force_end(self) -> Event | None:
        """End the current turn now (Enter pressed, "I'm done" heard); None when idle."""
        return self._finish() if self.in_turn else None

    def _idle(self, probability: float) -> Event | None:
        self._idle_frames += 1
        self._onset = self._onset + 1 if probability >= self.config.speech_threshold else 0
        if self._onset >= self.config.start_frames:
            self.in_turn = True
            self._clear_turn()
            self.turn_frames = self.speech_frames = self._onset
            self._onset = 0
            return Event.TURN_STARTED
        if not self._reprompted and self._idle_frames >= _frames(self.config.reprompt_after_ms):
            self._reprompted = True
            return Event.LONG_SILENCE
        return None

    def _in_turn(self, probability: float) -> Event | None:
        cfg = self.config
        self.turn_frames += 1
        if probability >= cfg.speech_threshold or (
            self.silence_frames == 0 and probability >= cfg.silence_threshold
        ):
            self.speech_frames += 1
            self.silence_frames = 0
            self.verdict = None
            self.finished_p = None
            self._speculated = False
        else:
            self.silence_frames += 1
        if self.turn_frames >= _frames(cfg.max_utterance_ms):
            self._end_turn()
            return Event.TURN_CAPPED
        if self.silence_frames == 0:
            return None
        if not self._speculated and self.silence_frames >= _frames(cfg.speculate_after_ms):
            self._speculated = True
            return Event.SPECULATE
        if self.silence_frames >= _frames(cfg.wait_ms(self.verdict, self.finished_p)):
            return self._finish()
        return None

    def _finish(self) -> Event:
        heard_enough = self.speech_frames >= _frames(self.config.min_speech_ms)
        self._end_turn()
        return Event.TURN_ENDED if heard_enough else Event.TURN_DISCARDED

    def _end_turn(self) -> None:
        self.in_turn = False
        self._idle_frames = 0
        self._onset = 0
