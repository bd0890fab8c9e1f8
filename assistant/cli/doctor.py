"""`attune doctor`: what a person needs to trust attune, each with a fix when it is wrong.

Checks the settings, the microphone, the speaker, the speech model and the voice detector
(with their hashes), the sentence encoder and learned heads, every prompt and model file
against the manifest, spaCy's model and lemminflect's tables against their recorded hashes,
the voice, that nothing needs the network and telemetry is off, and where the journal lives
and who can read it. Exit code 0 when all is well, 1 when anything is wrong (each problem
named).
"""

import argparse
import os
import stat
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from assistant.adapters.festival import DEFAULT_VOICE as DEFAULT_FESTIVAL_VOICE
from assistant.adapters.portaudio import parse_device
from assistant.cli.common import add_voice_options
from assistant.config import Settings, data_home
from assistant.errors import AttuneError, JournalError
from assistant.journal.connection import DIR_MODE, FILE_MODE, JOURNAL_FILENAME, inspect


class Check(BaseModel):
    """One line of the report: ok or a problem, what was found, and the fix."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    ok: bool
    detail: str
    fix: str = ""

    def line(self) -> str:
        """The check as plain text: 'ok' or 'problem', then a fix line when needed."""
        text = f"{'ok' if self.ok else 'problem':<8} {self.name}: {self.detail}"
        return text if self.ok else f"{text}\n{'':<8} fix: {self.fix}"


def _audio_device(name: str, kind: str, device: int | str | None, fix: str) -> Check:
    try:
        import sounddevice
    except (ImportError, OSError):
        return Check(
            name=name,
            ok=False,
            detail="the audio library PortAudio is missing",
            fix="install it with 'sudo apt-get install libportaudio2'",
        )
    try:
        found: Any = sounddevice.query_devices(device, kind=kind)
    except (ValueError, sounddevice.PortAudioError) as exc:
        return Check(name=name, ok=False, detail=f"none found ({exc})", fix=fix)
    channels = found[f"max_{kind}_channels"]
    return Check(name=name, ok=True, detail=f"{found['name']} ({channels} channels)")


def check_microphone(device: int | str | None = None) -> Check:
    """Is there an input device attune can record from?"""
    return _audio_device(
        "microphone",
        "input",
        device,
        "plug in a microphone or pick one with --input-device (see 'attune devices'), "
        "or use --text to type instead",
    )


def check_speaker(device: int | str | None = None) -> Check:
    """Is there an output device attune can speak through?"""
    return _audio_device(
        "speaker",
        "output",
        device,
        "connect a speaker or headphones or pick one with --output-device, or use "
        "--no-speak to read captions only",
    )


def check_model(choice: str | None) -> Check:
    """Is the speech model a complete local folder (--model, ATTUNE_MODEL or bundled), and is
    the voice detector the tested file?"""
    from assistant.adapters import silero
    from assistant.adapters.whisper import resolve_model_path

    try:
        folder = resolve_model_path(choice)
        silero.model_path()
    except AttuneError as exc:
        return Check(name="model", ok=False, detail="no usable speech model", fix=str(exc))
    return Check(
        name="model",
        ok=True,
        detail=f"voice detector checked; local Whisper model at {folder}",
    )


def check_voice(settings: Settings) -> Check:
    """Which voice engine speaks, and why; can it start, and does it have a voice?"""
    from assistant.adapters.voices import FallbackVoice, choose_engine, open_voice

    notes: list[str] = []
    try:
        voice = open_voice(settings, notes.append)
    except AttuneError as exc:
        return Check(name="voice", ok=False, detail="no text-to-speech voice", fix=str(exc))
    choice = choose_engine(settings)
    if isinstance(voice, FallbackVoice):
        name = settings.voice or DEFAULT_FESTIVAL_VOICE
        return Check(name="voice", ok=True, detail=f"festival, {name} ({choice.why})")
    why = " ".join(notes) or choice.why
    return Check(name="voice", ok=True, detail=f"pyttsx3, the system voice ({why})")


def check_offline(model: Check) -> Check:
    """Does anything need the network, and is every native library's telemetry switched off?"""
    from assistant.privacy import telemetry_settings

    if not model.ok:
        return Check(
            name="offline",
            ok=False,
            detail="there is no local speech model, and attune never downloads one",
            fix="fix the model line above; nothing else needs the network",
        )
    settings = telemetry_settings()
    off = {"1", "true", "yes", "on"}
    on = [name for name, value in settings.items() if (value or "").lower() not in off]
    if on:
        return Check(
            name="offline",
            ok=False,
            detail=f"telemetry or online look-ups are allowed by {', '.join(on)}",
            fix=f"unset {' '.join(on)} (attune sets each to 1 itself when they are not set)",
        )
    return Check(
        name="offline",
        ok=True,
        detail="no network needed: models load from local files only, and onnxruntime's and "
        "Hugging Face's telemetry are switched off (" + ", ".join(f"{k}=1" for k in settings) + ")",
    )


def check_files() -> Check:
    """Are the prompt library and model data exactly the files attune was built with?"""
    from assistant.config import DATA_ROOT
    from assistant.integrity import damaged_files

    damaged = damaged_files(DATA_ROOT)
    if damaged:
        shown = ", ".join(damaged[:3]) + (
            f" and {len(damaged) - 3} more" if len(damaged) > 3 else ""
        )
        return Check(
            name="files",
            ok=False,
            detail=f"missing or altered: {shown}",
            fix="reinstall attune (in a checkout, run '.venv/bin/python "
            "scripts/build_manifest.py' after editing a prompt or model file)",
        )
    return Check(name="files", ok=True, detail="prompts, theme, safety and reading data intact")


def check_language() -> Check:
    """Are spaCy's English model and lemminflect's tables installed, with their hashes?"""
    from assistant.adapters.language import CHECKED, verify_package

    try:
        missing = [CHECKED[p][1] for p in CHECKED if verify_package(p) is None]
    except AttuneError as exc:
        return Check(name="language", ok=False, detail="reply wording data damaged", fix=str(exc))
    if missing:
        return Check(
            name="language",
            ok=False,
            detail=f"not installed: {', '.join(missing)} (replies fall back to simpler wording)",
            fix=f"reinstall attune (or 'pip install {' '.join(missing)}')",
        )
    return Check(
        name="language",
        ok=True,
        detail="spaCy's English model and lemminflect's tables intact (sha256 checked)",
    )


def check_reading() -> Check:
    """Do the sentence encoder and the learned heads load, with their recorded hashes?"""
    from assistant.adapters.embedding import model_path
    from assistant.learned import load_heads
    from assistant.prompts import load_library
    from assistant.reading import heads_folder
    from assistant.safety import load_resources

    try:
        model_path()
        load_heads(heads_folder())
        load_library()
        load_resources()
    except AttuneError as exc:
        return Check(
            name="reading", ok=False, detail="attune cannot read what is said", fix=str(exc)
        )
    return Check(
        name="reading",
        ok=True,
        detail="sentence encoder, theme and safety heads, prompts and crisis resources load",
    )


def _too_open(path: Path, wanted: int) -> str | None:
    mode = stat.S_IMODE(path.stat().st_mode)
    return None if mode & ~wanted == 0 else f"{path} is mode {mode:04o}"


def check_data(home: Path) -> Check:
    """Where the journal lives, and is it readable by its owner only (0700 / 0600)?"""
    journal = home / JOURNAL_FILENAME
    if not home.exists():
        return Check(
            name="data",
            ok=True,
            detail=f"nothing stored yet; the journal will be created in {home}, "
            "readable by you only",
        )
    files = [p for p in (journal, Path(f"{journal}-wal"), Path(f"{journal}-shm")) if p.exists()]
    loose = [_too_open(home, DIR_MODE), *(_too_open(p, FILE_MODE) for p in files)]
    problems = [p for p in loose if p]
    if problems:
        modes = "; ".join(problems)
        return Check(
            name="data",
            ok=False,
            detail=f"others can read your journal ({modes})",
            fix=f"run: chmod 700 {home} && chmod 600 {home}/{JOURNAL_FILENAME}*",
        )
    if not os.access(home, os.W_OK):
        return Check(
            name="data",
            ok=False,
            detail=f"the journal folder {home} is read-only, so sessions cannot be saved",
            fix="set ATTUNE_HOME to a folder you can write to",
        )
    if journal.exists():
        try:
            inspect(journal)
        except JournalError as exc:
            return Check(name="data", ok=False, detail="the journal cannot be read", fix=str(exc))
    return Check(
        name="data",
        ok=True,
        detail=f"journal in {home}, readable by you only (folder 0700, file 0600)",
    )


def check_settings(args: argparse.Namespace) -> tuple[Check, Settings | None]:
    """Do the settings (config.toml, ATTUNE_*, flags) read cleanly? Also the settings read."""
    from assistant.cli.common import settings_from

    try:
        used = settings_from(args)
    except AttuneError as exc:
        return Check(name="settings", ok=False, detail="settings unreadable", fix=str(exc)), None
    return Check(name="settings", ok=True, detail="config file and environment read cleanly"), used


def check_listening(args: argparse.Namespace) -> Check:
    """How attune listens while it speaks: barge-in on, or off (the default)."""
    from assistant.cli.common import settings_from
    from assistant.listen import listening_note

    try:
        barge_in = settings_from(args).barge_in
    except AttuneError:
        barge_in = False
    return Check(name="listening", ok=True, detail=listening_note(barge_in))


def run_checks(args: argparse.Namespace) -> list[Check]:
    """Every check, in the order a person would look at them."""
    settings, used = check_settings(args)
    model = check_model((used.model if used else None) or args.model)
    settings_used = used or Settings()
    return [
        settings,
        check_microphone(parse_device(args.input_device)),
        check_speaker(parse_device(args.output_device)),
        model,
        check_reading(),
        check_files(),
        check_language(),
        check_voice(settings_used),
        check_listening(args),
        check_offline(model),
        check_data(data_home()),
    ]


def _doctor(args: argparse.Namespace) -> int:
    checks = run_checks(args)
    for check in checks:
        print(check.line())
    return 0 if all(c.ok for c in checks) else 1


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add `attune doctor`."""
    p = sub.add_parser("doctor", help="check microphone, speaker, model, voice and privacy")
    p.add_argument("--model", help="check this local Whisper model folder instead")
    p.add_argument("--input-device", help="microphone to check (index or name)")
    p.add_argument("--output-device", help="speaker to check (index or name)")
    add_voice_options(p)
    p.set_defaults(handler=_doctor)
