"""Compiles the cue lists (cues_*.py) and holds the figures of speech to ignore.

Patterns run on lower-cased text with straight apostrophes; ``'?`` lets typed text drop them.
Tokens in angle brackets (``<AGENT>``, ``<ME>``, ``<OTHER>`` …) expand to shared groups so
each cue reads like the sentence it catches; the word families (``<BODY>``, ``<WEAPON>`` …) let
one cue cover a verb lemma crossed with every object it can take. A cue may carry a
``context``: a second pattern that must also occur in the same sentence (a fear word fires only
where someone's drinking is mentioned). A cue marked ``negatable`` is ignored when its
clause is negated ("he has never hit me"); self-harm cues never are, because a denial of
suicidal thoughts is still worth a gentle check.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.safety import cues_acts, cues_control, cues_ideation, cues_lethal
from assistant.safety.cues_abuse import ABUSE, ABUSE_TOPIC, COERCIVE_CONTROL, VIOLENCE
from assistant.safety.cues_harm import HARM_TO_OTHERS, SELF_HARM
from assistant.safety.lexicon import TOKENS, Entry
from assistant.safety.types import SafetyKind


def _expand(pattern: str) -> str:
    """Replace the angle-bracket tokens (nested ones too) with their regex groups."""
    for _ in range(3):
        for token, group in TOKENS.items():
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
    context: re.Pattern[str] | None = None
    """When set, fires only when this pattern also occurs in the cue's sentence."""


FIGURES_OF_SPEECH = [
    re.compile(pattern)
    for pattern in (
        r"\bkill(?:ing|ed)?\s+myself\s+(?:laughing|with laughter)\b",
        r"\b(?:could|would|'d)\s+(?:have\s+)?(?:just\s+)?kill(?:ed)?\s+myself\s+for\b",
        r"\bshoot(?:ing)?\s+myself\s+in\s+the\s+foot\b|\bshot\s+myself\s+in\s+the\s+foot\b",
        r"\b(?:bit|bite|bites|biting|bitten)\s+(?:his|her|their|your|my|someone's|everyone's)\s+"
        r"heads?\s+off\b",
        # media and topics: "a show about an abusive marriage", "a podcast on suicide prevention"
        r"\b(?:show|shows|film|films|movie|movies|documentary|documentaries|series|book|books|novel|"
        r"podcasts?|episodes?|programmes?|programs?|articles?|drama|play|thing on the radio|"
        r"the news|"
        r"news story|lecture|course|training)\s+(?:\w+\s+){0,3}?(?:about|on|of|covering)\s+"
        r"(?:\w+\s+){0,3}?(?:abus\w*|domestic (?:violence|abuse)|suicid\w*|murder\w*|rape|"
        r"violen\w*|self[- ]harm\w*|coercive control|stalk\w*|cults?|controlling \w+)\b",
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


def _cue(kind: SafetyKind, entry: Entry) -> Cue:
    context = re.compile(_expand(entry[2])) if len(entry) == 3 else None
    return Cue(kind, re.compile(_expand(entry[0])), entry[1], context=context)


def _cues(kind: SafetyKind, entries: Sequence[Entry]) -> list[Cue]:
    return [_cue(kind, entry) for entry in entries]


CUES: list[Cue] = [
    *_cues(SafetyKind.SELF_HARM, [(pattern, False) for pattern in SELF_HARM]),
    *_cues(SafetyKind.SELF_HARM, cues_ideation.IDEATION),
    *_cues(SafetyKind.HARM_TO_OTHERS, HARM_TO_OTHERS),
    *_cues(SafetyKind.HARM_TO_OTHERS, cues_acts.HARM_TO_OTHERS),
    *_cues(SafetyKind.VIOLENCE, VIOLENCE),
    *_cues(SafetyKind.VIOLENCE, cues_acts.VIOLENCE),
    *_cues(SafetyKind.ABUSE, ABUSE),
    *_cues(SafetyKind.ABUSE, cues_control.SEXUAL_COERCION),
    *[
        Cue(SafetyKind.ABUSE, re.compile(_expand(pattern)), negatable=False, personal=True)
        for pattern in ABUSE_TOPIC
    ],
    *_cues(SafetyKind.COERCIVE_CONTROL, COERCIVE_CONTROL),
    *_cues(SafetyKind.COERCIVE_CONTROL, cues_control.COERCIVE_CONTROL),
]
"""Every cue, in the order of SafetyKind (most urgent first)."""

LETHAL_CUES: list[Cue] = [
    *_cues(SafetyKind.SELF_HARM, [(pattern, False) for pattern in cues_lethal.SELF_HARM]),
    *_cues(SafetyKind.HARM_TO_OTHERS, [(pattern, True) for pattern in cues_lethal.HARM_TO_OTHERS]),
    *_cues(SafetyKind.VIOLENCE, [(pattern, True) for pattern in cues_lethal.VIOLENCE]),
]
"""Lethal-risk signs: always a crisis (their kind is refined by the other cues and the head)."""
