"""Bad input gets one clear sentence, a non-zero exit and no traceback."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED_DATA
from tests.support import REPO, Run, attune


def _one_clear_line(run: Run) -> str:
    assert run.code != 0
    assert "Traceback" not in run.err
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert len(lines) == 1, run.err
    return lines[0]


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    line = _one_clear_line(attune("transcribe", str(tmp_path / "nowhere.wav")))
    assert "nowhere.wav does not exist" in line


def test_an_empty_file_is_called_empty(tmp_path: Path) -> None:
    empty = tmp_path / "empty.wav"
    empty.touch()
    assert "is empty" in _one_clear_line(attune("transcribe", str(empty)))


def test_a_text_file_named_wav_is_not_audio(tmp_path: Path) -> None:
    fake = tmp_path / "notes.wav"
    fake.write_text("Dear diary, today was long.\n")
    line = _one_clear_line(attune("respond", str(fake), "--no-speak"))
    assert "could not be read as audio" in line and "WAV, FLAC, MP3 or OGG" in line


def test_corrupt_audio_is_reported(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.flac"
    data = (SHARED_DATA / "audio" / "jfk.flac").read_bytes()
    corrupt.write_bytes(data[:64] + bytes(reversed(data[64:4096])))
    assert "could not be read as audio" in _one_clear_line(attune("transcribe", str(corrupt)))


@pytest.mark.parametrize("how", ["flag", "env"])
def test_a_missing_model_folder_fails_at_once_without_a_download(tmp_path: Path, how: str) -> None:
    missing = str(tmp_path / "no-model")
    wav = str(SHARED_DATA / "audio" / "LJ050-0131.wav")
    if how == "flag":
        run = attune("transcribe", wav, "--model", missing)
    else:
        run = attune("transcribe", wav, env={"ATTUNE_MODEL": missing})
    assert "No Whisper model folder" in _one_clear_line(run)


def test_a_folder_without_model_files_is_not_a_model(tmp_path: Path) -> None:
    folder = tmp_path / "half-model"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    run = attune("transcribe", str(SHARED_DATA / "audio" / "jfk.flac"), "--model", str(folder))
    assert "missing model.bin" in _one_clear_line(run)


def test_cuda_is_honoured_and_without_a_gpu_the_answer_is_one_clear_line() -> None:
    run = attune("transcribe", str(SHARED_DATA / "audio" / "jfk.flac"), "--device", "cuda")
    if run.code == 0:  # a machine with a working GPU: it transcribed there
        assert "ask not what your country" in run.out.lower()
    else:
        assert "could not be loaded on cuda" in _one_clear_line(run)


def test_a_wav_cut_short_in_copying_is_called_corrupt_not_silence(tmp_path: Path) -> None:
    whole = (SHARED_DATA / "audio" / "LJ050-0131.wav").read_bytes()
    cut = tmp_path / "cut.wav"
    cut.write_bytes(whole[: len(whole) // 2])
    assert "is cut short" in _one_clear_line(attune("transcribe", str(cut)))


def test_couples_need_two_different_names_and_turns_must_be_counted_from_one() -> None:
    assert "different names" in _one_clear_line(attune("couple", "Maya", "maya", "--text"))
    assert "needs a name" in _one_clear_line(attune("couple", " ", "Sam", "--text"))
    run = attune("evening", "--text", "--max-turns", "0")
    assert run.code != 0 and "whole number of 1 or more" in run.err


def test_attune_home_pointing_at_a_file_is_named_as_the_problem(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "home.txt"
    not_a_folder.write_text("")
    run = attune("history", env={"ATTUNE_HOME": str(not_a_folder)})
    assert "which is a file" in _one_clear_line(run)


def test_a_recording_piped_in_is_transcribed_not_called_empty() -> None:
    """`cat talk.flac | attune transcribe /dev/stdin`: a pipe has no size, yet holds audio."""
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "transcribe", "/dev/stdin"],
        input=(SHARED_DATA / "audio" / "jfk.flac").read_bytes(),
        capture_output=True, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    assert "ask not what your country can do for you" in done.stdout.decode().lower()
    empty = subprocess.run(
        [sys.executable, "-m", "assistant", "transcribe", "/dev/stdin"],
        input=b"", capture_output=True, cwd=REPO, timeout=60,
    )  # fmt: skip
    line = _one_clear_line(Run(empty.returncode, "", empty.stderr.decode()))
    assert empty.returncode == 8 and "could not be read as audio" in line
