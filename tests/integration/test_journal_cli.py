"""The journal commands through the real command line, on a real journal in ATTUNE_HOME."""

import io
import json
import sqlite3
import stat
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.journal import Journal, SessionRecord, default_path
from assistant.journal.export import from_json
from assistant.themes.taxonomy import Theme
from tests.support_journal import Clock, say


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err
    return code, out, err


def _two_sessions() -> tuple[int, int]:
    clock = Clock(datetime(2024, 3, 4, 20, 0, tzinfo=UTC))
    with Journal.open(clock=clock) as journal:
        first = journal.start_session("evening", [])
        say(journal, first, "I felt invisible at dinner", Theme.LONELINESS)
        journal.add_commitment(first, None, "ask for ten minutes together")
        journal.end_session(first, "You spoke about feeling invisible.")
        clock.advance(days=2)
        second = journal.start_session("couple", ["Ana", "Ben"])
        say(journal, second, "I keep checking your phone", Theme.MISTRUST)
        say(journal, second, "you lied about the trip", Theme.BETRAYAL)
    return first, second


def test_history_lists_date_mode_names_themes_and_commitments(capsys) -> None:
    first, second = _two_sessions()
    code, out, _ = _run(capsys, "history")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"Session {second}: ") and "couple with Ana and Ben" in lines[0]
    assert "mistrust 1, betrayal 1" in lines[0] or "betrayal 1, mistrust 1" in lines[0]
    assert lines[1].startswith(f"Session {first}: ") and "2024-03-04" in lines[1]
    assert "loneliness 1" in lines[1] and "ask for ten minutes together" in lines[1]


def test_history_json_holds_the_same_sessions(capsys) -> None:
    first, second = _two_sessions()
    code, out, _ = _run(capsys, "history", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["id"] for r in rows] == [second, first]
    assert rows[0]["names"] == ["Ana", "Ben"] and rows[0]["turn_count"] == 2
    assert rows[1]["commitments"] == ["ask for ten minutes together"]


def test_show_prints_every_turn_and_reply_in_order(capsys) -> None:
    _, second = _two_sessions()
    code, out, _ = _run(capsys, "show", str(second))
    assert code == 0
    assert out.index("I keep checking your phone") < out.index("you lied about the trip")
    assert "attune: It sounds like you lied about the trip" in out
    code, out, _ = _run(capsys, "show", str(second), "--json")
    record = SessionRecord.model_validate_json(out)
    assert [t.top_theme for t in record.turns] == [Theme.MISTRUST, Theme.BETRAYAL]


def test_showing_a_session_that_does_not_exist_is_one_line_on_stderr(capsys) -> None:
    code, out, err = _run(capsys, "show", "99")
    assert code == 7 and out == ""
    assert err.count("\n") == 1 and "no session 99" in err


def test_json_export_round_trips_to_the_same_turns(capsys, tmp_path: Path) -> None:
    _two_sessions()
    target = tmp_path / "journal.json"
    code, out, _ = _run(capsys, "export", "--format", "json", "--out", str(target))
    assert code == 0 and "Exported 2 sessions" in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with Journal.open() as journal:
        stored = journal.all_sessions()
    assert from_json(target.read_text()) == stored
    assert sum(len(r.turns) for r in stored) == 3


def test_export_of_one_session_to_stdout(capsys) -> None:
    first, second = _two_sessions()
    code, out, _ = _run(capsys, "export", "--format", "json", str(first))
    (record,) = from_json(out)
    assert code == 0 and record.session.id == first
    code, out, _ = _run(capsys, "export", "--format", "md", str(second))
    assert out.startswith("# attune journal") and f"## Session {second}: couple" in out
    assert "I keep checking your phone" in out and "I felt invisible" not in out


def test_forget_with_yes_deletes_and_confirms(capsys) -> None:
    first, second = _two_sessions()
    code, out, _ = _run(capsys, "forget", str(second), "--yes")
    assert code == 0 and f"Forgot session {second}" in out
    _, history, _ = _run(capsys, "history")
    assert f"Session {second}:" not in history and f"Session {first}:" in history
    assert b"checking your phone" not in default_path().read_bytes()


def test_forget_without_yes_and_no_terminal_deletes_nothing(capsys, monkeypatch) -> None:
    _two_sessions()
    monkeypatch.setattr(sys, "stdin", io.StringIO("yes\n"))
    code, _, err = _run(capsys, "forget", "--last")
    assert code == 1 and "--yes" in err
    _, history, _ = _run(capsys, "history")
    assert len(history.splitlines()) == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_forget_asks_at_a_terminal_and_respects_no(capsys, monkeypatch) -> None:
    _two_sessions()
    monkeypatch.setattr(sys, "stdin", _Terminal("no\n"))
    code, out, _ = _run(capsys, "forget", "--all")
    assert code == 1 and "Nothing was deleted." in out
    monkeypatch.setattr(sys, "stdin", _Terminal("yes\n"))
    code, out, _ = _run(capsys, "forget", "--all")
    assert code == 0 and "Forgot all 2 sessions" in out
    _, history, _ = _run(capsys, "history")
    assert history == "No sessions in the journal yet.\n"


def test_commitments_lists_open_and_done(capsys) -> None:
    from assistant.flows.base import FollowUp

    _two_sessions()
    with Journal.open() as journal:
        sid = journal.start_session("couple", ["Ana", "Ben"])
        kept = journal.add_commitment(sid, "Ben", "leave my phone in the hall")
        answer = FollowUp(commitment_id=kept, answer="every night", done=True)
        journal.record_follow_up(journal.start_session("couple", ["Ana", "Ben"]), answer)
    code, out, _ = _run(capsys, "commitments")
    assert code == 0
    open_part, done_part = out.split("Done (1):")
    assert "ask for ten minutes together" in open_part.split("Open (1):")[1]
    assert "Ben: leave my phone in the hall" in done_part and "every night" in done_part
    _, out, _ = _run(capsys, "commitments", "--json")
    assert [c["status"] for c in json.loads(out)] == ["open", "done"]


def _weeks_of_mistrust(counts: list[int]) -> None:
    """One session per week, ending this week, with that many mistrust turns."""
    start = datetime.now(UTC) - timedelta(weeks=len(counts) - 1)
    clock = Clock(start)
    with Journal.open(clock=clock) as journal:
        for count in counts:
            sid = journal.start_session("couple", ["Ana", "Ben"])
            for _ in range(count):
                say(journal, sid, "I can't believe you", Theme.MISTRUST)
            say(journal, sid, "thank you for listening", Theme.HOPE)
            clock.advance(weeks=1)


def test_trends_shows_mistrust_coming_up_less_week_by_week(capsys) -> None:
    _weeks_of_mistrust([6, 4, 2, 1])
    code, out, _ = _run(capsys, "trends", "--weeks", "4")
    assert code == 0 and out.isascii()
    block = out.split("\nmistrust\n")[1].split("\n\n")[0].splitlines()
    bars = [line.count("#") for line in block[:4]]
    assert bars == sorted(bars, reverse=True) and bars[0] > bars[-1] > 0
    assert block[4].strip().startswith("less often: 6 in")
    assert "\nhope\n" in out


def test_trends_png_is_a_real_png(capsys, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib", reason="matplotlib is the optional attune[plot] extra")
    _weeks_of_mistrust([3, 1])
    target = tmp_path / "trend.png"
    code, out, _ = _run(capsys, "trends", "--png", str(target))
    assert code == 0 and f"Chart saved to {target}" in out
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_trends_png_without_matplotlib_says_how_to_install_it(
    capsys, monkeypatch, tmp_path
) -> None:
    _weeks_of_mistrust([1])
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    code, _, err = _run(capsys, "trends", "--png", str(tmp_path / "x.png"))
    assert code == 1 and "attune[plot]" in err and err.count("\n") == 1


def test_a_locked_journal_gives_one_clear_line_and_keeps_the_data(capsys) -> None:
    _two_sessions()
    other = sqlite3.connect(default_path(), isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        code, out, err = _run(capsys, "history")
    finally:
        other.close()
    assert code == 7 and out == "" and "locked" in err and err.count("\n") == 1
    _, history, _ = _run(capsys, "history")
    assert len(history.splitlines()) == 2


def _on_a_read_only_disk(home: Path, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    """Run attune with ATTUNE_HOME mounted read-only, in a mount namespace of its own (the
    real kernel refusing writes, as on a backup disk or a read-only share)."""
    import os
    import shlex
    import shutil
    import subprocess

    if shutil.which("unshare") is None:
        pytest.skip("needs unshare (util-linux) to mount a folder read-only")
    folder = shlex.quote(str(home))
    mount = f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder}"
    command = shlex.join([sys.executable, "-m", "assistant", *argv])
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"{mount} && exec {command}"],
        input=stdin, capture_output=True, text=True, timeout=60,
        env={**os.environ, "ATTUNE_HOME": str(home)},
    )  # fmt: skip
    if "mount" in done.stderr and done.returncode != 0 and "attune" not in done.stderr:
        pytest.skip(f"cannot mount read-only here: {done.stderr.strip()}")
    return done.returncode, done.stdout, done.stderr


def test_a_journal_on_a_read_only_disk_can_still_be_read_and_exported(attune_home: Path) -> None:
    _two_sessions()
    code, out, err = _on_a_read_only_disk(attune_home, "export", "--format", "json")
    assert code == 0, err
    assert [len(r.turns) for r in from_json(out)] == [1, 2]
    code, out, err = _on_a_read_only_disk(
        attune_home, "evening", "--text", "--no-voice", stdin="I miss him\n"
    )
    assert code == 7 and "Traceback" not in err, err
    assert "is read-only, so nothing can be saved in it" in err and len(err.splitlines()) == 1


def test_a_journal_made_read_only_with_chmod_is_made_private_and_written_again(
    attune_home: Path,
) -> None:
    """Read-only disks are read-only; a journal of yours set to 0400 is put back to 0600."""
    import os
    import subprocess

    _two_sessions()
    default_path().chmod(0o400)
    caps = "-dac_override,-dac_read_search"  # root writes anything: drop what allows it
    done = subprocess.run(
        ["setpriv", "--bounding-set", caps, "--inh-caps", caps,
         sys.executable, "-m", "assistant", "evening", "--text", "--no-voice"],
        input="I miss him\n", capture_output=True, text=True, timeout=60,
        env={**os.environ, "ATTUNE_HOME": str(attune_home)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(default_path().stat().st_mode) == 0o600
    with Journal.open() as journal:
        assert [len(r.turns) for r in journal.all_sessions()] == [1, 2, 1]
