"""Files attune relies on are the files that were tested: sha256 checks at load (pure I/O)."""

import hashlib
from collections.abc import Callable
from pathlib import Path

from assistant.errors import ConfigError, ModelError

_CHUNK_BYTES = 1 << 20


def sha256_of(path: Path) -> str:
    """The hex sha256 of a file's bytes, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def verified(path: Path, expected: str, what: str, fix: str) -> Path:
    """``path`` when its sha256 is ``expected``; otherwise (or when it cannot be read) a
    ModelError naming the file and saying how to fix it."""
    try:
        actual = sha256_of(path)
    except OSError as exc:
        raise ModelError(f"{what.capitalize()} {path} cannot be read. {fix}") from exc
    if actual != expected:
        raise ModelError(f"{what.capitalize()} {path} is not the tested file (altered). {fix}")
    return path


MANIFEST_NAME = "MANIFEST.sha256"
DATA_FOLDERS = ("prompts", "models")


def manifest_lines(root: Path) -> list[str]:
    """``sha256  folder/relative/path`` for every data file under ``root`` (the manifest itself
    and caches left out), sorted."""
    lines = []
    for folder in DATA_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.name != MANIFEST_NAME and "__pycache__" not in path.parts:
                lines.append(f"{sha256_of(path)}  {path.relative_to(root).as_posix()}\n")
    return sorted(lines, key=lambda line: line.split("  ", 1)[1])


def damaged_files(root: Path) -> list[str]:
    """The data files under ``root`` that are missing or differ from the manifest (the
    manifest itself missing counts as damaged)."""
    return listed_damage(root / "models" / MANIFEST_NAME, root)


def listed_damage(manifest: Path, root: Path) -> list[str]:
    """The names listed in ``manifest`` (``sha256  relative/path`` lines, blank lines skipped)
    whose file under ``root`` is missing or differs; a missing or unreadable manifest, or a
    line that is not such an entry, counts as damage to the manifest itself."""
    try:
        entries = manifest.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return [_shown(manifest, root)]
    damaged = []
    for entry in entries:
        if not entry.strip():
            continue
        expected, _, name = entry.partition("  ")
        if len(expected) != 64 or not name:
            damaged.append(_shown(manifest, root))
            continue
        try:
            if sha256_of(root / name) != expected:
                damaged.append(name)
        except OSError:
            damaged.append(name)
    return list(dict.fromkeys(damaged))


def _shown(manifest: Path, root: Path) -> str:
    return manifest.relative_to(root).as_posix() if manifest.is_relative_to(root) else str(manifest)


def require_intact(root: Path, in_checkout: bool, note: Callable[[str], None]) -> None:
    """Refuse to run with a data file that is missing or altered in an installed package (a
    ConfigError naming it); in a checkout, where authors edit prompts/ and models/, only say
    once which files differ from the manifest and how to record them."""
    damaged = damaged_files(root)
    if not damaged:
        return
    more = f" (and {len(damaged) - 1} more; 'attune doctor' lists them)" if len(damaged) > 1 else ""
    if in_checkout:
        note(
            f"{damaged[0]}{more} differs from models/{MANIFEST_NAME}; after editing, run "
            "'.venv/bin/python scripts/build_manifest.py'."
        )
        return
    raise ConfigError(
        f"attune's data file {root / damaged[0]} is missing or altered{more}; reinstall attune."
    )
