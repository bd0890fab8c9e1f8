"""Find cues in tokens and weigh them by negation, intensity, contrast and who acted."""

from dataclasses import dataclass, field

from assistant.themes.knowledge import Cue, Knowledge
from assistant.themes.taxonomy import Theme
from assistant.themes.text import CLAUSE_BREAKS, SENTENCE_ENDS

_AGENT_LOOKBACK_WORDS = 6
_OBJECT_LOOKAHEAD_WORDS = 4
_MODIFIER_LOOKBACK_WORDS = 2
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "myself"})
_WEAK_CUE_WEIGHT = 1.0
_IMPERSONAL_WEAK_FACTOR = 0.5
"""Weak situational cues count half when the speaker is not talking about themselves."""


@dataclass
class Tally:
    """Running raw score and evidence per theme for one utterance."""

    raw: dict[Theme, float] = field(default_factory=dict)
    evidence: dict[Theme, list[str]] = field(default_factory=dict)

    def add(self, theme: Theme, weight: float, words: str | None) -> None:
        """Add weight to a theme and remember the words that carried it."""
        self.raw[theme] = self.raw.get(theme, 0.0) + weight
        if words is not None and weight > 0.0:
            found = self.evidence.setdefault(theme, [])
            if words not in found:
                found.append(words)


def _fits(cue: Cue, words: list[str], start: int) -> bool:
    """Whether every token of `cue` matches `words` from `start`."""
    if start + len(cue.tokens) > len(words):
        return False
    for offset, pattern in enumerate(cue.tokens):
        word = words[start + offset]
        if pattern == "*":
            if word in CLAUSE_BREAKS:
                return False
        elif pattern.endswith("*"):
            if not word.startswith(pattern[:-1]):
                return False
        elif word != pattern:
            return False
    return True


def _best_cue(know: Knowledge, words: list[str], start: int) -> Cue | None:
    """The longest cue that starts at `start`, if any."""
    word = words[start]
    candidates: list[Cue] = list(know.exact_first.get(word, ()))
    for length in know.prefix_lengths:
        if length > len(word):
            break
        candidates.extend(know.prefix_first.get(word[:length], ()))
    best: Cue | None = None
    for cue in candidates:
        if (best is None or len(cue.tokens) > len(best.tokens)) and _fits(cue, words, start):
            best = cue
    return best


def _negated(know: Knowledge, words: list[str], start: int) -> bool:
    """Whether a negator governs the cue that starts at `start`."""
    mods = know.modifiers
    for i in range(start - 1, max(-1, start - 1 - mods.negation_window_words), -1):
        word = words[i]
        if word in CLAUSE_BREAKS or word in mods.scope_stoppers:
            return False
        if word in mods.negators:
            return not (word == "never" and words[i + 1 : i + 2] in (["felt"], ["been"]))
    return False


def _intensity(know: Knowledge, words: list[str], start: int) -> float:
    """The multiplier from an intensifier or hedge just before the cue (1.0 when none)."""
    mods = know.modifiers
    for i in range(start - 1, max(-1, start - 1 - _MODIFIER_LOOKBACK_WORDS), -1):
        word = words[i]
        if word in mods.intensifiers:
            return mods.intensifiers[word]
        if word in mods.hedges:
            return mods.hedges[word]
        if word in CLAUSE_BREAKS:
            break
    return 1.0


def _by_self(know: Knowledge, words: list[str], start: int, end: int, cue: Cue) -> bool:
    """Whether the speaker did the act at words[start:end] (else someone else did)."""
    acts = know.actions
    passive = (
        start > 0 and words[start - 1] in acts.passive_markers and not words[start].endswith("ing")
    )
    if passive:
        return False
    for i in range(start - 1, max(-1, start - 1 - _AGENT_LOOKBACK_WORDS), -1):
        word = words[i]
        if word in CLAUSE_BREAKS:
            break
        if word in acts.experiencer_markers and not words[start].endswith("ing"):
            return False
        if word in acts.self_agents:
            return True
        if word in acts.other_agents:
            return False
    for word in words[end : end + _OBJECT_LOOKAHEAD_WORDS]:
        if word in CLAUSE_BREAKS:
            break
        if word in ("me", "us", "my"):
            return False
    return cue.default_self


def score_tokens(know: Knowledge, words: list[str]) -> Tally:
    """Raw theme scores and evidence for one utterance's tokens."""
    tally = Tally()
    mods = know.modifiers
    weak_factor = 1.0 if _FIRST_PERSON.intersection(words) else _IMPERSONAL_WEAK_FACTOR
    contrast = 1.0
    i = 0
    while i < len(words):
        word = words[i]
        if word in SENTENCE_ENDS:
            contrast = 1.0
        elif word in mods.contrast_words:
            contrast = mods.after_contrast_factor
        cue = _best_cue(know, words, i)
        if cue is None:
            _add_fitted(know, tally, words, i)
            i += 1
            continue
        end = i + len(cue.tokens)
        _apply(know, tally, words, (i, end), cue, (contrast, weak_factor))
        i = end
    return tally


def _add_fitted(know: Knowledge, tally: Tally, words: list[str], at: int) -> None:
    """Add the fitted weights of the word at `at`, unless a negator governs it."""
    pairs = know.fitted.get(words[at])
    if pairs is None or _negated(know, words, at):
        return
    for theme, weight in pairs:
        tally.add(theme, weight, words[at])


def _apply(
    know: Knowledge,
    tally: Tally,
    words: list[str],
    span: tuple[int, int],
    cue: Cue,
    factors: tuple[float, float],
) -> None:
    """Add one matched cue to the tally, respecting negation, intensity and agent.

    `factors` are the contrast boost and the multiplier for weak cues.
    """
    start, end = span
    boost, weak_factor = factors
    text = " ".join(words[start:end])
    themes = cue.themes
    if cue.agentive and _by_self(know, words, start, end, cue):
        themes = cue.self_themes
    factor = _intensity(know, words, start) * boost
    if _negated(know, words, start):
        for theme, _weight in themes:
            for shifted, weight in know.modifiers.negated_shift.get(theme, {}).items():
                tally.add(shifted, weight, "not " + text)
        return
    for theme, weight in themes:
        scale = weak_factor if 0.0 < weight < _WEAK_CUE_WEIGHT else 1.0
        tally.add(theme, weight * factor * scale, text)
