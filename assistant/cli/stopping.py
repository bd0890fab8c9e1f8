"""Closing a live session when it is stopped: Ctrl-C, SIGTERM (a service stop) or SIGHUP (a
closed terminal, a logout) all end it the same way, with its closing summary saved.

The session runner already writes every finished turn as it goes; what a stop used to lose
was the ending: the journal kept the last question asked as the session's summary, or (for
SIGTERM and SIGHUP, which killed the process outright) no ending at all.
"""

import contextlib
import signal
import sys
from collections.abc import Iterator
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.journal import Journal
    from assistant.session import Session

CLOSING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class Stopped(KeyboardInterrupt):
    """The session was asked to stop by a signal; exit code 128 + its number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _raise_stopped(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP stop the session as Ctrl-C does."""
    previous = {sig: signal.signal(sig, _raise_stopped) for sig in CLOSING_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def not_interrupted() -> Iterator[None]:
    """Ignore Ctrl-C, SIGTERM and SIGHUP while the ending is written."""
    watched = (signal.SIGINT, *CLOSING_SIGNALS)
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in watched}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def close_stopped(session: "Session", journal: "Journal", stop: KeyboardInterrupt) -> int:
    """Save the closing summary of a stopped session, show it, and return the exit code."""
    signum = stop.signum if isinstance(stop, Stopped) else signal.SIGINT
    with not_interrupted():
        try:
            summary = session.flow.close().text
        except Exception:  # a flow that cannot summarise must not lose the ending
            summary = ""
        if session.session_id is not None:
            journal.end_session(session.session_id, summary)
        with contextlib.suppress(OSError, ValueError):  # the terminal may be gone (SIGHUP)
            if summary:
                session.captions.said(summary)
            print(
                "attune: stopped; the session is closed with its summary, and every finished "
                "turn is saved.",
                file=sys.stderr,
            )
    return 128 + int(signum)
