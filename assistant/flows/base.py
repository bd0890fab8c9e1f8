"""What every conversation flow receives and returns; flows never touch a device."""

from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from assistant.themes.taxonomy import Theme, ThemeReading


class Utterance(BaseModel):
    """One finished turn of speech (or typed text) from a person."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    speaker: str | None = None
    duration_s: float = 0.0


class Commitment(BaseModel):
    """One small action a person said they would take."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    who: str | None
    text: str


class OpenCommitment(BaseModel):
    """A commitment from an earlier session that has not been followed up yet."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: int
    who: str | None
    text: str


class FollowUp(BaseModel):
    """What a person said about an earlier commitment."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    commitment_id: int
    answer: str
    done: bool


class FlowReply(BaseModel):
    """What attune says next and what the session should record."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    lines: list[str]
    step: str
    prompt_ids: list[str] = Field(default_factory=list)
    next_speaker: str | None = None
    commitments: list[Commitment] = Field(default_factory=list)
    follow_ups: list[FollowUp] = Field(default_factory=list)
    themes_heard: list[Theme] = Field(default_factory=list)
    done: bool = False

    @property
    def text(self) -> str:
        """All lines as one string to speak."""
        return " ".join(self.lines)


class Flow(Protocol):
    """A conversation: an opening, then one reply per utterance until done."""

    def opening(self) -> FlowReply:
        """What attune says first (privacy note, follow-ups, first question)."""
        ...

    def respond(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        """Decide what attune says after a person spoke."""
        ...

    def close(self) -> FlowReply:
        """The spoken closing summary, when the person ends early or says goodbye."""
        ...
