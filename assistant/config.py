"""Settings and where attune keeps its data (ATTUNE_HOME overrides everything)."""

import os
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.errors import ConfigError

PACKAGE_ROOT = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_ROOT.parent
DATA_ROOT = Path(str(resources.files("assistant"))) / "_data"
"""The prompt library and model data inside the package: in a checkout (and an editable
install) ``assistant/_data/prompts`` and ``assistant/_data/models`` are links to the top-level
folders the authors edit; the build copies those folders into the wheel at the same place."""
PROMPTS_DIR = DATA_ROOT / "prompts"
MODELS_DIR = DATA_ROOT / "models"
PAUSE_NAMES = ("short", "normal", "patient", "unhurried")
MIN_PAUSE_MS = 100
MAX_PAUSE_MS = 30_000
"""A pause in milliseconds: shorter cuts people off mid-word, longer is what unhurried does."""
COMPUTE_TYPES = (
    "default", "auto", "int8", "int8_float32", "int8_float16", "int8_bfloat16", "int16",
    "float16", "bfloat16", "float32",
)  # fmt: skip
"""The CTranslate2 compute types faster-whisper accepts."""


class Settings(BaseModel):
    """Everything a session can be told; built once by the CLI and passed down."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str | None = None
    """A CTranslate2 Whisper model folder; None means the bundled tiny.en."""
    device: Literal["cpu", "cuda", "auto"] = "cpu"
    compute_type: str = "int8"
    beam_size: int = Field(default=1, ge=1, le=10)
    cpu_threads: int = Field(default=0, ge=0)

    voice_engine: Literal["auto", "festival", "pyttsx3"] = "auto"
    """Festival's HTS voice (the default on Linux where installed) or the system voice."""
    voice: str | None = None
    speech_rate_wpm: int = Field(default=145, ge=60, le=400)
    volume: float = Field(default=1.0, ge=0.0, le=1.0)
    speak: bool = True

    region: str = "US"
    resources: list[str] = Field(default_factory=list)
    """Extra crisis resources to read out; empty means the region's defaults."""

    keep_audio: bool = False

    captions: Literal["plain", "large", "off"] = "plain"
    """How lines are shown: plain lines, large high-contrast blocks, or off (notes still shown)."""
    pause: str = "normal"
    """How long to wait through pauses: short, normal, patient, unhurried (pauses never end a
    turn), or milliseconds of silence."""
    read_back: bool = False
    """Read each heard turn back ("I heard: …") and ask whether it is right before answering."""
    barge_in: bool = False
    """Listen while speaking: words said over a reply stop it and are heard from the first.
    Off by default until its stop latency meets the bar in the room (README, barge-in)."""

    @field_validator("pause")
    @classmethod
    def _known_pause(cls, value: str) -> str:
        """short, normal, patient, unhurried (any case) or a whole number of milliseconds."""
        value = value.strip().lower()
        if value in PAUSE_NAMES or (value.isdigit() and MIN_PAUSE_MS <= int(value) <= MAX_PAUSE_MS):
            return value
        raise ValueError(
            "use short, normal, patient, unhurried or a number of milliseconds from "
            f"{MIN_PAUSE_MS} to {MAX_PAUSE_MS}"
        )

    @field_validator("compute_type")
    @classmethod
    def _known_compute_type(cls, value: str) -> str:
        """One of the CTranslate2 compute types (any case)."""
        value = value.strip().lower()
        if value in COMPUTE_TYPES:
            return value
        raise ValueError(f"use one of {', '.join(COMPUTE_TYPES)}")


def data_home() -> Path:
    """The folder for the journal and settings: $ATTUNE_HOME or the user data directory."""
    override = os.environ.get("ATTUNE_HOME")
    if override:
        home = Path(override).expanduser()
        if home.exists() and not home.is_dir():
            raise ConfigError(
                f"ATTUNE_HOME is {home}, which is a file; point it at a folder (or unset it)."
            )
        return home
    import platformdirs

    return Path(platformdirs.user_data_dir("attune", appauthor=False))
