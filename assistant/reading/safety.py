"""The safety level from the learned head and the readable patterns together (pure).

The head gives, for the whole utterance and for each of its sentences, the probability of
``clear``, ``check_in`` and ``crisis``; the sentence most at risk decides. The patterns are
precise about the words they know: when they fire, the level is at least ``check_in``, and
``crisis`` when the head also hears risk or the words are a lethal-risk sign (a firearm in a
quarrel, hands on the neck, a threat to kill, harm to a child, suicide preparation), which is
always a crisis. Thresholds come from ``models/heads/heads.json``
(chosen by ``scripts/train_heads.py`` on out-of-fold predictions).
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from assistant.safety.types import SafetyCheck, SafetyKind, SafetyLevel

RISK_LEVELS = ("clear", "check_in", "crisis")
"""The safety level head's labels, in order."""
HEAD_ALONE_CRISIS = 0.95
"""P(crisis) the head needs to call a crisis when no pattern heard it. Below it, a head-only
crisis is a check-in: attune asks directly, and a "yes" still brings the crisis reply, while a
calm line the head misreads ("I want him to feel safe with me") costs a question, not a stop."""


@dataclass(frozen=True)
class SafetyThresholds:
    """``check_in`` applies to P(check_in) + P(crisis); ``crisis`` to P(crisis). The whole
    utterance is held to the first pair, each of its sentences to the stricter ``span_`` pair
    (every extra sentence is another chance of a false alarm)."""

    check_in: float = 0.5
    crisis: float = 0.5
    span_check_in: float = 0.5
    span_crisis: float = 0.5


def safety_verdict(
    levels: npt.ArrayLike,
    kinds: npt.ArrayLike,
    pieces: Sequence[str],
    patterns: SafetyCheck,
    thresholds: SafetyThresholds,
    lethal: Sequence[str] = (),
) -> SafetyCheck:
    """The verdict from per-piece level and kind probabilities (row i is ``pieces[i]``),
    the patterns' verdict and the lethal-risk signs heard (each always a crisis)."""
    level_p = np.atleast_2d(np.asarray(levels, dtype=np.float64))
    risk = level_p[:, 1] + level_p[:, 2]
    margins = _margins(level_p, thresholds)
    worst = int(np.argmax(margins))
    level = _level(level_p[worst], worst > 0, thresholds)
    if (
        level is SafetyLevel.CRISIS
        and not patterns.crisis
        and level_p[worst, 2] < HEAD_ALONE_CRISIS
    ):
        level = SafetyLevel.CHECK_IN  # the head alone is not sure enough to stop: attune asks
    if patterns.crisis:
        # the head agrees when some piece is past its own check-in threshold: a sentence of a
        # long utterance is held to the stricter span threshold, as for the head alone
        agreed = bool(lethal) or float(margins.max()) >= 0.0
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


def _margins(
    level_p: npt.NDArray[np.float64], thresholds: SafetyThresholds
) -> npt.NDArray[np.float64]:
    """How far each piece is past its own check-in threshold (row 0 is the whole utterance)."""
    limits = np.full(len(level_p), thresholds.span_check_in)
    limits[0] = thresholds.check_in
    return np.asarray(level_p[:, 1] + level_p[:, 2] - limits)


def _level(p: npt.NDArray[np.float64], span: bool, thresholds: SafetyThresholds) -> SafetyLevel:
    crisis_at = thresholds.span_crisis if span else thresholds.crisis
    check_at = thresholds.span_check_in if span else thresholds.check_in
    if p[2] >= crisis_at:
        return SafetyLevel.CRISIS
    if p[1] + p[2] >= check_at:
        return SafetyLevel.CHECK_IN
    return SafetyLevel.CLEAR


_ORDER = {level: rank for rank, level in enumerate(SafetyLevel)}


def max_level(a: SafetyLevel, b: SafetyLevel) -> SafetyLevel:
    """The more urgent of two levels."""
    return a if _ORDER[a] >= _ORDER[b] else b


def _kind_order(probabilities: npt.NDArray[np.float64]) -> list[str]:
    kinds = [k.value for k in SafetyKind]
    return [kinds[i] for i in np.argsort(-probabilities, kind="stable")]
