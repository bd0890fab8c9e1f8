"""Play audio on an output device with sounddevice (a Speaker made of a Synthesizer)."""

from collections.abc import Callable
from typing import Any

from assistant.audio import AudioClip
from assistant.errors import DeviceError
from assistant.ports import Synthesizer


def parse_device(choice: str | None) -> int | str | None:
    """A device given on the command line: an index when it is a number, else a name."""
    if choice is None or choice == "":
        return None
    return int(choice) if choice.strip().isdigit() else choice


class SoundDeviceSpeaker:
    """Speak by synthesizing the text and playing it to the chosen output device."""

    def __init__(
        self,
        synthesizer: Synthesizer,
        device: int | str | None = None,
        on_first_sample: Callable[[], None] | None = None,
    ) -> None:
        self.synthesizer = synthesizer
        self.device = device
        self.on_first_sample = on_first_sample
        self.last_clip: AudioClip | None = None

    def say(self, text: str) -> None:
        """Speak and block until the last sample has been played."""
        clip = self.synthesizer.synthesize(text)
        self.last_clip = clip
        if len(clip.samples):
            self.play(clip)

    def play(self, clip: AudioClip) -> None:
        """Play one clip to this speaker's output device."""
        if self.on_first_sample is not None:
            self.on_first_sample()
        play(clip, self.device)


def play(clip: AudioClip, device: int | str | None = None) -> None:
    """Play one clip and wait for its end; a missing device raises DeviceError."""
    sd = _sounddevice()
    try:
        sd.play(clip.samples, clip.sample_rate_hz, device=device, blocking=True)
    except (sd.PortAudioError, ValueError) as exc:
        raise DeviceError(
            f"The speaker could not be used ({exc}). Run 'attune devices' to pick one "
            "with --output-device, or use --no-voice for captions only."
        ) from exc


def _sounddevice() -> Any:
    """Import sounddevice; a missing PortAudio library is a DeviceError with the fix."""
    try:
        import sounddevice

        return sounddevice
    except OSError as exc:
        raise DeviceError(
            "The audio library PortAudio is missing. Install it with "
            "'sudo apt-get install libportaudio2' or run 'make run'."
        ) from exc
