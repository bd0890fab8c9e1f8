"""The settings file (config.toml in the data folder) with ATTUNE_* variables layered over it.

Layers, lowest first: Settings defaults < config.toml < environment < command-line flags.
Every Settings field FIELD can be set with ATTUNE_<FIELD> (ATTUNE_SPEECH_RATE_WPM,
ATTUNE_VOLUME, ATTUNE_VOICE, ATTUNE_REGION, ATTUNE_MODEL, ATTUNE_PAUSE, ATTUNE_CAPTIONS,
ATTUNE_READ_BACK, ...); ATTUNE_RATE is a short alias for ATTUNE_SPEECH_RATE_WPM. A list
(resources) is written with ';' between items; an empty value unsets voice or model.
"""

import codecs
import contextlib
import os
import re
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_origin

from pydantic import ValidationError

from assistant.config import Settings, data_home
from assistant.errors import ConfigError

CONFIG_FILE_NAME = "config.toml"
KEY_ALIASES = {"rate": "speech_rate_wpm", "speech_rate": "speech_rate_wpm"}
"""Short names `attune config set` accepts besides the field names."""
ENV_PREFIX = "ATTUNE_"
ENV_ALIASES = {"ATTUNE_RATE": "speech_rate_wpm", "ATTUNE_SPEECH_RATE": "speech_rate_wpm"}
FILE_HEADER = (
    "# attune settings. Edit by hand or with 'attune config set KEY VALUE';\n"
    "# ATTUNE_<KEY> environment variables and command-line flags override this file.\n\n"
)


@dataclass(frozen=True)
class Resolved:
    """The settings in force and, per field, where its value came from."""

    settings: Settings
    sources: dict[str, str]
    """Field name → "default", "file", "env ATTUNE_X" or "flag"."""


def config_path() -> Path:
    """Where the settings file lives (whether or not it exists yet)."""
    return data_home() / CONFIG_FILE_NAME


def setting_names() -> list[str]:
    """Every key the file, the environment and `attune config set` accept."""
    return list(Settings.model_fields)


def env_name(field: str) -> str:
    """The environment variable for a field: ATTUNE_<FIELD>."""
    return ENV_PREFIX + field.upper()


def canonical_key(key: str) -> str:
    """The field a user's key means (case, hyphens and short aliases allowed)."""
    name = key.strip().lower().replace("-", "_")
    name = KEY_ALIASES.get(name, name)
    if name not in Settings.model_fields:
        raise ConfigError(
            f"'{key}' is not a setting. Known settings: {', '.join(setting_names())}."
        )
    return name


def parse_text_value(field: str, raw: str) -> Any:
    """A typed or environment value as Settings takes it: 'a;b' for lists, '' unsets voice/model."""
    info = Settings.model_fields[field]
    if get_origin(info.annotation) is list:
        return [part.strip() for part in raw.split(";") if part.strip()]
    if raw.strip() == "" and info.default is None:
        return None
    return raw.strip()


def _field_of(key: str) -> str:
    """The field a key in the file means: its own name, or the field a short alias stands for."""
    return KEY_ALIASES.get(key, key)


def load_settings_file(path: Path | None = None) -> dict[str, Any]:
    """The validated values in the settings file; {} when there is no file. Short aliases
    (rate = 130) are read as the field they stand for, as `attune config set` takes them."""
    path = path or config_path()
    raw, text = _read_raw(path)
    aliases_first = sorted(raw.items(), key=lambda item: item[0] in Settings.model_fields)
    raw = {_field_of(key): value for key, value in aliases_first}  # a full name wins
    _check_known(raw, path, text)
    validated = _validate(raw, path, text)
    return {key: getattr(validated, key) for key in raw}


def env_values(environ: Mapping[str, str] | None = None) -> dict[str, tuple[Any, str]]:
    """Field → (value, variable name) for every ATTUNE_* variable that names a setting."""
    environ = os.environ if environ is None else environ
    found: dict[str, tuple[Any, str]] = {}
    names = [(alias, field) for alias, field in ENV_ALIASES.items()]
    names += [(env_name(field), field) for field in Settings.model_fields]
    for variable, field in names:
        if variable not in environ:
            continue
        value = parse_text_value(field, environ[variable])
        try:
            Settings.model_validate({field: value})
        except ValidationError as exc:
            raise ConfigError(
                f"{variable}={environ[variable]!r} is not a valid {field}: {_reason(exc)}. "
                f"Fix or unset {variable}."
            ) from exc
        found[field] = (value, variable)
    return found


def resolve(flags: Mapping[str, Any] | None = None, path: Path | None = None) -> Resolved:
    """Defaults < settings file < environment < flags (only the flags the user gave)."""
    values: dict[str, Any] = {}
    sources = dict.fromkeys(Settings.model_fields, "default")
    for field, value in load_settings_file(path).items():
        values[field], sources[field] = value, "file"
    for field, (value, variable) in env_values().items():
        values[field], sources[field] = value, f"env {variable}"
    for field, value in (flags or {}).items():
        values[field], sources[field] = value, "flag"
    try:
        return Resolved(Settings(**values), sources)
    except ValidationError as exc:
        field = str(exc.errors()[0]["loc"][0])
        raise ConfigError(
            f"{field} = {values.get(field)!r} from the command line is not allowed: "
            f"{_reason(exc)}. Give a value in range."
        ) from exc


def save_setting(key: str, value: Any, path: Path | None = None) -> tuple[str, Any]:
    """Validate and save one setting; returns the field and the value as saved (None: unset)."""
    path = path or config_path()
    field = canonical_key(key)
    raw, text = _read_raw(path)
    if isinstance(value, str):
        value = parse_text_value(field, value)
    wanted = {k: v for k, v in raw.items() if _field_of(k) != field}
    _check_known({_field_of(k): v for k, v in wanted.items()}, path, text)
    if value is not None:
        try:
            Settings.model_validate({field: value})
        except ValidationError as exc:
            raise ConfigError(
                f"{value!r} is not a valid {field}: {_reason(exc)}. "
                "Try again with a valid value ('attune config set --help' lists them)."
            ) from exc
        wanted[field] = value
    validated = _validate({_field_of(k): v for k, v in wanted.items()}, path, text)
    kept = {k: getattr(validated, _field_of(k)) for k in wanted}
    _write(path, kept)
    return field, kept.get(field)


def reset_setting(key: str, path: Path | None = None) -> bool:
    """Remove a key from the file (unknown keys too); False when it was not there."""
    path = path or config_path()
    raw, _ = _read_raw(path)
    name = key.strip().lower().replace("-", "_")
    found = [k for k in raw if k == name or _field_of(k) == _field_of(name)]
    if not found:
        if _field_of(name) not in Settings.model_fields:
            canonical_key(key)
        return False
    for k in found:
        del raw[k]
    _write(path, raw)
    return True


def shown_path(path: Path) -> str:
    """The path as a person reads it: ~/... under the home folder."""
    try:
        return "~/" + str(path.resolve().relative_to(Path.home().resolve()))
    except (ValueError, RuntimeError):
        return str(path)


def _read_raw(path: Path) -> tuple[dict[str, Any], str]:
    """The parsed TOML and its text; ({}, "") when there is no file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}, ""
    except IsADirectoryError as exc:
        raise ConfigError(
            f"{shown_path(path)} is a folder, not a settings file; remove it or set ATTUNE_HOME "
            "to another folder."
        ) from exc
    except OSError as exc:
        raise ConfigError(
            f"{shown_path(path)} cannot be read ({exc.strerror}). Fix its permissions or delete it."
        ) from exc
    text = _text_of(path, data)
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)", str(exc))
        problem = str(exc)[: where.start()] if where else str(exc)
        line = f" line {where.group(1)}" if where and where.group(1) else ""
        raise ConfigError(
            f"{shown_path(path)}{line}: {problem[:1].lower()}{problem[1:]}. "
            "Fix or delete the file, then use 'attune config set KEY VALUE'."
        ) from exc


def _text_of(path: Path, data: bytes) -> str:
    """The file as text: UTF-8 (a byte-order mark, as Notepad writes, is skipped) or UTF-16
    with a byte-order mark; anything else is a ConfigError naming the line."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigError(
            f"{shown_path(path)} line {line} is not UTF-8 text (byte 0x{data[exc.start]:02x}); "
            "save it as UTF-8, or delete it and use 'attune config set KEY VALUE'."
        ) from exc


def _check_known(values: dict[str, Any], path: Path, text: str) -> None:
    """Every key in the file must be a setting."""
    unknown = [key for key in values if key not in Settings.model_fields]
    if unknown:
        remedy = f"run 'attune config reset {unknown[0]}'"
        raise _file_error(path, text, unknown[0], f"'{unknown[0]}' is not a setting", remedy)


def _validate(values: dict[str, Any], path: Path, text: str) -> Settings:
    """Settings from file values, or a ConfigError naming the line of the first bad one."""
    try:
        return Settings(**values)
    except ValidationError as exc:
        key = str(exc.errors()[0]["loc"][0])
        problem = f"{key} = {values.get(key)!r} is not allowed ({_reason(exc)})"
        raise _file_error(path, text, key, problem, f"run 'attune config set {key} VALUE'") from exc


def _file_error(path: Path, text: str, key: str, problem: str, remedy: str) -> ConfigError:
    """One sentence: the file, the line, what is wrong, what to do."""
    line = _line_of(text, key)
    where = f"{shown_path(path)} line {line}" if line else shown_path(path)
    return ConfigError(f"{where}: {problem}. Fix or delete the file, or {remedy}.")


def _line_of(text: str, key: str) -> int | None:
    """The 1-based line where a top-level key is set, when it can be found."""
    names = [key, *(alias for alias, field in KEY_ALIASES.items() if field == key)]
    keys = "|".join(re.escape(name) for name in names)
    pattern = re.compile(rf"^\s*[\"']?(?:{keys})[\"']?\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def _reason(exc: ValidationError) -> str:
    """The first validation problem in plain words."""
    message = str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
    return message[:1].lower() + message[1:]


def _write(path: Path, values: dict[str, Any]) -> None:
    """Write the file atomically (temp file + rename), readable by its owner only."""
    import tomli_w

    body = FILE_HEADER + tomli_w.dumps({k: v for k, v in values.items() if v is not None})
    try:
        if not path.parent.exists():
            path.parent.mkdir(parents=True, mode=0o700)
            path.parent.chmod(0o700)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".config.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(body)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, 0o600)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ConfigError(
            f"Could not write {shown_path(path)} ({exc.strerror}). "
            "Check that the data folder exists and is yours, or set ATTUNE_HOME."
        ) from exc
