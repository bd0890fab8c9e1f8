"""Rebuild models/themes/weights.json: word -> theme weights fitted on the GoEmotions dev half.

Only GoEmotions (Apache-2.0) rows with an even 0-based index are read: the dev half of the GE-7
benchmark. The odd rows (GE-7's test half) and EmpatheticDialogues are never used for fitting.

For each theme, a word's weight is a smoothed log-ratio of how often comments carrying that
theme contain it against how often the other comments do. Words seen in fewer than MIN_DF
comments of the theme, or weaker than MIN_WEIGHT, are dropped; the file stays short and
readable. The classifier adds `blend` x weight for any word that is not part of a
hand-written cue, unless it is negated.

Run:  .venv/bin/python scripts/build_theme_weights.py [--data DIR]           (prints the grid)
      .venv/bin/python scripts/build_theme_weights.py --write [--data DIR]   (writes the file)
The grid fits on one half of the GoEmotions dev rows and scores GE-7 on the other half (both
ways), and scores ED-7 on its dev half with the full fit; no test-half row is read.

Status: NOT SHIPPED. On the grid, every blend scored below the hand-written lexicon alone (see
models/themes/NOTES.md), so models/themes/weights.json does not exist and the classifier runs
on the lexicon only. `--write` creates the file, and the classifier would then blend it in.
"""

import argparse
import json
import math
from dataclasses import replace
from itertools import product
from pathlib import Path

from assistant.evaluation.benchmarks import GE7_MAP, Half, load_ed7
from assistant.evaluation.metrics import score
from assistant.themes.classifier import classify_with
from assistant.themes.knowledge import THEMES_DIR, Knowledge, WeightsFile, fitted_index, load
from assistant.themes.taxonomy import Theme
from assistant.themes.text import tokens

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SMOOTHING = 1.0
MIN_DF = 4
MIN_WEIGHT = 1.0
MAX_WEIGHT = 3.0
BLEND = 0.3
FIT_NEUTRAL = False
_PLACEHOLDERS = frozenset({"name", "religion"})
"""GoEmotions masks names and religions with [NAME] / [RELIGION]; they carry no feeling."""

Doc = tuple[int, str, frozenset[Theme], int]
"""Row index, text, mapped themes, and how many labels the row had."""


def read_dev_rows(data_dir: Path) -> list[Doc]:
    """Every even (dev-half) row of goemotions/test.tsv: row index, text, mapped themes."""
    labels = (data_dir / "goemotions" / "emotions.txt").read_text(encoding="utf-8").split()
    lines = (data_dir / "goemotions" / "test.tsv").read_text(encoding="utf-8").splitlines()
    docs: list[Doc] = []
    for row, line in enumerate(lines):
        if row % 2 == 1:
            continue
        text, ids, _comment_id = line.split("\t")
        names = [labels[int(i)] for i in ids.split(",")]
        mapped = frozenset(GE7_MAP[n] for n in names if n in GE7_MAP)
        docs.append((row, text, mapped, len(names)))
    return docs


def _words(text: str) -> set[str]:
    """The distinct plain words of one comment."""
    return {w for w in tokens(text) if w.isalpha() and len(w) > 1 and w not in _PLACEHOLDERS}


def fit(docs: list[Doc], min_df: int, min_weight: float, fit_neutral: bool) -> WeightsFile:
    """Smoothed log-ratio weights per theme, keeping the strong, well-attested words."""
    bags = [(_words(text), themes) for _row, text, themes, _n in docs]
    themes = [t for t in Theme if t in GE7_MAP.values() and (fit_neutral or t is not Theme.NEUTRAL)]
    fitted: dict[Theme, dict[str, float]] = {}
    for theme in themes:
        inside: dict[str, int] = {}
        outside: dict[str, int] = {}
        n_in = sum(1 for _bag, ts in bags if theme in ts)
        for bag, ts in bags:
            counts = inside if theme in ts else outside
            for word in bag:
                counts[word] = counts.get(word, 0) + 1
        n_out = len(bags) - n_in
        chosen: dict[str, float] = {}
        for word, df in inside.items():
            p_in = (df + SMOOTHING) / (n_in + 2 * SMOOTHING)
            p_out = (outside.get(word, 0) + SMOOTHING) / (n_out + 2 * SMOOTHING)
            weight = min(MAX_WEIGHT, math.log(p_in / p_out))
            if df >= min_df and weight >= min_weight:
                chosen[word] = round(weight, 2)
        fitted[theme] = dict(sorted(chosen.items(), key=lambda kv: (-kv[1], kv[0])))
    return WeightsFile(
        source="GoEmotions test.tsv, even 0-based rows only (the GE-7 dev half), Apache-2.0; "
        "built by scripts/build_theme_weights.py",
        blend=BLEND,
        themes=fitted,
    )


def _macro_f1(
    know: Knowledge, examples: list[tuple[str, Theme]], classes: tuple[Theme, ...]
) -> float:
    """Macro-F1 of the classifier with `know` on labelled examples."""
    predicted = [classify_with(know, text).top for text, _theme in examples]
    return score("cv", "dev", classes, [t for _x, t in examples], predicted).macro_f1


def _single(docs: list[Doc]) -> list[tuple[str, Theme]]:
    """GE-7 examples: comments whose only label maps onto a theme."""
    return [(text, next(iter(ts))) for _row, text, ts, n_labels in docs if n_labels == 1 and ts]


def cross_validate(data_dir: Path) -> None:
    """Print GE-7 (two-fold, within the dev half) and ED-7 dev macro-F1 over a small grid."""
    docs = read_dev_rows(data_dir)
    folds = ([d for d in docs if d[0] % 4 == 0], [d for d in docs if d[0] % 4 == 2])
    ge_classes = tuple(t for t in Theme if t in GE7_MAP.values())
    ed = load_ed7(data_dir)
    ed_examples = [(e.text, e.theme) for e in ed.half(Half.DEV)]
    base = load()
    base_ge = sum(_macro_f1(base, _single(f), ge_classes) for f in folds) / 2
    base_ed = _macro_f1(base, ed_examples, ed.classes)
    print(f"lexicon only: GE-7 cv {base_ge:.4f}  ED-7 dev {base_ed:.4f}")
    for blend, min_df, min_weight, neutral in product(
        (0.2, 0.3, 0.5), (3, 4, 6), (0.7, 1.0, 1.5), (False, True)
    ):
        ge = 0.0
        for train, held in (folds, folds[::-1]):
            weights = fit(train, min_df, min_weight, neutral).model_copy(update={"blend": blend})
            ge += (
                _macro_f1(replace(base, fitted=fitted_index(weights)), _single(held), ge_classes)
                / 2
            )
        full = fit(docs, min_df, min_weight, neutral).model_copy(update={"blend": blend})
        ed_f1 = _macro_f1(replace(base, fitted=fitted_index(full)), ed_examples, ed.classes)
        print(
            f"blend {blend} min_df {min_df} min_w {min_weight} neutral {neutral}: "
            f"GE-7 cv {ge:.4f}  ED-7 dev {ed_f1:.4f}  sum {ge + ed_f1:.4f}"
        )


def main() -> None:
    """Print the cross-validation grid, or write weights.json with --write."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--write", action="store_true", help="write models/themes/weights.json")
    args = parser.parse_args()
    if not args.write:
        cross_validate(args.data)
        return
    weights = fit(read_dev_rows(args.data), MIN_DF, MIN_WEIGHT, FIT_NEUTRAL)
    body = weights.model_dump(mode="json")
    (THEMES_DIR / "weights.json").write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
