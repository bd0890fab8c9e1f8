"""Journal commands: history, show, trends, commitments, export, forget and journal recover.

Only the arguments live here; what the commands do is in journal_run, imported when one runs,
so `attune --help` stays quick.
"""

import argparse
from pathlib import Path

from assistant.cli.common import add_command, bounded_int, lazy

MAX_ID = 2**63 - 1
"""The largest id SQLite can hold."""
MAX_WEEKS = 520
"""Ten years of weeks: more than any journal holds, small enough to print."""


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def _session_id(text: str) -> int:
    """An argparse type: a session id as 'attune history' shows it."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a session id; run 'attune history' to see the ids"
        )
    return value


def _png_path(text: str) -> Path:
    """An argparse type: a file name ending in .png (the chart is always a PNG)."""
    path = Path(text)
    if path.suffix.lower() != ".png":
        raise argparse.ArgumentTypeError(
            f"'{text}' does not end in .png; the chart is a PNG image, so name it like trends.png"
        )
    return path


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add history, show, trends, commitments, export, forget and journal."""
    run = "assistant.cli.journal_run"
    p = add_command(
        sub,
        "history",
        "List past sessions: date, mode, names, themes and commitments.",
        "attune history --json",
    )
    _add_json(p)
    p.set_defaults(handler=lazy(run, "history"))

    p = add_command(sub, "show", "Show one session with everything said in it.", "attune show 3")
    p.add_argument("id", type=_session_id, metavar="ID", help="session id from 'attune history'")
    _add_json(p)
    p.set_defaults(handler=lazy(run, "show"))

    p = add_command(
        sub,
        "trends",
        "Show how often each theme came up, week by week.",
        "attune trends --weeks 8 --png trends.png",
    )
    p.add_argument(
        "--weeks",
        type=bounded_int(1, MAX_WEEKS),
        metavar="N",
        help=f"show the last N weeks, 1 to {MAX_WEEKS}",
    )
    p.add_argument(
        "--png", type=_png_path, metavar="FILE.png", help="also draw the chart into a PNG file"
    )
    p.set_defaults(handler=lazy(run, "trends"))

    p = add_command(
        sub,
        "commitments",
        "List the commitments made in sessions, open and done.",
        "attune commitments",
    )
    _add_json(p)
    p.set_defaults(handler=lazy(run, "commitments"))

    p = add_command(
        sub,
        "export",
        "Export the journal (or one session) as Markdown or JSON, readable by you only.",
        "attune export --format json --out journal.json\nattune export 3 > session-3.md",
    )
    p.add_argument("--format", choices=("md", "json"), default="md", help="default: md")
    p.add_argument("id", type=_session_id, nargs="?", metavar="ID", help="only this session")
    p.add_argument("--out", type=Path, metavar="FILE", help="write to FILE instead of stdout")
    p.set_defaults(handler=lazy(run, "export"))

    p = add_command(
        sub,
        "forget",
        "Delete a session (or all of them) for good, leaving no trace in the files.",
        "attune forget --last\nattune forget --all --yes",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("id", type=_session_id, nargs="?", metavar="ID", help="session to forget")
    which.add_argument("--last", action="store_true", help="forget the newest session")
    which.add_argument("--all", action="store_true", help="forget every session")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=lazy(run, "forget"))

    journal = add_command(
        sub,
        "journal",
        "Look after the journal file itself.",
        "attune journal recover",
    )
    actions = journal.add_subparsers(dest="journal_command", metavar="ACTION", required=True)
    p = add_command(
        actions,
        "recover",
        "Copy every readable session of a damaged journal into a new file, leaving the "
        "damaged one untouched.",
        "attune journal recover\nattune journal recover --out ~/journal-rescued.sqlite3",
    )
    p.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="where to write the copy (default: journal-recovered-DATE.sqlite3 beside it)",
    )
    p.set_defaults(handler=lazy("assistant.cli.journal_recover", "recover"))
