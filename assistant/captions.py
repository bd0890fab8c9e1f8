"""Captions of every line heard and spoken, as plain lines screen readers read cleanly."""

import sys
from typing import TextIO


class Captions:
    """Print who said what, one plain line each, flushed at once."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout

    def heard(self, who: str | None, text: str) -> None:
        """A line the person said (or typed)."""
        self._line(f"{who or 'you'}: {text}")

    def said(self, text: str) -> None:
        """A line attune says."""
        self._line(f"attune: {text}")

    def note(self, text: str) -> None:
        """A status line (not spoken)."""
        self._line(f"[{text}]")

    def _line(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()
