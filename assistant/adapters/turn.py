"""Smart Turn v3.2 (Daily's pipecat, BSD-2-Clause): is the turn finished, judged from the audio.

The model reads Whisper's 80-band log-mel of the last 8 s of 16 kHz audio (zero-padded at the
front when shorter; the waveform normalised to zero mean and unit variance first, as the
model was trained) and gives the probability that the speaker has finished. The file is
vendored in models/turn/ and checked by sha256 before it is loaded.
"""

import hashlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from assistant.adapters.onnx import cpu_session
from assistant.audio import SAMPLE_RATE_HZ, Samples
from assistant.config import MODELS_DIR
from assistant.errors import ModelError

MODEL_PATH = MODELS_DIR / "turn" / "smart-turn-v3.2-cpu.onnx"
MODEL_SHA256 = "2bb026316b14a660486a75b1733cd3fbab8c2fd0314dc9af7be49f8cca967e4f"
WINDOW_S = 8
"""Audio the model looks at: the last 8 s of the turn."""
_WINDOW = WINDOW_S * SAMPLE_RATE_HZ
_NORM_EPS = 1e-7
REINSTALL = "Reinstall attune (the file ships in models/turn/)."


def verified_path(path: Path = MODEL_PATH, sha256: str = MODEL_SHA256) -> Path:
    """The model file, if it is there and unaltered; otherwise a ModelError saying which."""
    if not path.is_file():
        raise ModelError(f"The end-of-turn model {path.name} is missing. {REINSTALL}")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256:
        raise ModelError(
            f"The end-of-turn model {path} is altered (sha256 {digest[:12]}…). {REINSTALL}"
        )
    return path


def log_mel(samples: Samples) -> np.ndarray:
    """The (80, 800) normalised log-mel of the last 8 s (zeros in front of shorter audio)."""
    from faster_whisper.feature_extractor import FeatureExtractor

    window = np.zeros(_WINDOW, dtype=np.float32)
    tail = np.asarray(samples, dtype=np.float32)[-_WINDOW:]
    if len(tail):
        window[-len(tail) :] = tail
    window = (window - window.mean()) / np.sqrt(window.var() + _NORM_EPS)
    features: np.ndarray = _extractor(FeatureExtractor)(window, padding=0)
    return features.astype(np.float32)


_EXTRACTORS: dict[type, Any] = {}


def _extractor(kind: type) -> Any:
    """One feature extractor per process (its mel filters take a moment to build)."""
    if kind not in _EXTRACTORS:
        _EXTRACTORS[kind] = kind(feature_size=80, chunk_length=WINDOW_S)
    return _EXTRACTORS[kind]


class SmartTurnDetector:
    """The probability that a turn is finished, from the sound of its last seconds."""

    def __init__(self, path: Path = MODEL_PATH) -> None:
        self._session = cpu_session(verified_path(path), "the end-of-turn model", REINSTALL)

    def finished_probability(self, samples: Samples) -> float:
        """P(the speaker has finished) for a turn's 16 kHz audio so far; silence gives ~0."""
        features = log_mel(samples)[np.newaxis, :, :]
        (out,) = self._session.run(None, {"input_features": features})
        return float(np.asarray(out).reshape(-1)[0])


def load_turn_detector(warn: Callable[[str], None] | None = None) -> SmartTurnDetector | None:
    """The Smart Turn model, or None (with one warning) when its file is missing or altered:
    the end of a turn is then judged by the words alone, as before."""
    try:
        return SmartTurnDetector()
    except ModelError as exc:
        message = f"Warning: {exc} Until then, the end of a turn is judged by the words alone."
        (warn or (lambda text: print(text, file=sys.stderr, flush=True)))(message)
        return None
