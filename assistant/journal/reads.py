"""Queries behind the journal's read methods; each takes an open connection."""

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime

from pydantic import TypeAdapter

from assistant.flows.base import OpenCommitment
from assistant.journal.records import (
    CommitmentRecord,
    CommitmentStatus,
    SessionRecord,
    SessionSummary,
    ThemeCount,
    TurnRecord,
    WeekThemeCounts,
)
from assistant.safety import SafetyKind
from assistant.themes.taxonomy import Theme, ThemeScore

_SCORES = TypeAdapter(list[ThemeScore])

_COMMITMENTS_SQL = """
    SELECT c.id, c.session_id, c.who, c.text, c.made_at, f.answer, f.done, f.answered_at
    FROM commitments c
    LEFT JOIN follow_ups f ON f.id = (
        SELECT MAX(id) FROM follow_ups WHERE commitment_id = c.id)
"""


def open_commitments(conn: sqlite3.Connection, names: list[str] | None) -> list[OpenCommitment]:
    """Commitments with no follow-up yet, oldest first; names (any case) limit whose."""
    rows = conn.execute(
        "SELECT id, who, text FROM commitments c WHERE NOT EXISTS "
        "(SELECT 1 FROM follow_ups f WHERE f.commitment_id = c.id) ORDER BY id"
    ).fetchall()
    wanted = None if names is None else {name.casefold() for name in names}
    return [
        OpenCommitment(id=row[0], who=row[1], text=row[2])
        for row in rows
        if wanted is None or (row[1] is not None and row[1].casefold() in wanted)
    ]


def recent_prompt_ids(conn: sqlite3.Connection, sessions: int) -> set[str]:
    """Prompt ids used in the newest `sessions` sessions (empty for zero or a new journal)."""
    rows = conn.execute(
        "SELECT prompt_ids_json FROM turns WHERE session_id IN "
        "(SELECT id FROM sessions ORDER BY id DESC LIMIT ?)",
        (max(sessions, 0),),
    ).fetchall()
    return {str(pid) for row in rows for pid in json.loads(row[0])}


def _commitment(row: sqlite3.Row | tuple[object, ...]) -> CommitmentRecord:
    done = row[6]
    if done is None:
        status = CommitmentStatus.OPEN
    else:
        status = CommitmentStatus.DONE if done else CommitmentStatus.NOT_DONE
    return CommitmentRecord(
        id=int(str(row[0])),
        session_id=int(str(row[1])),
        who=None if row[2] is None else str(row[2]),
        text=str(row[3]),
        made_at=datetime.fromisoformat(str(row[4])),
        status=status,
        follow_up_answer=None if row[5] is None else str(row[5]),
        followed_up_at=None if row[7] is None else datetime.fromisoformat(str(row[7])),
    )


def commitments(conn: sqlite3.Connection) -> list[CommitmentRecord]:
    """Every commitment with its latest follow-up, oldest first."""
    rows = conn.execute(_COMMITMENTS_SQL + " ORDER BY c.id").fetchall()
    return [_commitment(row) for row in rows]


def _theme_counts(conn: sqlite3.Connection) -> dict[int, list[ThemeCount]]:
    rows = conn.execute(
        "SELECT session_id, top_theme, COUNT(*) AS n FROM turns "
        "WHERE top_theme IS NOT NULL AND top_theme != ? "
        "GROUP BY session_id, top_theme ORDER BY session_id, n DESC, top_theme",
        (Theme.NEUTRAL.value,),
    ).fetchall()
    found: dict[int, list[ThemeCount]] = defaultdict(list)
    for session_id, theme, count in rows:
        found[int(session_id)].append(ThemeCount(theme=Theme(theme), turns=int(count)))
    return found


def session_summaries(conn: sqlite3.Connection) -> list[SessionSummary]:
    """Every session, newest first, with its themes, turn count and commitments."""
    themes = _theme_counts(conn)
    promised: dict[int, list[str]] = defaultdict(list)
    for session_id, text in conn.execute("SELECT session_id, text FROM commitments ORDER BY id"):
        promised[int(session_id)].append(str(text))
    rows = conn.execute(
        "SELECT s.id, s.started_at, s.ended_at, s.mode, s.names_json, s.summary, "
        "(SELECT COUNT(*) FROM turns t WHERE t.session_id = s.id) "
        "FROM sessions s ORDER BY s.id DESC"
    ).fetchall()
    return [
        SessionSummary(
            id=row[0],
            started_at=datetime.fromisoformat(row[1]),
            ended_at=None if row[2] is None else datetime.fromisoformat(row[2]),
            mode=row[3],
            names=json.loads(row[4]),
            summary=row[5],
            turn_count=row[6],
            themes=themes.get(row[0], []),
            commitments=promised.get(row[0], []),
        )
        for row in rows
    ]


def _turn(row: tuple[object, ...]) -> TurnRecord:
    return TurnRecord(
        id=int(str(row[0])),
        session_id=int(str(row[1])),
        position=int(str(row[2])),
        spoken_at=datetime.fromisoformat(str(row[3])),
        speaker=None if row[4] is None else str(row[4]),
        transcript=str(row[5]),
        top_theme=None if row[6] is None else Theme(str(row[6])),
        themes=_SCORES.validate_json(str(row[7])),
        crisis=bool(row[8]),
        safety_kind=None if row[9] is None else SafetyKind(str(row[9])),
        reply=str(row[10]),
        prompt_ids=json.loads(str(row[11])),
        step=str(row[12]),
        duration_s=float(str(row[13])),
    )


def session_records(conn: sqlite3.Connection, ids: list[int] | None) -> list[SessionRecord]:
    """Whole sessions, oldest first: the given ids (missing ones skipped), or all for None."""
    summaries = [s for s in session_summaries(conn) if ids is None or s.id in ids]
    summaries.reverse()
    turns: dict[int, list[TurnRecord]] = defaultdict(list)
    for row in conn.execute(
        "SELECT id, session_id, position, spoken_at, speaker, transcript, top_theme, "
        "themes_json, crisis, safety_kind, reply, prompt_ids_json, step, duration_s "
        "FROM turns ORDER BY session_id, position"
    ):
        turns[int(row[1])].append(_turn(row))
    promised: dict[int, list[CommitmentRecord]] = defaultdict(list)
    for record in commitments(conn):
        promised[record.session_id].append(record)
    return [
        SessionRecord(session=s, turns=turns.get(s.id, []), commitments=promised.get(s.id, []))
        for s in summaries
    ]


def count_by_week(spoken: Iterable[tuple[datetime, Theme]]) -> list[WeekThemeCounts]:
    """Group (local time, top theme) pairs by ISO week, oldest first; empty input gives []."""
    weeks: dict[tuple[int, int], Counter[Theme]] = defaultdict(Counter)
    for when, theme in spoken:
        year, week, _ = when.isocalendar()
        weeks[(year, week)][theme] += 1
    return [
        WeekThemeCounts(year=year, week=week, counts=dict(weeks[(year, week)]))
        for year, week in sorted(weeks)
    ]


def theme_counts_by_week(conn: sqlite3.Connection) -> list[WeekThemeCounts]:
    """Top-theme counts of every turn, per ISO week in local time."""
    rows = conn.execute(
        "SELECT spoken_at, top_theme FROM turns WHERE top_theme IS NOT NULL ORDER BY id"
    ).fetchall()
    return count_by_week(
        (datetime.fromisoformat(when).astimezone(), Theme(theme)) for when, theme in rows
    )
