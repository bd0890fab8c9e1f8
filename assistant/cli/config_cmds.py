"""`attune config show|set|reset|path`: comfort settings kept in config.toml."""

import argparse
from pathlib import Path
from typing import Any

from assistant.cli.common import add_command, print_json
from assistant.config import Settings


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add config and its sub-commands (settings_file is imported only when one runs)."""
    p = sub.add_parser(
        "config",
        help="show or change settings (speech rate, volume, voice, captions...)",
        description="Show or change attune's settings, kept in config.toml in the data folder. "
        "ATTUNE_<KEY> environment variables override the file (ATTUNE_RATE for the speech "
        "rate); command-line flags override both.\n\nexamples:\n  attune config show\n"
        "  attune config set rate 130",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.set_defaults(handler=show_command, json=False)
    config_sub = p.add_subparsers(dest="config_command", metavar="ACTION")

    show = add_command(
        config_sub,
        "show",
        "Show every setting, its value and where it came from.",
        "attune config show --json",
    )
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=show_command)

    keys = _keys_help()
    setter = add_command(
        config_sub,
        "set",
        "Save one setting to the file (checked first, so a typo fails now, not in a session).",
        "attune config set rate 130\nattune config set region UK",
        epilog=keys,
    )
    setter.add_argument("key", help="a setting name, e.g. speech_rate_wpm (or rate), volume")
    setter.add_argument("value", help="the new value; '' clears voice or model")
    setter.set_defaults(handler=set_command)

    reset = add_command(
        config_sub,
        "reset",
        "Remove a setting from the file, back to its default.",
        "attune config reset rate",
        epilog=keys,
    )
    reset.add_argument("key", help="the setting to reset")
    reset.set_defaults(handler=reset_command)

    path = add_command(
        config_sub, "path", "Print where the settings file is.", "attune config path"
    )
    path.set_defaults(handler=path_command)


def show_command(args: argparse.Namespace) -> int:
    """Print every setting with its value and source (default, file, env ATTUNE_X)."""
    from assistant.settings_file import config_path, resolve, shown_path

    resolved = resolve()
    values = resolved.settings.model_dump(mode="json")
    if args.json:
        print_json(
            {
                "path": str(config_path()),
                "settings": {
                    key: {"value": value, "source": resolved.sources[key]}
                    for key, value in values.items()
                },
            }
        )
        return 0
    exists = "" if config_path().exists() else " (not created yet)"
    print(f"settings file: {shown_path(config_path())}{exists}")
    for key, value in values.items():
        print(f"{key} = {shown_value(value)} ({resolved.sources[key]})")
    return 0


def set_command(args: argparse.Namespace) -> int:
    """Validate and save one setting; confirm in one line."""
    from assistant.settings_file import canonical_key, env_values, save_setting, shown_path

    value = args.value
    checks = {
        "region": _checked_region,
        "voice": _checked_voice,
        "voice_engine": _checked_engine,
        "model": _checked_model,
    }
    check = checks.get(canonical_key(args.key))
    if check is not None and value.strip():
        value = check(value.strip())
    field, value = save_setting(args.key, value)
    line = f"Saved {field} = {shown_value(value)} in {shown_path(_path())}."
    overridden = env_values().get(field)
    if overridden is not None:
        line += f" {overridden[1]} is set and overrides it."
    print(line)
    return 0


def _checked_region(value: str) -> str:
    """A region the crisis resources know (code or alias), saved as its code."""
    from assistant.errors import ConfigError
    from assistant.safety import load_resources

    resources = load_resources()
    wanted = value.upper()
    for region in resources.regions:
        if wanted in {region.code.upper(), *(alias.upper() for alias in region.aliases)}:
            return region.code
    known = ", ".join(f"{r.code} ({r.name})" for r in resources.regions)
    raise ConfigError(
        f"'{value}' is not a region attune has crisis resources for; nothing was saved. "
        f"Known regions: {known}."
    )


def _checked_voice(value: str) -> str:
    """A voice that Festival or the system voice has, so sessions never go silent because
    of a typo."""
    from assistant.adapters.voices import installed_voices
    from assistant.errors import ConfigError

    wanted = value.lower()
    listed = installed_voices()
    for voices in listed.values():
        if not isinstance(voices, str) and any(
            wanted in (voice_id.lower(), name.lower()) for voice_id, name in voices
        ):
            return value
    raise ConfigError(
        f"No voice called '{value}'. Run 'attune devices' to list the voices. Nothing was saved."
    )


def _checked_engine(value: str) -> str:
    """An engine that can speak here (Festival needs its packages)."""
    from assistant.adapters.festival import FestivalSynthesizer
    from assistant.errors import ConfigError, VoiceError

    engine = value.lower()
    if engine == "festival":
        try:
            FestivalSynthesizer(Settings()).close()
        except VoiceError as exc:
            raise ConfigError(f"{exc} Nothing was saved.") from exc
    return engine


def _checked_model(value: str) -> str:
    """A complete CTranslate2 Whisper model folder (or a folder name under models/)."""
    from assistant.adapters.whisper import resolve_model_path
    from assistant.errors import ConfigError, ModelError

    try:
        resolve_model_path(value)
    except ModelError as exc:
        raise ConfigError(f"{exc} Nothing was saved.") from exc
    return value


def reset_command(args: argparse.Namespace) -> int:
    """Remove one setting from the file; say what it is now."""
    from assistant.settings_file import KEY_ALIASES, reset_setting, resolve

    removed = reset_setting(args.key)
    field = args.key.strip().lower().replace("-", "_")
    field = KEY_ALIASES.get(field, field)
    if field not in Settings.model_fields:
        print(f"Removed '{args.key}' from the settings file.")
        return 0
    current = shown_value(getattr(resolve().settings, field))
    if removed:
        print(f"Reset {field}; it is now {current}.")
    else:
        print(f"{field} was not in the settings file; it is {current}.")
    return 0


def path_command(args: argparse.Namespace) -> int:
    """Print the settings file's path."""
    print(_path())
    return 0


def shown_value(value: Any) -> str:
    """A value as TOML writes it, so it can be typed back into `attune config set`."""
    if value is None:
        return "(not set)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(str(item) for item in value) if value else "(none)"
    return str(value)


def _path() -> Path:
    from assistant.settings_file import config_path

    return config_path()


def _keys_help() -> str:
    """One line per setting: its name, its environment variable and its default."""
    lines = ["settings (environment variable, default):"]
    for key, info in Settings.model_fields.items():
        default = shown_value(info.get_default(call_default_factory=True))
        lines.append(f"  {key:<16} {'ATTUNE_' + key.upper():<24} {default}")
    lines.append("  rate is short for speech_rate_wpm (ATTUNE_RATE)")
    return "\n".join(lines)
