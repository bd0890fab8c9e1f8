"""Typed sessions through the real command line, journal and voice."""

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.journal import Journal
from tests.support import REPO, attune
from tests.support_network import network_blocked

EVENING = [
    "I keep replaying the fight we had about his mother.",
    "I felt like he didn't take my side at all.",
    "Mostly hurt, I think, under the anger.",
    "I needed him to say he was on my side.",
    "No, that's everything.",
    "I will tell him tomorrow, calmly, how it felt.",
]


def _journal(home: Path) -> Journal:
    return Journal.open(home / "journal.sqlite3")


def test_a_scripted_evening_is_answered_saved_and_followed_up_next_time(attune_home: Path) -> None:
    run = attune("evening", "--text", "--no-voice", stdin="\n".join(EVENING) + "\n")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0].startswith("attune: ")
    assert any(word in lines[0] for word in ("device", "machine", "anywhere", "private"))
    assert sum(line.startswith("you: ") for line in lines) == len(EVENING)
    assert "his mother" in lines[2], "the first reply should reflect their own words"
    with _journal(attune_home) as journal:
        (record,) = journal.all_sessions()
        assert [t.transcript for t in record.turns] == EVENING
        assert record.turns[0].top_theme is not None
        assert any("tell him tomorrow" in c.text for c in record.commitments)
    again = attune("evening", "--text", "--no-voice", stdin="It went better than I feared.\n")
    assert again.code == 0, again.err
    opening = again.out.splitlines()[0]
    assert "tell him tomorrow" in opening and "?" in opening
    with _journal(attune_home) as journal:
        done = [c for c in journal.commitments() if "tell him tomorrow" in c.text]
        assert done[0].follow_up_answer == "It went better than I feared."


def test_a_couple_session_names_each_partner_and_saves_their_commitments(
    attune_home: Path,
) -> None:
    script = [
        "Yes, I'm calm and willing.",
        "Yes, I'm ready too.",
        "When you stay late at work without calling, I feel forgotten.",
        "What I heard is that you feel forgotten when I stay late without calling.",
        "Yes, that's it.",
        "No, that's all for now.",
        "It makes sense that you'd feel forgotten, and I'm sorry.",
        "It helps to hear you say sorry.",
        "I get overwhelmed when I come home to a list of complaints.",
        "What I heard is you feel overwhelmed when I start with complaints.",
        "Yes.",
        "No.",
        "That makes sense, you're tired when you get in.",
        "Thank you, that lands.",
        "I will greet you before I bring up any problems.",
        "I will call you when I'm running late.",
    ]
    run = attune("couple", "Maya", "Sam", "--text", "--no-voice", stdin="\n".join(script) + "\n")
    assert run.code == 0, run.err
    said_by = [line.split(":")[0] for line in run.out.splitlines() if not line.startswith("attune")]
    assert said_by[:4] == ["Maya", "Sam", "Maya", "Sam"], "the floor and the mirror alternate"
    with _journal(attune_home) as journal:
        (record,) = journal.all_sessions()
        assert record.session.names == ["Maya", "Sam"]
        speakers = {t.speaker for t in record.turns}
        assert {"Maya", "Sam"} <= speakers
        assert {c.who for c in record.commitments} == {"Maya", "Sam"}


def test_a_killed_session_keeps_every_finished_turn(attune_home: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "assistant", "evening", "--text", "--no-voice"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=os.environ.copy(),
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdout.readline()  # the opening
    said = EVENING[:3]
    for line in said:
        child.stdin.write(line + "\n")
        child.stdin.flush()
        while not child.stdout.readline().startswith("attune: "):
            pass
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    with _journal(attune_home) as journal:
        (record,) = journal.all_sessions()
        assert [t.transcript for t in record.turns] == said


@pytest.mark.model
@pytest.mark.voice
def test_a_whole_session_works_with_the_network_blocked(
    attune_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    from tests.support import speak_to_wav

    wav = tmp_path / "said.wav"
    speak_to_wav("I can't trust you since you lied about the money.", wav)
    monkeypatch.setattr(sys, "stdin", io.StringIO("I feel hopeful about us.\n"))
    with network_blocked() as guard:
        fast = ["--rate", "320"]
        assert main(["respond", str(wav), "--json", "--out", str(tmp_path / "r.wav"), *fast]) == 0
        assert main(["evening", "--text", "--max-turns", "1", *fast]) == 0
    out = capsys.readouterr().out
    assert '"top": "mistrust"' in out or '"top": "betrayal"' in out
    assert "you: I feel hopeful about us." in out
    assert (tmp_path / "r.wav").stat().st_size > 10_000
    with _journal(attune_home) as journal:
        assert journal.all_sessions()[0].turns[0].transcript == "I feel hopeful about us."
    assert guard.attempts == []


def test_a_locked_journal_is_one_clear_line_and_nothing_typed_is_lost(attune_home: Path) -> None:
    import sqlite3

    attune("evening", "--text", "--no-voice", stdin="hello\n")
    holder = sqlite3.connect(attune_home / "journal.sqlite3")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        run = attune("evening", "--text", "--no-voice", stdin="I'm here.\n")
        assert time.monotonic() - started < 30
    finally:
        holder.rollback()
        holder.close()
    assert run.code != 0 and "Traceback" not in run.err
    assert "locked" in run.err
