"""The gate's vocabulary: what kind of crisis was heard, and the verdict on one utterance."""

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


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


class SafetyCheck(BaseModel):
    """The gate's verdict on one utterance."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    crisis: bool = False
    kind: SafetyKind | None = None
    """The most urgent kind heard; None when there is no crisis."""
    evidence: list[str] = Field(default_factory=list)
    """The words that fired the gate, lower-cased, in the order they were said."""
    kinds: list[SafetyKind] = Field(default_factory=list)
    """Every kind heard, most urgent first (``kind`` is the first)."""
