"""onnxruntime sessions for the small on-device models (voice detector, safety embedder)."""

from pathlib import Path
from typing import Any

from assistant.errors import ModelError


def cpu_session(path: Path, what: str, reinstall: str) -> Any:
    """One single-threaded CPU session (these run beside Whisper on every frame or turn).

    `what` names the model in errors ("the voice detector"); `reinstall` says how to fix it.
    """
    try:
        import onnxruntime
    except ImportError as exc:
        raise ModelError(
            f"onnxruntime is not installed, so {what} cannot run. "
            "Run 'make run' or 'pip install onnxruntime'."
        ) from exc
    if hasattr(onnxruntime, "disable_telemetry_events"):
        onnxruntime.disable_telemetry_events()  # belt and braces beside ORT_DISABLE_TELEMETRY
    options = onnxruntime.SessionOptions()
    options.inter_op_num_threads = 1
    options.intra_op_num_threads = 1
    options.log_severity_level = 3
    try:
        return onnxruntime.InferenceSession(
            str(path), providers=["CPUExecutionProvider"], sess_options=options
        )
    except Exception as exc:  # onnxruntime raises its own untyped errors
        raise ModelError(
            f"{what.capitalize()} at {path} could not be loaded ({exc}). {reinstall}"
        ) from exc
