"""Run the theme classifier over the benchmarks and lay the results out for people to read."""

import os
from collections.abc import Callable
from pathlib import Path

from assistant.config import PROJECT_ROOT
from assistant.evaluation.benchmarks import Benchmark, Half, load_all
from assistant.evaluation.metrics import OTHER, Scores, score
from assistant.themes.taxonomy import Theme

Predictor = Callable[[str], Theme]


def default_data_dir() -> Path:
    """$ATTUNE_DATA, else ../shared/data next to the repository."""
    override = os.environ.get("ATTUNE_DATA")
    if override:
        return Path(override).expanduser()
    return PROJECT_ROOT.parent / "shared" / "data"


def classifier_top(text: str) -> Theme:
    """The classifier's single top theme for one text."""
    from assistant.themes.classifier import classify

    return classify(text).top


def evaluate(benchmark: Benchmark, half: Half, predict: Predictor = classifier_top) -> Scores:
    """Scores of `predict` on one half of one benchmark."""
    examples = benchmark.half(half)
    gold = [e.theme for e in examples]
    guesses = [predict(e.text) for e in examples]
    return score(benchmark.name, str(half), benchmark.classes, gold, guesses)


def evaluate_all(data_dir: Path, predict: Predictor = classifier_top) -> list[Scores]:
    """Dev and test scores for ED-7 and GE-7, in that order."""
    return [evaluate(b, h, predict) for b in load_all(data_dir) for h in (Half.DEV, Half.TEST)]


def format_scores(result: Scores) -> str:
    """One benchmark half as text: headline figures, per-class F1, confusion matrix."""
    lines = [
        f"{result.benchmark} {result.half} half ({result.count} utterances): "
        f"macro-F1 {result.macro_f1:.3f}, accuracy {result.accuracy:.3f}",
        "  F1 per theme: " + ", ".join(f"{k} {v:.2f}" for k, v in result.per_class_f1.items()),
        "  confusion (rows: true theme, columns: predicted):",
    ]
    columns = [*result.labels, OTHER]
    width = max(len(c) for c in columns) + 1
    lines.append("  " + " " * width + "".join(f"{c[:7]:>8}" for c in columns))
    for label, row in zip(result.labels, result.confusion, strict=True):
        lines.append(f"  {label:<{width}}" + "".join(f"{n:>8}" for n in row))
    return "\n".join(lines)


def format_summary(results: list[Scores]) -> str:
    """A small table of macro-F1 and accuracy for every benchmark half."""
    lines = ["benchmark  half  macro-F1  accuracy      n"]
    for r in results:
        lines.append(
            f"{r.benchmark:<10} {r.half:<5} {r.macro_f1:>8.3f}  {r.accuracy:>8.3f}  {r.count:>5}"
        )
    return "\n".join(lines)
