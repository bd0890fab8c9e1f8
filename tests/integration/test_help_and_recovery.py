"""--help that explains itself, documented exit codes, crisis resources as data, and rescuing
the readable part of a damaged journal."""

import json
import re
import sqlite3
from pathlib import Path

import pytest

from assistant.cli import build_parser
from assistant.errors import AttuneError
from assistant.journal import Journal, default_path
from tests.support import attune
from tests.support_journal import say


def _subcommands() -> list[list[str]]:
    """Every sub-command path, e.g. ['config', 'set'], from the real parser."""
    import argparse

    found: list[list[str]] = []

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found.append([*path, name])
                    walk(sub, [*path, name])

    walk(build_parser(), [])
    return found


@pytest.mark.parametrize("path", _subcommands(), ids=" ".join)
def test_every_subcommand_help_starts_with_what_it_does_and_an_example(path: list[str]) -> None:
    run = attune(*path, "--help")
    assert run.code == 0, run.err
    after_usage = run.out.split("\n\n", 1)[1].lstrip()
    first = after_usage.splitlines()[0]
    assert first[:1].isupper() and not first.startswith(("options", "positional")), run.out
    assert "example" in run.out.split("options:")[0], run.out
    assert "attune " + " ".join(path) in run.out.split("options:")[0]
    assert not re.search(r"--[a-z-]+ [A-Z]+_[A-Z_]+", run.out), "metavars must be readable"


def test_the_top_level_help_says_what_attune_is_with_examples() -> None:
    out = attune("--help").out.split("positional arguments:")[0]
    assert "voice-first companion" in out and "examples:\n  attune evening\n" in out


def test_session_help_shows_readable_metavars_and_the_rate_range() -> None:
    out = attune("evening", "--help").out
    assert "--max-turns N" in out and "MAX_TURNS" not in out
    assert "60 to 400" in out


def test_an_unknown_flag_prints_that_subcommands_usage() -> None:
    run = attune("evening", "--bogus")
    assert run.code == 2 and "Traceback" not in run.err
    assert run.err.startswith("usage: attune evening")
    assert "attune evening: error: unrecognized arguments: --bogus" in run.err


def _all_subclasses(cls: "type[AttuneError]") -> "list[type[AttuneError]]":
    return [cls, *(sub for child in cls.__subclasses__() for sub in _all_subclasses(child))]


def test_the_exit_codes_in_the_help_and_the_readme_are_the_ones_the_code_returns() -> None:
    """The two tables say the same, code for code and word for word, and hold exactly the
    codes attune can end with: its errors' codes, argparse's 2, and the stopping signals."""
    import signal

    from assistant.errors import AudioError

    out = attune("--help").out.split("exit codes:\n", 1)[1]
    in_help = dict(re.findall(r"^  (\d+(?:, \d+)*) {2,}(.+)$", out, re.MULTILINE))
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    table = readme.split("### Exit codes", 1)[1].split("\n\n", 2)[1]
    in_readme = dict(re.findall(r"^\| (\d+(?:, \d+)*) \| (.+) \|$", table, re.MULTILINE))
    assert in_help == in_readme
    documented = {int(code) for codes in in_help for code in codes.split(", ")}
    stops = {128 + int(s) for s in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM)}
    raised = {cls.exit_code for cls in _all_subclasses(AttuneError)}
    assert documented == {0, 2} | raised | stops
    assert AudioError.exit_code == 8 and "audio file" in in_help["8"]
    assert "journal" in in_help["7"] and "command line" in in_help["2"]


def test_respond_json_for_a_crisis_carries_structured_resources() -> None:
    said = "I have the pills ready and I'm going to end my life tonight."
    run = attune("respond", "--text", said, "--json", "--no-speak")
    assert run.code == 0, run.err
    result = json.loads(run.out)
    assert result["safety"]["level"] == "crisis"
    names = {r["name"]: r for r in result["resources"]}
    lifeline = names["988 Suicide & Crisis Lifeline"]
    assert lifeline == {
        "name": "988 Suicide & Crisis Lifeline",
        "phone": "988",
        "text": "988",
        "url": "988lifeline.org",
        "region": "US",
    }
    assert all(set(r) == {"name", "phone", "text", "url", "region"} for r in result["resources"])
    calm = json.loads(
        attune("respond", "--text", "I feel far from him.", "--json", "--no-speak").out
    )
    assert "resources" not in calm


def test_the_readable_part_of_a_damaged_journal_is_recovered_into_a_new_file(
    attune_home: Path,
) -> None:
    with Journal.open() as journal:
        for s in range(3):
            sid = journal.start_session("evening", [])
            for n in range(20):
                say(journal, sid, f"evening {s} words {n} " * 20)
            journal.add_commitment(sid, None, f"call my sister {s}")
            journal.end_session(sid, f"summary {s}")
    data = bytearray(default_path().read_bytes())
    data[3 * 4096 : 3 * 4096 + 256] = b"\xff" * 256  # an interior page of the turns table
    default_path().write_bytes(bytes(data))
    before = default_path().read_bytes()
    assert attune("history").code == 7

    run = attune("journal", "recover")
    assert run.code == 0, run.err
    assert default_path().read_bytes() == before, "the damaged journal must be left untouched"
    (copy,) = attune_home.glob("journal-recovered-*.sqlite3")
    assert (copy.stat().st_mode & 0o777) == 0o600
    with Journal.open(copy) as rescued:
        records = rescued.all_sessions()
    assert [r.session.summary for r in records] == ["summary 0", "summary 1", "summary 2"]
    assert [len(r.turns) for r in records] == [20, 20, 20]
    assert records[1].turns[4].transcript == "evening 1 words 4 " * 20
    assert [c.text for r in records for c in r.commitments] == [
        f"call my sister {s}" for s in range(3)
    ]
    assert "Recovered 3 session(s), 60 turn(s)" in run.out and "untouched" in run.out


def test_recover_refuses_to_overwrite_and_needs_a_journal(tmp_path: Path) -> None:
    assert "nothing to recover" in attune("journal", "recover").err
    Journal.open().close()
    taken = tmp_path / "taken.sqlite3"
    sqlite3.connect(taken).close()
    run = attune("journal", "recover", "--out", str(taken))
    assert run.code == 1 and "already exists" in run.err


def test_recovering_a_sound_journal_does_not_call_it_damaged(tmp_path: Path) -> None:
    with Journal.open() as journal:
        say(journal, journal.start_session("evening", []), "I miss how we used to talk")
    run = attune("journal", "recover", "--out", str(tmp_path / "copy.sqlite3"))
    assert run.code == 0, run.err
    assert "Recovered 1 session(s), 1 turn(s)" in run.out
    assert "is not damaged" in run.out and "damaged journal" not in run.out
