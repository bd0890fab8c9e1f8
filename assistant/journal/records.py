"""What the journal hands back: sessions, turns, commitments and weekly theme counts."""

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from assistant.safety import SafetyKind
from assistant.themes.taxonomy import Theme, ThemeScore


class CommitmentStatus(StrEnum):
    """Where a commitment stands (saved in the journal and JSON output)."""

    OPEN = "open"
    DONE = "done"
    NOT_DONE = "not_done"


class TurnRecord(BaseModel):
    """One finished turn: what a person said, what attune heard in it and what it answered."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: int
    session_id: int
    position: int
    """1 for the first turn of its session."""
    spoken_at: datetime
    speaker: str | None
    transcript: str
    top_theme: Theme | None
    """None when no theme was read (for example when the safety gate fired)."""
    themes: list[ThemeScore] = Field(default_factory=list)
    crisis: bool = False
    safety_kind: SafetyKind | None = None
    reply: str
    prompt_ids: list[str] = Field(default_factory=list)
    step: str = ""
    duration_s: float = 0.0


class CommitmentRecord(BaseModel):
    """A small action someone named, and what they said about it later."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: int
    session_id: int
    who: str | None
    text: str
    made_at: datetime
    status: CommitmentStatus = CommitmentStatus.OPEN
    follow_up_answer: str | None = None
    followed_up_at: datetime | None = None


class ThemeCount(BaseModel):
    """How many turns had one theme on top."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    theme: Theme
    turns: int


class SessionSummary(BaseModel):
    """One line of history: when, which mode, who, what came up, what was promised."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: int
    started_at: datetime
    ended_at: datetime | None
    mode: str
    names: list[str] = Field(default_factory=list)
    turn_count: int = 0
    themes: list[ThemeCount] = Field(default_factory=list)
    """Top themes of the turns, most frequent first; neutral turns are left out."""
    commitments: list[str] = Field(default_factory=list)
    summary: str = ""


class SessionRecord(BaseModel):
    """One whole session as stored: its summary, every turn and its commitments."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    session: SessionSummary
    turns: list[TurnRecord] = Field(default_factory=list)
    commitments: list[CommitmentRecord] = Field(default_factory=list)


class WeekThemeCounts(BaseModel):
    """How often each theme was the top theme of a turn during one ISO week."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    year: int
    week: int
    """ISO week number, 1 to 53."""
    counts: dict[Theme, int] = Field(default_factory=dict)

    @property
    def label(self) -> str:
        """The ISO week as people write it, e.g. 2024-W05."""
        return f"{self.year}-W{self.week:02d}"

    @property
    def monday(self) -> date:
        """The first day of the week."""
        return date.fromisocalendar(self.year, self.week, 1)
