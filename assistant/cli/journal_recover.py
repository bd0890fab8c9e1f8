"""`attune journal recover`: the readable part of a damaged journal, copied into a new file."""

import argparse
import os
from datetime import datetime
from pathlib import Path

from assistant.errors import AttuneError, JournalError


def recover(args: argparse.Namespace) -> int:
    """Copy what can be read into a new journal beside the old one; the old one is untouched."""
    from assistant.journal import default_path
    from assistant.journal.recover import recover as rescue

    source = default_path()
    if not source.is_file():
        raise JournalError(f"There is no journal at {source}, so there is nothing to recover.")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target: Path = args.out or source.with_name(f"journal-recovered-{stamp}.sqlite3")
    if target.exists():
        raise AttuneError(f"{target} already exists; choose another --out (nothing was written).")
    if not os.access(target.parent, os.W_OK):
        raise AttuneError(
            f"{target.parent} cannot be written (it may be on a read-only disk); choose where "
            "the copy goes with --out, for example: attune journal recover --out ~/rescued.sqlite3."
        )
    try:
        result = rescue(source, target)
    except OSError as exc:
        raise JournalError(
            f"Could not copy the journal ({exc.strerror}); free some space or choose another --out."
        ) from exc
    found = result.found
    print(
        f"Recovered {found['sessions']} session(s), {found['turns']} turn(s) and "
        f"{found['commitments']} commitment(s) into {target} (readable by you only)."
    )
    if result.stand_ins:
        print(
            f"{result.stand_ins} session(s) lost their date and summary; their turns are kept "
            "under a stand-in session."
        )
    if _intact(source):
        print(
            f"The journal {source} is not damaged, so there is no need to use the copy; it was "
            "left untouched."
        )
        return 0
    print(
        f"The damaged journal {source} was left untouched. To use the copy, move the damaged "
        f"file aside and rename the copy to {source.name}."
    )
    return 0


def _intact(source: Path) -> bool:
    """Whether the journal passes SQLite's check (a locked one is not called intact)."""
    from assistant.journal.connection import inspect

    try:
        inspect(source)
    except JournalError:
        return False
    return True
