"""The journal's session writes as plain records ("ops"), applied to an open transaction.

Each write a running session makes — a turn, a commitment, a follow-up, the end — is a small
dict, so the same record can be written at once or, while another program holds the lock,
kept in the side file (pending.py) and applied later. Applying is idempotent: a record
merged again after a crash (same session, time and words) is not added twice, and a record for a
session that has been forgotten meanwhile is dropped.
"""

import sqlite3
from typing import Any

Op = dict[str, Any]


def session_exists(conn: sqlite3.Connection, session_id: int) -> bool:
    """Whether the session is (still) in the journal."""
    return conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is not None


def _turn(conn: sqlite3.Connection, op: Op, again: bool) -> int:
    found = (
        again
        and conn.execute(
            "SELECT id FROM turns WHERE session_id = ? AND spoken_at = ? AND transcript = ?",
            (op["session_id"], op["spoken_at"], op["transcript"]),
        ).fetchone()
    )
    if found:
        return int(found[0])
    cur = conn.execute(
        """
        INSERT INTO turns (session_id, position, spoken_at, speaker, transcript,
            top_theme, themes_json, crisis, safety_kind, reply, prompt_ids_json,
            step, duration_s)
        VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM turns
                    WHERE session_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        (op["session_id"], op["session_id"], op["spoken_at"], op["speaker"], op["transcript"],
         op["top_theme"], op["themes_json"], op["crisis"], op["safety_kind"], op["reply"],
         op["prompt_ids_json"], op["step"], op["duration_s"]),
    )  # fmt: skip
    return int(cur.lastrowid or 0)


def _commitment(conn: sqlite3.Connection, op: Op, again: bool) -> int:
    found = (
        again
        and conn.execute(
            "SELECT id FROM commitments WHERE session_id = ? AND text = ? AND made_at = ?",
            (op["session_id"], op["text"], op["made_at"]),
        ).fetchone()
    )
    if found:
        return int(found[0])
    cur = conn.execute(
        "INSERT INTO commitments (session_id, who, text, made_at) VALUES (?, ?, ?, ?)",
        (op["session_id"], op["who"], op["text"], op["made_at"]),
    )
    return int(cur.lastrowid or 0)


def _follow_up(conn: sqlite3.Connection, op: Op, again: bool) -> int:
    known = conn.execute("SELECT 1 FROM commitments WHERE id = ?", (op["commitment_id"],))
    if known.fetchone() is None:
        return 0
    found = (
        again
        and conn.execute(
            "SELECT id FROM follow_ups WHERE commitment_id = ? AND answered_at = ?",
            (op["commitment_id"], op["answered_at"]),
        ).fetchone()
    )
    if found:
        return int(found[0])
    cur = conn.execute(
        "INSERT INTO follow_ups (commitment_id, session_id, answer, done, answered_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (op["commitment_id"], op["session_id"], op["answer"], op["done"], op["answered_at"]),
    )
    return int(cur.lastrowid or 0)


def _end(conn: sqlite3.Connection, op: Op, again: bool) -> int:
    conn.execute(
        "UPDATE sessions SET ended_at = ?, summary = ? WHERE id = ?",
        (op["ended_at"], op["summary"], op["session_id"]),
    )
    return op["session_id"]  # type: ignore[no-any-return]


_APPLY = {"turn": _turn, "commitment": _commitment, "follow_up": _follow_up, "end": _end}


def apply(conn: sqlite3.Connection, op: Op, again: bool = False) -> int | None:
    """Write one record; its row id, or None when its session is gone (forgotten). With
    `again` (a record from the side file, which a crash may have merged once already), a
    record already in the journal is not added twice."""
    if not session_exists(conn, int(op["session_id"])):
        return None
    return _APPLY[str(op["op"])](conn, op, again)


def apply_all(conn: sqlite3.Connection, ops: list[Op]) -> None:
    """Write records in order (unknown kinds, from a newer attune, are skipped)."""
    for op in ops:
        if op.get("op") in _APPLY and "session_id" in op:
            apply(conn, op, again=True)
