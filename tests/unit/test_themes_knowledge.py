"""The classifier's knowledge files: readable, validated, and loud when broken."""

import json
import shutil
from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.themes.knowledge import THEMES_DIR, load
from assistant.themes.taxonomy import Theme


def test_shipped_lexicon_covers_every_emotional_theme() -> None:
    lexicon = json.loads((THEMES_DIR / "lexicon.json").read_text(encoding="utf-8"))
    assert set(lexicon["themes"]) == {t.value for t in Theme}


def test_notes_say_where_every_model_file_came_from() -> None:
    notes = (THEMES_DIR / "NOTES.md").read_text(encoding="utf-8")
    for name in ("lexicon.json", "actions.json", "modifiers.json", "schema.json"):
        assert name in notes


def test_a_broken_model_file_is_reported_as_a_config_error(tmp_path: Path) -> None:
    folder = tmp_path / "themes"
    shutil.copytree(THEMES_DIR, folder)
    (folder / "lexicon.json").write_text('{"themes": {"joy": {"yay": 1.0}}}', encoding="utf-8")
    with pytest.raises(ConfigError, match="schema"):
        load(folder)


def test_a_missing_model_file_is_reported_as_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="missing"):
        load(tmp_path)


def test_an_optional_fitted_weights_file_is_blended_in_and_shown_as_evidence(
    tmp_path: Path,
) -> None:
    from assistant.themes.classifier import classify_with

    folder = tmp_path / "themes"
    shutil.copytree(THEMES_DIR, folder)
    (folder / "weights.json").unlink(missing_ok=True)
    before = classify_with(load(folder), "the weather turned gloomily purple")
    weights = {"source": "test", "blend": 1.0, "themes": {"fear": {"purple": 3.0}}}
    (folder / "weights.json").write_text(json.dumps(weights), encoding="utf-8")
    after = classify_with(load(folder), "the weather turned gloomily purple")
    negated = classify_with(load(folder), "the weather is not purple")
    assert before.top is Theme.NEUTRAL
    assert after.top is Theme.FEAR
    assert "purple" in next(s.evidence for s in after.themes if s.theme is Theme.FEAR)
    assert negated.top is Theme.NEUTRAL
