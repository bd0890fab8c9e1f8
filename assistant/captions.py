"""Captions of every line heard and spoken: plain lines, or large high-contrast blocks.

Styles: "plain" prints `who: text` lines; "large" prints each line as a block with the
speaker's name in capitals, wrapped to a readable width; "off" prints no speech at all but
still prints notes (safety resources, status), because those must never be lost. Styling
(bold, reverse video) is used only when the stream is a terminal and NO_COLOR is not set;
otherwise output is plain text with no escape codes, so screen readers read it cleanly.
"""

import os
import sys
import textwrap
from typing import Literal, TextIO

CaptionStyle = Literal["plain", "large", "off"]

READABLE_WIDTH = 64
"""Widest a large caption's text runs, in characters, however wide the terminal is."""
MIN_WIDTH = 20
INDENT = "  "

BOLD = "\x1b[1m"
HEADER = "\x1b[1;7m"
"""Bold reverse video: the speaker's name as a solid high-contrast bar."""
RESET = "\x1b[0m"


def plain_output(stream: TextIO | None = None) -> bool:
    """True when output must be plain text: not a terminal, NO_COLOR set, or TERM=dumb."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR", "") != "" or os.environ.get("TERM") == "dumb":
        return True
    try:
        return not stream.isatty()
    except (AttributeError, ValueError, OSError):
        return True


class Captions:
    """Print who said what, flushed at once, in the chosen style."""

    def __init__(self, stream: TextIO | None = None, style: CaptionStyle = "plain") -> None:
        if style not in ("plain", "large", "off"):
            raise ValueError(f"unknown caption style {style!r}")
        self.stream = stream or sys.stdout
        self.style: CaptionStyle = style
        self.styled = not plain_output(self.stream)

    def heard(self, who: str | None, text: str) -> None:
        """A line the person said (or typed)."""
        self._speech(who or "you", text)

    def said(self, text: str) -> None:
        """A line attune says."""
        self._speech("attune", text)

    def note(self, text: str) -> None:
        """A status line (not spoken); shown in every style, even "off"."""
        if self.style == "large":
            self._block("note", text)
        else:
            self._write(f"[{text}]\n")

    def _speech(self, who: str, text: str) -> None:
        if self.style == "plain":
            self._write(f"{who}: {text}\n")
        elif self.style == "large":
            self._block(who, text)

    def _block(self, who: str, text: str) -> None:
        """A blank line, the name in capitals, the text wrapped and indented, a blank line."""
        lines = textwrap.wrap(text, self._width(), break_on_hyphens=False) or [""]
        if self.styled:
            header = f"{HEADER} {who.upper()} {RESET}"
            body = [f"{INDENT}{BOLD}{line}{RESET}" for line in lines]
        else:
            header = f"{who.upper()}:"
            body = [INDENT + line for line in lines]
        self._write("\n" + "\n".join([header, *body]) + "\n\n")

    def _width(self) -> int:
        """Text width for large captions: the terminal's width, capped at READABLE_WIDTH."""
        columns = 80
        if self.styled:
            try:
                columns = os.get_terminal_size(self.stream.fileno()).columns
            except (AttributeError, ValueError, OSError):
                columns = 80
        return max(MIN_WIDTH, min(READABLE_WIDTH, columns - len(INDENT) - 1))

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()
