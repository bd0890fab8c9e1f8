"""Opening the journal file safely: owner-only permissions, WAL, an integrity check, clear errors.

A journal that is locked, damaged or written by a newer attune raises JournalError and is left
exactly as it was; it is never replaced by a new, empty one.
"""

import contextlib
import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.config import data_home
from assistant.errors import JournalError, JournalLockedError
from assistant.journal.schema import MIGRATIONS, migrate, schema_version

JOURNAL_FILENAME = "journal.sqlite3"
BUSY_TIMEOUT_MS = 750
"""How long a write waits for another program's lock before giving up."""
DIR_MODE = 0o700
FILE_MODE = 0o600


def default_path() -> Path:
    """Where the journal lives: journal.sqlite3 in the data folder ($ATTUNE_HOME)."""
    return data_home() / JOURNAL_FILENAME


def _locked(path: Path) -> JournalError:
    return JournalLockedError(
        f"The journal at {path} is locked by another program (is another attune running?); "
        "close it and try again."
    )


def _damaged(path: Path) -> JournalError:
    return JournalError(
        f"The journal at {path} is damaged and cannot be read; it has been left untouched, "
        "so move it aside or restore a backup and attune will start a new one."
    )


_DAMAGE_SIGNS = ("not a database", "malformed", "corrupt", "could not decode", "already exists")
"""SQLite messages that mean the file is damaged or is not an attune journal."""


def translate(exc: sqlite3.Error, path: Path) -> JournalError:
    """Turn an SQLite error into one sentence a person can act on."""
    message = str(exc).lower()
    if "locked" in message or "busy" in message:
        return _locked(path)
    if any(sign in message for sign in _DAMAGE_SIGNS):
        return _damaged(path)
    if "disk is full" in message:
        return JournalError(
            f"The disk holding the journal at {path} is full; free some space there (or set "
            "ATTUNE_HOME to a folder on another disk)."
        )
    if "readonly" in message:
        return JournalError(
            f"The journal at {path} is read-only, so nothing can be saved in it (history, show "
            "and export still work); copy it to a folder you can write to and set ATTUNE_HOME."
        )
    if "unable to open" in message or "disk i/o" in message:
        return JournalError(
            f"The journal at {path} cannot be written; check that its folder exists, that you "
            "own it and that the disk is not full."
        )
    return JournalError(
        f"The journal at {path} could not be used ({type(exc).__name__}); if this happens again, "
        "run 'attune doctor'."
    )


@contextmanager
def sqlite_errors(path: Path) -> Iterator[None]:
    """Re-raise any SQLite error inside the block as a JournalError."""
    try:
        yield
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc


def _make_private_folder(folder: Path) -> None:
    """Create the data folder readable by its owner only; an existing folder is left as is."""
    if folder.is_dir():
        return
    try:
        folder.mkdir(parents=True, mode=DIR_MODE)
        os.chmod(folder, DIR_MODE)
    except OSError as exc:
        raise JournalError(
            f"The journal folder {folder} cannot be created ({exc.strerror}); set ATTUNE_HOME "
            "to a folder you can write to."
        ) from exc


def _create_private_file(path: Path) -> None:
    """Create an empty journal file with mode 0600 before SQLite touches it."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    except FileExistsError:
        return
    except OSError as exc:
        if exc.errno == errno.EROFS:
            raise JournalError(
                f"The journal folder {path.parent} is on a read-only disk, so no journal can be "
                "created there; set ATTUNE_HOME to a folder you can write to."
            ) from exc
        raise translate(sqlite3.OperationalError("unable to open database file"), path) from exc
    os.close(fd)


def _check_intact(conn: sqlite3.Connection, path: Path) -> None:
    """Raise JournalError unless the file is a sound SQLite database attune can read."""
    rows = conn.execute("PRAGMA quick_check").fetchall()
    if [tuple(row) for row in rows] != [("ok",)]:
        raise _damaged(path)
    if schema_version(conn) > len(MIGRATIONS):
        raise JournalError(
            f"The journal at {path} was written by a newer version of attune; update attune "
            "to open it."
        )


def _configure(conn: sqlite3.Connection, path: Path) -> None:
    """WAL, full sync on commit, cascading deletes, and deleted text overwritten with zeros."""
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise _locked(path)
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")


def connect(path: Path) -> sqlite3.Connection:
    """Open (or create) the journal at path, checked, private and migrated; a journal on a
    read-only disk (a backup, a mounted share) is opened read-only, so it can still be read."""
    _make_private_folder(path.parent)
    existed = path.exists()
    if existed and not writable(path):
        with contextlib.suppress(OSError):  # made read-only by chmod: back to 0600, as always
            os.chmod(path, FILE_MODE)
        if not writable(path):  # a read-only disk, or a file that is not ours
            return _read_only(path)
    if not existed:
        _create_private_file(path)
    with sqlite_errors(path):
        conn = sqlite3.connect(
            path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _check_intact(conn, path)
            if existed and (path.stat().st_mode & 0o777) != FILE_MODE:
                os.chmod(path, FILE_MODE)
            _configure(conn, path)
            migrate(conn)
        except BaseException:
            conn.close()
            raise
    return conn


def _read_only(path: Path) -> sqlite3.Connection:
    """The journal opened read-only and immutable: nothing can write it (attune cannot, and
    SQLite could not create its shared-memory file beside it)."""
    with sqlite_errors(path):
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro&immutable=1",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
        try:
            _check_intact(conn, path)
            if schema_version(conn) < len(MIGRATIONS):
                raise JournalError(
                    f"The journal at {path} was written by an older attune and must be updated, "
                    "but it is read-only; copy it to a folder you can write to and set ATTUNE_HOME."
                )
        except BaseException:
            conn.close()
            raise
    return conn


def inspect(path: Path) -> None:
    """Check an existing journal read-only (nothing is created, fixed or migrated).

    Raises JournalError when it is locked, damaged or from a newer attune.
    """
    fixed = "" if writable(path) else "&immutable=1"  # on a read-only disk nothing writes it
    with sqlite_errors(path):
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro{fixed}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
        try:
            _check_intact(conn, path)
        finally:
            conn.close()


def writable(path: Path) -> bool:
    """Whether attune may write the journal file and create files beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
