"""Files attune relies on are the files that were tested: sha256 checks at load (pure I/O)."""

import hashlib
from pathlib import Path

from assistant.errors import ModelError

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
    manifest = root / "models" / MANIFEST_NAME
    try:
        entries = manifest.read_text(encoding="utf-8").splitlines()
    except OSError:
        return [f"models/{MANIFEST_NAME}"]
    damaged = []
    for entry in entries:
        expected, _, name = entry.partition("  ")
        path = root / name
        try:
            if sha256_of(path) != expected:
                damaged.append(name)
        except OSError:
            damaged.append(name)
    return damaged
