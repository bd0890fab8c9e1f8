"""What the journal commands do; imported only when one of them runs."""

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from assistant import trends as charts
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


def _print_list(records: Sequence[BaseModel], as_json: bool, as_text: str) -> int:
    """A list of records as indented JSON, or as the plain text already rendered."""
    if as_json:
        print(json.dumps([r.model_dump(mode="json") for r in records], indent=2))
    else:
        sys.stdout.write(as_text)
    return 0


def history(args: argparse.Namespace) -> int:
    with Journal.open() as journal:
        sessions = journal.sessions()
    return _print_list(sessions, args.json, text.history_text(sessions))


def show(args: argparse.Namespace) -> int:
    with Journal.open() as journal:
        record = journal.session(args.id)
    if args.json:
        from assistant.cli.common import utf8_output

        print(json.dumps(record.model_dump(mode="json"), indent=2, ensure_ascii=not utf8_output()))
    else:
        sys.stdout.write(text.session_text(record))
    return 0


def trends(args: argparse.Namespace) -> int:
    with Journal.open() as journal:
        counts = journal.theme_counts_by_week()
    weeks = charts.fill_weeks(counts, today=date.today(), weeks=args.weeks)
    sys.stdout.write(charts.render_chart(weeks))
    if args.png is not None:
        from assistant.cli.common import private_file

        try:
            private_file(args.png)  # the chart shows what was felt, week by week
        except OSError as exc:
            raise AttuneError(
                f"Cannot write {args.png} ({exc.strerror}); choose another --png."
            ) from exc
        try:
            charts.write_png(weeks, args.png)
        except AttuneError:
            if args.png.stat().st_size == 0:
                args.png.unlink()
            raise
        print(f"Chart saved to {args.png} (readable by you only).")
    return 0


def commitments(args: argparse.Namespace) -> int:
    with Journal.open() as journal:
        records = journal.commitments()
    return _print_list(records, args.json, text.commitments_text(records))


def export(args: argparse.Namespace) -> int:
    with Journal.open() as journal:
        records = [journal.session(args.id)] if args.id is not None else journal.all_sessions()
    render = exporting.to_json if args.format == "json" else exporting.to_markdown
    content = render(records)
    if args.out is None:
        from assistant.cli.common import write_utf8

        write_utf8(content)
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


def forget(args: argparse.Namespace) -> int:
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
