"""Macro-F1, accuracy and a confusion matrix for single-label theme predictions."""

from pydantic import BaseModel, ConfigDict

from assistant.themes.taxonomy import Theme

OTHER = "other"
"""Column for predictions outside a benchmark's classes (they count against recall)."""


class Scores(BaseModel):
    """How well predictions matched gold labels on one half of one benchmark."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    benchmark: str
    half: str
    count: int
    macro_f1: float
    accuracy: float
    per_class_f1: dict[str, float]
    labels: list[str]
    """Row labels of the confusion matrix (gold); columns are these plus "other"."""
    confusion: list[list[int]]


def _f1(true_pos: int, predicted: int, actual: int) -> float:
    """F1 of one class from its counts; 0.0 when it was never predicted or never present."""
    if true_pos == 0:
        return 0.0
    precision = true_pos / predicted
    recall = true_pos / actual
    return 2 * precision * recall / (precision + recall)


def score(
    benchmark: str, half: str, classes: tuple[Theme, ...], gold: list[Theme], predicted: list[Theme]
) -> Scores:
    """Compare predictions with gold labels; empty input scores 0.0 everywhere."""
    labels = [str(c) for c in classes]
    column = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * (len(labels) + 1) for _ in labels]
    for truth, guess in zip(gold, predicted, strict=True):
        matrix[column[str(truth)]][column.get(str(guess), len(labels))] += 1
    per_class: dict[str, float] = {}
    for i, label in enumerate(labels):
        predicted_count = sum(row[i] for row in matrix)
        per_class[label] = _f1(matrix[i][i], predicted_count, sum(matrix[i]))
    correct = sum(matrix[i][i] for i in range(len(labels)))
    return Scores(
        benchmark=benchmark,
        half=half,
        count=len(gold),
        macro_f1=sum(per_class.values()) / len(labels) if labels else 0.0,
        accuracy=correct / len(gold) if gold else 0.0,
        per_class_f1=per_class,
        labels=labels,
        confusion=matrix,
    )
