"""`attune eval themes`: the theme classifier measured on the ED-7 and GE-7 benchmarks."""

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.themes import Theme

from assistant.cli.common import add_command


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add `attune eval themes`."""
    evaluate = add_command(
        sub, "eval", "Measure attune on real, labelled data.", "attune eval themes"
    )
    groups = evaluate.add_subparsers(dest="eval_command", metavar="WHAT", required=True)
    themes = add_command(
        groups,
        "themes",
        "Measure theme recognition on ED-7 and GE-7: macro-F1, accuracy, confusion matrix.",
        "attune eval themes --json",
    )
    themes.add_argument(
        "--data",
        type=Path,
        default=None,
        metavar="FOLDER",
        help="folder holding empatheticdialogues/ and goemotions/ "
        "(default: $ATTUNE_DATA, else ../shared/data next to the repository)",
    )
    themes.add_argument("--json", action="store_true", help="print one JSON object")
    themes.add_argument(
        "--lexicon",
        action="store_true",
        help="measure the hand-written lexicon alone instead of the learned reading",
    )
    themes.set_defaults(handler=run_themes)


def run_themes(args: argparse.Namespace) -> int:
    """Print dev and test scores for both benchmarks; exit 0."""
    from assistant.evaluation.report import (
        default_data_dir,
        evaluate_all,
        format_scores,
        format_summary,
    )

    data_dir: Path = args.data or default_data_dir()
    results = evaluate_all(data_dir, _predictor(args.lexicon))
    if args.json:
        print(json.dumps({"data": str(data_dir), "results": [r.model_dump() for r in results]}))
        return 0
    for result in results:
        print(format_scores(result))
        print()
    print(format_summary(results))
    return 0


def _predictor(lexicon: bool) -> "Callable[[str], Theme]":
    """The top theme as a live turn reads it, or as the lexicon alone does."""
    import sys

    from assistant.cli.common import reading_functions

    if lexicon:
        from assistant.evaluation.report import classifier_top

        return classifier_top
    classify, _check = reading_functions(lambda w: print(f"attune: {w}", file=sys.stderr))
    return lambda text: classify(text).top
