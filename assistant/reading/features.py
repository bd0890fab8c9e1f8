"""What the theme head reads: the sentence vector, and the lexicon's scores beside it (pure).

The same function builds the features at training time (scripts/train_heads.py) and in a live
turn, so the two can never drift apart.
"""

import numpy as np
import numpy.typing as npt

from assistant.themes import Theme, ThemeReading

LEXICON_SCALE = 1.0
"""How strongly the hand-written lexicon's scores count beside the 384 embedding values
(0 leaves the head on the embedding alone)."""


def theme_features(vector: npt.ArrayLike, lexicon: ThemeReading) -> npt.NDArray[np.float64]:
    """The embedding followed by the lexicon's score for every theme, in taxonomy order."""
    scores = [lexicon.score(theme) * LEXICON_SCALE for theme in Theme]
    return np.concatenate([np.asarray(vector, dtype=np.float64).ravel(), np.asarray(scores)])
