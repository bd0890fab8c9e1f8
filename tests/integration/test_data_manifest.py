"""The manifest of prompt and model files is current, and doctor names a damaged file."""

import shutil
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.integrity import MANIFEST_NAME, damaged_files, manifest_lines
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


def _data_copy(root: Path, linked: bool) -> Path:
    """prompts/ and models/ as an installed package holds them (real folders under _data), or
    as a checkout does (_data/prompts and _data/models linking to the top-level folders)."""
    data = root / "_data"
    data.mkdir(parents=True)
    for folder in ("prompts", "models"):
        if linked:
            shutil.copytree(REPO / folder, root / folder)
            (data / folder).symlink_to(Path("..") / folder)
        else:
            shutil.copytree(REPO / folder, data / folder)
    return data


@pytest.mark.parametrize(
    "command", [["classify", "hello"], ["respond", "--text", "hi", "--no-speak"]]
)
def test_an_installed_command_refuses_an_altered_crisis_line_a_checkout_only_notes_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    for linked in (False, True):
        data = _data_copy(tmp_path / ("checkout" if linked else "installed"), linked)
        safety = data / "prompts" / "safety.toml"
        safety.write_text(safety.read_text(encoding="utf-8").replace("988", "989"), "utf-8")
        monkeypatch.setattr("assistant.config.DATA_ROOT", data)
        code = main(command)
        out, err = capsys.readouterr()
        if linked:
            assert code == 0 and out, err
            assert err.startswith("attune: note: prompts/safety.toml differs")
            assert "scripts/build_manifest.py" in err
        else:
            assert code == 6 and out == ""
            assert err.splitlines() == [
                f"attune: attune's data file {safety} is missing or altered; reinstall attune."
            ]


def test_a_manifest_with_a_line_that_is_not_an_entry_is_itself_damaged(tmp_path: Path) -> None:
    data = _data_copy(tmp_path, linked=False)
    assert damaged_files(data) == []
    manifest = data / "models" / MANIFEST_NAME
    with manifest.open("a", encoding="utf-8") as handle:
        handle.write("\n# edited by hand\n")
    assert damaged_files(data) == [f"models/{MANIFEST_NAME}"]
    manifest.unlink()
    assert damaged_files(data) == [f"models/{MANIFEST_NAME}"]
