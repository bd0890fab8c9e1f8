"""Typed input: one utterance per line (a pipe works, so sessions can be scripted).

Lines are read as bytes and decoded here, so nothing a person types can stop a session:
UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read as
text; bytes that are not text (a Latin-1 "é", a stray binary byte, control characters) are
replaced with "�" and reported once per line; CRLF line ends are removed.
"""

import codecs
import contextlib
import io
import re
import sys
from collections.abc import Callable, Iterator
from typing import IO, TextIO, cast

from assistant.errors import AttuneError
from assistant.flows.base import Utterance

Note = Callable[[str], None]
REPLACEMENT = "\ufffd"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
NO_STDIN = (
    "There is no standard input to read from (it is closed); type at a terminal or pipe "
    "text in, for example: echo 'I feel far from him' | attune {command}."
)


def clean_line(text: str) -> tuple[str, bool]:
    """A decoded line without its line end and control characters; True when any were
    replaced (tabs become spaces)."""
    text = text.rstrip("\r\n").replace("\t", " ")
    cleaned = _CONTROL.sub(REPLACEMENT, text)
    return cleaned, cleaned != text or REPLACEMENT in text


def decode_line(raw: bytes) -> tuple[str, bool]:
    """A line of UTF-8 bytes as text; True when bytes that are not text were replaced."""
    try:
        text, bad = raw.decode("utf-8"), False
    except UnicodeDecodeError:
        text, bad = raw.decode("utf-8", errors="replace"), True
    cleaned, replaced = clean_line(text)
    return cleaned, bad or replaced


class TextLines:
    """Lines of text from a byte stream, in whichever encoding its first bytes announce."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self._decoder: codecs.IncrementalDecoder | None = None
        self._started = False
        self._pending = ""

    def readline(self) -> tuple[str, bool] | None:
        """The next line and whether bytes were replaced in it; None at end of input."""
        if not self._started:
            self._start()
        if self._decoder is None:
            raw = self.stream.readline()
            return None if not raw else decode_line(raw)
        return self._utf16_line()

    def _start(self) -> None:
        """Look at the first bytes for a byte-order mark, and skip it."""
        self._started = True
        peek = getattr(self.stream, "peek", None)
        head = peek(4)[:4] if peek is not None else b""
        for bom, encoding in _BOMS:
            if head.startswith(bom):
                self.stream.read(len(bom))
                self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
                return
        if head.startswith(codecs.BOM_UTF8):
            self.stream.read(len(codecs.BOM_UTF8))

    def _utf16_line(self) -> tuple[str, bool] | None:
        assert self._decoder is not None
        while "\n" not in self._pending:
            chunk = self.stream.read1(512) if hasattr(self.stream, "read1") else b""
            self._pending += self._decoder.decode(chunk, final=not chunk)
            if not chunk:
                break
        if not self._pending:
            return None
        line, newline, self._pending = self._pending.partition("\n")
        return clean_line(line + newline)


class _EncodedText(io.RawIOBase):
    """A text stream (one a test or an embedding program put in sys.stdin) read as bytes."""

    def __init__(self, text: TextIO) -> None:
        self.text = text

    def readline(self, size: int | None = -1) -> bytes:
        return self.text.readline().encode("utf-8", errors="surrogateescape")

    def isatty(self) -> bool:
        return self.text.isatty()


def stdin_lines(command: str) -> TextLines:
    """Standard input as TextLines; a closed stdin is a clear AttuneError."""
    if sys.stdin is None:
        raise AttuneError(NO_STDIN.format(command=command))
    stream = getattr(sys.stdin, "buffer", None)
    return TextLines(stream if stream is not None else cast(IO[bytes], _EncodedText(sys.stdin)))


def replaced_note(number: int, has_text: bool = True) -> str:
    """What a person is told when a line held bytes that are not text."""
    if not has_text:
        return f"Line {number} held no text, only bytes that are not text; it was skipped."
    return (
        f"Line {number} had characters that are not text (not UTF-8); they are shown as "
        f"{REPLACEMENT} and the rest of the line was kept."
    )


class TypedInput:
    """An UtteranceSource reading lines; blank lines are skipped, end of input ends it."""

    def __init__(
        self, lines: TextLines | None = None, prompt: str = "", note: Note | None = None
    ) -> None:
        self.lines = lines or stdin_lines("evening --text")
        is_tty = getattr(self.lines.stream, "isatty", lambda: False)()
        self.prompt = prompt if is_tty else ""
        self.note = note or (lambda line: print(f"attune: {line}", file=sys.stderr))
        self.number = 0

    def next_utterance(self) -> Utterance | None:
        """The next non-blank line, or None at end of input."""
        while True:
            if self.prompt:
                sys.stdout.write(self.prompt)
                sys.stdout.flush()
            found = self.lines.readline()
            if found is None:
                return None
            self.number += 1
            text, replaced = found
            text = " ".join(text.split())
            has_text = bool(text.strip(REPLACEMENT + " "))
            if replaced:
                self.note(replaced_note(self.number, has_text))
            if has_text:
                return Utterance(text=text)

    @contextlib.contextmanager
    def speaking(self) -> Iterator[None]:
        """Typed input never hears attune, so nothing needs ignoring."""
        yield


def from_argv(text: str) -> tuple[str, bool]:
    """A command-line argument as text: bytes that were not UTF-8 (kept by Python as lone
    surrogates) become "�"; True when any were replaced."""
    raw = text.encode("utf-8", errors="surrogateescape")
    return decode_line(raw)
