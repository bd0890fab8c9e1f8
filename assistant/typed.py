"""Typed input: one utterance per line (a pipe works, so sessions can be scripted)."""

import contextlib
import sys
from collections.abc import Iterator
from typing import TextIO

from assistant.flows.base import Utterance


class TypedInput:
    """An UtteranceSource reading lines; blank lines are skipped, end of input ends it."""

    def __init__(self, stream: TextIO | None = None, prompt: str = "") -> None:
        self.stream = stream or sys.stdin
        self.prompt = prompt if self.stream.isatty() else ""

    def next_utterance(self) -> Utterance | None:
        """The next non-blank line, or None at end of input."""
        while True:
            if self.prompt:
                sys.stdout.write(self.prompt)
                sys.stdout.flush()
            line = self.stream.readline()
            if not line:
                return None
            text = line.strip()
            if text:
                return Utterance(text=text)

    @contextlib.contextmanager
    def speaking(self) -> Iterator[None]:
        """Typed input never hears attune, so nothing needs ignoring."""
        yield
