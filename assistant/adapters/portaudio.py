"""sounddevice, imported on demand: the one place a missing PortAudio becomes a clear error."""

from typing import Any

from assistant.errors import DeviceError

PORTAUDIO_MISSING = (
    "The audio library PortAudio is missing. Install it with "
    "'sudo apt-get install libportaudio2' or run 'make run'."
)


def sounddevice() -> Any:
    """The sounddevice module; a missing PortAudio library raises DeviceError with the fix."""
    try:
        import sounddevice as sd

        return sd
    except OSError as exc:
        raise DeviceError(PORTAUDIO_MISSING) from exc
