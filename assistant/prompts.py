"""The prompt library: TOML files in prompts/, validated at start, picked without repeats.

Each file holds one theme (or "any") and, per conversation step, a list of variants with an id,
a tag saying what the prompt does, and its text. Steps marked themed in STEP_SPECS need
variants in every theme's file; the others are looked up under "any". A file that cannot be
read, breaks the schema, uses an unknown placeholder or fails the lint stops attune at start
with a ConfigError naming the file.
"""

import random
import re
import string
import tomllib
from collections.abc import Iterable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.config import PROMPTS_DIR
from assistant.errors import ConfigError
from assistant.themes.taxonomy import Theme

LIBRARY_GLOBS = ("evening.toml", "couple.toml", "themes/*.toml")
"""The prompt files under prompts/ (other files there, such as safety resources, are not)."""
MIN_VARIANTS = 6
MAX_PROMPT_WORDS = 30
ANY = "any"


class Step(StrEnum):
    """Conversation steps that have prompts (ids used in the prompt files and the journal)."""

    PRIVACY = "privacy"
    FOLLOW_UP = "follow_up"
    FOLLOW_UP_ACK = "follow_up_ack"
    SITTING_WITH = "sitting_with"
    REFLECT = "reflect"
    NAME_FEELING = "name_feeling"
    CHECK_FEELING = "check_feeling"
    NORMALISE = "normalise"
    EXPLORE = "explore"
    DEEPEN = "deepen"
    NEED = "need"
    MORE = "more"
    ACTION = "action"
    NO_ACTION = "no_action"
    CLOSE = "close"
    CLOSE_COMMITMENT = "close_commitment"
    GOODBYE = "goodbye"
    PRIVACY_COUPLE = "privacy_couple"
    FOLLOW_UP_NAMED = "follow_up_named"
    READY = "ready"
    READY_PARTNER = "ready_partner"
    NOT_READY = "not_ready"
    FIRST_SHARE = "first_share"
    MIRROR = "mirror"
    CHECK = "check"
    MORE_NAMED = "more_named"
    VALIDATE = "validate"
    PASS_FLOOR = "pass_floor"
    BALANCE = "balance"
    REPAIR_DEEPEN = "repair_deepen"
    REPAIR_ACKNOWLEDGE = "repair_acknowledge"
    REPAIR_ASK = "repair_ask"
    REPAIR_RESPOND = "repair_respond"
    NEW_BEHAVIOUR = "new_behaviour"
    CLOSE_COMMITMENT_NAMED = "close_commitment_named"
    CLOSE_COUPLE = "close_couple"
    GOODBYE_COUPLE = "goodbye_couple"
    PAUSE = "pause"
    ACKNOWLEDGE = "acknowledge"
    CORRECTED = "corrected"
    APOLOGY = "apology"
    STEP_CONFIRMED = "step_confirmed"
    REPEATED = "repeated"
    REFLECT_NAMED = "reflect_named"
    VALIDATE_BRIEF = "validate_brief"
    MIRROR_MORE = "mirror_more"
    VALIDATION_LANDED = "validation_landed"
    APOLOGY_LANDED = "apology_landed"
    SCAFFOLD = "scaffold"
    SLOW_DOWN = "slow_down"


class Does(StrEnum):
    """What a prompt does for the person hearing it."""

    PRIVACY = "privacy"
    FOLLOW_UP = "follow_up"
    ACKNOWLEDGE = "acknowledge"
    INVITE = "invite"
    REFLECT = "reflect"
    NAME_FEELING = "name_feeling"
    NORMALISE = "normalise"
    EXPLORE = "explore"
    DEEPEN = "deepen"
    NEED = "need"
    MORE = "more"
    ACTION = "action"
    CLOSE = "close"
    READY = "ready"
    MIRROR = "mirror"
    CHECK = "check"
    VALIDATE = "validate"
    PASS_FLOOR = "pass_floor"
    BALANCE = "balance"
    REPAIR = "repair"
    PAUSE = "pause"


class StepSpec(NamedTuple):
    """Whether a step varies by theme, and which placeholders it must and may use."""

    themed: bool = False
    required: frozenset[str] = frozenset()
    allowed: frozenset[str] = frozenset()


def _spec(required: str = "", allowed: str = "", themed: bool = False) -> StepSpec:
    need = frozenset(required.split())
    return StepSpec(themed, need, need | frozenset(allowed.split()))


_PAIR = _spec("", "name partner")
_NAMED = _spec("name", "partner")
STEP_SPECS: dict[Step, StepSpec] = {
    **dict.fromkeys(Step, _spec()),
    **dict.fromkeys(
        (Step.NAME_FEELING, Step.NORMALISE, Step.EXPLORE, Step.DEEPEN), _spec(themed=True)
    ),
    **dict.fromkeys((Step.PRIVACY_COUPLE, Step.NOT_READY, Step.GOODBYE_COUPLE, Step.PAUSE), _PAIR),
    **dict.fromkeys((Step.READY, Step.READY_PARTNER, Step.FIRST_SHARE, Step.MIRROR), _NAMED),
    **dict.fromkeys((Step.CHECK, Step.MORE_NAMED, Step.VALIDATE, Step.PASS_FLOOR), _NAMED),
    **dict.fromkeys((Step.BALANCE, Step.REPAIR_DEEPEN, Step.REPAIR_ACKNOWLEDGE), _NAMED),
    **dict.fromkeys((Step.REPAIR_ASK, Step.REPAIR_RESPOND, Step.NEW_BEHAVIOUR), _NAMED),
    **dict.fromkeys((Step.VALIDATE_BRIEF, Step.MIRROR_MORE, Step.VALIDATION_LANDED), _NAMED),
    **dict.fromkeys((Step.APOLOGY_LANDED, Step.SLOW_DOWN), _NAMED),
    Step.REFLECT_NAMED: _spec("name reflection", "partner"),
    Step.SCAFFOLD: _spec("name partner reflection"),
    Step.STEP_CONFIRMED: _spec("commitment"),
    Step.FOLLOW_UP: _spec("commitment"),
    Step.REFLECT: _spec("reflection"),
    Step.CLOSE: _spec("themes"),
    Step.CLOSE_COMMITMENT: _spec("commitment"),
    Step.FOLLOW_UP_NAMED: _spec("name commitment", "partner"),
    Step.CLOSE_COMMITMENT_NAMED: _spec("name commitment", "partner"),
    Step.CLOSE_COUPLE: _spec("themes", "name partner"),
}


class Variant(BaseModel):
    """One way of saying a step: its id, what it does, and the text with {placeholders}."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    does: Does
    text: str = Field(min_length=1)

    def placeholders(self) -> set[str]:
        """The {names} the text uses."""
        return {f for _, f, _, _ in string.Formatter().parse(self.text) if f is not None}

    def render(self, values: Mapping[str, str]) -> str:
        """The text with its placeholders filled in."""
        return self.text.format_map(dict(values))


class PromptFile(BaseModel):
    """One file of the library: a theme (or "any"), how to say it aloud, and steps."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    theme: Theme | Literal["any"]
    spoken: str = ""
    """How the theme is named in a spoken summary ("sadness" for grief)."""
    about: str = ""
    steps: dict[Step, list[Variant]]


_LINT_RULES: tuple[tuple[str, str], ...] = (
    (r"\bwhy\b", "asks 'why'"),
    (
        r"\b(you should|you could try|try to|try and|have you (considered|thought about)|"
        r"i suggest|i recommend|my advice|it might help to|the best thing|make sure)\b",
        "gives advice",
    ),
    (
        r"\b(at least|just|merely|simply|no big deal|not a big deal|could be worse|not that bad|"
        r"don'?t worry|bright side|happens for a reason|it'?s nothing|it'?s fine)\b",
        "minimises",
    ),
    (
        r"\b(overreact\w*|too sensitive|calm down|get over|move on|let it go|selfish|crazy|"
        r"dramatic|irrational|silly|ridiculous|your fault|whose fault|you were wrong|"
        r"that was wrong|shouldn'?t|should have)\b",
        "judges",
    ),
    (
        r"(?<!would )(?<!do )(?<!did )(?<!might )\byou (need|have) to\b|"
        r"\b(you must|it'?s important to|the key is|studies show|"
        r"research shows|the truth is|obviously|clearly|healthy relationships)\b"
        r"|(^|[.!?:]\s+)(remember|keep in mind|don'?t forget)\b",
        "lectures",
    ),
)


def lint(text: str) -> list[str]:
    """What is wrong with one prompt as a caring reply; empty list when nothing is."""
    plain = text.lower().replace("\u2019", "'")
    problems = [label for pattern, label in _LINT_RULES if re.search(pattern, plain)]
    words = len(re.findall(r"[\w'{}]+", re.sub(r"\{\w+\}", "X", plain)))
    if words > MAX_PROMPT_WORDS:
        problems.append(f"has {words} words (more than {MAX_PROMPT_WORDS})")
    return problems


class PromptLibrary:
    """Every variant, by step and theme; build it with PromptLibrary.load()."""

    def __init__(self, files: Mapping[str, PromptFile]) -> None:
        self._by_key: dict[tuple[Step, str], list[Variant]] = {}
        self._spoken: dict[Theme, str] = {}
        for name, pf in files.items():
            _check_file(name, pf)
            key_theme = str(pf.theme)
            if pf.theme != ANY:
                self._spoken[Theme(pf.theme)] = pf.spoken or str(pf.theme)
            for step, variants in pf.steps.items():
                self._by_key.setdefault((step, key_theme), []).extend(variants)
        _check_ids(files)
        _check_coverage(self._by_key)

    def __deepcopy__(self, memo: dict[int, object]) -> "PromptLibrary":
        """The library is read-only once built: a copied flow shares it."""
        return self

    @classmethod
    def load(cls, folder: Path = PROMPTS_DIR) -> "PromptLibrary":
        """Read and validate the LIBRARY_GLOBS files in `folder`; none found is a ConfigError."""
        paths = sorted(p for pattern in LIBRARY_GLOBS for p in folder.glob(pattern))
        if not paths:
            raise ConfigError(f"No prompt files found in {folder}; reinstall attune's prompts.")
        return cls({str(p): _read(p) for p in paths})

    def variants(self, step: Step, theme: Theme | None = None) -> list[Variant]:
        """The variants for a step (the theme's own for themed steps), sorted by id."""
        key = str(theme or Theme.NEUTRAL) if STEP_SPECS[step].themed else ANY
        return sorted(self._by_key.get((step, key), []), key=lambda v: v.id)

    def all_variants(self) -> Iterable[tuple[Step, str, Variant]]:
        """Every (step, theme or "any", variant) in the library."""
        for (step, theme), variants in sorted(self._by_key.items()):
            for v in variants:
                yield step, theme, v

    def spoken(self, theme: Theme) -> str:
        """How to say a theme aloud in a summary."""
        return self._spoken.get(theme, str(theme))


def load_library(folder: Path = PROMPTS_DIR) -> PromptLibrary:
    """The validated prompt library from `folder` (prompts/ by default)."""
    return PromptLibrary.load(folder)


def _read(path: Path) -> PromptFile:
    try:
        return PromptFile.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Cannot read prompt file {path}: {exc}.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"Prompt file {path} is not valid TOML ({exc}); fix it.") from exc
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise ConfigError(f"Prompt file {path} is broken at '{where}': {err['msg']}.") from exc


def _check_file(name: str, pf: PromptFile) -> None:
    for step, variants in pf.steps.items():
        spec = STEP_SPECS[step]
        if spec.themed != (pf.theme != ANY):
            kind = "a theme's file" if spec.themed else 'a file with theme = "any"'
            raise ConfigError(f"Prompt file {name}: step '{step}' belongs in {kind}.")
        for v in variants:
            used = v.placeholders()
            if used - spec.allowed or spec.required - used:
                raise ConfigError(
                    f"Prompt file {name}: prompt '{v.id}' must use {sorted(spec.required)} "
                    f"and may use {sorted(spec.allowed)}, but uses {sorted(used)}."
                )
            problems = lint(v.text)
            if problems:
                raise ConfigError(f"Prompt file {name}: prompt '{v.id}' {', '.join(problems)}.")


def _check_ids(files: Mapping[str, PromptFile]) -> None:
    seen: dict[str, str] = {}
    for name, pf in files.items():
        for v in (v for vs in pf.steps.values() for v in vs):
            if v.id in seen:
                raise ConfigError(f"Prompt file {name}: id '{v.id}' is also used in {seen[v.id]}.")
            seen[v.id] = name


def _check_coverage(by_key: Mapping[tuple[Step, str], list[Variant]]) -> None:
    for step, spec in STEP_SPECS.items():
        for theme in [str(t) for t in Theme] if spec.themed else [ANY]:
            count = len(by_key.get((step, theme), []))
            if count < MIN_VARIANTS:
                raise ConfigError(
                    f"The prompt library has {count} variants of step '{step}' for theme "
                    f"'{theme}'; add at least {MIN_VARIANTS} so prompts do not repeat."
                )


class PromptPicker:
    """Picks prompts for one session: no repeats in it, and unused-lately variants first."""

    def __init__(
        self, library: PromptLibrary, recent_prompt_ids: Iterable[str] = (), seed: int | None = None
    ) -> None:
        self.library = library
        self._recent = frozenset(recent_prompt_ids)
        self._used: list[str] = []
        self._rng = random.Random(seed)

    def pick(self, step: Step, theme: Theme | None = None) -> Variant:
        """A variant not yet said this session, preferring ones not said in recent sessions."""
        options = self.library.variants(step, theme)
        fresh = [v for v in options if v.id not in self._used]
        pool = [v for v in fresh if v.id not in self._recent] or fresh
        if not pool:  # every variant was said this session: reuse the longest-ago one
            pool = [min(options, key=lambda v: self._used.index(v.id))]
        chosen = self._rng.choice(pool)
        if chosen.id in self._used:
            self._used.remove(chosen.id)
        self._used.append(chosen.id)
        return chosen

    def say(self, step: Step, *, theme: Theme | None = None, **values: str) -> tuple[str, str]:
        """The rendered text and id of a freshly picked variant."""
        variant = self.pick(step, theme)
        return variant.render(values), variant.id

    @property
    def used(self) -> list[str]:
        """Ids said this session, oldest first."""
        return list(self._used)
