"""For people who cannot see the screen, a session's set-up error is also said out loud."""

from pathlib import Path

import pytest

from assistant.adapters.whisper import WhisperTranscriber
from tests.device.recorder import Recorder
from tests.support import attune
from tests.support_journal import lock_held_by_another_program

pytestmark = [pytest.mark.device, pytest.mark.model, pytest.mark.voice]


def test_a_missing_model_is_spoken_as_well_as_printed(
    tmp_path: Path, whisper: WhisperTranscriber
) -> None:
    with Recorder() as recorder:
        run = attune("evening", "--model", str(tmp_path / "gone"), "--rate", "170")
    assert run.code != 0 and "No Whisper model folder" in run.err
    heard = whisper.transcribe(recorder.clip()).text.lower()
    assert "whisper model" in heard or "model folder" in heard, heard


def test_a_journal_locked_by_another_program_is_spoken_as_well_as_printed(
    attune_home: Path, whisper: WhisperTranscriber
) -> None:
    assert attune("evening", "--text", "--no-voice", stdin="I feel alone.\n").code == 0
    with (
        lock_held_by_another_program(attune_home / "journal.sqlite3"),
        Recorder() as recorder,
    ):
        run = attune("evening", "--text", "--rate", "170", stdin="I feel alone.\n")
    assert run.code == 7 and "locked by another program" in run.err, run.err
    assert "Traceback" not in run.err
    heard = whisper.transcribe(recorder.clip()).text.lower()
    assert "locked" in heard or "another program" in heard, heard
