"""attune: a private, voice-first companion for reflection on close relationships."""

from assistant.privacy import switch_off_telemetry

switch_off_telemetry()  # before any native library can load (see assistant/privacy.py)

__version__ = "0.1.0"
