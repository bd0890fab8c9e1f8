"""Pieces the command modules share: settings from arguments, JSON printing, model options."""

import argparse
import importlib
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from pydantic import BaseModel

    from assistant.config import Settings
    from assistant.reading import Reader
    from assistant.safety import SafetyCheck
    from assistant.themes import ThemeReading


def add_command(
    sub: "argparse._SubParsersAction[argparse.ArgumentParser]",
    name: str,
    summary: str,
    examples: str,
    **kwargs: Any,
) -> argparse.ArgumentParser:
    """A sub-command whose --help starts with one sentence saying what it does and examples."""
    shown = examples.splitlines()
    title = "examples" if len(shown) > 1 else "example"
    lines = "\n".join(f"  {line}" for line in shown)
    return sub.add_parser(
        name,
        help=summary[:1].lower() + summary[1:].rstrip("."),
        description=f"{summary}\n\n{title}:\n{lines}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        **kwargs,
    )


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from low to high."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number from {low} to {high}")
        return value

    return parse


def add_model_options(parser: argparse.ArgumentParser) -> None:
    """--model, --device and --beam-size for commands that transcribe."""
    parser.add_argument(
        "--model",
        metavar="PATH",
        help="a local CTranslate2 Whisper model folder (or a folder "
        "name under models/); default: the bundled tiny.en",
    )
    parser.add_argument(
        "--device",
        choices=["cpu", "cuda", "auto"],
        default=None,
        help="where the speech model runs (default: cpu, int8)",
    )
    parser.add_argument(
        "--beam-size",
        type=int,
        default=None,
        metavar="N",
        help="beam width for transcription, 1 to 10 (default: 1 live, 5 for files)",
    )


def add_voice_options(parser: argparse.ArgumentParser) -> None:
    """--rate, --volume and --voice for commands that speak."""
    parser.add_argument(
        "--rate",
        type=int,
        default=None,
        metavar="WPM",
        help="speech rate in words per minute, 60 to 400 (default 145)",
    )
    parser.add_argument(
        "--volume", type=float, default=None, metavar="0-1", help="speech volume, 0.0 to 1.0"
    )
    parser.add_argument(
        "--voice", default=None, metavar="NAME", help="voice id or name (see 'attune devices')"
    )
    parser.add_argument(
        "--voice-engine",
        choices=["auto", "festival", "pyttsx3"],
        default=None,
        help="festival (Festival's HTS voice) or pyttsx3 (the system voice); default auto: "
        "Festival on Linux where installed",
    )


def add_caption_option(parser: argparse.ArgumentParser) -> None:
    """--captions plain|large|off for commands that show what is heard and said."""
    parser.add_argument(
        "--captions",
        choices=["plain", "large", "off"],
        default=None,
        help="plain lines, large high-contrast blocks, or off (notes are always shown); "
        "default from 'attune config', else plain",
    )


FLAG_FIELDS = (
    ("model", "model"),
    ("device", "device"),
    ("beam_size", "beam_size"),
    ("rate", "speech_rate_wpm"),
    ("volume", "volume"),
    ("voice", "voice"),
    ("voice_engine", "voice_engine"),
    ("region", "region"),
    ("pause", "pause"),
    ("captions", "captions"),
    ("read_back", "read_back"),
    ("keep_audio", "keep_audio"),
)
"""Option dest → Settings field; an option counts only when given (not None, not False)."""


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of 1 or more")
    return value


def lazy(module: str, name: str) -> Callable[[argparse.Namespace], int]:
    """A handler that imports `module` only when its command runs."""

    def run(args: argparse.Namespace) -> int:
        return int(getattr(importlib.import_module(module), name)(args))

    return run


def reader(warn: Callable[[str], None]) -> "Reader | None":
    """The learned reading for live turns, respond and classify, loaded now; without its
    encoder or heads, None (after one warning): the lexicon and the patterns then serve alone,
    and a crisis is still answered."""
    from assistant.adapters.embedding import MiniLmEmbedder
    from assistant.errors import ModelError
    from assistant.reading import Reader

    encoder = MiniLmEmbedder()
    try:
        encoder.load()
        return Reader(encoder)
    except ModelError as exc:
        warn(f"{exc} Reading themes and safety with the hand-written lexicon and patterns alone.")
        return None


def reading_functions(
    warn: Callable[[str], None],
) -> "tuple[Callable[[str], ThemeReading], Callable[[str], SafetyCheck]]":
    """``(classify, check)`` for a turn: the learned reader's, or the lexicon's and patterns'."""
    from assistant import safety, themes

    loaded = reader(warn)
    if loaded is None:
        return themes.classify, safety.check
    return loaded.classify, loaded.check


def flag_values(args: argparse.Namespace) -> dict[str, Any]:
    """The Settings fields the user set with flags on this command line."""
    values: dict[str, Any] = {}
    for option, field in FLAG_FIELDS:
        value = getattr(args, option, None)
        if value is not None and value is not False:
            values[field] = value
    if getattr(args, "no_voice", False) or getattr(args, "no_speak", False):
        values["speak"] = False
    return values


def settings_from(args: argparse.Namespace, **overrides: Any) -> "Settings":
    """Settings layered: defaults < config file < ATTUNE_* environment < flags < overrides."""
    from assistant.settings_file import resolve

    flags = {**flag_values(args), **overrides}
    resolved = resolve(flags)
    if resolved.settings.device == "cuda" and resolved.sources["compute_type"] == "default":
        resolved = resolve({**flags, "compute_type": "float16"})
    return resolved.settings


def private_file(path: "Path") -> None:
    """Create (or empty) a file only its owner can read, before anything is written to it;
    an existing file is made owner-only too (replies and charts hold private words)."""
    import os

    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def print_json(value: "BaseModel | dict[str, Any] | list[Any]") -> None:
    """One JSON document on stdout (characters the output's encoding lacks as \\u escapes,
    so it is exact in any locale)."""
    data = value if isinstance(value, dict | list) else value.model_dump(mode="json")
    sys.stdout.write(json.dumps(data, ensure_ascii=not utf8_output()) + "\n")
    sys.stdout.flush()


def utf8_output() -> bool:
    """Whether stdout writes UTF-8 (any character can be shown as it is)."""
    encoding = str(getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "")
    return encoding in ("utf8", "utf8sig")


def write_utf8(text: str) -> None:
    """Write text to stdout as UTF-8 bytes whatever the locale (exports are UTF-8 files)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None or utf8_output():
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
