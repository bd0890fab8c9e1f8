"""Rescue the readable part of a damaged journal into a new file, leaving the original as it is.

The damaged file (and its write-ahead log) is copied to a private temporary folder and read
from there, table by table: a full scan first, and where a damaged page stops it, one row at a
time by id, so rows on sound pages are still found. What was read is written into a fresh
journal; turns whose session row was lost get a stand-in session so no words are dropped.
Writes that waited beside the journal (its .pending side file) are added too.
"""

import shutil
import sqlite3
import tempfile
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.journal import pending, writes
from assistant.journal.connection import connect, sqlite_errors
from assistant.journal.pages import journal_rows

TABLES = ("sessions", "turns", "commitments", "follow_ups")
PROBE_BEYOND = 2000
"""When the highest id cannot be read, how many ids past the last good one are tried."""


@dataclass(frozen=True)
class Recovered:
    """How much of each table was rescued, and how many rows could not be read."""

    found: dict[str, int]
    """Rows written into the new journal, per table."""
    stand_ins: int
    """Sessions whose own row was lost, made up so their turns are kept."""


Row = dict[str, Any]


def _rows(conn: sqlite3.Connection, table: str) -> list[Row]:
    """The rows SQLite itself can still reach, by id (a damaged page stops a full scan, so
    the rest is tried one id at a time)."""
    rows: list[Row] = []
    try:
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY id"):
            rows.append(dict(row))
        return rows
    except sqlite3.DatabaseError:
        pass
    last = rows[-1]["id"] if rows else 0
    try:
        highest = int(conn.execute(f"SELECT MAX(id) FROM {table}").fetchone()[0] or last)
    except sqlite3.DatabaseError:
        highest = last + PROBE_BEYOND
    for row_id in range(last + 1, highest + 1):
        with suppress(sqlite3.DatabaseError):
            found = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
            if found is not None:
                rows.append(dict(found))
    return rows


def _merged(reached: list[Row], on_pages: dict[int, list[Any]], columns: list[str]) -> list[Row]:
    """Rows SQLite reached, plus rows read off leaf pages under damaged interior pages."""
    by_id = {int(row["id"]): row for row in reached}
    for row_id, values in on_pages.items():
        if row_id not in by_id and len(values) == len(columns):
            by_id[row_id] = dict(zip(columns, values, strict=True))
    return [by_id[row_id] for row_id in sorted(by_id)]


def _copy_damaged(source: Path, folder: Path) -> Path:
    """Copy the journal and its write-ahead log into folder; returns the copy's path."""
    copy = folder / source.name
    shutil.copyfile(source, copy)
    for suffix in ("-wal",):
        side = source.with_name(source.name + suffix)
        if side.exists():
            shutil.copyfile(side, folder / (source.name + suffix))
    return copy


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]


def _insert(target: sqlite3.Connection, table: str, rows: list[Row]) -> int:
    """Insert rows keeping their ids; rows that break a constraint are left out."""
    columns = _columns(target, table)
    done = 0
    for row in rows:
        names = [name for name in row if name in columns]
        marks = ", ".join("?" for _ in names)
        with suppress(sqlite3.IntegrityError):
            target.execute(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})",
                [row[name] for name in names],
            )
            done += 1
    return done


def _stand_in_sessions(target: sqlite3.Connection, turns: list[Row]) -> int:
    """A session row for turns whose own session row could not be read; returns how many."""
    made = 0
    for row in turns:
        cur = target.execute(
            "INSERT OR IGNORE INTO sessions (id, started_at, mode, summary) VALUES (?, ?, ?, ?)",
            (row["session_id"], row["spoken_at"], "evening", "(recovered; details were lost)"),
        )
        made += cur.rowcount
    return made


def recover(source: Path, target: Path) -> Recovered:
    """Write what can be read of `source` into a new journal at `target` (which must not
    exist). The source and its side files are only read."""
    with tempfile.TemporaryDirectory(prefix="attune-recover-") as folder:
        copy = _copy_damaged(source, Path(folder))
        with closing(sqlite3.connect(copy)) as damaged:
            damaged.row_factory = sqlite3.Row
            reached = {table: _rows(damaged, table) for table in TABLES}
        on_pages = journal_rows(copy.read_bytes())
    found, stand_ins = {}, 0
    with closing(connect(target)) as conn, sqlite_errors(target):
        conn.execute("BEGIN IMMEDIATE")
        for table in TABLES:
            rows = _merged(reached[table], on_pages.get(table, {}), _columns(conn, table))
            if table == "turns":
                stand_ins = _stand_in_sessions(conn, rows)
            found[table] = _insert(conn, table, rows)
        side = pending.pending_path(source)
        if side.exists():
            with side.open("rb") as handle:
                writes.apply_all(conn, pending.read_ops(handle.fileno()))
        conn.execute("COMMIT")
    return Recovered(found, stand_ins)
