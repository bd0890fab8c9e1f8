"""Forgetting really deletes: no trace of the words stays in any of the journal's files."""

from pathlib import Path

import pytest

from assistant.errors import JournalError
from assistant.flows.base import FollowUp
from assistant.journal import CommitmentStatus, Journal, default_path
from assistant.themes.taxonomy import Theme
from tests.support_journal import CALM, reading, say

SECRET = "quokkamarmalade"


def _on_disk(word: str) -> list[str]:
    """Names of the journal's files (db, -wal, -shm) whose bytes contain the word."""
    folder = default_path().parent
    return [p.name for p in sorted(folder.iterdir()) if word.encode() in p.read_bytes()]


def _secret_session(journal: Journal, word: str) -> int:
    sid = journal.start_session("couple", ["Ana", "Ben"])
    journal.add_turn(
        sid,
        speaker="Ana",
        transcript=f"the {word} thing still hurts",
        reading=reading(f"{word} hurts", Theme.BETRAYAL),
        safety=CALM,
        reply=f"You said the {word} thing still hurts.",
        prompt_ids=[f"betrayal.{word}"],
    )
    journal.add_commitment(sid, "Ben", f"never mention {word} again")
    journal.end_session(sid, f"Ana talked about {word}.")
    return sid


def test_forget_leaves_no_trace_of_a_word_in_any_journal_file() -> None:
    with Journal.open() as journal:
        kept = journal.start_session("evening", [])
        say(journal, kept, "an ordinary evening")
        sid = _secret_session(journal, SECRET)
        assert _on_disk(SECRET), "the word must be on disk before forgetting"
        journal.forget(sid)
        assert _on_disk(SECRET) == []
        assert [s.id for s in journal.sessions()] == [kept]
        assert [t.transcript for t in journal.session(kept).turns] == ["an ordinary evening"]
    assert _on_disk(SECRET) == []


def test_forgetting_a_follow_up_session_erases_the_answer_and_reopens_the_commitment() -> None:
    with Journal.open() as journal:
        first = journal.start_session("evening", [])
        promise = journal.add_commitment(first, None, "call my sister")
        later = journal.start_session("evening", [])
        answer = FollowUp(commitment_id=promise, answer=f"yes, {SECRET} and all", done=True)
        journal.record_follow_up(later, answer)
        assert journal.commitments()[0].status is CommitmentStatus.DONE
        journal.forget(later)
        (commitment,) = journal.commitments()
        assert (commitment.status, commitment.follow_up_answer) == (CommitmentStatus.OPEN, None)
        assert [c.id for c in journal.open_commitments()] == [promise]
    assert _on_disk(SECRET) == []


def test_forget_last_removes_only_the_newest_session() -> None:
    with Journal.open() as journal:
        older = _secret_session(journal, "keepthisword")
        newest = _secret_session(journal, SECRET)
        assert journal.forget_last() == newest
        assert [s.id for s in journal.sessions()] == [older]
    assert _on_disk(SECRET) == [] and _on_disk("keepthisword")


def test_forget_all_empties_the_journal_and_its_files() -> None:
    with Journal.open() as journal:
        for word in (SECRET, "otherpineapple"):
            _secret_session(journal, word)
        assert journal.forget_all() == 2
        assert journal.sessions() == [] and journal.commitments() == []
        assert journal.forget_last() is None
    assert _on_disk(SECRET) == [] and _on_disk("otherpineapple") == []


def test_forgetting_a_session_that_does_not_exist_says_so() -> None:
    with Journal.open() as journal, pytest.raises(JournalError, match="no session 9"):
        journal.forget(9)


def test_the_journal_keeps_working_after_forgetting(attune_home: Path) -> None:
    with Journal.open() as journal:
        journal.forget(_secret_session(journal, SECRET))
        sid = journal.start_session("evening", [])
        say(journal, sid, "a fresh start")
    with Journal.open() as journal:
        assert [t.transcript for t in journal.session(sid).turns] == ["a fresh start"]
