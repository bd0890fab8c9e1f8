"""Play audio on an output device with sounddevice (a Speaker made of a Synthesizer)."""

from collections.abc import Callable

import numpy as np

from assistant.adapters.portaudio import sounddevice
from assistant.audio import AudioClip
from assistant.errors import DeviceError
from assistant.ports import Synthesizer
from assistant.voice_ahead import VoiceAhead

MIN_RATE_WPM = 80
MAX_RATE_WPM = 320


class SoundDeviceSpeaker:
    """Speak by synthesizing the text and playing it to the chosen output device."""

    def __init__(
        self,
        synthesizer: Synthesizer,
        device: int | str | None = None,
        on_first_sample: Callable[[], None] | None = None,
    ) -> None:
        self.synthesizer = (
            synthesizer if isinstance(synthesizer, VoiceAhead) else VoiceAhead(synthesizer)
        )
        self.device = device
        self.on_first_sample = on_first_sample
        self.last_clip: AudioClip | None = None

    def say(self, text: str) -> None:
        """Speak and block until the last sample has been played."""
        clip = self.synthesizer.synthesize(text)
        self.last_clip = clip
        if len(clip.samples):
            self.play(clip)

    def prepare(self, text: str) -> None:
        """Start rendering a line that will probably be said next (see VoiceAhead)."""
        self.synthesizer.prepare(text)

    def adjust_rate(self, delta_wpm: int) -> int:
        """Change the speech rate within MIN_RATE_WPM..MAX_RATE_WPM; returns the new rate."""
        rate = self.synthesizer.rate_wpm + delta_wpm
        self.synthesizer.rate_wpm = max(MIN_RATE_WPM, min(MAX_RATE_WPM, rate))
        return self.synthesizer.rate_wpm

    def play(self, clip: AudioClip) -> None:
        """Play one clip to this speaker's output device."""
        play(clip, self.device, self.on_first_sample)


def play(
    clip: AudioClip,
    device: int | str | None = None,
    on_started: Callable[[], None] | None = None,
) -> None:
    """Play one clip and wait for its end; a missing device raises DeviceError.

    Blocking writes, not sounddevice's callback player: with a microphone stream open in the
    same process (as in every live session), the callback player can stop early on ALSA.
    """
    sd = sounddevice()
    samples = np.ascontiguousarray(clip.samples.reshape(-1, 1), dtype=np.float32)
    try:
        with sd.OutputStream(
            samplerate=clip.sample_rate_hz,
            channels=1,
            dtype="float32",
            device=device,
            latency="low",
        ) as stream:
            if on_started is not None:
                on_started()
            stream.write(samples)
    except (sd.PortAudioError, ValueError) as exc:
        raise speaker_failed(exc) from exc


def speaker_failed(exc: Exception) -> DeviceError:
    """The one-line error for an output device that cannot be opened or written."""
    return DeviceError(
        f"The speaker could not be used ({exc}). Run 'attune devices' to pick one "
        "with --output-device, or use --no-voice for captions only."
    )
