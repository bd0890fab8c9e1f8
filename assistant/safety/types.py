"""The gate's vocabulary: what kind of crisis was heard, and the verdict on one utterance."""

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


class SafetyKind(StrEnum):
    """What kind of crisis an utterance disclosed (saved in the journal and JSON output).

    Ordered from most to least urgent: when several fire, the first is the verdict's kind.
    """

    SELF_HARM = "self_harm"
    """Suicidal thoughts or self-harm, including indirect ones, or fear that someone will."""
    HARM_TO_OTHERS = "harm_to_others"
    """The speaker fears they will hurt, or has hurt, their partner or someone else."""
    VIOLENCE = "violence"
    """Physical violence, threats, or fear of harm done to the speaker or the children."""
    ABUSE = "abuse"
    """Sexual violence, or a relationship named as abusive."""
    COERCIVE_CONTROL = "coercive_control"
    """Control of money, phone, movement or contact with family and friends."""


ABUSE_KINDS = frozenset(
    {
        SafetyKind.HARM_TO_OTHERS,
        SafetyKind.VIOLENCE,
        SafetyKind.ABUSE,
        SafetyKind.COERCIVE_CONTROL,
    }
)
"""Kinds that disclose harm between people (as opposed to harm to oneself)."""


class SafetyLevel(StrEnum):
    """How sure the gate is that there is current risk (saved in JSON output and the journal)."""

    CLEAR = "clear"
    """Nothing found."""
    CHECK_IN = "check_in"
    """Possible risk: attune asks once, directly and warmly, and the answer decides."""
    CRISIS = "crisis"
    """Clear current risk: attune stops the exercise and answers with care and resources."""


class SafetyCheck(BaseModel):
    """The gate's verdict on one utterance; ``crisis`` is true exactly when ``level`` is crisis."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    crisis: bool = False
    level: SafetyLevel = SafetyLevel.CLEAR
    score: float = 0.0
    """The gate's confidence in current risk, 0 to 1."""
    kind: SafetyKind | None = None
    """The most urgent kind heard; None when there is no crisis."""
    evidence: list[str] = Field(default_factory=list)
    """The words that fired the gate, lower-cased, in the order they were said."""
    kinds: list[SafetyKind] = Field(default_factory=list)
    """Every kind heard, most urgent first (``kind`` is the first)."""

    @model_validator(mode="before")
    @classmethod
    def _level_follows_crisis(cls, data: Any) -> Any:
        """Keep ``crisis`` and ``level`` in step, whichever of the two the caller gave."""
        if not isinstance(data, dict):
            return data
        given = dict(data)
        if "level" in given:
            given["crisis"] = SafetyLevel(given["level"]) is SafetyLevel.CRISIS
        elif given.get("crisis"):
            given["level"] = SafetyLevel.CRISIS
        if given.get("crisis") and "score" not in given:
            given["score"] = 1.0
        return given
