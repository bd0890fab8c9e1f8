"""attune's reading of one utterance: themes and safety from one sentence-encoder pass.

``Reader`` is pure apart from the encoder it is given (the ``SentenceEncoder`` port): it
encodes the utterance once, with a vector per sentence from the same pass, and asks the
learned heads (``assistant.learned``) for the themes and the safety level. The hand-written
lexicon and safety patterns stay in as evidence and as a precise second voice. ``classify``
and ``check`` both read from the same encoding, so a live turn pays for one pass.
"""

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.learned import Heads, load_heads
from assistant.ports import SentenceEncoder
from assistant.reading.features import theme_features
from assistant.reading.safety import SafetyThresholds, safety_verdict
from assistant.reading.sentences import sentence_spans
from assistant.safety.gate import read_patterns
from assistant.safety.types import SafetyCheck
from assistant.themes import Theme, ThemeReading, ThemeScore
from assistant.themes import classify as lexicon_classify

_CACHE_SIZE = 8
EVIDENCE_MIN = 0.15
"""A theme scored below this gets no evidence sentence (it was not really heard)."""


@dataclass(frozen=True)
class Reading:
    """What attune heard in one utterance."""

    themes: ThemeReading
    safety: SafetyCheck


def heads_folder() -> Path:
    """Where the shipped heads live."""
    from assistant.config import MODELS_DIR

    return MODELS_DIR / "heads"


class Reader:
    """Themes and safety for an utterance, from the learned heads over one encoding."""

    def __init__(
        self, encoder: SentenceEncoder, heads: Heads | None = None, cache_size: int = _CACHE_SIZE
    ) -> None:
        self._encoder = encoder
        self._cache_size = cache_size
        self._heads = heads or load_heads(heads_folder())
        limits = self._heads.settings.get("safety_thresholds", {})
        self._thresholds = SafetyThresholds(**limits)
        self._cache: OrderedDict[str, Reading] = OrderedDict()

    def read(self, text: str) -> Reading:
        """The reading of ``text``; blank text is neutral and clear."""
        if text in self._cache:
            self._cache.move_to_end(text)
            return self._cache[text]
        reading = self._read(text)
        self._cache[text] = reading
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return reading

    def classify(self, text: str) -> ThemeReading:
        """The theme reading (same signature as ``assistant.themes.classify``)."""
        return self.read(text).themes

    def check(self, text: str) -> SafetyCheck:
        """The safety verdict (same signature as ``assistant.safety.check``)."""
        return self.read(text).safety

    def _read(self, text: str) -> Reading:
        lexicon = lexicon_classify(text)
        patterns, lethal = read_patterns(text)
        if not text.strip():
            return Reading(themes=lexicon, safety=patterns)
        spans = sentence_spans(text)
        encoded = self._encoder.encode(text, spans)
        pieces = [text.strip(), *(text[a:b] for a, b in spans)]
        rows = np.vstack([encoded.vector, encoded.spans])
        themes = self._themes(text, rows, pieces, lexicon)
        level = self._heads["safety_level"].probabilities(rows)
        kind = self._heads["safety_kind"].probabilities(rows)
        safety = safety_verdict(level, kind, pieces, patterns, self._thresholds, lethal)
        return Reading(themes=themes, safety=safety)

    def _themes(
        self, text: str, rows: np.ndarray, pieces: list[str], lexicon: ThemeReading
    ) -> ThemeReading:
        head = self._heads["themes"]
        whole = head.probabilities(theme_features(rows[0], lexicon))[0]
        labels = [Theme(label) for label in head.labels]
        order = np.argsort(-whole, kind="stable")
        scores = []
        for index in order:
            theme = labels[index]
            cues = next((s.evidence for s in lexicon.themes if s.theme is theme), [])
            evidence = cues
            if not cues and whole[index] >= EVIDENCE_MIN:
                evidence = self._carrier(theme, int(index), rows, pieces, lexicon)
            scores.append(
                ThemeScore(theme=theme, score=round(float(whole[index]), 4), evidence=evidence)
            )
        return ThemeReading(text=text, top=scores[0].theme, themes=scores)

    def _carrier(
        self, theme: Theme, column: int, rows: np.ndarray, pieces: list[str], lexicon: ThemeReading
    ) -> list[str]:
        """The sentence that carried a theme with no cue word (the whole text if only one)."""
        if theme is Theme.NEUTRAL:
            return []
        if len(pieces) == 1:
            return [pieces[0]]
        head = self._heads["themes"]
        per_piece = head.probabilities(
            np.vstack([theme_features(row, lexicon) for row in rows[1:]])
        )[:, column]
        return [pieces[1 + int(np.argmax(per_piece))]]
