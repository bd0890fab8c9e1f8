"""The prompt library: loading, validation errors a therapist would see, and selection."""

import shutil
from pathlib import Path

import pytest

from assistant.config import PROMPTS_DIR
from assistant.errors import ConfigError
from assistant.prompts import (
    MIN_VARIANTS,
    STEP_SPECS,
    PromptLibrary,
    PromptPicker,
    Step,
    load_library,
)
from assistant.themes.taxonomy import Theme


@pytest.fixture(scope="module")
def library() -> PromptLibrary:
    return load_library()


@pytest.fixture
def editable(tmp_path: Path) -> Path:
    """A copy of the shipped prompt folder that a test may break."""
    folder = tmp_path / "prompts"
    shutil.copytree(PROMPTS_DIR, folder)
    return folder


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _load_error(folder: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        PromptLibrary.load(folder)
    message = str(caught.value)
    assert "\n" not in message and message.endswith(".")
    return message


def test_every_themed_step_has_at_least_six_variants_for_every_theme(
    library: PromptLibrary,
) -> None:
    themed = [step for step, spec in STEP_SPECS.items() if spec.themed]
    assert {Step.NAME_FEELING, Step.NORMALISE, Step.EXPLORE, Step.DEEPEN} <= set(themed)
    for step in themed:
        for theme in Theme:
            variants = library.variants(step, theme)
            assert len(variants) >= MIN_VARIANTS, (step, theme)
            assert all(v.id.startswith(f"{theme.value}.") for v in variants)


def test_every_other_step_has_at_least_six_variants(library: PromptLibrary) -> None:
    for step, spec in STEP_SPECS.items():
        if not spec.themed:
            assert len(library.variants(step)) >= MIN_VARIANTS, step


def test_every_prompt_is_tagged_with_what_it_does(library: PromptLibrary) -> None:
    tags = {v.does.value for _, _, v in library.all_variants()}
    expected = {"reflect", "name_feeling", "normalise", "explore", "need", "action", "close"}
    assert expected <= tags


def test_prompt_ids_are_unique_across_the_library(library: PromptLibrary) -> None:
    ids = [v.id for _, _, v in library.all_variants()]
    assert len(ids) == len(set(ids))


def test_themes_have_spoken_names_for_the_summary(library: PromptLibrary) -> None:
    assert library.spoken(Theme.GRIEF) == "sadness"
    assert library.spoken(Theme.BETRAYAL) != ""


def test_files_that_are_not_prompts_are_left_alone(editable: Path) -> None:
    (editable / "resources.toml").write_text('regions = ["US"]\n', encoding="utf-8")
    assert len(list(PromptLibrary.load(editable).variants(Step.MORE))) >= MIN_VARIANTS


def test_invalid_toml_names_the_file(editable: Path) -> None:
    _replace(editable / "themes" / "anger.toml", 'theme = "anger"', 'theme = "anger')
    message = _load_error(editable)
    assert "anger.toml" in message and "TOML" in message


def test_unknown_step_names_the_file_and_the_key(editable: Path) -> None:
    _replace(editable / "evening.toml", "sitting_with = [", "siting_with = [")
    message = _load_error(editable)
    assert "evening.toml" in message and "siting_with" in message


def test_unknown_tag_names_the_file(editable: Path) -> None:
    _replace(editable / "evening.toml", 'does = "need"', 'does = "advise"')
    message = _load_error(editable)
    assert "evening.toml" in message and "does" in message


def test_unknown_placeholder_names_the_prompt(editable: Path) -> None:
    _replace(editable / "couple.toml", "{name}, is there more?", "{nmae}, is there more?")
    message = _load_error(editable)
    assert "couple.toml" in message and "cp.more.1" in message and "nmae" in message


def test_reflection_prompt_without_the_persons_words_is_rejected(editable: Path) -> None:
    _replace(editable / "evening.toml", "It sounds like {reflection}.", "It sounds hard.")
    message = _load_error(editable)
    assert "ev.reflect.1" in message and "reflection" in message


def test_a_why_question_added_by_an_editor_stops_loading(editable: Path) -> None:
    _replace(editable / "themes" / "fear.toml", "What is the fear", "Why is the fear")
    message = _load_error(editable)
    assert "fear.toml" in message and "fear.ex.1" in message and "why" in message


def test_too_few_variants_is_reported_with_the_step_and_theme(editable: Path) -> None:
    path = editable / "themes" / "hope.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if 'id = "hope.de.6"' not in line]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    message = _load_error(editable)
    assert "deepen" in message and "hope" in message and str(MIN_VARIANTS) in message


def test_a_themed_step_in_the_shared_file_is_rejected(editable: Path) -> None:
    _replace(editable / "evening.toml", "need = [", "deepen = [")
    message = _load_error(editable)
    assert "evening.toml" in message and "deepen" in message


def test_a_duplicate_id_names_both_files(editable: Path) -> None:
    _replace(editable / "themes" / "grief.toml", 'id = "grief.nf.1"', 'id = "anger.nf.1"')
    message = _load_error(editable)
    assert "anger.nf.1" in message and "grief.toml" in message and "anger.toml" in message


def test_an_empty_folder_says_where_it_looked(tmp_path: Path) -> None:
    message = _load_error(tmp_path)
    assert str(tmp_path) in message


def test_no_prompt_repeats_within_a_session(library: PromptLibrary) -> None:
    picker = PromptPicker(library, seed=3)
    count = len(library.variants(Step.REFLECT))
    picked = [picker.pick(Step.REFLECT).id for _ in range(count)]
    assert len(set(picked)) == count


def test_when_a_step_runs_out_the_longest_ago_variant_comes_back(library: PromptLibrary) -> None:
    picker = PromptPicker(library, seed=4)
    count = len(library.variants(Step.MORE))
    first = [picker.pick(Step.MORE).id for _ in range(count)]
    assert picker.pick(Step.MORE).id == first[0]


def test_selection_is_the_same_for_the_same_seed(library: PromptLibrary) -> None:
    def run(seed: int) -> list[str]:
        picker = PromptPicker(library, seed=seed)
        return [picker.pick(step, theme=Theme.ANGER).id for step in Step for _ in range(2)]

    assert run(11) == run(11)
    assert any(run(11) != run(seed) for seed in range(12, 16))


def test_variants_said_in_recent_sessions_are_avoided(library: PromptLibrary) -> None:
    options = [v.id for v in library.variants(Step.NEED)]
    recent = set(options[:-2])
    for seed in range(20):
        picker = PromptPicker(library, recent, seed=seed)
        assert {picker.pick(Step.NEED).id, picker.pick(Step.NEED).id} == set(options[-2:])


def test_recent_variants_are_used_again_once_fresh_ones_run_out(library: PromptLibrary) -> None:
    options = [v.id for v in library.variants(Step.NEED)]
    picker = PromptPicker(library, set(options), seed=5)
    assert picker.pick(Step.NEED).id in options
