"""The journal: every finished turn committed at once, read back as records, erased on request."""

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from assistant.errors import JournalError, JournalLockedError
from assistant.flows.base import FollowUp, OpenCommitment
from assistant.journal import pending, reads, writes
from assistant.journal.audio import forget_audio
from assistant.journal.connection import BUSY_TIMEOUT_MS, connect, default_path, sqlite_errors
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
MERGE_WAIT_MS = 100
"""How long a write waits to merge the side file before keeping itself beside it too."""
FORGOTTEN_NOTE = (
    "This session was deleted with 'attune forget' while it ran; what is said from now on "
    "is not saved."
)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Journal:
    """One open journal file. Each write is its own committed transaction."""

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Clock = _utc_now) -> None:
        self._conn = conn
        self.path = path
        self._clock = clock
        self.notice: Callable[[str], None] | None = None
        """Where notes for the person go (locked journal, forgotten session); None: nowhere."""
        self._started: set[int] = set()
        self._forgotten: set[int] = set()
        self._told: set[str] = set()

    @classmethod
    def open(cls, path: Path | None = None, *, clock: Clock = _utc_now) -> "Journal":
        """Open the journal (default: journal.sqlite3 in the data folder), creating it if new,
        and add any writes a session left beside it while it was locked."""
        where = path if path is not None else default_path()
        journal = cls(connect(where), where, clock)
        with contextlib.suppress(JournalLockedError):
            journal.merge_pending()
        return journal

    def close(self) -> None:
        """Close the file; SQLite folds the write-ahead log back into it. Writes still waiting
        for another program's lock stay beside it for the next open (and are said so)."""
        with contextlib.suppress(JournalLockedError):
            self.merge_pending()
        if pending.has_pending(self.path):
            self._tell_once("kept", pending.kept_note(self.path))
        else:
            pending.remove_if_empty(self.path)
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
        session_id = int(cur.lastrowid or 0)
        self._started.add(session_id)
        return session_id

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
        """Store one finished turn and commit it at once; returns the turn's id (0 when it
        waits beside a locked journal, or its session was forgotten meanwhile)."""
        themes = [] if reading is None else [s.model_dump(mode="json") for s in reading.themes]
        return self._session_write(
            {"op": "turn", "session_id": session_id, "spoken_at": self._now(),
             "speaker": speaker, "transcript": transcript,
             "top_theme": None if reading is None else reading.top.value,
             "themes_json": json.dumps(themes), "crisis": int(safety.crisis),
             "safety_kind": None if safety.kind is None else safety.kind.value,
             "reply": reply, "prompt_ids_json": json.dumps(prompt_ids), "step": step,
             "duration_s": duration_s}
        )  # fmt: skip

    def add_commitment(self, session_id: int, who: str | None, text: str) -> int:
        """Remember a small action someone named; returns the commitment's id."""
        return self._session_write(
            {"op": "commitment", "session_id": session_id, "who": who, "text": text,
             "made_at": self._now()}
        )  # fmt: skip

    def record_follow_up(self, session_id: int, follow_up: FollowUp) -> None:
        """Store what was said about a commitment and mark it done or not done."""
        self._session_write(
            {"op": "follow_up", "session_id": session_id,
             "commitment_id": follow_up.commitment_id, "answer": follow_up.answer,
             "done": int(follow_up.done), "answered_at": self._now()}
        )  # fmt: skip

    def end_session(self, session_id: int, summary: str) -> None:
        """Record the closing summary and when the session ended."""
        self._session_write(
            {"op": "end", "session_id": session_id, "ended_at": self._now(), "summary": summary}
        )

    def _session_write(self, op: writes.Op) -> int:
        """Write at once; while another program holds the lock, keep it beside the journal.

        A session this journal did not start must exist (JournalError otherwise); one that was
        forgotten while it ran is said once and then written no more.
        """
        session_id = int(op["session_id"])
        if session_id in self._forgotten:
            return 0
        try:
            self.merge_pending()
            with self._write() as conn:
                row_id = writes.apply(conn, op)
                if row_id is None and session_id not in self._started:
                    self._require(conn, "sessions", session_id, "session")
        except JournalLockedError:
            pending.append(self.path, op)
            self._tell_once("locked", pending.waiting_note(self.path))
            return 0
        if row_id is None:
            self._forgotten.add(session_id)
            self._tell_once("forgotten", FORGOTTEN_NOTE)
            return 0
        return row_id

    def merge_pending(self) -> int:
        """Add the writes waiting beside the journal; returns how many (JournalLockedError
        while the lock is still held, after a short wait)."""
        if not pending.has_pending(self.path):
            return 0
        with sqlite_errors(self.path):
            self._conn.execute(f"PRAGMA busy_timeout = {MERGE_WAIT_MS}")
        try:
            merged = pending.merge(self.path, self._apply_all)
        finally:
            with sqlite_errors(self.path):
                self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if merged and "locked" in self._told:
            self._tell_once("merged", "The journal is free again; everything said is saved in it.")
        return merged

    def _apply_all(self, ops: list[writes.Op]) -> None:
        with self._write() as conn:
            writes.apply_all(conn, ops)

    def _tell_once(self, key: str, line: str) -> None:
        if key not in self._told:
            self._told.add(key)
            if self.notice is not None:
                self.notice(line)

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
