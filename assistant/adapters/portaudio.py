"""sounddevice, imported on demand: the one place a missing PortAudio becomes a clear error."""

from typing import Any

from assistant.errors import DeviceError

PORTAUDIO_MISSING = (
    "The audio library PortAudio is missing. Install it with "
    "'sudo apt-get install libportaudio2' or run 'make run'."
)


def parse_device(choice: str | None) -> int | str | None:
    """A device given on the command line: an index when it is a number, else a name."""
    if not choice:
        return None
    return int(choice) if choice.strip().isdigit() else choice


def sounddevice() -> Any:
    """The sounddevice module; a missing PortAudio library raises DeviceError with the fix."""
    try:
        import sounddevice as sd

        return sd
    except OSError as exc:
        raise DeviceError(PORTAUDIO_MISSING) from exc
