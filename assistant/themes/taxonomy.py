"""The twelve attachment themes and the shape of a classification result."""

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Theme(StrEnum):
    """Theme ids, exactly as used in JSON output, the journal and the prompt library."""

    SHAME = "shame"
    REMORSE = "remorse"
    MISTRUST = "mistrust"
    BETRAYAL = "betrayal"
    GRIEF = "grief"
    ANGER = "anger"
    FEAR = "fear"
    LONELINESS = "loneliness"
    WITHDRAWAL = "withdrawal"
    LONGING = "longing"
    HOPE = "hope"
    NEUTRAL = "neutral"


class ThemeScore(BaseModel):
    """One theme's score in [0, 1] and the words that carried it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    theme: Theme
    score: float = Field(ge=0.0, le=1.0)
    evidence: list[str] = Field(default_factory=list)


class ThemeReading(BaseModel):
    """What was heard in one utterance: every theme's score, sorted high to low, and the top."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    top: Theme
    themes: list[ThemeScore]

    def score(self, theme: Theme) -> float:
        """The score of one theme (0.0 when it is not listed)."""
        return next((s.score for s in self.themes if s.theme == theme), 0.0)
