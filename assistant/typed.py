"""Typed input: one utterance per line (a pipe works, so sessions can be scripted).

Lines are read as bytes and decoded here, so nothing a person types can stop a session:
UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read as
text; bytes that are not text (a Latin-1 "é", a stray binary byte, control characters) are
replaced with "�" and reported once per line; CRLF line ends are removed. A line longer than
MAX_PART_CHARS is taken in pieces, so memory stays bounded whatever is piped in.
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


MAX_PART_CHARS = 16_384
"""The longest piece of one line taken as one text (about 2,500 words, well over ten minutes
of speech). A longer line is read in pieces of about this size, split between words, so input
with no line ends (a binary file, /dev/zero) never fills memory and no word is dropped."""


class TextLines:
    """Lines of text from a byte stream, in whichever encoding its first bytes announce."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self._decoder: codecs.IncrementalDecoder = codecs.getincrementaldecoder("utf-8")(
            errors="replace"
        )
        self._started = False
        self._pending = ""
        self._ended = False
        self.number = 0
        """The number of the line the last piece came from (1 for the first line)."""
        self._continues = False
        self._told: set[str] = set()

    def next_part(self) -> tuple[str, list[str]] | None:
        """The next line, or the next piece of an over-long one, with the notes a person
        needs about it (each said once per line); None at end of input."""
        found = self._next_piece()
        if found is None:
            return None
        piece, cut = found
        if not self._continues:
            self.number += 1
            self._told = set()
        self._continues = cut
        text, replaced = clean_line(piece)
        notes = []
        if cut and "long" not in self._told:
            self._told.add("long")
            notes.append(long_note(self.number))
        has_text = bool(text.strip(REPLACEMENT + " "))
        if replaced and "replaced" not in self._told:
            self._told.add("replaced")
            notes.append(replaced_note(self.number, has_text or cut))
        return text, notes

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

    def _next_piece(self) -> tuple[str, bool] | None:
        """Text up to and including the next line end, or at most MAX_PART_CHARS of it
        (True: the line goes on); None at end of input."""
        if not self._started:
            self._start()
        while "\n" not in self._pending and len(self._pending) < MAX_PART_CHARS:
            if self._ended:
                break
            chunk = self._read()
            self._pending += self._decoder.decode(chunk, final=not chunk)
            self._ended = not chunk
        if not self._pending:
            return None
        if "\n" in self._pending[:MAX_PART_CHARS]:
            line, newline, self._pending = self._pending.partition("\n")
            return line + newline, False
        if len(self._pending) < MAX_PART_CHARS:  # the last line, without a line end
            line, self._pending = self._pending, ""
            return line, False
        piece, self._pending = split_between_words(self._pending, MAX_PART_CHARS)
        return piece, True

    def _read(self) -> bytes:
        """Some bytes: a typed line at a terminal, up to a buffer's worth from a pipe."""
        read1 = getattr(self.stream, "read1", None)
        if read1 is not None:
            return bytes(read1(4096))
        return bytes(self.stream.readline(4096))


def split_between_words(text: str, limit: int) -> tuple[str, str]:
    """The first at most `limit` characters, cut after the last space in their second half
    (or at the limit when there is none), and the rest."""
    at = text.rfind(" ", limit // 2, limit)
    cut = at + 1 if at >= 0 else limit
    return text[:cut], text[cut:]


class _EncodedText(io.RawIOBase):
    """A text stream (one a test or an embedding program put in sys.stdin) read as bytes."""

    def __init__(self, text: TextIO) -> None:
        self.text = text

    def readline(self, size: int | None = -1) -> bytes:
        return self.text.readline(-1 if size is None else size).encode(
            "utf-8", errors="surrogateescape"
        )

    def isatty(self) -> bool:
        return self.text.isatty()


def stdin_lines(command: str) -> TextLines:
    """Standard input as TextLines; a closed stdin is a clear AttuneError."""
    if sys.stdin is None:
        raise AttuneError(NO_STDIN.format(command=command))
    stream = getattr(sys.stdin, "buffer", None)
    return TextLines(stream if stream is not None else cast(IO[bytes], _EncodedText(sys.stdin)))


def long_note(number: int) -> str:
    """What a person is told when a line is too long to be taken as one text."""
    return (
        f"Line {number} is longer than {MAX_PART_CHARS:,} characters, so it is taken in "
        "pieces of about that size, split between words; nothing is left out."
    )


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

    def next_utterance(self) -> Utterance | None:
        """The next non-blank line (or piece of an over-long one), or None at end of input."""
        while True:
            if self.prompt:
                sys.stdout.write(self.prompt)
                sys.stdout.flush()
            found = self.lines.next_part()
            if found is None:
                return None
            text, notes = found
            for note in notes:
                self.note(note)
            text = " ".join(text.split())
            if text.strip(REPLACEMENT + " "):
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
