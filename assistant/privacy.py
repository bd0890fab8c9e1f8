"""Nothing leaves the machine: the switches that keep native libraries from phoning home.

onnxruntime (1.29 and later) sends telemetry from its C++ core on Linux and keeps a device id
under ~/.cache/Microsoft; the Hugging Face hub client that faster-whisper and tokenizers can
use would look models up online. These switches are read by the libraries when they load, so
``switch_off_telemetry`` runs when the ``assistant`` package is imported, before any adapter
imports them. A setting the user made in the environment is never overridden. The system-call
test (tests/integration/test_privacy_trace.py) proves the result: no internet socket at all.
"""

import os

OFFLINE_ENVIRONMENT = {
    "ORT_DISABLE_TELEMETRY": "1",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "DO_NOT_TRACK": "1",
}
"""Environment switches honoured by onnxruntime and the Hugging Face clients."""


def switch_off_telemetry() -> None:
    """Set every offline switch that the user has not set themselves."""
    for name, value in OFFLINE_ENVIRONMENT.items():
        os.environ.setdefault(name, value)


def telemetry_settings() -> dict[str, str | None]:
    """What each switch is set to in this process (for ``attune doctor``)."""
    return {name: os.environ.get(name) for name in OFFLINE_ENVIRONMENT}
