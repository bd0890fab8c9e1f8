"""Where the sentences of an utterance are, as character spans (pure)."""

import re

_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*")
CHUNK_WORDS = 24
"""An unpunctuated run-on (as Whisper often prints one) is read in pieces of this many words."""
MAX_SPANS = 12


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the sentences in ``text``; one sentence or none gives []."""
    spans = [_strip(text, m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    spans = [span for span in spans if span[1] > span[0]]
    pieces = [piece for span in spans for piece in _chunks(text, span)]
    return pieces[:MAX_SPANS] if len(pieces) > 1 else []


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _chunks(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A long sentence cut into word chunks; a short one as it is."""
    words = list(re.finditer(r"\S+", text[span[0] : span[1]]))
    if len(words) <= CHUNK_WORDS * 3 // 2:
        return [span]
    starts = range(0, len(words), CHUNK_WORDS)
    return [
        (span[0] + words[i].start(), span[0] + words[min(i + CHUNK_WORDS, len(words)) - 1].end())
        for i in starts
    ]
