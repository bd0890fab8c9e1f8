"""The journal: sessions, turns, commitments and follow-ups in SQLite, on this device only.

``Journal.open()`` opens journal.sqlite3 in the data folder ($ATTUNE_HOME), creating it with
mode 0600 in a 0700 folder. Each write commits at once, so a killed process loses at most the
turn being spoken. A locked or damaged file raises JournalError and is never replaced.
"""

from assistant.journal.connection import JOURNAL_FILENAME, default_path
from assistant.journal.records import (
    CommitmentRecord,
    CommitmentStatus,
    SessionRecord,
    SessionSummary,
    ThemeCount,
    TurnRecord,
    WeekThemeCounts,
)
from assistant.journal.store import Journal

__all__ = [
    "JOURNAL_FILENAME",
    "CommitmentRecord",
    "CommitmentStatus",
    "Journal",
    "SessionRecord",
    "SessionSummary",
    "ThemeCount",
    "TurnRecord",
    "WeekThemeCounts",
    "default_path",
]
