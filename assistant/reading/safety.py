"""The safety level from the learned head and the readable patterns together (pure).

The head gives, for the whole utterance and for each of its sentences, the probability of
``clear``, ``check_in`` and ``crisis``; the sentence most at risk decides. The patterns are
precise about the words they know: when they fire, the level is at least ``check_in``, and
``crisis`` when the head also hears risk. Thresholds come from ``models/heads/heads.json``
(chosen by ``scripts/train_heads.py`` on out-of-fold predictions).
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from assistant.safety.types import SafetyCheck, SafetyKind, SafetyLevel

RISK_LEVELS = ("clear", "check_in", "crisis")
"""The safety level head's labels, in order."""
AGREE_MIN = 0.15
"""P(risk) at which the head is taken to agree with a pattern that fired: the pattern's
precise words then make it a crisis (a firearm in a quarrel, hands on the neck); below it,
the words may be a figure of speech or a topic, so attune asks instead."""


@dataclass(frozen=True)
class SafetyThresholds:
    """``check_in`` applies to P(check_in) + P(crisis); ``crisis`` to P(crisis)."""

    check_in: float = 0.5
    crisis: float = 0.5


def safety_verdict(
    levels: npt.ArrayLike,
    kinds: npt.ArrayLike,
    pieces: Sequence[str],
    patterns: SafetyCheck,
    thresholds: SafetyThresholds,
) -> SafetyCheck:
    """The verdict from per-piece level and kind probabilities (row i is ``pieces[i]``)."""
    level_p = np.atleast_2d(np.asarray(levels, dtype=np.float64))
    risk = level_p[:, 1] + level_p[:, 2]
    worst = int(np.argmax(risk))
    level = _level(float(level_p[worst, 2]), float(risk[worst]), thresholds)
    if patterns.crisis:
        agreed = risk[worst] >= AGREE_MIN
        level = SafetyLevel.CRISIS if agreed else max_level(level, SafetyLevel.CHECK_IN)
    if level is SafetyLevel.CLEAR:
        return SafetyCheck(score=round(float(risk[worst]), 4))
    kind_p = np.atleast_2d(np.asarray(kinds, dtype=np.float64))
    heard = [SafetyKind(k) for k in _kind_order(kind_p[worst])]
    kind = patterns.kind or heard[0]
    evidence = patterns.evidence or [pieces[worst]]
    ordered = [*patterns.kinds, *(k for k in heard[:1] if k not in patterns.kinds)]
    return SafetyCheck(
        level=level,
        score=round(float(max(risk[worst], 0.9 if patterns.crisis else 0.0)), 4),
        kind=kind,
        kinds=ordered or [kind],
        evidence=evidence,
    )


def _level(crisis: float, risk: float, thresholds: SafetyThresholds) -> SafetyLevel:
    if crisis >= thresholds.crisis:
        return SafetyLevel.CRISIS
    if risk >= thresholds.check_in:
        return SafetyLevel.CHECK_IN
    return SafetyLevel.CLEAR


_ORDER = {level: rank for rank, level in enumerate(SafetyLevel)}


def max_level(a: SafetyLevel, b: SafetyLevel) -> SafetyLevel:
    """The more urgent of two levels."""
    return a if _ORDER[a] >= _ORDER[b] else b


def _kind_order(probabilities: npt.NDArray[np.float64]) -> list[str]:
    kinds = [k.value for k in SafetyKind]
    return [kinds[i] for i in np.argsort(-probabilities, kind="stable")]
