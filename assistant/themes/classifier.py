"""A first, honest keyword classifier (to be replaced by the lexicon model in models/themes/)."""

import re

from assistant.themes.taxonomy import Theme, ThemeReading, ThemeScore

_CUES: dict[Theme, tuple[str, ...]] = {
    Theme.SHAME: ("ashamed", "embarrass", "humiliat", "worthless", "hide"),
    Theme.REMORSE: ("sorry", "my fault", "regret", "apologi"),
    Theme.MISTRUST: ("trust", "suspicious", "checking", "secret"),
    Theme.BETRAYAL: ("lied", "cheated", "affair", "betray", "behind my back", "broke your promise"),
    Theme.GRIEF: ("sad", "loss", "lost", "cry", "crying", "hurt", "miss"),
    Theme.ANGER: ("angry", "mad", "furious", "resent", "fed up", "annoyed"),
    Theme.FEAR: ("afraid", "scared", "anxious", "worry", "worried", "panic"),
    Theme.LONELINESS: ("lonely", "alone", "invisible", "roommates", "distant"),
    Theme.WITHDRAWAL: ("shut down", "avoid", "numb", "walls up", "left the room"),
    Theme.LONGING: ("i need you", "i wish", "i want us", "closer"),
    Theme.HOPE: ("grateful", "thank", "better", "hope", "appreciate"),
}


def classify(text: str) -> ThemeReading:
    """Score every theme for one utterance; empty or unemotional text is `neutral`."""
    lowered = text.lower()
    scores: list[ThemeScore] = []
    for theme, cues in _CUES.items():
        hits = [c for c in cues if re.search(r"\b" + re.escape(c), lowered)]
        if hits:
            scores.append(ThemeScore(theme=theme, score=min(1.0, 0.5 * len(hits)), evidence=hits))
    best = max((s.score for s in scores), default=0.0)
    scores.append(ThemeScore(theme=Theme.NEUTRAL, score=1.0 if best == 0.0 else 0.0))
    scores.sort(key=lambda s: -s.score)
    return ThemeReading(text=text, top=scores[0].theme, themes=scores)
