"""The safety gate: recognise crisis, violence and abuse before any theme or prompt."""

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class SafetyKind(StrEnum):
    """What kind of crisis an utterance disclosed (saved in the journal and JSON output)."""

    SELF_HARM = "self_harm"
    VIOLENCE = "violence"
    ABUSE = "abuse"
    HARM_TO_OTHERS = "harm_to_others"


class SafetyCheck(BaseModel):
    """The gate's verdict on one utterance."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    crisis: bool = False
    kind: SafetyKind | None = None
    evidence: list[str] = []


_FIRST_CUES: dict[SafetyKind, str] = {
    SafetyKind.SELF_HARM: r"\b(kill myself|suicid\w*|end my life|hurting myself)\b",
    SafetyKind.VIOLENCE: r"\b(hit me|threw \w+ at me|threatened me|grabbed my throat)\b",
}


def check(text: str) -> SafetyCheck:
    """Check one utterance; empty text is never a crisis."""
    lowered = text.lower()
    for kind, pattern in _FIRST_CUES.items():
        found = re.search(pattern, lowered)
        if found:
            return SafetyCheck(crisis=True, kind=kind, evidence=[found.group(0)])
    return SafetyCheck()


def crisis_reply(result: SafetyCheck) -> str:
    """What attune says instead of an exercise when the gate fires."""
    return (
        "Thank you for telling me. What you just said matters, and I want to pause the "
        "exercise. Are you safe right now? I can't contact anyone for you, but people can help: "
        "call or text 988 for the Suicide and Crisis Lifeline, call the National Domestic "
        "Violence Hotline at 1-800-799-7233 or text START to 88788, or call your local "
        "emergency number."
    )
