"""The composition root: parse arguments, build settings and adapters, print, exit.

Each command group lives in its own module with a `register(subparsers)` function that adds
its sub-commands and sets `handler` to a function taking the parsed arguments and returning an
exit code. Only this module turns an AttuneError into a one-line message.
"""

import argparse
import contextlib
import errno
import importlib
import sys
from collections.abc import Iterator, Sequence

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

EXIT_CODES = """exit codes:
  0    done
  1    something attune explains in one line (bad input, an output it cannot write)
  2    the command line is wrong (unknown option, missing argument); its usage is printed
  3    the speech model is missing or will not load
  4    a microphone or speaker is missing or went away
  5    the text-to-speech voice is missing or failed
  6    a settings or prompt file (or a setting on the command line) is broken
  7    the journal is locked, damaged or cannot be written
  8    an audio file cannot be read, is empty or is too long (over 60 minutes)
  129, 130, 143  stopped by SIGHUP, Ctrl-C or SIGTERM (a session is closed, its summary saved)"""


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, with every command module's sub-commands."""
    parser = argparse.ArgumentParser(
        prog="attune",
        description="A private, voice-first companion for reflection on close relationships. "
        "Everything stays on this machine.\n\nexamples:\n  attune evening\n"
        '  attune respond --text "I feel like we\'re roommates" --no-speak\n'
        "  attune COMMAND --help",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"attune {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    for path, command in _commands(parser, "attune"):
        command.set_defaults(_usage_parser=command)
        _readable_metavars(command)
        if not command.description:
            command.description = f"{_sentence(command)}\n\nexample:\n  {path}"
            command.formatter_class = argparse.RawDescriptionHelpFormatter
    return parser


def _commands(
    parser: argparse.ArgumentParser, path: str
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every sub-command parser below `parser`, with the words that run it."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, command in action.choices.items():
                command._attune_help = helps.get(name) or ""
                yield f"{path} {name}", command
                yield from _commands(command, f"{path} {name}")


METAVARS = {"input_device": "NAME|INDEX", "output_device": "NAME|INDEX", "audio": "FOLDER",
            "data": "FOLDER", "model": "PATH"}  # fmt: skip
"""Placeholders for option values that argparse would spell as the option's name."""


def _readable_metavars(command: argparse.ArgumentParser) -> None:
    """`--output-device NAME|INDEX`, not `--output-device OUTPUT_DEVICE`."""
    for action in command._actions:
        takes_value = action.option_strings and action.nargs != 0 and action.choices is None
        if takes_value and action.metavar is None:
            action.metavar = METAVARS.get(action.dest, action.dest.split("_")[-1].upper())


def _sentence(command: argparse.ArgumentParser) -> str:
    """A command's one-line help as a sentence."""
    text = str(getattr(command, "_attune_help", "")).strip() or command.prog
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; errors become one line on stderr and a non-zero exit code."""
    _tolerant_output()
    try:
        parser = build_parser()
        args, extras = parser.parse_known_args(argv)
        if extras:
            usage: argparse.ArgumentParser = getattr(args, "_usage_parser", parser)
            usage.error(f"unrecognized arguments: {' '.join(extras)}")
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.print_help()
            return 0
        if args.command in DATA_COMMANDS:
            _check_data()
        return int(handler(args))
    except AttuneError as exc:
        _tell(f"attune: {exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        _tell("attune: stopped.")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        if exc.errno not in (errno.ENOSPC, errno.EIO, errno.EBADF, errno.EFBIG, errno.EDQUOT):
            raise
        _tell(
            f"attune: the output could not be written ({exc.strerror}); free some space or "
            "send it to another file."
        )
        return 1


def _tolerant_output() -> None:
    """Where the terminal's encoding is not UTF-8 (LANG=C without UTF-8 mode, a Latin-1
    locale), a character it cannot show is printed as "?" instead of ending the command with a
    traceback; JSON and exports stay exact (see print_json and export)."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="replace")


DATA_COMMANDS = frozenset({"respond", "classify", "evening", "couple", "bench", "eval"})
"""Commands that read the prompt library or the model data: they run only with the files
that were tested (``attune doctor`` reports on them instead of refusing)."""


def _check_data() -> None:
    """Every prompt and model file as the manifest records it (a few milliseconds)."""
    from assistant.config import DATA_ROOT
    from assistant.integrity import require_intact

    in_checkout = (DATA_ROOT / "prompts").is_symlink()
    require_intact(DATA_ROOT, in_checkout, lambda line: _tell(f"attune: note: {line}"))


def _tell(line: str) -> None:
    """One line on stderr, even when stderr itself is gone."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(line, file=sys.stderr)
