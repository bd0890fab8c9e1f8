"""The ED-7 and GE-7 theme benchmarks, loaded exactly as ../shared/data/README.md defines them.

Rows with an even 0-based index in a file are the dev half; odd rows are the test half.
Indices count every row of the file (before rows with other labels are left out).
"""

import csv
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from assistant.errors import ConfigError
from assistant.themes.taxonomy import Theme

ED_FILE = Path("empatheticdialogues") / "ed_test_situations.csv"
GE_FILE = Path("goemotions") / "test.tsv"
GE_LABELS_FILE = Path("goemotions") / "emotions.txt"

ED7_MAP: dict[str, Theme] = {
    "ashamed": Theme.SHAME,
    "embarrassed": Theme.SHAME,
    "guilty": Theme.REMORSE,
    "devastated": Theme.GRIEF,
    "sad": Theme.GRIEF,
    "angry": Theme.ANGER,
    "furious": Theme.ANGER,
    "annoyed": Theme.ANGER,
    "afraid": Theme.FEAR,
    "anxious": Theme.FEAR,
    "apprehensive": Theme.FEAR,
    "terrified": Theme.FEAR,
    "lonely": Theme.LONELINESS,
    "hopeful": Theme.HOPE,
    "grateful": Theme.HOPE,
}
GE7_MAP: dict[str, Theme] = {
    "embarrassment": Theme.SHAME,
    "remorse": Theme.REMORSE,
    "grief": Theme.GRIEF,
    "sadness": Theme.GRIEF,
    "anger": Theme.ANGER,
    "annoyance": Theme.ANGER,
    "fear": Theme.FEAR,
    "nervousness": Theme.FEAR,
    "gratitude": Theme.HOPE,
    "optimism": Theme.HOPE,
    "neutral": Theme.NEUTRAL,
}


class Half(StrEnum):
    """Which half of a benchmark file: dev (even rows) for tuning, test (odd rows) for reporting."""

    DEV = "dev"
    TEST = "test"


@dataclass(frozen=True)
class Example:
    """One labelled utterance of a benchmark, with its 0-based row index in the source file."""

    row: int
    text: str
    theme: Theme


@dataclass(frozen=True)
class Benchmark:
    """A named benchmark: its classes and its labelled examples (both halves)."""

    name: str
    classes: tuple[Theme, ...]
    examples: tuple[Example, ...]

    def half(self, which: Half) -> list[Example]:
        """The examples of one half: dev = even rows, test = odd rows."""
        parity = 0 if which is Half.DEV else 1
        return [e for e in self.examples if e.row % 2 == parity]


def _classes(mapping: dict[str, Theme]) -> tuple[Theme, ...]:
    """The distinct themes of a label map, in taxonomy order."""
    return tuple(t for t in Theme if t in mapping.values())


def _missing(path: Path) -> ConfigError:
    """The error for a benchmark file that is not where it should be."""
    return ConfigError(
        f"Benchmark file {path} was not found; pass --data DIR or set ATTUNE_DATA to the "
        "folder holding empatheticdialogues/ and goemotions/."
    )


def load_ed7(data_dir: Path) -> Benchmark:
    """ED-7: EmpatheticDialogues test situations, seven emotion groups (others left out)."""
    path = data_dir / ED_FILE
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise _missing(path) from exc
    examples = tuple(
        Example(row=i, text=r["situation"], theme=ED7_MAP[r["emotion"]])
        for i, r in enumerate(rows)
        if r["emotion"] in ED7_MAP
    )
    return Benchmark(name="ED-7", classes=_classes(ED7_MAP), examples=examples)


def load_ge7(data_dir: Path) -> Benchmark:
    """GE-7: GoEmotions test rows with exactly one label, seven groups (others left out)."""
    path = data_dir / GE_FILE
    try:
        labels = (data_dir / GE_LABELS_FILE).read_text(encoding="utf-8").split()
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise _missing(path) from exc
    examples: list[Example] = []
    for i, line in enumerate(lines):
        text, ids, _comment_id = line.split("\t")
        label_ids = ids.split(",")
        if len(label_ids) != 1:
            continue
        label = labels[int(label_ids[0])]
        if label in GE7_MAP:
            examples.append(Example(row=i, text=text, theme=GE7_MAP[label]))
    return Benchmark(name="GE-7", classes=_classes(GE7_MAP), examples=tuple(examples))


def load_all(data_dir: Path) -> list[Benchmark]:
    """Both theme benchmarks, ED-7 then GE-7."""
    return [load_ed7(data_dir), load_ge7(data_dir)]
