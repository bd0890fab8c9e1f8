"""Crisis resources by region, loaded from prompts/safety.toml and checked on load."""

import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.config import PROMPTS_DIR
from assistant.errors import ConfigError
from assistant.safety.types import SafetyKind

RESOURCES_FILE = PROMPTS_DIR / "safety.toml"
FALLBACK_REGION = "OTHER"


class Resource(BaseModel):
    """One service a person can reach: how attune says it and how it is printed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    spoken: str = Field(min_length=1)
    printed: str = Field(min_length=1)
    kinds: list[SafetyKind] = Field(default_factory=list)
    """The crises it serves; empty means every kind (emergency services)."""

    def serves(self, kinds: list[SafetyKind]) -> bool:
        """Whether this resource fits any of the given kinds (empty kinds: every resource)."""
        return not self.kinds or not kinds or any(kind in self.kinds for kind in kinds)


class Region(BaseModel):
    """The resources for one country or area."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(min_length=1)
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    resources: list[Resource] = Field(min_length=1)

    @model_validator(mode="after")
    def _serves_every_kind(self) -> "Region":
        for kind in SafetyKind:
            if not any(resource.serves([kind]) for resource in self.resources):
                raise ValueError(f"region {self.code} has no resource for {kind.value}")
        return self


class ResourceFile(BaseModel):
    """The whole prompts/safety.toml file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    regions: list[Region] = Field(min_length=1)

    @model_validator(mode="after")
    def _codes_are_unique_and_other_exists(self) -> "ResourceFile":
        names = [name.upper() for region in self.regions for name in [region.code, *region.aliases]]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"region code or alias used twice: {', '.join(duplicates)}")
        if FALLBACK_REGION not in names:
            raise ValueError(f"a region with code {FALLBACK_REGION} is required")
        return self

    def region(self, code: str) -> Region:
        """The region with this code or alias (any case); unknown codes get OTHER."""
        wanted = code.strip().upper()
        for region in self.regions:
            if wanted in {region.code.upper(), *(alias.upper() for alias in region.aliases)}:
                return region
        return self.region(FALLBACK_REGION)


@lru_cache(maxsize=4)
def load_resources(path: Path = RESOURCES_FILE) -> ResourceFile:
    """Read and check the resources file; a missing or broken file raises ConfigError."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        return ResourceFile.model_validate(raw)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError) as exc:
        raise ConfigError(
            f"The crisis resources file {path} is broken ({_describe(exc)}); fix it or restore it "
            "from the attune release."
        ) from exc


def _describe(exc: Exception) -> str:
    """A short reason: the first validation problem with where it is, or the error text."""
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        return f"{where}: {first['msg']}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def resources_for(
    region: str = "US", kinds: list[SafetyKind] | None = None, path: Path = RESOURCES_FILE
) -> list[Resource]:
    """The region's resources serving any of ``kinds`` (None or empty: all), file order."""
    wanted = kinds or []
    return [res for res in load_resources(path).region(region).resources if res.serves(wanted)]
