"""The manifest of prompt and model files is current, and doctor names a damaged file."""

import shutil
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.integrity import MANIFEST_NAME, manifest_lines
from tests.support import REPO


def test_the_manifest_lists_every_prompt_and_model_file_as_it_is_now() -> None:
    shipped = (REPO / "models" / MANIFEST_NAME).read_text(encoding="utf-8")
    assert shipped == "".join(manifest_lines(REPO)), (
        "prompts/ or models/ changed: run '.venv/bin/python scripts/build_manifest.py'"
    )


@pytest.mark.parametrize("damage", ["alter", "remove"])
def test_doctor_names_a_missing_or_altered_data_file_and_exits_non_zero(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    data = tmp_path / "_data"
    for folder in ("prompts", "models"):
        shutil.copytree(REPO / folder, data / folder)
    target = data / "models" / "themes" / "lexicon.json"
    if damage == "alter":
        target.write_text(
            target.read_text(encoding="utf-8").replace("ashamed", "asham"), encoding="utf-8"
        )
    else:
        target.unlink()
    monkeypatch.setattr("assistant.config.DATA_ROOT", data)
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "models/themes/lexicon.json" in out
    assert "reinstall attune" in out


def test_doctor_says_telemetry_is_off_and_notices_when_it_is_not(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["doctor"])
    assert "ORT_DISABLE_TELEMETRY=1" in capsys.readouterr().out
    monkeypatch.setenv("ORT_DISABLE_TELEMETRY", "0")
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "problem  offline" in out and "ORT_DISABLE_TELEMETRY" in out
