"""Writes that wait beside the journal while another program holds its lock.

A running session must never lose a finished turn because, say, a backup tool or a second
attune has the journal locked. Such a write is appended to ``journal.sqlite3.pending`` (JSON
lines, owner-only, synced to disk before the call returns) and merged into the journal, in
order and exactly once, by the next write that finds the journal free or by the next
``Journal.open``. The file is locked with flock while it is appended to or merged, so two
attune programs never merge the same lines twice.
"""

import contextlib
import fcntl
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

PENDING_SUFFIX = ".pending"
FILE_MODE = 0o600

Op = dict[str, Any]


def pending_path(journal_path: Path) -> Path:
    """The side file for a journal: journal.sqlite3.pending beside it."""
    return journal_path.with_name(journal_path.name + PENDING_SUFFIX)


def waiting_note(journal_path: Path) -> str:
    """What a person is told, once, when their words start waiting beside the journal."""
    return (
        "Another program has the journal locked, so what is said is kept beside it in "
        f"{pending_path(journal_path).name} and added once it is free; nothing is lost."
    )


def kept_note(journal_path: Path) -> str:
    """What a person is told when a session ends with words still waiting."""
    return (
        "The journal is still locked by another program; what was said is kept in "
        f"{pending_path(journal_path)} and added the next time attune opens it."
    )


def has_pending(journal_path: Path) -> bool:
    """Whether any write waits in the side file (cheap: one stat)."""
    try:
        return pending_path(journal_path).stat().st_size > 0
    except OSError:
        return False


@contextlib.contextmanager
def _locked(path: Path, create: bool) -> Iterator[int | None]:
    """The side file opened and flock-ed; None when it does not exist and create is False."""
    while True:
        flags = os.O_RDWR | os.O_APPEND | (os.O_CREAT if create else 0)
        try:
            fd = os.open(path, flags, FILE_MODE)
        except FileNotFoundError:
            yield None
            return
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            same = os.path.exists(path) and os.stat(path).st_ino == os.fstat(fd).st_ino
        except OSError:
            same = False
        if same:
            break
        os.close(fd)  # removed meanwhile by another program: open the new one
    try:
        yield fd
    finally:
        os.close(fd)


def append(journal_path: Path, op: Op) -> None:
    """Add one write to the side file and sync it to disk before returning."""
    line = (json.dumps(op, ensure_ascii=False) + "\n").encode("utf-8")
    with _locked(pending_path(journal_path), create=True) as fd:
        assert fd is not None
        os.write(fd, line)
        os.fsync(fd)


def read_ops(fd: int) -> list[Op]:
    """Every complete line; a last line cut off by a crash mid-write is left out."""
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    ops = []
    for raw in b"".join(chunks).split(b"\n"):
        with contextlib.suppress(ValueError):
            ops.append(json.loads(raw.decode("utf-8")))
    return [op for op in ops if isinstance(op, dict)]


def merge(journal_path: Path, apply: Callable[[list[Op]], None]) -> int:
    """Hand the waiting writes to `apply` (one transaction) and empty the file once it
    returns; returns how many there were. If `apply` raises, the file is kept as it was."""
    with _locked(pending_path(journal_path), create=False) as fd:
        if fd is None:
            return 0
        ops = read_ops(fd)
        if ops:
            apply(ops)
        os.ftruncate(fd, 0)
        os.fsync(fd)
        return len(ops)


def remove_if_empty(journal_path: Path) -> None:
    """Delete an empty side file (under its lock, so nothing being appended is lost)."""
    path = pending_path(journal_path)
    with _locked(path, create=False) as fd:
        if fd is not None and os.fstat(fd).st_size == 0:
            path.unlink(missing_ok=True)
