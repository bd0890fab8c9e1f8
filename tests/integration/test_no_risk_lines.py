"""The no-risk lines of issue 12's sessions against today's gates: no new false alarms.

The file records what the patterns and the live gate (patterns + real MiniLM) say about each
line; a line flagged now that the file records as clear fails, so the lead can re-run a new
gate over the same lines and see exactly what it still stops.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.adapters.embedding import MiniLmEmbedder
from assistant.safety import SafetyCheck
from assistant.safety import check as pattern_check
from assistant.safety.semantic import SemanticGate, combined_check

LINES = Path(__file__).resolve().parents[1] / "data" / "no_risk_session_lines.tsv"
ROWS = [
    tuple(line.split("\t"))
    for line in LINES.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def _verdict(check: SafetyCheck) -> str:
    return "clear" if check.kind is None else f"{check.level.value}:{check.kind.value}"


@pytest.fixture(scope="module")
def gate() -> Iterator[SemanticGate]:
    semantic = SemanticGate(MiniLmEmbedder())
    semantic.load()
    yield semantic


def test_the_file_holds_every_line_of_the_scripted_sessions() -> None:
    import tomllib

    sessions = tomllib.loads((LINES.parent / "sessions_issue12.toml").read_text())["session"]
    texts = {text for *_, text in ROWS}
    assert {line for s in sessions for line in s["lines"]} <= texts
    assert len(ROWS) >= 180


def test_the_patterns_raise_no_alarm_beyond_the_recorded_ones() -> None:
    new = [text for patterns, _, text in ROWS if patterns == "clear" and pattern_check(text).kind]
    assert new == []


def test_the_live_gate_raises_no_alarm_beyond_the_recorded_ones(gate: SemanticGate) -> None:
    flagged = {text: _verdict(combined_check(text, gate)) for *_, text in ROWS}
    new = [text for _, live, text in ROWS if live == "clear" and flagged[text] != "clear"]
    assert new == []
    recorded = sum(live != "clear" for _, live, _ in ROWS)
    assert recorded <= 6  # what it was when this file was written; lower is better
