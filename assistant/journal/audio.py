"""Kept audio: turn recordings saved only with --keep-audio, beside the journal, owner-only."""

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import JournalError

if TYPE_CHECKING:
    from assistant.audio import AudioClip

AUDIO_FOLDER = "audio"


def audio_folder(journal_path: Path, session_id: int | None = None) -> Path:
    """Where a session's kept audio lives (all kept audio when session_id is None)."""
    base = journal_path.parent / AUDIO_FOLDER
    return base if session_id is None else base / f"session-{session_id}"


def keep_turn_audio(journal_path: Path, session_id: int, turn_id: int, clip: "AudioClip") -> Path:
    """Write one turn's audio as a WAV readable by its owner only; returns its path."""
    from assistant.audio import write_wav

    folder = audio_folder(journal_path, session_id)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = folder / f"turn-{turn_id}.wav"
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(descriptor)
        write_wav(target, clip)
    except OSError as exc:
        raise JournalError(
            f"The recording could not be kept in {folder} ({exc.strerror}). Free some space or "
            "run without --keep-audio."
        ) from exc
    return target


def forget_audio(journal_path: Path, session_id: int | None = None) -> None:
    """Delete a session's kept audio (every session's when session_id is None)."""
    shutil.rmtree(audio_folder(journal_path, session_id), ignore_errors=True)
