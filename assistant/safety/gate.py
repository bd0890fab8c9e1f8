"""The check itself: run every cue over one utterance and return the verdict (pure, fast)."""

import re

from assistant.safety.patterns import (
    CLAUSE_BREAK,
    CUES,
    FIGURES_OF_SPEECH,
    FIRST_PERSON,
    LETHAL_CUES,
    NEGATION,
    SENTENCE_BREAK,
    Cue,
)
from assistant.safety.types import SafetyCheck, SafetyKind

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
_NEGATION_WINDOW_WORDS = 6


def normalise(text: str) -> str:
    """Lower-case with straight apostrophes; figures of speech blanked out (same length)."""
    lowered = text.translate(_QUOTES).lower()
    for figure in FIGURES_OF_SPEECH:
        lowered = figure.sub(lambda found: " " * len(found.group(0)), lowered)
    return lowered


def _negated(text: str, found: re.Match[str]) -> bool:
    """Whether the clause leading up to the cue, or the cue's first words, are negated."""
    before = text[: found.start()]
    breaks = list(CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    window = " ".join(clause.split()[-_NEGATION_WINDOW_WORDS:])
    opening = " ".join(found.group(0).split()[: _NEGATION_WINDOW_WORDS - 2])
    return bool(NEGATION.search(window) or NEGATION.search(opening))


def _sentence(text: str, found: re.Match[str]) -> str:
    """The sentence (or sentences, if the cue spans a break) holding the cue."""
    starts = [brk.end() for brk in SENTENCE_BREAK.finditer(text, 0, found.start())]
    end = SENTENCE_BREAK.search(text, found.end())
    return text[starts[-1] if starts else 0 : end.start() if end else len(text)]


def _first_hit(cue: Cue, text: str) -> re.Match[str] | None:
    for found in cue.regex.finditer(text):
        if cue.negatable and _negated(text, found):
            continue
        if cue.personal and not FIRST_PERSON.search(_sentence(text, found)):
            continue
        if cue.context is not None and not cue.context.search(_sentence(text, found)):
            continue
        return found
    return None


def _hits(cues: list[Cue], normalised: str) -> list[tuple[int, SafetyKind, str]]:
    """Where each cue that fires first fires, its kind, and its words."""
    return [
        (found.start(), cue.kind, " ".join(found.group(0).split()))
        for cue in cues
        if (found := _first_hit(cue, normalised)) is not None
    ]


def read_patterns(text: str) -> tuple[SafetyCheck, list[str]]:
    """The patterns' verdict on one utterance, and the words of every lethal-risk sign in it
    (see cues_lethal; [] when none), from one pass; empty text is never a crisis."""
    normalised = normalise(text)
    lethal = _hits(LETHAL_CUES, normalised)
    hits = _hits(CUES, normalised) + lethal
    if not hits:
        return SafetyCheck(), []
    kinds = [kind for kind in SafetyKind if any(hit_kind is kind for _, hit_kind, _ in hits)]
    evidence = list(dict.fromkeys(words for _, _, words in sorted(hits, key=lambda h: h[0])))
    verdict = SafetyCheck(crisis=True, kind=kinds[0], evidence=evidence, kinds=kinds)
    return verdict, [words for _, _, words in lethal]


def check(text: str) -> SafetyCheck:
    """Check one utterance for crisis, violence or abuse; empty text is never a crisis."""
    return read_patterns(text)[0]
