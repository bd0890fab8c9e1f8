"""Theme recognition with evidence: hand-written cues and context rules from models/themes/.

The knowledge is loaded once, on first use, and cached. Scores are in [0, 1]: a theme's raw
weight r becomes r / (r + 1); `neutral` holds the threshold an emotional theme must pass and
fades as emotional evidence grows.
"""

from functools import cache

from assistant.themes.knowledge import Knowledge, load
from assistant.themes.matcher import Tally, score_tokens
from assistant.themes.taxonomy import Theme, ThemeReading, ThemeScore
from assistant.themes.text import tokens

_THEME_ORDER = {theme: rank for rank, theme in enumerate(Theme)}


@cache
def knowledge() -> Knowledge:
    """The classifier's knowledge, read from models/themes/ the first time it is needed."""
    return load()


def _squash(raw: float) -> float:
    """Map a non-negative raw weight onto [0, 1)."""
    return raw / (raw + 1.0) if raw > 0.0 else 0.0


def _reading(text: str, tally: Tally, threshold: float) -> ThemeReading:
    """Turn a tally into a sorted reading with every theme present."""
    raw = {theme: max(0.0, tally.raw.get(theme, 0.0)) for theme in Theme}
    emotional = sum(v for t, v in raw.items() if t is not Theme.NEUTRAL)
    raw[Theme.NEUTRAL] = threshold / (1.0 + emotional) + raw[Theme.NEUTRAL]
    scores = [
        ThemeScore(theme=t, score=round(_squash(v), 4), evidence=tally.evidence.get(t, []))
        for t, v in raw.items()
    ]
    scores.sort(key=lambda s: (-raw[s.theme], _THEME_ORDER[s.theme]))
    return ThemeReading(text=text, top=scores[0].theme, themes=scores)


def classify_with(know: Knowledge, text: str) -> ThemeReading:
    """Score every theme for one utterance with the given knowledge (used when rebuilding it)."""
    tally = score_tokens(know, tokens(text))
    return _reading(text, tally, know.modifiers.neutral_threshold)


def classify(text: str) -> ThemeReading:
    """Score every theme for one utterance; empty or unemotional text is `neutral`."""
    return classify_with(knowledge(), text)
