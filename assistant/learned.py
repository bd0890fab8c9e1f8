"""Learned heads: small classifiers over the sentence embedding (pure numpy).

The weights live in ``models/heads/`` (written only by ``scripts/train_heads.py``);
``heads.json`` names each head's labels, temperature and the sha256 of its weights file, and
the sha256 of the corpus it was trained on, so a stale or altered head is caught at load.
A head is ``softmax((x @ W + b) / T)``, or with a hidden layer ``softmax((relu(x @ V + c) @ W
+ b) / T)``: one or two matrix products per utterance.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.errors import ModelError
from assistant.integrity import sha256_of

HEADS_FILE = "heads.json"
REBUILD = "Run '.venv/bin/python scripts/train_heads.py' in the checkout, or reinstall attune."

Vectors = npt.NDArray[np.float32]


@dataclass(frozen=True)
class LinearHead:
    """One softmax classifier: ``weights`` is (inputs + 1) x labels, the bias in the last row;
    ``hidden``, when given, is a ReLU layer before it, (features + 1) x units, bias last."""

    labels: tuple[str, ...]
    weights: Vectors
    temperature: float = 1.0
    hidden: Vectors | None = None

    def logits(self, rows: npt.ArrayLike) -> Vectors:
        """Raw scores, one row per input row."""
        array = np.atleast_2d(np.asarray(rows, dtype=np.float32))
        if self.hidden is not None:
            array = np.maximum(array @ self.hidden[:-1] + self.hidden[-1], 0.0)
        return np.asarray(array @ self.weights[:-1] + self.weights[-1], dtype=np.float32)

    def probabilities(self, rows: npt.ArrayLike) -> Vectors:
        """Calibrated probabilities over ``labels``, one row per input row."""
        return softmax(self.logits(rows) / self.temperature)


def softmax(logits: npt.ArrayLike) -> Vectors:
    """Row-wise softmax (stable for large scores)."""
    array = np.asarray(logits, dtype=np.float64)
    shifted = np.exp(array - array.max(axis=-1, keepdims=True))
    return np.asarray(shifted / shifted.sum(axis=-1, keepdims=True), dtype=np.float32)


@dataclass(frozen=True)
class Heads:
    """Every head in one folder, with the settings the training script chose for them."""

    heads: dict[str, LinearHead]
    settings: dict[str, Any]

    def __getitem__(self, name: str) -> LinearHead:
        return self.heads[name]


def corpus_digest(files: Iterable[Path], root: Path) -> str:
    """One sha256 over the corpus files (their paths relative to ``root`` and their bytes)."""
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_heads(folder: Path) -> Heads:
    """The heads described by ``folder/heads.json``; missing, truncated or altered files are a
    ModelError naming the file and how to rebuild it."""
    meta_path = folder / HEADS_FILE
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        entries = meta["heads"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(
            f"The learned reading file {meta_path} is missing or broken. {REBUILD}"
        ) from exc
    heads = {name: _load_head(folder, name, entry) for name, entry in entries.items()}
    return Heads(heads=heads, settings=dict(meta.get("settings", {})))


def _load_head(folder: Path, name: str, entry: dict[str, Any]) -> LinearHead:
    path = folder / str(entry.get("file", f"{name}.npy"))
    weights = _load_weights(path, entry.get("sha256"))
    hidden = None
    if "hidden_file" in entry:
        hidden = _load_weights(folder / str(entry["hidden_file"]), entry.get("hidden_sha256"))
    try:
        labels = tuple(str(label) for label in entry["labels"])
        temperature = float(entry.get("temperature", 1.0))
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"The learned head {path} is missing or unreadable. {REBUILD}") from exc
    inputs = weights.shape[0] - 1 if weights.ndim == 2 else -1
    fits = weights.ndim == 2 and weights.shape[1] == len(labels) and temperature > 0
    if hidden is not None:
        fits = fits and hidden.ndim == 2 and hidden.shape[1] == inputs
    if not fits:
        raise ModelError(f"The learned head {path} does not fit its labels. {REBUILD}")
    return LinearHead(labels=labels, weights=weights, temperature=temperature, hidden=hidden)


def _load_weights(path: Path, sha256: object) -> Vectors:
    """One weights file, checked against its sha256 in heads.json."""
    try:
        if sha256_of(path) != sha256:
            raise ModelError(f"The learned head {path} does not match {HEADS_FILE}. {REBUILD}")
        return np.asarray(np.load(path, allow_pickle=False), dtype=np.float32)
    except ModelError:
        raise
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"The learned head {path} is missing or unreadable. {REBUILD}") from exc
