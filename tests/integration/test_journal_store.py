"""The journal on real SQLite files: what is written is read back, kept, locked out or erased."""

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.errors import JournalError
from assistant.flows.base import FollowUp
from assistant.journal import CommitmentStatus, Journal, default_path
from assistant.safety import SafetyKind
from assistant.themes.taxonomy import Theme
from tests.support_journal import CALM, CRISIS, Clock, reading, say

PROJECT = Path(__file__).resolve().parents[2]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_journal_is_created_in_attune_home_readable_by_owner_only(attune_home: Path) -> None:
    with Journal.open() as journal:
        say(journal, journal.start_session("evening", []), "a long day")
        files = sorted(attune_home.iterdir())
        assert default_path() == attune_home / "journal.sqlite3"
        assert _mode(attune_home) == 0o700
        assert [p.name for p in files] == [
            "journal.sqlite3",
            "journal.sqlite3-shm",
            "journal.sqlite3-wal",
        ]
        assert all(_mode(p) == 0o600 for p in files)
        mode = sqlite3.connect(default_path()).execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"


def test_a_turn_reads_back_with_its_themes_reply_and_safety_flag() -> None:
    with Journal.open() as journal:
        sid = journal.start_session("couple", ["Ana", "Ben"])
        journal.add_turn(
            sid,
            speaker="Ana",
            transcript="I can't believe anything you say",
            reading=reading("can't believe", Theme.MISTRUST, 0.9, Theme.ANGER),
            safety=CALM,
            reply="It sounds like trust is hard right now.",
            prompt_ids=["mistrust.reflect.1"],
            step="describe_injury",
            duration_s=4.25,
        )
        journal.add_turn(
            sid,
            speaker="Ben",
            transcript="she hit me",
            reading=None,
            safety=CRISIS,
            reply="Are you safe right now?",
            prompt_ids=[],
        )
        first, second = journal.session(sid).turns
    assert (first.position, first.speaker, first.top_theme) == (1, "Ana", Theme.MISTRUST)
    assert [(s.theme, s.score) for s in first.themes] == [
        (Theme.MISTRUST, 0.9),
        (Theme.ANGER, 0.45),
    ]
    assert first.reply == "It sounds like trust is hard right now."
    assert (first.prompt_ids, first.step, first.duration_s) == (
        ["mistrust.reflect.1"],
        "describe_injury",
        4.25,
    )
    assert not first.crisis
    assert (second.position, second.crisis, second.safety_kind) == (2, True, SafetyKind.VIOLENCE)
    assert second.top_theme is None


def test_history_lists_sessions_newest_first_with_themes_and_commitments() -> None:
    clock = Clock()
    with Journal.open(clock=clock) as journal:
        first = journal.start_session("evening", [])
        say(journal, first, "I miss how it was", Theme.GRIEF)
        say(journal, first, "what time is dinner", Theme.NEUTRAL)
        journal.add_commitment(first, None, "take a walk together")
        journal.end_session(first, "You spoke about missing how things were.")
        clock.advance(days=1)
        second = journal.start_session("couple", ["Ana", "Ben"])
        sessions = journal.sessions()
    assert [s.id for s in sessions] == [second, first]
    old = sessions[1]
    assert (old.mode, old.turn_count, old.commitments) == ("evening", 2, ["take a walk together"])
    assert [(t.theme, t.turns) for t in old.themes] == [(Theme.GRIEF, 1)]
    assert old.ended_at == clock.now.replace(day=clock.now.day - 1)
    assert sessions[0].names == ["Ana", "Ben"] and sessions[0].ended_at is None


def test_commitments_stay_open_until_followed_up_and_filter_by_name() -> None:
    with Journal.open() as journal:
        sid = journal.start_session("couple", ["Ana", "Ben"])
        ana = journal.add_commitment(sid, "Ana", "ask before making plans")
        ben = journal.add_commitment(sid, "Ben", "put the phone away at dinner")
        alone = journal.add_commitment(journal.start_session("evening", []), None, "journal")
        assert [c.id for c in journal.open_commitments()] == [ana, ben, alone]
        assert [c.id for c in journal.open_commitments(["ana"])] == [ana]
        later = journal.start_session("couple", ["Ana", "Ben"])
        journal.record_follow_up(later, FollowUp(commitment_id=ana, answer="I did", done=True))
        journal.record_follow_up(later, FollowUp(commitment_id=ben, answer="not yet", done=False))
        assert [c.id for c in journal.open_commitments(["Ana", "Ben"])] == []
        status = {c.id: (c.status, c.follow_up_answer) for c in journal.commitments()}
    assert status[ana] == (CommitmentStatus.DONE, "I did")
    assert status[ben] == (CommitmentStatus.NOT_DONE, "not yet")
    assert status[alone] == (CommitmentStatus.OPEN, None)


def test_recent_prompt_ids_cover_only_the_last_sessions() -> None:
    with Journal.open() as journal:
        for theme in (Theme.SHAME, Theme.FEAR, Theme.HOPE):
            say(journal, journal.start_session("evening", []), "words", theme)
        assert journal.recent_prompt_ids(sessions=2) == {"prompt.fear", "prompt.hope"}
        assert journal.recent_prompt_ids(sessions=0) == set()


def test_writing_to_a_session_that_does_not_exist_is_a_clear_error() -> None:
    with Journal.open() as journal, pytest.raises(JournalError, match="no session 42"):
        say(journal, 42, "hello")


def test_everything_survives_closing_and_reopening() -> None:
    with Journal.open() as journal:
        sid = journal.start_session("evening", [])
        say(journal, sid, "kept words")
    with Journal.open() as journal:
        assert [t.transcript for t in journal.session(sid).turns] == ["kept words"]


_WRITER = """
import sys
from pathlib import Path
from assistant.journal import Journal
from tests.support_journal import say
journal = Journal.open(Path(sys.argv[1]))
sid = journal.start_session("evening", [])
for n in range(int(sys.argv[2])):
    say(journal, sid, f"turn number {n}")
    print(n, flush=True)
sys.stdin.read()
"""


def test_turns_written_before_the_process_is_killed_are_all_kept(tmp_path: Path) -> None:
    path = tmp_path / "killed" / "journal.sqlite3"
    turns = 7
    child = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path), str(turns)],
        cwd=PROJECT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    seen = [child.stdout.readline().strip() for _ in range(turns)]
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    assert seen == [str(n) for n in range(turns)]
    with Journal.open(path) as journal:
        (record,) = journal.all_sessions()
    assert [t.transcript for t in record.turns] == [f"turn number {n}" for n in range(turns)]


def test_a_turn_said_while_another_program_holds_the_lock_is_on_disk_within_a_second() -> None:
    from assistant.journal.pending import pending_path

    notes: list[str] = []
    with Journal.open() as journal:
        journal.notice = notes.append
        sid = journal.start_session("evening", [])
        say(journal, sid, "said before the lock")
        other = sqlite3.connect(default_path(), isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        say(journal, sid, "this turn waits beside the journal")
        assert time.monotonic() - started < 1.0
        assert "this turn waits beside the journal" in pending_path(default_path()).read_text()
        assert stat.S_IMODE(pending_path(default_path()).stat().st_mode) == 0o600
        say(journal, sid, "and so does this one")
        other.execute("ROLLBACK")
        other.close()
        say(journal, sid, "this one gets through")
        assert [t.transcript for t in journal.session(sid).turns] == [
            "said before the lock",
            "this turn waits beside the journal",
            "and so does this one",
            "this one gets through",
        ]
        assert [t.position for t in journal.session(sid).turns] == [1, 2, 3, 4]
    assert len([n for n in notes if "locked" in n]) == 1, notes
    assert not pending_path(default_path()).exists()


def test_opening_a_journal_held_exclusively_gives_one_clear_error() -> None:
    Journal.open().close()
    other = sqlite3.connect(default_path(), isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(JournalError, match="locked"):
            Journal.open()
    finally:
        other.close()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_file_that_is_not_a_database_is_reported_and_left_untouched(attune_home: Path) -> None:
    attune_home.mkdir(mode=0o700)
    default_path().write_bytes(b"grocery list: milk, eggs\n" * 200)
    before = _snapshot(attune_home)
    with pytest.raises(JournalError, match="damaged") as caught:
        Journal.open()
    message = str(caught.value)
    assert str(default_path()) in message and "\n" not in message and message.endswith(".")
    assert _snapshot(attune_home) == before


def test_a_journal_with_damaged_pages_is_reported_and_left_untouched(attune_home: Path) -> None:
    with Journal.open() as journal:
        sid = journal.start_session("evening", [])
        for n in range(40):
            say(journal, sid, f"evening words {n} " * 20)
    data = bytearray(default_path().read_bytes())
    data[3 * 4096 : 3 * 4096 + 256] = b"\xff" * 256
    default_path().write_bytes(bytes(data))
    before = _snapshot(attune_home)
    with pytest.raises(JournalError, match="damaged"):
        Journal.open()
    assert _snapshot(attune_home) == before


def test_a_journal_from_a_newer_attune_is_not_touched() -> None:
    Journal.open().close()
    sqlite3.connect(default_path()).execute("PRAGMA user_version = 999").connection.close()
    with pytest.raises(JournalError, match="newer version"):
        Journal.open()


def test_an_older_journal_is_migrated_without_losing_its_sessions(attune_home: Path) -> None:
    from assistant.journal.schema import MIGRATIONS

    attune_home.mkdir(mode=0o700)
    old = sqlite3.connect(default_path(), isolation_level=None)
    MIGRATIONS[0](old)
    old.execute("PRAGMA user_version = 1")
    old.execute(
        "INSERT INTO sessions (started_at, mode) VALUES ('2024-01-02T20:00:00+00:00', 'evening')"
    )
    old.close()
    with Journal.open() as journal:
        (session,) = journal.sessions()
        say(journal, session.id, "words after the upgrade")
        assert session.mode == "evening" and session.started_at.year == 2024
        assert [t.transcript for t in journal.session(session.id).turns] == [
            "words after the upgrade"
        ]
    version = sqlite3.connect(default_path()).execute("PRAGMA user_version").fetchone()[0]
    assert version == len(MIGRATIONS)


def test_a_turn_said_while_another_program_locks_the_journal_is_saved_once_it_is_free(
    tmp_path: Path,
) -> None:
    import contextlib
    import io
    import sqlite3

    from assistant.captions import Captions
    from assistant.flows.base import Utterance
    from assistant.flows.evening import EveningFlow
    from assistant.prompts import load_library
    from assistant.session import Session

    path = tmp_path / "journal.sqlite3"
    journal = Journal.open(path)
    holder = sqlite3.connect(path, isolation_level=None)

    class LockingInput:
        """The first turn arrives while another program holds the journal; then it lets go."""

        def __init__(self) -> None:
            self.lines = ["I miss our talks at night.", "We used to laugh so much."]

        def next_utterance(self) -> Utterance | None:
            if len(self.lines) == 2:
                holder.execute("BEGIN EXCLUSIVE")
            elif len(self.lines) == 1:
                holder.execute("ROLLBACK")
            return Utterance(text=self.lines.pop(0)) if self.lines else None

        def speaking(self) -> contextlib.AbstractContextManager[None]:
            return contextlib.nullcontext()

    out = io.StringIO()
    captions = Captions(out)
    journal.notice = captions.note
    flow = EveningFlow(load_library(), open_commitments=[], recent_prompt_ids=set())
    Session(flow=flow, source=LockingInput(), captions=captions, journal=journal).run()
    holder.close()
    assert out.getvalue().count("nothing is lost") == 1, out.getvalue()
    (record,) = journal.all_sessions()
    assert [t.transcript for t in record.turns] == [
        "I miss our talks at night.",
        "We used to laugh so much.",
    ]
    journal.close()


def test_waiting_writes_are_merged_exactly_once_even_if_a_crash_left_them_in_the_side_file(
    attune_home: Path,
) -> None:
    from assistant.journal.pending import pending_path

    with Journal.open() as journal:
        sid = journal.start_session("evening", [])
        holder = sqlite3.connect(default_path(), isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        say(journal, sid, "kept beside the journal")
        journal.add_commitment(sid, None, "walk together on Sunday")
        journal.end_session(sid, "Tonight I heard longing.")
        waiting = pending_path(default_path()).read_bytes()
        holder.execute("ROLLBACK")
        holder.close()
    assert not pending_path(default_path()).exists(), "merged when the journal closed"
    pending_path(default_path()).write_bytes(waiting)  # as if a crash came before emptying it
    with Journal.open() as journal:
        (record,) = journal.all_sessions()
    assert [t.transcript for t in record.turns] == ["kept beside the journal"]
    assert [c.text for c in record.commitments] == ["walk together on Sunday"]
    assert record.session.summary == "Tonight I heard longing."
