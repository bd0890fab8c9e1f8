"""The composition root: parse arguments, build settings and adapters, print, exit.

Each command group lives in its own module with a `register(subparsers)` function that adds
its sub-commands and sets `handler` to a function taking the parsed arguments and returning an
exit code. Only this module turns an AttuneError into a one-line message.
"""

import argparse
import importlib
import sys
from collections.abc import Sequence

from assistant import __version__
from assistant.errors import AttuneError

COMMAND_MODULES = (
    "assistant.cli.speech",
    "assistant.cli.sessions",
    "assistant.cli.journal_cmds",
    "assistant.cli.system",
    "assistant.cli.eval_cmds",
    "assistant.cli.config_cmds",
    "assistant.cli.doctor",
)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, with every command module's sub-commands."""
    parser = argparse.ArgumentParser(
        prog="attune",
        description="A private, voice-first companion for reflection on close relationships. "
        "Everything stays on this machine.",
    )
    parser.add_argument("--version", action="version", version=f"attune {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; errors become one line on stderr and a non-zero exit code."""
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.print_help()
            return 0
        return int(handler(args))
    except AttuneError as exc:
        print(f"attune: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("attune: stopped. Every finished turn is saved.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
