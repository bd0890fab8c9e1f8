"""The classifier's knowledge as read from models/themes/: schema, loading and indexing.

Three files, each described in models/themes/NOTES.md:
- lexicon.json: hand-written cue words and phrases with a weight per theme;
- actions.json: hurtful acts whose theme depends on who did them ("you lied" / "I lied");
- modifiers.json: negators, intensifiers, hedges and the neutral threshold;
- weights.json (optional): word -> theme weights fitted on the GoEmotions dev half by
  scripts/build_theme_weights.py, blended with the hand-written cues.

A cue is written as space-separated tokens; a token ending in "*" matches any word that
starts with it, and a lone "*" matches any single word.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.config import MODELS_DIR
from assistant.errors import ConfigError
from assistant.themes.taxonomy import Theme

THEMES_DIR = MODELS_DIR / "themes"


class LexiconFile(BaseModel):
    """lexicon.json: theme -> cue -> weight."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: int = 1
    themes: dict[Theme, dict[str, float]]


class ActionRule(BaseModel):
    """One act whose theme depends on the doer: the speaker ("self") or someone else."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    cue: str
    self_themes: dict[Theme, float] = Field(alias="self")
    other_themes: dict[Theme, float] = Field(alias="other")
    default: str = Field(default="other", pattern="^(self|other)$")


class ActionsFile(BaseModel):
    """actions.json: the agent-sensitive acts and the words that name a doer."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: int = 1
    self_agents: list[str]
    other_agents: list[str]
    passive_markers: list[str]
    experiencer_markers: list[str] = Field(default_factory=list)
    """Feeling verbs ("feel", "felt"): "I feel betrayed" names what was done to the speaker."""
    rules: list[ActionRule]


class ModifiersFile(BaseModel):
    """modifiers.json: how context changes a cue's weight."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: int = 1
    negators: list[str]
    negation_window_words: int = Field(ge=1, le=6)
    scope_stoppers: list[str]
    intensifiers: dict[str, float]
    hedges: dict[str, float]
    contrast_words: list[str]
    after_contrast_factor: float
    negated_shift: dict[Theme, dict[Theme, float]]
    neutral_threshold: float = Field(gt=0.0)


class WeightsFile(BaseModel):
    """weights.json: single words with fitted weights per theme, and how much they count."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: int = 1
    source: str
    blend: float = Field(ge=0.0, le=2.0)
    """Multiplier applied to every fitted weight before it joins the hand-written cues."""
    themes: dict[Theme, dict[str, float]]


@dataclass(frozen=True)
class Cue:
    """One indexed cue: its tokens and what it adds (themes for self/other when agentive)."""

    tokens: tuple[str, ...]
    themes: tuple[tuple[Theme, float], ...]
    self_themes: tuple[tuple[Theme, float], ...] = ()
    agentive: bool = False
    default_self: bool = False


@dataclass(frozen=True)
class Knowledge:
    """Everything the matcher needs, indexed for speed."""

    exact_first: dict[str, tuple[Cue, ...]]
    prefix_first: dict[str, tuple[Cue, ...]]
    prefix_lengths: tuple[int, ...]
    actions: ActionsFile
    modifiers: ModifiersFile
    fitted: dict[str, tuple[tuple[Theme, float], ...]] = field(default_factory=dict)
    """Word -> (theme, blended weight) from weights.json; empty when that file is absent."""


def _read(path: Path) -> object:
    """Parse one JSON model file, or say which file is broken and how to fix it."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(
            f"The theme model file {path} is missing or not valid JSON; restore it from the "
            "repository."
        ) from exc


def _cues(lexicon: LexiconFile, actions: ActionsFile) -> list[Cue]:
    """Every cue from the lexicon and the agent-sensitive acts."""
    merged: dict[str, dict[Theme, float]] = {}
    for theme, entries in lexicon.themes.items():
        for cue, weight in entries.items():
            merged.setdefault(cue, {})[theme] = weight
    found = [Cue(tuple(c.split()), tuple(w.items())) for c, w in merged.items()]
    for rule in actions.rules:
        found.append(
            Cue(
                tuple(rule.cue.split()),
                tuple(rule.other_themes.items()),
                tuple(rule.self_themes.items()),
                agentive=True,
                default_self=rule.default == "self",
            )
        )
    return found


def _index(cues: list[Cue]) -> tuple[dict[str, tuple[Cue, ...]], dict[str, tuple[Cue, ...]]]:
    """Group cues by their first token: exact words and word prefixes."""
    exact: dict[str, list[Cue]] = {}
    prefix: dict[str, list[Cue]] = {}
    for cue in cues:
        first = cue.tokens[0]
        if first.endswith("*"):
            prefix.setdefault(first[:-1], []).append(cue)
        else:
            exact.setdefault(first, []).append(cue)
    return (
        {k: tuple(v) for k, v in exact.items()},
        {k: tuple(v) for k, v in prefix.items()},
    )


def fitted_index(weights: WeightsFile) -> dict[str, tuple[tuple[Theme, float], ...]]:
    """Word -> its blended weight for each theme it carries."""
    index: dict[str, list[tuple[Theme, float]]] = {}
    for theme, words in weights.themes.items():
        for word, weight in words.items():
            index.setdefault(word, []).append((theme, weight * weights.blend))
    return {word: tuple(pairs) for word, pairs in index.items()}


def _fitted(folder: Path) -> dict[str, tuple[tuple[Theme, float], ...]]:
    """The optional fitted layer of `folder`, or none when weights.json is absent."""
    path = folder / "weights.json"
    if not path.exists():
        return {}
    return fitted_index(WeightsFile.model_validate(_read(path)))


def load(folder: Path = THEMES_DIR) -> Knowledge:
    """Read and index the model files in `folder`; a broken file raises ConfigError."""
    try:
        lexicon = LexiconFile.model_validate(_read(folder / "lexicon.json"))
        actions = ActionsFile.model_validate(_read(folder / "actions.json"))
        modifiers = ModifiersFile.model_validate(_read(folder / "modifiers.json"))
        fitted = _fitted(folder)
    except ValidationError as exc:
        raise ConfigError(
            f"A theme model file in {folder} does not match its schema ({exc.error_count()} "
            "problems); check it against models/themes/schema.json."
        ) from exc
    exact, prefix = _index(_cues(lexicon, actions))
    return Knowledge(
        exact_first=exact,
        prefix_first=prefix,
        prefix_lengths=tuple(sorted({len(p) for p in prefix})),
        actions=actions,
        modifiers=modifiers,
        fitted=fitted,
    )
