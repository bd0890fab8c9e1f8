"""Small builders for journal tests: readings, safety verdicts, a settable clock and a second
program that holds the journal's lock."""

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from assistant.journal import Journal
from assistant.safety import SafetyCheck, SafetyKind
from assistant.themes.taxonomy import Theme, ThemeReading, ThemeScore


def reading(text: str, top: Theme, score: float = 0.8, *others: Theme) -> ThemeReading:
    """A reading with `top` first at `score`, then any other themes lower."""
    scores = [ThemeScore(theme=top, score=score, evidence=[text.split()[0]])]
    scores += [ThemeScore(theme=t, score=round(score / 2, 3)) for t in others]
    return ThemeReading(text=text, top=top, themes=scores)


CALM = SafetyCheck()
CRISIS = SafetyCheck(crisis=True, kind=SafetyKind.VIOLENCE, evidence=["hit me"])


class Clock:
    """A clock a test moves by hand."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2024, 3, 4, 20, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def say(journal: Journal, session_id: int, text: str, top: Theme = Theme.GRIEF) -> int:
    """Store one calm turn whose top theme is `top`; returns the turn id."""
    return journal.add_turn(
        session_id,
        speaker=None,
        transcript=text,
        reading=reading(text, top),
        safety=CALM,
        reply=f"It sounds like {text}",
        prompt_ids=[f"prompt.{top.value}"],
        step="reflect",
        duration_s=2.5,
    )


@contextmanager
def lock_held_by_another_program(path: Path) -> Iterator[subprocess.Popen[str]]:
    """A second process that takes the journal's write lock and holds it until told to stop."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys\n"
         f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
         "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True)\n"
         "sys.stdin.readline(); c.execute('ROLLBACK'); c.close(); print('free', flush=True)\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline().strip() == "locked"
    try:
        yield holder
    finally:
        if holder.poll() is None:
            holder.stdin.write("\n")
            holder.stdin.flush()
            holder.wait(timeout=10)
