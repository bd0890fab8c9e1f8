"""The safety gate: recognise crisis, violence and abuse before any theme or prompt.

``check`` runs on every utterance (pure regex, no heavy imports); ``crisis_reply`` is what
attune says instead of an exercise when it fires; ``ends_joint_work`` and
``individual_support_note`` decide what happens next in couples mode.
"""

from assistant.safety.reply import (
    crisis_reply,
    crisis_reply_lines,
    ends_joint_work,
    individual_support_note,
    resource_card,
)
from assistant.safety.resources import Resource, load_resources, resources_for
from assistant.safety.types import ABUSE_KINDS, SafetyCheck, SafetyKind, SafetyLevel


def check(text: str) -> SafetyCheck:
    """Check one utterance for crisis, violence or abuse; empty text is never a crisis.

    The gate's patterns are compiled on the first check, not on import, so commands that only
    read the journal start quickly.
    """
    from assistant.safety.gate import check as gate_check

    return gate_check(text)


__all__ = [
    "ABUSE_KINDS",
    "Resource",
    "SafetyCheck",
    "SafetyKind",
    "SafetyLevel",
    "check",
    "crisis_reply",
    "crisis_reply_lines",
    "ends_joint_work",
    "individual_support_note",
    "load_resources",
    "resource_card",
    "resources_for",
]
