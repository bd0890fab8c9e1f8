"""Microphones: a live sounddevice input stream, and a WAV replay for tests, soak and bench.

Both yield 16 kHz mono 512-sample frames; the live one opens the device at its native rate
and converts at the edge.
"""

import queue
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.adapters.portaudio import sounddevice
from assistant.audio import (
    FRAME_SAMPLES,
    SAMPLE_RATE_HZ,
    AudioClip,
    Samples,
    read_wav,
    resample,
    to_mono,
)
from assistant.audio import frames as split_frames
from assistant.errors import DeviceError

NO_MICROPHONE = "No microphone found. Run 'attune devices', or use --text to type instead."
MIC_LOST = (
    "The microphone stopped sending sound; everything said so far is kept. "
    "Check it is plugged in and start again, or use --text to type instead."
)
BLOCK_S = 0.1
"""Capture block length: 100 ms keeps resampling exact for 8, 16, 22.05, 44.1 and 48 kHz."""
BARGE_IN_BLOCK_S = 0.02
"""Capture block while listening over a reply: also exact at those rates, and a frame of
the person's voice waits at most 20 ms for its block instead of 100 ms."""
SILENT_STREAM_S = 5.0
"""How long a live stream may deliver nothing before it counts as gone. Some sources start
slowly: an idle PulseAudio null sink runs with 2 s of latency, so its monitor's first block
can come 2 s after the stream opens (2.0 here took a working microphone for a lost one)."""


class WavMicrophone:
    """Replay one or more audio clips as frames, as fast as they are read (audio time only)."""

    def __init__(self, clips: Sequence[AudioClip], gap_s: float = 0.0) -> None:
        self.clips = [_to_16k(clip) for clip in clips]
        self.gap_s = gap_s
        self.frames_read = 0

    @classmethod
    def from_files(cls, paths: Sequence[Path], gap_s: float = 0.0) -> "WavMicrophone":
        """Replay WAV files (any rate, mono or stereo) one after another."""
        return cls([read_wav(path) for path in paths], gap_s)

    def frames(self) -> Iterator[Samples]:
        """Every clip in turn, each followed by `gap_s` of silence; then the stream ends."""
        gap = np.zeros(int(self.gap_s * SAMPLE_RATE_HZ), dtype=np.float32)
        for clip in self.clips:
            joined = AudioClip(np.concatenate([clip.samples, gap]))
            for frame in split_frames(joined):
                self.frames_read += 1
                yield frame

    def discard_pending(self) -> None:
        """Nothing is captured in the background during replay, so nothing to drop."""


class SoundDeviceMicrophone:
    """Capture from an input device with sounddevice, as 16 kHz mono 512-sample frames."""

    def __init__(self, device: int | str | None = None, block_s: float = BLOCK_S) -> None:
        self._sd = sounddevice()
        self.device = device
        self.block_s = block_s
        """Capture block length (20 ms is exact at the same rates; barge-in uses it so a
        person's first syllable is seen sooner)."""
        info = _input_info(self._sd, device)
        self.device_name = str(info["name"])
        self.native_rate_hz = int(info["default_samplerate"])
        self._blocks: queue.Queue[Samples] = queue.Queue()
        self._stream: Any = None

    def _open(self) -> Any:
        """Start the input stream at the device's native rate."""

        def callback(data: Any, _frames: int, _time: Any, _status: Any) -> None:
            self._blocks.put(to_mono(np.array(data, dtype=np.float32)))

        try:
            stream = self._sd.InputStream(
                device=self.device,
                channels=1,
                samplerate=self.native_rate_hz,
                blocksize=int(self.native_rate_hz * self.block_s),
                dtype="float32",
                latency="low",
                callback=callback,
            )
            stream.start()
        except (self._sd.PortAudioError, ValueError) as exc:
            raise DeviceError(
                f"The microphone '{self.device_name}' could not be opened ({exc}). "
                "Run 'attune devices' to pick another with --input-device, or use --text."
            ) from exc
        return stream

    def start(self) -> None:
        """Open the device now, so the first words after attune's opening are not lost."""
        if self._stream is None:
            self._stream = self._open()

    def frames(self) -> Iterator[Samples]:
        """Frames until the stream is closed; a device that disappears raises DeviceError."""
        self.start()
        pending = np.zeros(0, dtype=np.float32)
        try:
            while True:
                block = self._next_block()
                pending = np.concatenate([pending, resample(block, self.native_rate_hz)])
                while len(pending) >= FRAME_SAMPLES:
                    yield pending[:FRAME_SAMPLES]
                    pending = pending[FRAME_SAMPLES:]
        finally:
            self.close()

    def _next_block(self) -> Samples:
        try:
            return self._blocks.get(timeout=SILENT_STREAM_S)
        except queue.Empty as exc:
            raise DeviceError(MIC_LOST) from exc

    def discard_pending(self) -> None:
        """Drop everything captured but not yet read (what was heard while attune spoke)."""
        while True:
            try:
                self._blocks.get_nowait()
            except queue.Empty:
                return

    def close(self) -> None:
        """Stop capturing; closing twice is harmless."""
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.stop()
                stream.close()
            except self._sd.PortAudioError:
                pass


def _to_16k(clip: AudioClip) -> AudioClip:
    return AudioClip(resample(clip.samples, clip.sample_rate_hz))


def _input_info(sd: Any, device: int | str | None) -> dict[str, Any]:
    """The input device's description; none there, or no such device, is a DeviceError."""
    try:
        info = sd.query_devices(device, "input")
    except (sd.PortAudioError, ValueError) as exc:
        if device is None:
            raise DeviceError(NO_MICROPHONE) from exc
        raise DeviceError(
            f"No microphone called '{device}'. Run 'attune devices' to list them, "
            "or use --text to type instead."
        ) from exc
    if int(info.get("max_input_channels", 0)) < 1:
        raise DeviceError(NO_MICROPHONE)
    return dict(info)
