"""Journal commands: history, show, trends, commitments, export and forget.

Only the arguments live here; what the commands do is in journal_run, imported when one runs,
so `attune --help` stays quick.
"""

import argparse
from pathlib import Path

from assistant.cli.common import lazy


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add history, show, trends, commitments, export and forget."""
    p = sub.add_parser("history", help="list past sessions: date, mode, names, themes")
    _add_json(p)
    p.set_defaults(handler=lazy("assistant.cli.journal_run", "history"))

    p = sub.add_parser("show", help="show one session with everything said in it")
    p.add_argument("id", type=int, metavar="ID", help="session id from 'attune history'")
    _add_json(p)
    p.set_defaults(handler=lazy("assistant.cli.journal_run", "show"))

    p = sub.add_parser("trends", help="how often each theme came up, week by week")
    p.add_argument("--weeks", type=int, metavar="N", help="show the last N weeks")
    p.add_argument("--png", type=Path, metavar="FILE", help="also draw the chart into a PNG")
    p.set_defaults(handler=lazy("assistant.cli.journal_run", "trends"))

    p = sub.add_parser("commitments", help="commitments made in sessions, open and done")
    _add_json(p)
    p.set_defaults(handler=lazy("assistant.cli.journal_run", "commitments"))

    p = sub.add_parser("export", help="export the journal (or one session) as Markdown or JSON")
    p.add_argument("--format", choices=("md", "json"), default="md", help="default: md")
    p.add_argument("id", type=int, nargs="?", metavar="ID", help="only this session")
    p.add_argument("--out", type=Path, metavar="FILE", help="write to FILE instead of stdout")
    p.set_defaults(handler=lazy("assistant.cli.journal_run", "export"))

    p = sub.add_parser("forget", help="delete a session for good, leaving no trace")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("id", type=int, nargs="?", metavar="ID", help="session id to forget")
    which.add_argument("--last", action="store_true", help="forget the newest session")
    which.add_argument("--all", action="store_true", help="forget every session")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=lazy("assistant.cli.journal_run", "forget"))
