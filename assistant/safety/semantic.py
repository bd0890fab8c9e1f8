"""A semantic second opinion for the safety gate: nearest written prototype by meaning.

The regex gate (``gate.check``) misses crisis statements in fresh wording. This layer embeds
the utterance and compares it with a bank of sentences attune's authors wrote: crisis
prototypes (with their kind) and calm ones (idioms, ordinary relationship pain). It fires when
the nearest crisis prototype is close enough in absolute terms *and* clearly closer than the
nearest calm one; the kind is that prototype's kind. Pure: the embedding model comes in
through the small ``Embedder`` protocol, so tests run with a fake one.

``combined_check`` runs the regex gate first and asks the semantic layer only when the regex
did not fire, so the regex's kind always wins. ``attune classify`` keeps the regex gate only
(it must not import onnxruntime); live sessions and ``respond`` use ``combined_check``.
"""

import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from assistant.config import MODELS_DIR
from assistant.errors import ModelError
from assistant.safety.gate import check as regex_check
from assistant.safety.types import SafetyCheck, SafetyKind

BANK_FILE = "semantic_bank.json"
VECTORS_FILE = "semantic_bank.npy"
SIMILARITY_MIN = 0.65
"""Cosine similarity the nearest crisis prototype must reach (chosen by leave-one-round-out)."""
MARGIN_MIN = 0.03
"""How much closer the nearest crisis prototype must be than the nearest calm one."""
MAX_PIECES = 6
"""Sentences of one utterance checked one by one (the longest first beyond this)."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    """Turns sentences into vectors (one row per text; rows need not be normalised)."""

    def embed(self, texts: list[str]) -> npt.ArrayLike:
        """One vector per text, in order."""
        ...


@dataclass(frozen=True)
class PrototypeBank:
    """Written sentences and their vectors; ``kinds[i]`` is None for a calm sentence."""

    texts: tuple[str, ...]
    kinds: tuple[SafetyKind | None, ...]
    vectors: Vectors

    def __post_init__(self) -> None:
        if not len(self.texts) == len(self.kinds) == len(self.vectors):
            raise ValueError("texts, kinds and vectors must have one row each")


@dataclass(frozen=True)
class Thresholds:
    """When the semantic layer fires (see SIMILARITY_MIN and MARGIN_MIN)."""

    similarity_min: float = SIMILARITY_MIN
    margin_min: float = MARGIN_MIN


def unit_rows(vectors: npt.ArrayLike) -> Vectors:
    """The rows scaled to length 1 (a zero row stays zero)."""
    array = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    return np.asarray(array / np.clip(norms, 1e-12, None), dtype=np.float32)


def pieces(text: str) -> list[str]:
    """The sentences of an utterance worth checking; blank text gives no pieces."""
    sentences = [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]
    return (
        sorted(sentences, key=len, reverse=True)[:MAX_PIECES] if len(sentences) > 1 else (sentences)
    )


def decide(vectors: npt.ArrayLike, bank: PrototypeBank, thresholds: Thresholds) -> SafetyCheck:
    """The verdict for an utterance's piece vectors: the piece most like a crisis decides."""
    rows = unit_rows(vectors)
    crisis = np.array([kind is not None for kind in bank.kinds])
    if rows.size == 0 or not crisis.any():
        return SafetyCheck()
    similarity = rows @ unit_rows(bank.vectors).T
    best_crisis = np.where(crisis, similarity, -np.inf).max(axis=1)
    best_calm = np.where(~crisis, similarity, -np.inf).max(axis=1) if (~crisis).any() else None
    margin = best_crisis - best_calm if best_calm is not None else best_crisis + np.inf
    fires = (best_crisis >= thresholds.similarity_min) & (margin >= thresholds.margin_min)
    if not fires.any():
        return SafetyCheck()
    piece = int(np.argmax(np.where(fires, best_crisis, -np.inf)))
    nearest = int(np.argmax(np.where(crisis, similarity[piece], -np.inf)))
    kind = bank.kinds[nearest]
    assert kind is not None
    evidence = [f"similar to: {bank.texts[nearest]}"]
    return SafetyCheck(crisis=True, kind=kind, evidence=evidence, kinds=[kind])


def load_bank(folder: Path) -> PrototypeBank:
    """The bank built by scripts/build_safety_semantic.py; missing or stale is a ModelError."""
    try:
        meta = json.loads((folder / BANK_FILE).read_text(encoding="utf-8"))
        vectors = np.load(folder / VECTORS_FILE).astype(np.float32)
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"The safety prototype bank in {folder} is missing or unreadable. "
            "Run '.venv/bin/python scripts/build_safety_semantic.py'."
        ) from exc
    rows = meta["prototypes"]
    if len(rows) != len(vectors):
        raise ModelError(
            f"The safety prototype bank in {folder} is out of date. "
            "Run '.venv/bin/python scripts/build_safety_semantic.py'."
        )
    kinds = tuple(SafetyKind(row["kind"]) if row["kind"] else None for row in rows)
    return PrototypeBank(tuple(row["text"] for row in rows), kinds, unit_rows(vectors))


class SemanticGate:
    """The semantic layer over a real embedder; the bank loads on first use (thread-safe)."""

    def __init__(
        self,
        embedder: Embedder,
        bank_folder: Path | None = None,
        thresholds: Thresholds | None = None,
        bank: PrototypeBank | None = None,
    ) -> None:
        self._embedder = embedder
        self._folder = bank_folder or MODELS_DIR / "safety"
        self._thresholds = thresholds or Thresholds()
        self._bank = bank
        self._lock = threading.Lock()

    def load(self) -> None:
        """Load the bank and warm the embedder now (e.g. while attune greets the user)."""
        self._loaded_bank()
        self._embedder.embed(["hello"])

    def check(self, text: str) -> SafetyCheck:
        """The semantic verdict on one utterance; blank text is never a crisis."""
        parts = pieces(text)
        if not parts:
            return SafetyCheck()
        return decide(self._embedder.embed(parts), self._loaded_bank(), self._thresholds)

    def _loaded_bank(self) -> PrototypeBank:
        with self._lock:
            if self._bank is None:
                self._bank = load_bank(self._folder)
            return self._bank


def combined_check(text: str, semantic: SemanticGate | None) -> SafetyCheck:
    """The regex verdict when it fires (its kind wins), else the semantic one if there is one."""
    verdict = regex_check(text)
    if verdict.crisis or semantic is None:
        return verdict
    return semantic.check(text)
