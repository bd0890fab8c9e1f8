"""`attune config` through the real command line, and sessions picking its settings up."""

import json
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.settings_file import ENV_ALIASES, env_name, setting_names
from tests.support import attune

CRISIS = "I want to kill myself\n"


@pytest.fixture(autouse=True)
def no_settings_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's own ATTUNE_* variables must not leak into these tests."""
    for variable in [*ENV_ALIASES, *map(env_name, setting_names())]:
        monkeypatch.delenv(variable, raising=False)


def _shown(capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    assert main(["config", "show", "--json"]) == 0
    settings: dict[str, dict[str, object]] = json.loads(capsys.readouterr().out)["settings"]
    return settings


def test_config_set_then_show_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "set", "rate", "120"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Saved speech_rate_wpm = 120 in ") and out.count("\n") == 1
    assert main(["config", "set", "captions", "large"]) == 0
    capsys.readouterr()
    shown = _shown(capsys)
    assert shown["speech_rate_wpm"] == {"value": 120, "source": "file"}
    assert shown["captions"] == {"value": "large", "source": "file"}
    assert shown["volume"] == {"value": 1.0, "source": "default"}


def test_config_show_lists_every_setting_with_its_source(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    main(["config", "set", "volume", "0.5"])
    monkeypatch.setenv("ATTUNE_RATE", "170")
    capsys.readouterr()
    assert main(["config", "show"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("settings file: ")
    assert "volume = 0.5 (file)" in lines
    assert "speech_rate_wpm = 170 (env ATTUNE_RATE)" in lines
    assert "pause = normal (default)" in lines
    assert len(lines) == 1 + len(setting_names())


def test_config_set_warns_when_the_environment_overrides_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATTUNE_RATE", "170")
    assert main(["config", "set", "rate", "120"]) == 0
    assert "ATTUNE_RATE is set and overrides it." in capsys.readouterr().out


def test_config_path_and_reset(attune_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(attune_home / "config.toml")
    main(["config", "set", "rate", "120"])
    capsys.readouterr()
    assert main(["config", "reset", "rate"]) == 0
    assert capsys.readouterr().out.strip() == "Reset speech_rate_wpm; it is now 145."
    assert _shown(capsys)["speech_rate_wpm"]["source"] == "default"


def test_an_invalid_value_fails_in_one_line_and_saves_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["config", "set", "volume", "3"]) == 6
    err = capsys.readouterr().err
    assert err.startswith("attune: '3' is not a valid volume") and err.count("\n") == 1
    assert _shown(capsys)["volume"]["source"] == "default"


def test_a_broken_config_file_gives_one_clear_line_and_a_non_zero_exit(
    attune_home: Path,
) -> None:
    attune_home.mkdir(parents=True)
    (attune_home / "config.toml").write_text('volume = 0.5\nregion = "UK\n')
    run = attune("config", "show")
    assert run.code != 0
    assert run.out == ""
    assert run.err.count("\n") == 1 and "Traceback" not in run.err
    assert "config.toml line 2:" in run.err and "Fix or delete the file" in run.err


def test_an_evening_reads_the_region_from_the_file_and_the_environment_overrides_it() -> None:
    assert attune("config", "set", "region", "UK").code == 0
    run = attune("evening", "--text", "--no-voice", "--max-turns", "1", stdin=CRISIS)
    assert run.code == 0, run.err
    assert "Samaritans" in run.out and "988" not in run.out
    run = attune(
        "evening",
        "--text",
        "--no-voice",
        "--max-turns",
        "1",
        stdin=CRISIS,
        env={"ATTUNE_REGION": "AU"},
    )
    assert run.code == 0, run.err
    assert "Lifeline: 13 11 14" in run.out and "Samaritans" not in run.out


def test_a_session_refuses_a_bad_flag_in_one_line() -> None:
    run = attune("evening", "--text", "--no-voice", "--rate", "10", stdin="hello\n")
    assert run.code == 6
    assert run.err.count("\n") == 1 and "speech_rate_wpm = 10" in run.err


def test_session_output_to_a_pipe_has_no_escape_codes_even_with_large_captions() -> None:
    assert attune("config", "set", "captions", "large").code == 0
    run = attune(
        "evening",
        "--text",
        "--no-voice",
        "--max-turns",
        "2",
        stdin="I keep replaying the fight.\nI felt alone.\n",
        env={"TERM": "xterm-256color", "NO_COLOR": ""},
    )
    assert run.code == 0, run.err
    assert "replaying the fight" in run.out
    assert "\x1b" not in run.out + run.err


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (b"rate = 130\nvoice = 'caf\xe9'\n", "line 2 is not UTF-8 text (byte 0xe9)"),
        (b"speak = true\nrate = 'fast'\n", "line 2: speech_rate_wpm = 'fast' is not allowed"),
        (None, "is a folder, not a settings file"),
    ],
    ids=["latin-1", "alias-line", "folder"],
)
def test_a_settings_file_attune_cannot_read_is_named_with_what_to_do(
    attune_home: Path, capsys: pytest.CaptureFixture[str], written: bytes | None, said: str
) -> None:
    attune_home.mkdir(mode=0o700)
    if written is None:
        (attune_home / "config.toml").mkdir()
    else:
        (attune_home / "config.toml").write_bytes(written)
    assert main(["config", "show"]) == 6
    err = capsys.readouterr().err
    assert said in err and "permissions" not in err and "codec" not in err, err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_settings_file_saved_by_notepad_is_read(
    attune_home: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    attune_home.mkdir(mode=0o700)
    (attune_home / "config.toml").write_bytes("rate = 120\r\n".encode(encoding))
    assert _shown(capsys)["speech_rate_wpm"] == {"value": 120, "source": "file"}
