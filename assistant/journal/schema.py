"""The journal's tables, built by an append-only list of small migrations.

Each migration runs once, in order; ``PRAGMA user_version`` records how many have run. Never
edit or reorder a migration that has shipped: add a new one at the end.
"""

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


def _create_sessions(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            mode TEXT NOT NULL,
            names_json TEXT NOT NULL DEFAULT '[]',
            summary TEXT NOT NULL DEFAULT ''
        )
        """
    )


def _create_turns(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE turns (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            spoken_at TEXT NOT NULL,
            speaker TEXT,
            transcript TEXT NOT NULL,
            top_theme TEXT,
            themes_json TEXT NOT NULL DEFAULT '[]',
            crisis INTEGER NOT NULL DEFAULT 0,
            safety_kind TEXT,
            reply TEXT NOT NULL DEFAULT '',
            prompt_ids_json TEXT NOT NULL DEFAULT '[]',
            step TEXT NOT NULL DEFAULT '',
            duration_s REAL NOT NULL DEFAULT 0
        )
        """
    )
    conn.execute("CREATE INDEX turns_by_session ON turns(session_id, position)")


def _create_commitments(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE commitments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            who TEXT,
            text TEXT NOT NULL,
            made_at TEXT NOT NULL
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE follow_ups (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            answer TEXT NOT NULL,
            done INTEGER NOT NULL,
            answered_at TEXT NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX follow_ups_by_commitment ON follow_ups(commitment_id)")


MIGRATIONS: tuple[Migration, ...] = (
    _create_sessions,
    _create_turns,
    _create_commitments,
)


def schema_version(conn: sqlite3.Connection) -> int:
    """How many migrations this database has had (0 for a new, empty file)."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def pending(conn: sqlite3.Connection) -> tuple[Migration, ...]:
    """The migrations this database has not had yet."""
    return MIGRATIONS[schema_version(conn) :]


def migrate(conn: sqlite3.Connection) -> int:
    """Run every pending migration in one transaction; returns the new version.

    The connection must be in autocommit mode (isolation_level=None).
    """
    if not pending(conn):
        return schema_version(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        # read again under the write lock: another process may have migrated meanwhile
        for step in pending(conn):
            step(conn)
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(MIGRATIONS)
