"""The no-risk lines of issue 12's sessions through the live reading: few alarms, no stops.

Every line in the file holds no risk. The patterns alone must stay silent on all of them; the
live reading (learned head + patterns, as a session reads) may ask (check_in) on at most one
line in five and call at most one in twenty a crisis — issue 11's bars for calm lines.
"""

from pathlib import Path

import pytest

from assistant.adapters.embedding import MiniLmEmbedder
from assistant.reading import Reader
from assistant.safety import check as pattern_check
from assistant.safety.types import SafetyLevel

pytestmark = pytest.mark.model
LINES = Path(__file__).resolve().parents[1] / "data" / "no_risk_session_lines.tsv"
ROWS = [
    tuple(line.split("\t"))
    for line in LINES.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def test_the_file_holds_every_line_of_the_scripted_sessions() -> None:
    import tomllib

    sessions = tomllib.loads((LINES.parent / "sessions_issue12.toml").read_text())["session"]
    texts = {text for *_, text in ROWS}
    assert {line for s in sessions for line in s["lines"]} <= texts
    assert len(ROWS) >= 180


def test_the_patterns_raise_no_alarm_on_any_line() -> None:
    assert [text for *_, text in ROWS if pattern_check(text).crisis] == []


def test_the_live_reading_rarely_asks_and_almost_never_stops() -> None:
    reader = Reader(MiniLmEmbedder())
    levels = [reader.check(text).level for *_, text in ROWS]
    crisis = sum(level is SafetyLevel.CRISIS for level in levels)
    asked = sum(level is SafetyLevel.CHECK_IN for level in levels)
    assert crisis <= len(ROWS) / 20, crisis
    assert asked <= len(ROWS) / 5, asked
