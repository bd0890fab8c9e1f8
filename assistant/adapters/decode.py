"""Decode any audio file (WAV, FLAC, MP3, OGG, …) to 16 kHz mono float32 with PyAV."""

import os
import wave
from pathlib import Path

import numpy as np

from assistant.audio import SAMPLE_RATE_HZ, AudioClip
from assistant.errors import AudioError

CUT_SHORT = 0.95
"""A WAV holding less than this share of what its header declares was cut off in copying."""
UNKNOWN_LENGTH_BYTES = 0xFFFF0000
"""Streaming recorders write a placeholder size this large when they do not know the length."""
MAX_AUDIO_S = 60 * 60
"""The longest recording attune decodes (one hour is 230 MB as 16 kHz float32); a longer one
is refused before it is decoded, or as soon as decoding passes the limit."""


class TooLongError(ValueError):
    """The recording is longer than MAX_AUDIO_S."""


def load_audio(path: Path) -> AudioClip:
    """Read and convert an audio file, or a pipe (/dev/stdin, <(...)) holding one; a missing,
    empty or non-audio file raises AudioError."""
    _check_readable(path)
    try:
        samples = _decode(path)
    except TooLongError as exc:
        raise AudioError(
            f"{path} is {exc} long; attune takes recordings of up to {MAX_AUDIO_S // 60} "
            "minutes. Cut it into shorter parts (for example: ffmpeg -i IN -f segment "
            "-segment_time 1800 part%d.wav)."
        ) from exc
    except Exception as exc:  # PyAV raises many error types for bad input
        raise AudioError(
            f"{path} could not be read as audio. Use a WAV, FLAC, MP3 or OGG recording."
        ) from exc
    if samples.size == 0:
        raise AudioError(f"{path} holds no audio. Record again or choose another file.")
    clip = AudioClip(samples, SAMPLE_RATE_HZ)
    declared_s = _declared_wav_seconds(path) if path.is_file() else None  # a pipe reads once
    if declared_s is not None and clip.duration_s < CUT_SHORT * declared_s:
        raise AudioError(
            f"{path} is cut short: it holds {clip.duration_s:.1f} s of the {declared_s:.1f} s its "
            "header promises. Record again or copy the whole file."
        )
    return clip


def _check_readable(path: Path) -> None:
    """A clear AudioError for a path that is missing, a folder, empty or not yours to read.
    A pipe is not opened here: it can be read only once, and its size says nothing."""
    if not path.exists():
        raise AudioError(f"{path} does not exist. Check the path and try again.")
    if path.is_dir():
        raise AudioError(f"{path} is a folder, not an audio file. Give the path of a recording.")
    regular = path.is_file()
    if regular and path.stat().st_size == 0:
        raise AudioError(f"{path} is empty. Record again or choose another file.")
    try:
        if regular:
            with open(path, "rb"):
                pass
        elif not os.access(path, os.R_OK):
            raise PermissionError(path)
    except PermissionError as exc:
        raise AudioError(
            f"{path} cannot be read: you do not have permission to open it. Check its owner "
            "and permissions (ls -l), or copy it somewhere you can read."
        ) from exc


def _declared_wav_seconds(path: Path) -> float | None:
    """How long a WAV file's header says it is; None for other formats or odd headers."""
    try:
        with wave.open(str(path), "rb") as wav:
            data_bytes = wav.getnframes() * wav.getsampwidth() * wav.getnchannels()
            if not wav.getframerate() or data_bytes >= UNKNOWN_LENGTH_BYTES:
                return None
            return wav.getnframes() / wav.getframerate()
    except (wave.Error, EOFError, OSError):
        return None


def _decode(path: Path) -> "np.ndarray[tuple[int], np.dtype[np.float32]]":
    """Decode every audio frame, resampled to 16 kHz mono float32 by libswresample."""
    import av

    chunks = []
    limit = MAX_AUDIO_S * SAMPLE_RATE_HZ
    decoded = 0
    with av.open(str(path), mode="r", metadata_errors="ignore") as container:
        if not container.streams.audio:
            raise ValueError("no audio stream")
        declared_s = (container.duration or 0) / av.time_base
        if declared_s > MAX_AUDIO_S:
            raise TooLongError(_length(declared_s))
        resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE_HZ)
        for frame in container.decode(audio=0):
            for out in resampler.resample(frame):
                chunks.append(out.to_ndarray().reshape(-1))
                decoded += chunks[-1].size
            if decoded > limit:
                raise TooLongError(f"more than {_length(MAX_AUDIO_S)}")
        for out in resampler.resample(None):
            chunks.append(out.to_ndarray().reshape(-1))
    if not chunks:
        return np.zeros(0, dtype=np.float32)
    return np.concatenate(chunks).astype(np.float32)


def _length(seconds: float) -> str:
    """A duration as people say it: 3.0 hours, 61 minutes."""
    if seconds >= 2 * 60 * 60:
        return f"{seconds / 3600:.1f} hours"
    return f"{round(seconds / 60)} minutes"
