"""The grammar-and-person check catches the broken lines attune used to say (issue 12)."""

import pytest

from assistant.adapters.language import load_parser
from assistant.grammar import line_problems, reflection_problems, reverses
from assistant.language import Parser


@pytest.fixture(scope="module")
def parser() -> Parser:
    loaded = load_parser()
    assert loaded is not None, "spaCy's en_core_web_sm is a dependency; run make venv"
    return loaded


BROKEN_LINES = (
    "Let me say it back: you just don't say anything and then you're why am you even upset.",
    "It sounds like he just kind of said oh they're wearing that.",
    "The step you named is to that. Telling her. you just said it.",
    "Tom, you said you'd every night before bed you'll tell Maya where you were.",
    "Rosa will they'll tell him.",
    "And you said you'll the dishes.",
)


@pytest.mark.parametrize("line", BROKEN_LINES)
def test_each_broken_line_from_the_issue_is_caught(line: str, parser: Parser) -> None:
    assert line_problems(line, parser) != []


@pytest.mark.parametrize("line", BROKEN_LINES)
def test_broken_lines_are_caught_without_spacy_too(line: str) -> None:
    assert line_problems(line) != []


@pytest.mark.parametrize(
    ("reflection", "partner", "source", "problem"),
    [
        ("you just told them", "Tom", "I just told you", "'them' for a named partner"),
        ("you felt like my idea was stupid", None, None, "first person left"),
        ("you needed alone", None, None, "need with no object"),
        ("the dishes again", None, None, "clause with no verb"),
        ("you'd every night you'll tell her", None, None, "dangling modal"),
        ("you felt small when they laughed at your idea " * 3, None, None, "too long"),
        ("", None, None, "empty or cut-off clause"),
        ("you wanted to tell him about the", None, None, "empty or cut-off clause"),
    ],
)
def test_a_bad_reflection_is_named(
    reflection: str, partner: str | None, source: str | None, problem: str, parser: Parser
) -> None:
    assert problem in reflection_problems(reflection, partner, source, parser)


@pytest.mark.parametrize(
    "line",
    [
        "It sounds like you felt small when they laughed at your idea.",
        'It sounds like he said "oh you\'re wearing that" and you went quiet.',
        "Tom, you said that you'll tell Maya where you were every night before bed.",
        "Goodnight.",
        "Thank you for telling me.",
    ],
)
def test_good_lines_pass(line: str, parser: Parser) -> None:
    assert line_problems(line, parser) == []


@pytest.mark.parametrize(
    ("said", "back"),
    [
        ("Not needed. Feel. Alone.", "you needed alone"),
        ("I'm not angry, I'm hurt", "you're angry"),
        ("He never listens", "he listens"),
        ("i dont trust her", "you trust her"),
    ],
)
def test_a_reflection_that_drops_a_negation_reverses_it(said: str, back: str) -> None:
    assert reverses(said, back)


def test_a_reflection_keeping_the_negation_does_not_reverse_it() -> None:
    assert not reverses("I'm not angry, I'm hurt", "you're not angry, you're hurt")
    assert not reverses("she said she's fine but she's not fine", "she's not fine")
