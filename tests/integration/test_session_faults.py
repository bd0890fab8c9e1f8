"""A live typed session under faults: bad bytes, signals, a locked journal, a forget meanwhile.

Everything runs through the real `attune` command in a child process, the real SQLite
journal and real signals; the lock is held by a second program (a separate process).
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.journal import Journal
from assistant.journal.pending import pending_path
from tests.support import REPO, attune
from tests.support_journal import lock_held_by_another_program

LINES = [
    "I keep replaying the fight we had about his mother.",
    "I felt like he didn't take my side at all.",
    "Mostly hurt, I think, under the anger.",
]


class Live:
    """A running `attune evening --text` the test types into, line by line."""

    def __init__(self, *extra: str) -> None:
        self.child = subprocess.Popen(
            [sys.executable, "-m", "assistant", "evening", "--text", "--no-voice", *extra],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=REPO,
            env=os.environ.copy(),
        )
        assert self.child.stdout is not None
        self.said = [self.child.stdout.readline().decode()]  # the opening

    def type(self, line: bytes | str) -> str:
        """Type one line and wait for attune's answer to it."""
        assert self.child.stdin is not None and self.child.stdout is not None
        self.child.stdin.write(line if isinstance(line, bytes) else line.encode() + b"\n")
        self.child.stdin.flush()
        while True:
            out = self.child.stdout.readline().decode()
            assert out, "attune ended before answering"
            self.said.append(out)
            if out.startswith("attune: "):
                return out

    def finish(self, timeout_s: float = 60) -> tuple[int, str, str]:
        """Close stdin; exit code, the rest of stdout, and stderr."""
        out, err = self.child.communicate(timeout=timeout_s)
        return self.child.returncode, out.decode(), err.decode()


def _record(home: Path) -> "object":
    with Journal.open(home / "journal.sqlite3") as journal:
        (record,) = journal.all_sessions()
    return record


def _release(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "free"


@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130)]
)
def test_a_stopped_session_is_closed_with_its_summary(
    attune_home: Path, signum: int, code: int
) -> None:
    live = Live()
    last_question = ""
    for line in LINES[:2]:
        last_question = live.type(line).removeprefix("attune: ").strip()
    live.child.send_signal(signum)
    exit_code, out, err = live.finish()
    assert exit_code == code, err
    assert "Traceback" not in err and "stopped; the session is closed" in err
    record = _record(attune_home)
    assert record.session.ended_at is not None, "the session must be closed"
    assert record.session.summary and record.session.summary != last_question
    assert record.session.summary in out, "the summary is shown as the session closes"
    assert [t.transcript for t in record.turns] == LINES[:2]


def test_turns_said_while_the_journal_is_locked_survive_a_kill_after_it_is_free(
    attune_home: Path,
) -> None:
    live = Live()
    live.type(LINES[0])
    with lock_held_by_another_program(attune_home / "journal.sqlite3") as holder:
        for line in LINES[1:]:
            started = time.monotonic()
            live.type(line)
            assert time.monotonic() - started < 2.0
            assert line in pending_path(attune_home / "journal.sqlite3").read_text()
        _release(holder)
    live.child.send_signal(signal.SIGKILL)
    live.child.wait(timeout=10)
    assert [t.transcript for t in _record(attune_home).turns] == LINES
    notes = "".join(live.said)
    assert notes.count("locked") == 1, notes


def test_a_kill_while_the_journal_is_still_locked_loses_nothing_and_merges_once(
    attune_home: Path,
) -> None:
    """kill -9 while another program still holds the lock; then two attune programs open the
    journal at the same moment: the waiting turns are added exactly once."""
    live = Live()
    live.type(LINES[0])
    with lock_held_by_another_program(attune_home / "journal.sqlite3") as holder:
        for line in LINES[1:]:
            live.type(line)
        live.child.send_signal(signal.SIGKILL)
        live.child.wait(timeout=10)
        _release(holder)
    history = [sys.executable, "-m", "assistant", "history"]
    both = [subprocess.Popen(history, stdout=subprocess.PIPE, text=True, cwd=REPO) for _ in "ab"]
    for child in both:
        out, _ = child.communicate(timeout=60)
        assert child.returncode == 0 and "3 turns" in out, out
    assert [t.transcript for t in _record(attune_home).turns] == LINES
    assert not pending_path(attune_home / "journal.sqlite3").exists()


def test_a_lock_held_past_the_end_of_a_session_loses_nothing(attune_home: Path) -> None:
    live = Live()
    live.type(LINES[0])
    with lock_held_by_another_program(attune_home / "journal.sqlite3") as holder:
        live.type(LINES[1])
        started = time.monotonic()
        exit_code, out, err = live.finish()
        assert time.monotonic() - started < 10, "the end must not wait for the lock"
        time.sleep(1)  # the lock outlasts the session
        _release(holder)
    assert exit_code == 0, err
    assert "could not be saved" not in out + err
    assert "added the next time attune opens it" in out
    record = _record(attune_home)
    assert [t.transcript for t in record.turns] == LINES[:2]
    assert record.session.ended_at is not None and record.session.summary
    assert not pending_path(attune_home / "journal.sqlite3").exists()


def test_forgetting_everything_while_a_session_runs_has_one_clear_outcome(
    attune_home: Path,
) -> None:
    live = Live()
    live.type(LINES[0])
    forget = attune("forget", "--all", "--yes")
    assert forget.code == 0, forget.err
    assert "Forgot all 1 sessions" in forget.out
    live.type(LINES[1])
    live.type(LINES[2])
    exit_code, out, err = live.finish(timeout_s=30)
    everything = "".join(live.said) + out + err
    assert exit_code == 0, err
    assert everything.count("deleted with 'attune forget'") == 1, everything
    assert "There is no session" not in everything and "locked" not in everything
    with Journal.open(attune_home / "journal.sqlite3") as journal:
        assert journal.all_sessions() == []


def test_bytes_that_are_not_text_are_reported_and_the_session_goes_on(attune_home: Path) -> None:
    typed = [
        b"We met at the caf\xe9 where we fought.\n",  # Latin-1, not UTF-8
        b"\x00\xff\xfe\x01\n",  # stray binary only
        b"I felt like he didn't take my side at all.\r\n",  # CRLF
    ]
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "evening", "--text", "--no-voice"],
        input=b"".join(typed), capture_output=True, cwd=REPO, timeout=120,
    )  # fmt: skip
    out, err = run.stdout.decode(), run.stderr.decode()
    assert run.returncode == 0 and "Traceback" not in err, err
    assert out.count("Line 1 had characters that are not text") == 1
    assert out.count("Line 2 held no text") == 1
    assert [t.transcript for t in _record(attune_home).turns] == [
        "We met at the caf\ufffd where we fought.",
        "I felt like he didn't take my side at all.",
    ]


def test_utf16_typed_input_with_a_byte_order_mark_is_read_as_text(attune_home: Path) -> None:
    typed = "\ufeff" + "\r\n".join(LINES[:2]) + "\r\n"
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "evening", "--text", "--no-voice"],
        input=typed.encode("utf-16-le"), capture_output=True, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr.decode()
    assert [t.transcript for t in _record(attune_home).turns] == LINES[:2]


def test_empty_input_leaves_no_empty_session(attune_home: Path) -> None:
    run = attune("evening", "--text", "--no-voice", stdin="")
    assert run.code == 0 and "Traceback" not in run.err
    assert "no session was saved" in run.out
    assert attune("history").out.strip() == "No sessions in the journal yet."


def test_a_closed_stdin_is_one_clear_line(attune_home: Path) -> None:
    for command in (["evening", "--text", "--no-voice"], ["classify"]):
        run = subprocess.run(
            [sys.executable, "-m", "assistant", *command],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, cwd=REPO, timeout=60,
            preexec_fn=lambda: os.close(0),
        )  # fmt: skip
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
        assert "no standard input" in run.stderr


def test_a_disk_that_fills_during_a_session_is_said_once_and_named_at_the_end(
    tmp_path: Path,
) -> None:
    """The journal on a real 150 kB tmpfs (a mount namespace of its own) that fills after a
    few long turns: one note that the disk is full, and an ending that says so, not 'locked'."""
    import shlex
    import shutil

    if shutil.which("unshare") is None:
        pytest.skip("needs unshare (util-linux) to mount a small disk")
    home = shlex.quote(str(tmp_path / "small-disk"))
    attune_cmd = shlex.join([sys.executable, "-m", "assistant", "evening", "--text", "--no-voice"])
    said = "".join(f"I keep replaying the fight about his mother, part {n}. " * 40 + "\n"
                   for n in range(12))  # fmt: skip
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c",
         f"mkdir -p {home} && mount -t tmpfs -o size=150k tmpfs {home} && exec {attune_cmd}"],
        input=said, capture_output=True, text=True, timeout=120, cwd=REPO,
        env={**os.environ, "ATTUNE_HOME": str(tmp_path / "small-disk")},
    )  # fmt: skip
    if done.returncode != 7 and "mount" in done.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    everything = done.stdout + done.stderr
    assert done.returncode == 7 and "Traceback" not in done.stderr, done.stderr
    assert done.stdout.count("The disk holding the journal") == 1, done.stdout
    assert "locked" not in everything and "OperationalError" not in everything
    assert "could not be saved: The disk holding the journal" in done.stderr
