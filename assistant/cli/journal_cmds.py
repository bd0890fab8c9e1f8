"""Journal commands: history, show, trends, commitments, export and forget."""

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from assistant import trends
from assistant.errors import AttuneError
from assistant.journal import Journal, text
from assistant.journal import export as exporting


def _write_private(path: Path, content: str) -> None:
    """Write a file only its owner can read (exports hold private words)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(content)
    except OSError as exc:
        raise AttuneError(f"Cannot write {path} ({exc.strerror}); choose another --out.") from exc


def _history(args: argparse.Namespace) -> int:
    with Journal.open() as journal:
        sessions = journal.sessions()
    if args.json:
        print(json.dumps([s.model_dump(mode="json") for s in sessions], indent=2))
    else:
        sys.stdout.write(text.history_text(sessions))
    return 0


def _show(args: argparse.Namespace) -> int:
    with Journal.open() as journal:
        record = journal.session(args.id)
    if args.json:
        print(record.model_dump_json(indent=2))
    else:
        sys.stdout.write(text.session_text(record))
    return 0


def _trends(args: argparse.Namespace) -> int:
    with Journal.open() as journal:
        counts = journal.theme_counts_by_week()
    weeks = trends.fill_weeks(counts, today=date.today(), weeks=args.weeks)
    sys.stdout.write(trends.render_chart(weeks))
    if args.png is not None:
        trends.write_png(weeks, args.png)
        print(f"Chart saved to {args.png}.")
    return 0


def _commitments(args: argparse.Namespace) -> int:
    with Journal.open() as journal:
        records = journal.commitments()
    if args.json:
        print(json.dumps([c.model_dump(mode="json") for c in records], indent=2))
    else:
        sys.stdout.write(text.commitments_text(records))
    return 0


def _export(args: argparse.Namespace) -> int:
    with Journal.open() as journal:
        records = [journal.session(args.id)] if args.id is not None else journal.all_sessions()
    render = exporting.to_json if args.format == "json" else exporting.to_markdown
    content = render(records)
    if args.out is None:
        sys.stdout.write(content)
        return 0
    _write_private(args.out, content)
    count = "1 session" if len(records) == 1 else f"{len(records)} sessions"
    print(f"Exported {count} to {args.out} (readable by you only).")
    return 0


def _confirmed(question: str, yes: bool) -> bool:
    """True when --yes was given or the person typed yes; refuses to guess without a terminal."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise AttuneError("Nothing was deleted: add --yes to forget without being asked.")
    answer = input(f"{question} Type yes to delete it for good: ")
    return answer.strip().lower() in {"y", "yes"}


def _forget(args: argparse.Namespace) -> int:
    with Journal.open() as journal:
        if args.all:
            if not _confirmed("Forget every session in the journal?", args.yes):
                print("Nothing was deleted.")
                return 1
            count = journal.forget_all()
            print(f"Forgot all {count} sessions; the journal file holds no trace of them.")
            return 0
        target = journal.last_session_id() if args.last else args.id
        if target is None:
            print("The journal is empty; there was nothing to forget.")
            return 0
        line = text.history_line(journal.session(target).session)
        if not _confirmed(f"Forget this? {line}", args.yes):
            print("Nothing was deleted.")
            return 1
        journal.forget(target)
    print(f"Forgot session {target}; the journal file holds no trace of it.")
    return 0


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add history, show, trends, commitments, export and forget."""
    p = sub.add_parser("history", help="list past sessions: date, mode, names, themes")
    _add_json(p)
    p.set_defaults(handler=_history)

    p = sub.add_parser("show", help="show one session with everything said in it")
    p.add_argument("id", type=int, metavar="ID", help="session id from 'attune history'")
    _add_json(p)
    p.set_defaults(handler=_show)

    p = sub.add_parser("trends", help="how often each theme came up, week by week")
    p.add_argument("--weeks", type=int, metavar="N", help="show the last N weeks")
    p.add_argument("--png", type=Path, metavar="FILE", help="also draw the chart into a PNG")
    p.set_defaults(handler=_trends)

    p = sub.add_parser("commitments", help="commitments made in sessions, open and done")
    _add_json(p)
    p.set_defaults(handler=_commitments)

    p = sub.add_parser("export", help="export the journal (or one session) as Markdown or JSON")
    p.add_argument("--format", choices=("md", "json"), default="md", help="default: md")
    p.add_argument("id", type=int, nargs="?", metavar="ID", help="only this session")
    p.add_argument("--out", type=Path, metavar="FILE", help="write to FILE instead of stdout")
    p.set_defaults(handler=_export)

    p = sub.add_parser("forget", help="delete a session for good, leaving no trace")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("id", type=int, nargs="?", metavar="ID", help="session id to forget")
    which.add_argument("--last", action="store_true", help="forget the newest session")
    which.add_argument("--all", action="store_true", help="forget every session")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=_forget)
