"""The settings file: validated saves, clear errors, and environment and flags layered over it."""

import stat
from pathlib import Path

import pytest

from assistant.cli import build_parser
from assistant.cli.common import settings_from
from assistant.errors import ConfigError
from assistant.settings_file import (
    ENV_ALIASES,
    config_path,
    env_name,
    load_settings_file,
    reset_setting,
    resolve,
    save_setting,
    setting_names,
)


@pytest.fixture(autouse=True)
def no_settings_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's own ATTUNE_* variables must not leak into these tests."""
    for variable in [*ENV_ALIASES, *map(env_name, setting_names())]:
        monkeypatch.delenv(variable, raising=False)


def _write(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_no_values_and_every_setting_from_its_default() -> None:
    assert load_settings_file() == {}
    resolved = resolve()
    assert resolved.settings.speech_rate_wpm == 145
    assert set(resolved.sources.values()) == {"default"}


def test_saved_settings_come_back_typed(attune_home: Path) -> None:
    assert save_setting("rate", "120") == ("speech_rate_wpm", 120)
    save_setting("volume", "0.6")
    save_setting("read-back", "yes")
    save_setting("pause", "Patient")
    save_setting("resources", "Call Sam: 555 0100; Text Jo")
    assert load_settings_file() == {
        "speech_rate_wpm": 120,
        "volume": 0.6,
        "read_back": True,
        "pause": "patient",
        "resources": ["Call Sam: 555 0100", "Text Jo"],
    }
    assert config_path() == attune_home / "config.toml"


def test_the_file_is_private_and_written_without_leftovers(attune_home: Path) -> None:
    save_setting("voice", "english")
    assert stat.S_IMODE(config_path().stat().st_mode) == 0o600
    assert stat.S_IMODE(attune_home.stat().st_mode) == 0o700
    assert [p.name for p in attune_home.iterdir()] == ["config.toml"]


def test_an_invalid_value_is_refused_and_the_file_is_left_alone() -> None:
    save_setting("volume", "0.5")
    before = config_path().read_text()
    for key, value in (("volume", "3"), ("rate", "fast"), ("captions", "huge"), ("pause", "x")):
        with pytest.raises(ConfigError, match=key if key != "rate" else "speech_rate_wpm"):
            save_setting(key, value)
    assert config_path().read_text() == before


def test_an_unknown_key_is_refused_with_the_known_ones_listed() -> None:
    with pytest.raises(ConfigError, match=r"'speed' is not a setting.*speech_rate_wpm"):
        save_setting("speed", "3")
    assert not config_path().exists()


def test_an_empty_value_clears_the_voice() -> None:
    save_setting("voice", "english")
    save_setting("voice", "")
    assert load_settings_file() == {}


def test_broken_toml_names_the_file_and_line_in_one_sentence() -> None:
    _write('volume = 0.5\nregion = "UK"\nspeech_rate_wpm = \n')
    with pytest.raises(ConfigError) as caught:
        load_settings_file()
    message = str(caught.value)
    assert "config.toml line 3:" in message
    assert "Fix or delete the file" in message
    assert "\n" not in message


def test_an_unknown_key_in_the_file_names_its_line() -> None:
    _write("volume = 0.5\nspeed = 20\n")
    with pytest.raises(ConfigError, match=r"config.toml line 2: 'speed' is not a setting"):
        resolve()


def test_an_out_of_range_value_in_the_file_names_its_line_and_the_fix() -> None:
    _write("volume = 0.5\nspeech_rate_wpm = 20\n")
    with pytest.raises(ConfigError) as caught:
        resolve()
    message = str(caught.value)
    assert "line 2: speech_rate_wpm = 20 is not allowed" in message
    assert "attune config set speech_rate_wpm VALUE" in message


def test_setting_a_bad_key_again_repairs_the_file() -> None:
    _write("volume = 0.5\nspeech_rate_wpm = 20\n")
    save_setting("speech_rate_wpm", "110")
    assert load_settings_file() == {"volume": 0.5, "speech_rate_wpm": 110}


def test_reset_removes_a_setting_even_an_unknown_one() -> None:
    _write("volume = 0.5\nspeed = 20\n")
    assert reset_setting("speed") is True
    assert reset_setting("volume") is True
    assert reset_setting("volume") is False
    assert load_settings_file() == {}


def test_environment_overrides_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    save_setting("rate", "120")
    save_setting("region", "UK")
    monkeypatch.setenv("ATTUNE_RATE", "180")
    monkeypatch.setenv("ATTUNE_CAPTIONS", "large")
    monkeypatch.setenv("ATTUNE_RESOURCES", "Call Sam; Text Jo")
    resolved = resolve()
    assert resolved.settings.speech_rate_wpm == 180
    assert resolved.settings.captions == "large"
    assert resolved.settings.resources == ["Call Sam", "Text Jo"]
    assert resolved.settings.region == "UK"
    assert resolved.sources["speech_rate_wpm"] == "env ATTUNE_RATE"
    assert resolved.sources["region"] == "file"


def test_the_full_variable_name_beats_the_short_alias(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTUNE_RATE", "180")
    monkeypatch.setenv("ATTUNE_SPEECH_RATE_WPM", "100")
    assert resolve().settings.speech_rate_wpm == 100


def test_a_bad_environment_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTUNE_VOLUME", "loud")
    with pytest.raises(ConfigError, match=r"ATTUNE_VOLUME='loud' is not a valid volume.*unset"):
        resolve()


def test_the_model_variable_still_chooses_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTUNE_MODEL", "/models/small.en")
    args = build_parser().parse_args(["transcribe", "x.wav"])
    assert settings_from(args).model == "/models/small.en"


def test_an_evening_takes_comfort_settings_from_the_file() -> None:
    save_setting("rate", "110")
    save_setting("volume", "0.4")
    save_setting("pause", "patient")
    save_setting("device", "auto")
    args = build_parser().parse_args(["evening", "--text", "--no-voice"])
    settings = settings_from(args)
    assert (settings.speech_rate_wpm, settings.volume, settings.pause) == (110, 0.4, "patient")
    assert settings.device == "auto", "the --device default must not hide the file"
    assert settings.speak is False


def test_flags_override_environment_and_file(monkeypatch: pytest.MonkeyPatch) -> None:
    save_setting("rate", "110")
    save_setting("pause", "patient")
    monkeypatch.setenv("ATTUNE_RATE", "180")
    args = build_parser().parse_args(["evening", "--text", "--rate", "200", "--pause", "short"])
    settings = settings_from(args)
    assert (settings.speech_rate_wpm, settings.pause) == (200, "short")


def test_a_bad_flag_value_is_a_clear_error() -> None:
    args = build_parser().parse_args(["evening", "--text", "--rate", "10"])
    with pytest.raises(ConfigError, match="speech_rate_wpm = 10 from the command line"):
        settings_from(args)


def test_cuda_gets_float16_unless_a_compute_type_was_chosen() -> None:
    args = build_parser().parse_args(["transcribe", "x.wav", "--device", "cuda"])
    assert settings_from(args).compute_type == "float16"
    save_setting("compute_type", "int8_float16")
    assert settings_from(args).compute_type == "int8_float16"
