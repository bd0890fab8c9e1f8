"""Pieces the command modules share: settings from arguments, JSON printing, model options."""

import argparse
import json
import sys
from typing import Any

from pydantic import BaseModel

from assistant.config import Settings


def add_model_options(parser: argparse.ArgumentParser) -> None:
    """--model, --device and --beam-size for commands that transcribe."""
    parser.add_argument(
        "--model",
        help="a local CTranslate2 Whisper model folder (or a folder "
        "name under models/); default: the bundled tiny.en",
    )
    parser.add_argument(
        "--device",
        choices=["cpu", "cuda", "auto"],
        default="cpu",
        help="where the speech model runs (default: cpu, int8)",
    )
    parser.add_argument(
        "--beam-size",
        type=int,
        default=None,
        help="beam width for transcription (default: 1 live, 5 for files)",
    )


def add_voice_options(parser: argparse.ArgumentParser) -> None:
    """--rate, --volume and --voice for commands that speak."""
    parser.add_argument("--rate", type=int, default=None, help="speech rate in words per minute")
    parser.add_argument("--volume", type=float, default=None, help="speech volume, 0.0 to 1.0")
    parser.add_argument("--voice", default=None, help="voice id or name (see 'attune devices')")


def settings_from(args: argparse.Namespace, **overrides: Any) -> Settings:
    """Settings built from whichever of the shared options this command has."""
    values: dict[str, Any] = {}
    for option, field in (
        ("model", "model"),
        ("device", "device"),
        ("beam_size", "beam_size"),
        ("rate", "speech_rate_wpm"),
        ("volume", "volume"),
        ("voice", "voice"),
    ):
        value = getattr(args, option, None)
        if value is not None:
            values[field] = value
    if values.get("device") == "cuda":
        values.setdefault("compute_type", "float16")
    values.update(overrides)
    return Settings(**values)


def print_json(value: BaseModel | dict[str, Any] | list[Any]) -> None:
    """One JSON document on stdout."""
    data = value.model_dump(mode="json") if isinstance(value, BaseModel) else value
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()
