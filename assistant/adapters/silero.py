"""Silero VAD (the ONNX model faster-whisper ships) run as a stream with onnxruntime."""

from pathlib import Path

import numpy as np

from assistant.adapters.onnx import cpu_session
from assistant.audio import FRAME_SAMPLES, Samples
from assistant.errors import ModelError
from assistant.integrity import verified

CONTEXT_SAMPLES = 64
"""Samples of the previous frame the v6 model sees in front of each 512-sample frame."""
STATE_SHAPE = (1, 1, 128)
MODEL_FILE = "silero_vad_v6.onnx"
MODEL_SHA256 = "4cbf549b8326f60f80f2536d9eefeb450a9abe83365a098031c89719f1be17d2"
"""sha256 of the file in faster-whisper 1.2.1, the tested voice detector."""
REINSTALL = "Reinstall attune (or 'pip install --force-reinstall faster-whisper==1.2.1')."


def model_path() -> Path:
    """Where faster-whisper keeps the Silero VAD model; a missing or altered file (checked by
    sha256) is a ModelError."""
    try:
        import faster_whisper
    except ImportError as exc:
        raise ModelError(
            "faster-whisper is not installed, so the voice detector is missing. "
            "Run 'make run' or 'pip install faster-whisper'."
        ) from exc
    path = Path(faster_whisper.__file__).resolve().parent / "assets" / MODEL_FILE
    if not path.is_file():
        raise ModelError(f"The voice detector model {MODEL_FILE} is missing. {REINSTALL}")
    return verified(path, MODEL_SHA256, "the voice detector model", REINSTALL)


class SileroVoiceActivity:
    """Speech probability per 32 ms frame, carrying the LSTM state and context frame to frame."""

    def __init__(self, path: Path | None = None) -> None:
        self._session = cpu_session(path or model_path(), "the voice detector", REINSTALL)
        self.reset()

    def reset(self) -> None:
        """Forget the stream: zero state and context (after attune has spoken)."""
        self._h = np.zeros(STATE_SHAPE, dtype=np.float32)
        self._c = np.zeros(STATE_SHAPE, dtype=np.float32)
        self._context = np.zeros(CONTEXT_SAMPLES, dtype=np.float32)

    def probability(self, frame: Samples) -> float:
        """Speech probability of one 512-sample 16 kHz frame (shorter frames are zero-padded)."""
        data = np.zeros(FRAME_SAMPLES, dtype=np.float32)
        data[: min(len(frame), FRAME_SAMPLES)] = frame[:FRAME_SAMPLES]
        batch = np.concatenate([self._context, data])[np.newaxis, :]
        out, self._h, self._c = self._session.run(
            None, {"input": batch, "h": self._h, "c": self._c}
        )
        self._context = data[-CONTEXT_SAMPLES:]
        return float(np.asarray(out).reshape(-1)[0])
