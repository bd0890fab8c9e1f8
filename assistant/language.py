"""The parsed form of a sentence, and the small port that produces it (pure).

The adapter (assistant.adapters.language) fills it from spaCy; reflections and the grammar
check read it when one is given and fall back to word rules when not.
"""

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Word:
    """One token: its text, Penn tag ("VBD"), coarse part of speech ("VERB"), dependency
    label ("nsubj"), index of its head within the sentence, and lemma."""

    text: str
    tag: str
    pos: str
    dep: str
    head: int
    lemma: str
    space: str = " "
    """The whitespace that followed the word in the text ("" before "n't")."""


def join(sentences: list["Sentence"]) -> str:
    """Parsed words back into text as they were written."""
    return "".join(w.text + w.space for s in sentences for w in s).strip()


Sentence = tuple[Word, ...]


class Parser(Protocol):
    """Splits text into sentences of tagged, dependency-parsed words."""

    def parse(self, text: str) -> list[Sentence]: ...


class Inflector(Protocol):
    """Gives a verb in another form ("listen", "VBZ" -> "listens") or its base form."""

    def inflect(self, lemma: str, tag: str) -> str | None: ...

    def lemma(self, verb: str) -> str | None:
        """The base form of a verb ("telling" -> "tell"); None when unknown."""
        ...


VERB_POS = frozenset({"VERB", "AUX"})


def has_verb(sentence: Sentence) -> bool:
    """Whether a parsed sentence holds any verb; an empty sentence has none."""
    return any(w.pos in VERB_POS for w in sentence)
