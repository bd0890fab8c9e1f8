"""Compiles the cue lists (cues_harm.py, cues_abuse.py) and holds the figures of speech to ignore.

Patterns run on lower-cased text with straight apostrophes; ``'?`` lets typed text drop them.
Tokens in angle brackets (``<AGENT>``, ``<ME>``, ``<OTHER>`` …) expand to shared groups so
each cue reads like the sentence it catches. A cue marked ``negatable`` is ignored when its
clause is negated ("he has never hit me"); self-harm cues never are, because a denial of
suicidal thoughts is still worth a gentle check.
"""

import re
from dataclasses import dataclass

from assistant.safety.cues_abuse import ABUSE, ABUSE_TOPIC, COERCIVE_CONTROL, VIOLENCE
from assistant.safety.cues_harm import HARM_TO_OTHERS, SELF_HARM
from assistant.safety.types import SafetyKind

_REL = (
    r"(?:ex[- ]?)?(?:husband|wife|partner|spouse|boyfriend|girlfriend|bf|gf|fianc[eé]e?|dad|"
    r"father|mom|mum|mother|step ?dad|step ?father|step ?mom|step ?mum|step ?mother|brother|"
    r"sister|son|daughter|ex)"
)
_TOKENS = {
    "<KIDS>": (
        r"(?:the|my|our|his|her) (?:kids|children|child|baby|son|daughter|boys|girls|"
        r"little ones?)"
    ),
    "<AGENT>": rf"(?:he|she|they|my {_REL})",
    "<PERSON>": rf"(?:him|her|them|my {_REL})",
    "<ME>": r"(?:me|us|<KIDS>)",
    "<OTHER>": rf"(?:him|her|them|my {_REL}|<KIDS>|someone|somebody)",
    "<GAP>": r"(?:\s+[\w']+){0,3}?\s+",
    "<FEAR>": r"(?:scared|afraid|terrified|frightened|fearful)",
    "<WILL>": (
        r"(?:'?ll|'?d|\s+will|\s+would|\s+might|\s+could|\s+may|'s going to|\s+is going to|"
        r"\s+was going to|'s gonna|\s+is gonna|\s+was gonna)"
    ),
    "<LEAVE>": (
        r"(?:leave|left|try to leave|tried to leave|go|went|tell anyone|told anyone|tell someone|"
        r"told someone|call the police|called the police|report|reported)"
    ),
    "<END>": r"(?=\s*(?:$|[.!?;,]))",
}


def _expand(pattern: str) -> str:
    """Replace the angle-bracket tokens (nested ones too) with their regex groups."""
    for _ in range(3):
        for token, group in _TOKENS.items():
            pattern = pattern.replace(token, group)
    return pattern


@dataclass(frozen=True, slots=True)
class Cue:
    """One compiled phrase pattern that signals a kind of crisis."""

    kind: SafetyKind
    regex: re.Pattern[str]
    negatable: bool
    personal: bool = False
    """Fires only when its sentence speaks in the first person (a disclosure, not a topic)."""


FIGURES_OF_SPEECH = [
    re.compile(pattern)
    for pattern in (
        r"\bkill(?:ing|ed)?\s+myself\s+(?:laughing|with laughter)\b",
        r"\b(?:could|would|'d)\s+(?:have\s+)?(?:just\s+)?kill(?:ed)?\s+myself\s+for\b",
        r"\bshoot(?:ing)?\s+myself\s+in\s+the\s+foot\b|\bshot\s+myself\s+in\s+the\s+foot\b",
        r"\b(?:die|died|dying|dead)\s+(?:of|from|with)\s+(?:embarrassment|shame|laughter|"
        r"laughing|boredom|cringe|cuteness|happiness|jealousy|curiosity|envy|excitement)\b",
        r"\bcrawl\s+(?:in|into|under)\s+(?:a\s+)?(?:hole|rock)\s+and\s+die\b",
        r"\bdie\s+on\s+(?:this|that|the)\s+hill\b|\bdie\s+for\s+(?:a|an|some|this|that)\b",
        r"\b(?:career|political|social|professional|financial|commercial|fashion)\s+suicide\b",
        r"\bsuicide\s+(?:squad|doors?|mission|run|sprints?|drills?)\b",
        r"\bi\s+could\s+(?:just\s+|honestly\s+|literally\s+|have\s+)*(?:kill(?:ed)?|murder(?:ed)?|"
        r"strangled?|throttled?|wring|wrung)\s+(?:him|her|them|my\s+\w+)\b",
        r"\b(?:shot|shoots|shoot)\s+me\s+(?:a|an)\b|\bchok\w*\s+(?:me|us)\s+up\b",
        r"\bhit\s+(?:me|us)\s+up\b|\bbeats me\b",
        r"\b(?:substance|drug|alcohol|opioid|steroid|prescription|solvent|pill)\s+abuse\b",
        r"\babuse\s+of\s+(?:power|trust|process|privilege|discretion|authority|the system)\b",
    )
]

NEGATION = re.compile(
    r"\b(?:never|not|no|nobody|dont|didnt|doesnt|wont|wouldnt|hasnt|havent|isnt|wasnt|cant|"
    r"couldnt)\b|n't\b"
)
FIRST_PERSON = re.compile(r"\b(?:i|me|my|mine|myself|we|us|our|im|ive|id)\b")
SENTENCE_BREAK = re.compile(r"[.!?\n]")
CLAUSE_BREAK = re.compile(r"[.;!?,]|\b(?:but|and|though|although|yet|so|because|then)\b")


def _cues(kind: SafetyKind, entries: list[tuple[str, bool]]) -> list[Cue]:
    return [Cue(kind, re.compile(_expand(pattern)), negatable) for pattern, negatable in entries]


CUES: list[Cue] = [
    *_cues(SafetyKind.SELF_HARM, [(pattern, False) for pattern in SELF_HARM]),
    *_cues(SafetyKind.HARM_TO_OTHERS, HARM_TO_OTHERS),
    *_cues(SafetyKind.VIOLENCE, VIOLENCE),
    *_cues(SafetyKind.ABUSE, ABUSE),
    *[
        Cue(SafetyKind.ABUSE, re.compile(_expand(pattern)), negatable=False, personal=True)
        for pattern in ABUSE_TOPIC
    ],
    *_cues(SafetyKind.COERCIVE_CONTROL, COERCIVE_CONTROL),
]
"""Every cue, in the order of SafetyKind (most urgent first)."""
