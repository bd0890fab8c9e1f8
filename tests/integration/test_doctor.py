"""`attune doctor`: each line ok or a problem with a fix, and the exit code follows them."""

import argparse
import os
import sqlite3
from pathlib import Path

import pytest

from assistant.cli import doctor
from assistant.journal import Journal, default_path


def _doctor(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    parser = argparse.ArgumentParser(prog="attune")
    doctor.register(parser.add_subparsers())
    args = parser.parse_args(["doctor", *argv])
    code = args.handler(args)
    out = capsys.readouterr().out
    assert "\x1b" not in out
    return code, out.splitlines()


def test_a_journal_readable_by_its_owner_only_is_ok(attune_home: Path) -> None:
    Journal.open().close()
    check = doctor.check_data(attune_home)
    assert check.ok and str(attune_home) in check.detail
    assert check.line().startswith("ok ")


def test_a_journal_others_can_read_is_a_problem_with_the_chmod_fix(attune_home: Path) -> None:
    Journal.open().close()
    os.chmod(attune_home, 0o755)
    os.chmod(default_path(), 0o644)
    check = doctor.check_data(attune_home)
    assert not check.ok
    assert "0755" in check.detail and "0644" in check.detail
    assert f"chmod 700 {attune_home}" in check.fix
    first, second = check.line().splitlines()
    assert first.startswith("problem ") and "fix: run: chmod" in second


def test_no_data_yet_is_ok_and_says_where_it_will_go(attune_home: Path) -> None:
    check = doctor.check_data(attune_home)
    assert check.ok and "nothing stored yet" in check.detail
    assert not attune_home.exists(), "doctor must not create the journal"


def test_a_damaged_journal_is_a_problem_and_left_alone(attune_home: Path) -> None:
    attune_home.mkdir(mode=0o700)
    default_path().write_bytes(b"not a journal at all" * 100)
    os.chmod(default_path(), 0o600)
    check = doctor.check_data(attune_home)
    assert not check.ok and "damaged" in check.fix
    assert default_path().read_bytes() == b"not a journal at all" * 100


def test_doctor_does_not_migrate_or_fix_the_journal(attune_home: Path) -> None:
    Journal.open().close()
    before = sqlite3.connect(default_path()).execute("PRAGMA user_version").fetchone()
    doctor.check_data(attune_home)
    after = sqlite3.connect(default_path()).execute("PRAGMA user_version").fetchone()
    assert before == after


def test_a_missing_model_folder_is_a_problem_and_offline_says_why(tmp_path: Path) -> None:
    model = doctor.check_model(str(tmp_path / "no-such-model"))
    assert not model.ok and "no-such-model" in model.fix
    offline = doctor.check_offline(model)
    assert not offline.ok and "never downloads" in offline.detail


def test_a_model_folder_without_weights_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "half-model").mkdir()
    (tmp_path / "half-model" / "config.json").write_text("{}")
    check = doctor.check_model(str(tmp_path / "half-model"))
    assert not check.ok and "model.bin" in check.fix


def test_the_bundled_model_is_found_and_needs_no_network() -> None:
    model = doctor.check_model(None)
    assert model.ok and "model" in model.detail
    assert Path(model.detail.rsplit(" at ", 1)[1], "model.bin").is_file()
    assert doctor.check_offline(model).ok


def test_an_audio_device_that_does_not_exist_is_a_problem_with_a_fix() -> None:
    check = doctor.check_microphone(987)
    assert not check.ok and "--text" in check.fix
    check = doctor.check_speaker("no speaker by this name")
    assert not check.ok and "--no-speak" in check.fix


def _doctor_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="attune")
    doctor.register(parser.add_subparsers())
    return parser.parse_args(["doctor"])


def test_doctor_says_whether_attune_listens_while_it_speaks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert "not over them" in doctor.check_listening(_doctor_args()).detail  # the default
    monkeypatch.setenv("ATTUNE_BARGE_IN", "true")
    assert "listens while it speaks" in doctor.check_listening(_doctor_args()).detail


def test_doctor_reports_every_part_and_exits_1_when_something_is_wrong(capsys, tmp_path) -> None:
    code, lines = _doctor(capsys, "--model", str(tmp_path / "missing"))
    names = [line.split()[1].rstrip(":") for line in lines if not line.startswith(" ")]
    assert names == [
        "settings", "microphone", "speaker", "model", "reading", "files", "language", "voice",
        "listening",
        "offline", "data",
    ]  # fmt: skip
    assert code == 1
    assert any(line.startswith("problem  model:") for line in lines)
    problems = sum(line.startswith("problem") for line in lines)
    fixes = sum(line.strip().startswith("fix:") for line in lines)
    assert problems == fixes >= 2


def test_doctor_exit_code_matches_its_lines(capsys) -> None:
    code, lines = _doctor(capsys)
    problems = [line for line in lines if line.startswith("problem")]
    assert code == (1 if problems else 0)
    assert all(line.startswith(("ok ", "problem ", " ")) for line in lines)


def test_doctor_checks_the_model_named_in_the_config_file(capsys, tmp_path) -> None:
    from assistant.cli import main
    from assistant.settings_file import config_path

    # `config set` now refuses a missing model folder, so the file is written by hand
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(f"model = {str(tmp_path / 'no-such-model')!r}\n")
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "problem  model" in out and "no-such-model" in out


def test_an_altered_voice_detector_is_named_by_doctor_and_refused_at_load(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import faster_whisper

    from assistant.adapters import silero
    from assistant.errors import ModelError

    assets = tmp_path / "faster_whisper" / "assets"
    assets.mkdir(parents=True)
    model = assets / silero.MODEL_FILE
    model.write_bytes(silero.model_path().read_bytes()[:-16] + bytes(16))
    monkeypatch.setattr(faster_whisper, "__file__", str(tmp_path / "faster_whisper" / "x.py"))
    code, lines = _doctor(capsys)
    assert code == 1
    problem = next(i for i, line in enumerate(lines) if line.startswith("problem  model"))
    assert str(model) in lines[problem + 1] and "reinstall attune" in lines[problem + 1].lower()
    with pytest.raises(ModelError, match="not the tested file"):
        silero.SileroVoiceActivity()
