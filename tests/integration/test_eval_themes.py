"""`attune eval themes` on the real benchmarks, and the benchmark definitions themselves."""

import json
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.evaluation.benchmarks import Half, load_ed7, load_ge7
from assistant.evaluation.metrics import score
from assistant.evaluation.speed import classify_throughput
from assistant.themes.taxonomy import Theme
from tests.conftest import SHARED_DATA

needs_data = pytest.mark.skipif(
    not (SHARED_DATA / "goemotions").is_dir(), reason="the shared benchmark data is not here"
)


@needs_data
def test_benchmarks_split_by_row_parity_and_keep_only_mapped_labels() -> None:
    for bench in (load_ed7(SHARED_DATA), load_ge7(SHARED_DATA)):
        dev, test = bench.half(Half.DEV), bench.half(Half.TEST)
        assert all(e.row % 2 == 0 for e in dev) and all(e.row % 2 == 1 for e in test)
        assert len(dev) + len(test) == len(bench.examples) > 1000
    assert load_ed7(SHARED_DATA).classes == (
        Theme.SHAME, Theme.REMORSE, Theme.GRIEF, Theme.ANGER, Theme.FEAR, Theme.LONELINESS,
        Theme.HOPE,
    )  # fmt: skip
    assert Theme.NEUTRAL in load_ge7(SHARED_DATA).classes


@needs_data
def test_eval_themes_meets_the_bars_on_the_test_halves(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "themes", "--json", "--data", str(SHARED_DATA)]) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    test = {r["benchmark"]: r for r in results if r["half"] == "test"}
    assert test["ED-7"]["macro_f1"] >= 0.62  # learned reading 0.641; the lexicon alone 0.624
    assert test["GE-7"]["macro_f1"] >= 0.55  # learned reading 0.566; the lexicon alone 0.624
    assert len(results) == 4


@needs_data
def test_eval_themes_prints_figures_and_confusion_for_people(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATTUNE_DATA", str(SHARED_DATA))
    assert main(["eval", "themes"]) == 0
    out = capsys.readouterr().out
    assert "ED-7 test half" in out and "GE-7 dev half" in out
    assert "macro-F1" in out and "confusion" in out


def test_eval_themes_with_a_missing_data_folder_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "themes", "--data", str(tmp_path)]) != 0
    assert "--data" in capsys.readouterr().err


def test_macro_f1_counts_predictions_outside_the_classes_against_recall() -> None:
    classes = (Theme.ANGER, Theme.GRIEF)
    result = score("toy", "dev", classes, [Theme.ANGER, Theme.GRIEF], [Theme.ANGER, Theme.NEUTRAL])
    assert result.accuracy == 0.5
    assert result.per_class_f1 == {"anger": 1.0, "grief": 0.0}
    assert result.confusion == [[1, 0, 0], [0, 0, 1]]


def test_classifier_keeps_up_with_two_thousand_utterances_a_second() -> None:
    assert classify_throughput(duration_s=0.3) >= 2000
