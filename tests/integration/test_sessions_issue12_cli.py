"""Issue 12's sessions through the real command line: typed, captions only, real journal."""

import tomllib
from pathlib import Path

import pytest

from assistant.journal import Journal
from tests.support import attune

SESSIONS = {
    s["id"]: s
    for s in tomllib.loads(
        (Path(__file__).resolve().parents[1] / "data" / "sessions_issue12.toml").read_text()
    )["session"]
}


def _typed(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def _spoken(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("attune: ")]


@pytest.mark.parametrize(
    "name",
    [
        "ev-correction-fragments",
        "ev-told-you",
        "ev-step-named-early",
    ],
)
def test_an_evening_of_corrections_and_named_steps_reaches_its_close(
    attune_home: Path, name: str
) -> None:
    run = attune("evening", "--text", "--no-voice", stdin=_typed(*SESSIONS[name]["lines"]))
    assert run.code == 0, run.err
    spoken = _spoken(run.out)
    assert "stop the exercise" not in run.out and len(spoken) == len(set(spoken))
    if "step_confirmed" in SESSIONS[name]["expect"]:
        named = next(i for i, line in enumerate(spoken) if "say sorry to him" in line)
        assert not any("step" in line and "?" in line for line in spoken[named + 1 :])
    with Journal.open(attune_home / "journal.sqlite3") as journal:
        (record,) = journal.all_sessions()
        assert len(record.commitments) == 1
        assert not any(t.crisis for t in record.turns)


def test_a_couple_with_a_stuck_listener_gets_a_scaffold_and_is_asked_how_it_landed(
    attune_home: Path,
) -> None:
    script = SESSIONS["cp-dont-know-mirror"]["lines"]
    run = attune("couple", "Maya", "Tom", "--text", "--no-voice", stdin=_typed(*script))
    assert run.code == 0, run.err
    assert "Maya said" in run.out and "whole list" in run.out
    with Journal.open(attune_home / "journal.sqlite3") as journal:
        (record,) = journal.all_sessions()
        steps = [t.step for t in record.turns]
    assert "scaffold" in steps and "validation_landed" in steps
    landed = next(t for t in record.turns if t.step == "validation_landed")
    assert landed.speaker == "Tom" and "Maya, " in landed.reply  # asked of the speaker


def test_after_the_care_reply_i_am_safe_goes_back_to_the_tiredness(attune_home: Path) -> None:
    lines = [
        "Some nights I think about ending my life.",
        "I'm safe. Really. I just wanted to talk about being tired.",
        "Yes.",
    ]
    run = attune("evening", "--text", "--no-voice", stdin=_typed(*lines))
    assert run.code == 0, run.err
    after = run.out.split("being tired.", 1)[1]
    assert "988" in run.out and "stop the exercise" not in run.out
    assert "glad you're safe" in after and "being tired" in after
    with Journal.open(attune_home / "journal.sqlite3") as journal:
        (record,) = journal.all_sessions()
        assert [t.crisis for t in record.turns] == [True, False, False]


def test_after_the_care_reply_real_risk_gets_presence_and_next_steps(attune_home: Path) -> None:
    lines = [
        "He pushed me into the wall last night.",
        "He's at the gym right now. I'm okay tonight. I just don't know what to do.",
    ]
    run = attune("evening", "--text", "--no-voice", stdin=_typed(*lines))
    assert run.code == 0, run.err
    last = run.out.split("I just don't know what to do.", 1)[1]
    assert "I'm here with you" in last and "safety plan" in last
    assert "emergency number" in last and "forget this session" in last
    assert "stop the exercise" not in run.out


def test_an_evening_that_went_well_closes_with_hope_and_no_hurt(attune_home: Path) -> None:
    run = attune(
        "evening",
        "--text",
        "--no-voice",
        stdin=_typed(*SESSIONS["ev-positive-breakfast"]["lines"]),
    )
    assert run.code == 0, run.err
    spoken = _spoken(run.out)
    close = spoken[-1]
    assert "hope" in close and "leave her a note on the fridge tomorrow" in close
    hurt = ("hurt", "worr", "sad", "mistrust", "fear", "anger", "shame", "responsible", "sore")
    assert not any(word in close.lower() for word in hurt), close
    assert not any(word in spoken[1].lower() for word in hurt), spoken[1]


def test_in_couple_mode_i_am_safe_after_the_care_reply_goes_back_to_the_tiredness(
    attune_home: Path,
) -> None:
    lines = [
        "Yes.",
        "Yes.",
        "Some nights I think about ending my life.",
        "I'm safe. Really. I just wanted to talk about being tired.",
        "What I heard is you're tired.",
        "Yes.",
    ]
    run = attune("couple", "Maya", "Tom", "--text", "--no-voice", stdin=_typed(*lines))
    assert run.code == 0, run.err
    after = run.out.split("being tired.", 1)[1]
    assert "988" in run.out and "glad you're safe" in after and "being tired" in after
    assert "Tom, " in _spoken(after)[0]  # the listener is asked to mirror the tiredness
    with Journal.open(attune_home / "journal.sqlite3") as journal:
        (record,) = journal.all_sessions()
        assert [t.crisis for t in record.turns][2:4] == [True, False]
        assert len(record.turns) == len(lines)  # every line was answered, none cut off


def test_in_couple_mode_real_risk_after_the_care_reply_gets_presence_not_a_stop(
    attune_home: Path,
) -> None:
    lines = [
        "Yes.",
        "Yes.",
        "He pushed me into the wall last night.",
        "He's at the gym right now. I'm okay tonight. I just don't know what to do.",
    ]
    run = attune("couple", "Maya", "Tom", "--text", "--no-voice", stdin=_typed(*lines))
    assert run.code == 0, run.err
    last = run.out.split("I just don't know what to do.", 1)[1]
    assert "I'm here with you" in last and "safety plan" in last
    assert "emergency number" in last and "forget this session" in last
    assert "between you" not in last and "each other" not in last  # no joint summary
