"""The journal: every finished turn committed at once, read back as records, erased on request."""

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from assistant.errors import JournalError
from assistant.flows.base import FollowUp, OpenCommitment
from assistant.journal import reads
from assistant.journal.audio import forget_audio
from assistant.journal.connection import connect, default_path, sqlite_errors
from assistant.journal.records import (
    CommitmentRecord,
    SessionRecord,
    SessionSummary,
    WeekThemeCounts,
)
from assistant.safety import SafetyCheck
from assistant.themes.taxonomy import ThemeReading

if TYPE_CHECKING:
    from assistant.audio import AudioClip

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Journal:
    """One open journal file. Each write is its own committed transaction."""

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Clock = _utc_now) -> None:
        self._conn = conn
        self.path = path
        self._clock = clock

    @classmethod
    def open(cls, path: Path | None = None, *, clock: Clock = _utc_now) -> "Journal":
        """Open the journal (default: journal.sqlite3 in the data folder), creating it if new."""
        where = path if path is not None else default_path()
        return cls(connect(where), where, clock)

    def close(self) -> None:
        """Close the file; SQLite folds the write-ahead log back into it."""
        with sqlite_errors(self.path):
            self._conn.close()

    def __enter__(self) -> "Journal":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _now(self) -> str:
        return self._clock().astimezone(UTC).isoformat()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction, committed (and synced) when the block ends."""
        with sqlite_errors(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _require(self, conn: sqlite3.Connection, table: str, row_id: int, what: str) -> None:
        found = conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone()
        if found is None:
            raise JournalError(
                f"There is no {what} {row_id} in the journal; run 'attune history' to see "
                "what is there."
            )

    # ---- writes used by a running session ----

    def start_session(self, mode: str, names: list[str]) -> int:
        """Record that a session began; returns its id."""
        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO sessions (started_at, mode, names_json) VALUES (?, ?, ?)",
                (self._now(), mode, json.dumps(names)),
            )
        return int(cur.lastrowid or 0)

    def add_turn(
        self,
        session_id: int,
        *,
        speaker: str | None,
        transcript: str,
        reading: ThemeReading | None,
        safety: SafetyCheck,
        reply: str,
        prompt_ids: list[str],
        step: str = "",
        duration_s: float = 0.0,
    ) -> int:
        """Store one finished turn and commit it at once; returns the turn's id."""
        themes = [] if reading is None else [s.model_dump(mode="json") for s in reading.themes]
        top = None if reading is None else reading.top.value
        kind = None if safety.kind is None else safety.kind.value
        with self._write() as conn:
            self._require(conn, "sessions", session_id, "session")
            cur = conn.execute(
                """
                INSERT INTO turns (session_id, position, spoken_at, speaker, transcript,
                    top_theme, themes_json, crisis, safety_kind, reply, prompt_ids_json,
                    step, duration_s)
                VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM turns
                            WHERE session_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                (session_id, session_id, self._now(), speaker, transcript, top,
                 json.dumps(themes), int(safety.crisis), kind, reply, json.dumps(prompt_ids),
                 step, duration_s),
            )  # fmt: skip
        return int(cur.lastrowid or 0)

    def add_commitment(self, session_id: int, who: str | None, text: str) -> int:
        """Remember a small action someone named; returns the commitment's id."""
        with self._write() as conn:
            self._require(conn, "sessions", session_id, "session")
            cur = conn.execute(
                "INSERT INTO commitments (session_id, who, text, made_at) VALUES (?, ?, ?, ?)",
                (session_id, who, text, self._now()),
            )
        return int(cur.lastrowid or 0)

    def record_follow_up(self, session_id: int, follow_up: FollowUp) -> None:
        """Store what was said about a commitment and mark it done or not done."""
        with self._write() as conn:
            self._require(conn, "sessions", session_id, "session")
            self._require(conn, "commitments", follow_up.commitment_id, "commitment")
            conn.execute(
                "INSERT INTO follow_ups (commitment_id, session_id, answer, done, answered_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (follow_up.commitment_id, session_id, follow_up.answer, int(follow_up.done),
                 self._now()),
            )  # fmt: skip

    def end_session(self, session_id: int, summary: str) -> None:
        """Record the closing summary and when the session ended."""
        with self._write() as conn:
            cur = conn.execute(
                "UPDATE sessions SET ended_at = ?, summary = ? WHERE id = ?",
                (self._now(), summary, session_id),
            )
            if cur.rowcount == 0:
                self._require(conn, "sessions", session_id, "session")

    # ---- reads used by a running session ----

    def open_commitments(self, names: list[str] | None = None) -> list[OpenCommitment]:
        """Commitments not followed up yet; with names, only those made by one of them."""
        with sqlite_errors(self.path):
            return reads.open_commitments(self._conn, names)

    def recent_prompt_ids(self, sessions: int = 5) -> set[str]:
        """Prompt ids used in the last few sessions (the running one included)."""
        with sqlite_errors(self.path):
            return reads.recent_prompt_ids(self._conn, sessions)

    # ---- reads used by the commands ----

    def sessions(self) -> list[SessionSummary]:
        """Every session, newest first (empty list for a new journal)."""
        with sqlite_errors(self.path):
            return reads.session_summaries(self._conn)

    def session(self, session_id: int) -> SessionRecord:
        """One session with its turns and commitments; JournalError if there is none."""
        with sqlite_errors(self.path):
            found = reads.session_records(self._conn, [session_id])
            if not found:
                self._require(self._conn, "sessions", session_id, "session")
        return found[0]

    def all_sessions(self) -> list[SessionRecord]:
        """Every session with its turns and commitments, oldest first."""
        with sqlite_errors(self.path):
            return reads.session_records(self._conn, None)

    def commitments(self) -> list[CommitmentRecord]:
        """Every commitment, open and followed up, oldest first."""
        with sqlite_errors(self.path):
            return reads.commitments(self._conn)

    def theme_counts_by_week(self) -> list[WeekThemeCounts]:
        """Top-theme counts per ISO week (local time), oldest first; weeks with no turns skipped."""
        with sqlite_errors(self.path):
            return reads.theme_counts_by_week(self._conn)

    def last_session_id(self) -> int | None:
        """The newest session's id, or None when the journal is empty."""
        with sqlite_errors(self.path):
            row = self._conn.execute("SELECT MAX(id) FROM sessions").fetchone()
        return None if row[0] is None else int(row[0])

    def keep_audio(self, session_id: int, turn_id: int, clip: "AudioClip") -> Path:
        """Keep one turn's recording beside the journal (only ever asked with --keep-audio)."""
        from assistant.journal.audio import keep_turn_audio

        return keep_turn_audio(self.path, session_id, turn_id, clip)

    # ---- forgetting ----

    def forget(self, session_id: int) -> None:
        """Delete one session and everything said in it, leaving no trace in the files."""
        with self._write() as conn:
            self._require(conn, "sessions", session_id, "session")
            conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
        forget_audio(self.path, session_id)
        self._wipe()

    def forget_last(self) -> int | None:
        """Forget the newest session; returns its id, or None when there was none."""
        last = self.last_session_id()
        if last is not None:
            self.forget(last)
        return last

    def forget_all(self) -> int:
        """Forget every session; returns how many there were."""
        with self._write() as conn:
            count = int(conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])
            conn.execute("DELETE FROM sessions")
        forget_audio(self.path)
        self._wipe()
        return count

    def _wipe(self) -> None:
        """Rewrite the file without free pages and empty the write-ahead log."""
        with sqlite_errors(self.path):
            self._conn.execute("VACUUM")
            busy = self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:
            raise JournalError(
                "The session was deleted, but another attune program has the journal open, so "
                "traces may stay in its files until that program closes."
            )
