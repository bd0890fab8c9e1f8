"""Journal records as plain text for the terminal: no escape codes, screen-reader friendly."""

from datetime import datetime

from assistant.journal.records import (
    CommitmentRecord,
    CommitmentStatus,
    SessionRecord,
    SessionSummary,
    TurnRecord,
)


def when(moment: datetime) -> str:
    """A stored moment in local time, to the minute."""
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"


def _who(names: list[str]) -> str:
    return " with " + " and ".join(names) if names else ""


def history_line(s: SessionSummary) -> str:
    """One session on one line: id, date, mode, names, themes and commitments."""
    themes = ", ".join(f"{t.theme.value} {t.turns}" for t in s.themes) or "none"
    promised = "; ".join(s.commitments) or "none"
    turns = "1 turn" if s.turn_count == 1 else f"{s.turn_count} turns"
    return (
        f"Session {s.id}: {when(s.started_at)}, {s.mode}{_who(s.names)}, {turns}. "
        f"Themes: {themes}. Commitments: {promised}."
    )


def history_text(sessions: list[SessionSummary]) -> str:
    """Every session, one line each; a short note when there are none."""
    if not sessions:
        return "No sessions in the journal yet.\n"
    return "\n".join(history_line(s) for s in sessions) + "\n"


def _turn_lines(turn: TurnRecord) -> list[str]:
    who = turn.speaker or "You"
    lines = [f"{turn.position}. {who}: {turn.transcript}"]
    if turn.crisis:
        kind = turn.safety_kind.value if turn.safety_kind is not None else "crisis"
        lines.append(f"   Safety pause: {kind}.")
    elif turn.themes:
        heard = ", ".join(f"{s.theme.value} {s.score:.2f}" for s in turn.themes if s.score > 0)
        lines.append(f"   Heard: {heard or 'neutral'}.")
    if turn.reply:
        lines.append(f"   attune: {turn.reply}")
    return lines


def commitment_line(c: CommitmentRecord) -> str:
    """One commitment: who, what, and what was said when it was followed up."""
    who = f"{c.who}: " if c.who else ""
    line = f"- {who}{c.text} (from session {c.session_id}, {when(c.made_at)})"
    if c.follow_up_answer is not None:
        line += f". Follow-up: {c.follow_up_answer}"
    return line


def session_text(record: SessionRecord) -> str:
    """One whole session: header, every turn, commitments and the closing summary."""
    s = record.session
    ended = f", ended {when(s.ended_at)}" if s.ended_at else ", not closed"
    lines = [f"Session {s.id}: {s.mode}{_who(s.names)}, {when(s.started_at)}{ended}.", ""]
    if not record.turns:
        lines.append("Nothing was said in this session.")
    for turn in record.turns:
        lines += _turn_lines(turn)
    if record.commitments:
        lines += ["", "Commitments:"]
        for c in record.commitments:
            lines.append(f"{commitment_line(c)} [{c.status.value.replace('_', ' ')}]")
    if s.summary:
        lines += ["", f"Summary: {s.summary}"]
    return "\n".join(lines) + "\n"


_HEADINGS = {
    CommitmentStatus.OPEN: "Open",
    CommitmentStatus.DONE: "Done",
    CommitmentStatus.NOT_DONE: "Not done",
}


def commitments_text(records: list[CommitmentRecord]) -> str:
    """Commitments grouped as open, done and not done; a short note when there are none."""
    if not records:
        return "No commitments in the journal yet.\n"
    lines: list[str] = []
    for status, heading in _HEADINGS.items():
        group = [c for c in records if c.status is status]
        if group:
            lines += [f"{heading} ({len(group)}):", *(commitment_line(c) for c in group), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
