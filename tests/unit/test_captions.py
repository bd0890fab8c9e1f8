"""Captions: plain for screen readers, large high-contrast blocks for people who cannot hear."""

import io
import os

import pytest

from assistant.captions import READABLE_WIDTH, Captions, plain_output

STYLES = ("plain", "large", "off")
LONG = (
    "It sounds like the evening left you feeling unseen, as if what you needed most went "
    "unnoticed by the person you most wanted to notice it, and that hurts."
)


class FakeTerminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def colour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """An environment where styling is allowed: NO_COLOR unset, an ordinary TERM."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


def _conversation(captions: Captions) -> None:
    captions.said("What from today is still sitting with you?")
    captions.heard(None, "I keep replaying the fight.")
    captions.heard("Sam", "I felt forgotten.")
    captions.said(LONG)
    captions.note("Samaritans: call 116 123 free, any time")


def test_plain_captions_are_one_who_colon_text_line_each(colour_terminal: None) -> None:
    out = io.StringIO()
    _conversation(Captions(out))
    assert out.getvalue().splitlines() == [
        "attune: What from today is still sitting with you?",
        "you: I keep replaying the fight.",
        "Sam: I felt forgotten.",
        f"attune: {LONG}",
        "[Samaritans: call 116 123 free, any time]",
    ]


@pytest.mark.parametrize("style", STYLES)
def test_output_that_is_not_a_terminal_carries_no_escape_codes(
    style: str, colour_terminal: None
) -> None:
    out = io.StringIO()
    _conversation(Captions(out, style=style))  # type: ignore[arg-type]
    assert "\x1b" not in out.getvalue()
    assert "\r" not in out.getvalue()


@pytest.mark.parametrize("style", STYLES)
def test_no_color_is_honoured_even_on_a_terminal(
    style: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    out = FakeTerminal()
    _conversation(Captions(out, style=style))  # type: ignore[arg-type]
    assert "\x1b" not in out.getvalue()
    assert "Samaritans" in out.getvalue()


def test_a_dumb_terminal_gets_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "dumb")
    out = FakeTerminal()
    _conversation(Captions(out, style="large"))
    assert "\x1b" not in out.getvalue()


def test_large_captions_on_a_terminal_use_bold_reverse_headers(colour_terminal: None) -> None:
    out = FakeTerminal()
    Captions(out, style="large").heard("Sam", "I felt forgotten.")
    text = out.getvalue()
    assert "\x1b[1;7m SAM \x1b[0m" in text
    assert "\x1b[1mI felt forgotten.\x1b[0m" in text
    assert text.startswith("\n") and text.endswith("\n\n"), "each caption stands apart"


def test_large_captions_without_a_terminal_are_blocks_with_a_capital_name(
    colour_terminal: None,
) -> None:
    out = io.StringIO()
    captions = Captions(out, style="large")
    captions.heard(None, "I keep replaying the fight.")
    captions.said("Thank you.")
    assert out.getvalue() == "\nYOU:\n  I keep replaying the fight.\n\n\nATTUNE:\n  Thank you.\n\n"


def test_large_captions_wrap_long_lines_to_a_readable_width_without_losing_words(
    colour_terminal: None,
) -> None:
    out = io.StringIO()
    Captions(out, style="large").said(LONG)
    body = [line for line in out.getvalue().splitlines() if line.startswith("  ")]
    assert len(body) > 1
    assert all(len(line) <= READABLE_WIDTH + 2 for line in body)
    assert " ".join(line.strip() for line in body) == LONG


def test_captions_off_hide_speech_but_keep_safety_notes(colour_terminal: None) -> None:
    out = io.StringIO()
    _conversation(Captions(out, style="off"))
    assert out.getvalue() == "[Samaritans: call 116 123 free, any time]\n"


def test_large_notes_are_shown_as_their_own_block(colour_terminal: None) -> None:
    out = io.StringIO()
    Captions(out, style="large").note("Emergency services: 999")
    assert out.getvalue() == "\nNOTE:\n  Emergency services: 999\n\n"


def test_plain_output_is_true_for_a_pipe_and_false_for_a_colour_terminal(
    colour_terminal: None,
) -> None:
    read_fd, write_fd = os.pipe()
    os.close(read_fd)
    with os.fdopen(write_fd, "w") as pipe:
        assert plain_output(pipe) is True
    assert plain_output(FakeTerminal()) is False


def test_plain_output_follows_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("NO_COLOR", "")
    assert plain_output(FakeTerminal()) is False, "an empty NO_COLOR does not count"
    monkeypatch.setenv("NO_COLOR", "yes")
    assert plain_output(FakeTerminal()) is True


def test_an_unknown_caption_style_is_refused() -> None:
    with pytest.raises(ValueError, match="caption style"):
        Captions(io.StringIO(), style="huge")  # type: ignore[arg-type]
