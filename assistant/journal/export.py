"""Journal sessions as JSON or Markdown, and JSON exports read back (pure)."""

from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.errors import JournalError
from assistant.journal.records import SessionRecord, TurnRecord

EXPORT_FORMAT = "attune-journal"
EXPORT_VERSION = 1


class JournalExport(BaseModel):
    """The shape of `attune export --format json`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: str = EXPORT_FORMAT
    version: int = EXPORT_VERSION
    sessions: list[SessionRecord]


def to_json(records: list[SessionRecord]) -> str:
    """The sessions as one indented JSON document (an empty list for no sessions)."""
    return JournalExport(sessions=records).model_dump_json(indent=2) + "\n"


def from_json(text: str) -> list[SessionRecord]:
    """Read a JSON export back; JournalError if it is not one."""
    try:
        export = JournalExport.model_validate_json(text)
    except ValidationError as exc:
        raise JournalError(
            "That file is not an attune journal export; export one with "
            "'attune export --format json'."
        ) from exc
    if export.format != EXPORT_FORMAT or export.version > EXPORT_VERSION:
        raise JournalError("That export comes from a newer attune; update attune to read it.")
    return export.sessions


def _turn_markdown(turn: TurnRecord) -> list[str]:
    who = turn.speaker or "You"
    heard = turn.top_theme.value if turn.top_theme is not None else "not read"
    lines = [f"**{who}:** {turn.transcript}", ""]
    if turn.crisis:
        kind = turn.safety_kind.value if turn.safety_kind is not None else "crisis"
        lines += [f"*Safety pause ({kind}).*", ""]
    else:
        lines += [f"*Theme heard: {heard}.*", ""]
    lines += [f"**attune:** {turn.reply}", ""]
    return lines


def _session_markdown(record: SessionRecord) -> list[str]:
    s = record.session
    names = ", ".join(s.names) if s.names else "one person"
    lines = [
        f"## Session {s.id}: {s.mode}, {s.started_at.astimezone():%Y-%m-%d %H:%M}",
        "",
        f"- With: {names}",
        f"- Themes: {', '.join(f'{t.theme.value} ({t.turns})' for t in s.themes) or 'none'}",
        "",
    ]
    for turn in record.turns:
        lines += _turn_markdown(turn)
    if record.commitments:
        lines += ["### Commitments", ""]
        for c in record.commitments:
            who = f"{c.who}: " if c.who else ""
            lines.append(f"- {who}{c.text} ({c.status.value.replace('_', ' ')})")
        lines.append("")
    if s.summary:
        lines += ["### Summary", "", s.summary, ""]
    return lines


def to_markdown(records: list[SessionRecord]) -> str:
    """The sessions as a readable Markdown document (a short note for no sessions)."""
    lines = ["# attune journal", ""]
    if not records:
        lines += ["No sessions yet.", ""]
    for record in records:
        lines += _session_markdown(record)
    return "\n".join(lines).rstrip("\n") + "\n"
