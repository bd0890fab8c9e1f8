"""Run the safety gate over the shared evaluation texts and print what fires, for a person to read.

Usage: .venv/bin/python scripts/safety_scan.py [--data DIR] [--quiet] [--test-sets]

Reads GoEmotions test.tsv and EmpatheticDialogues ed_test_situations.csv from the shared data
folder, prints every text that fires (with its kind and evidence) and a count by kind. The
texts stay on screen: nothing is written anywhere.
"""

import argparse
import csv
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.safety import SafetyCheck, check

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def goemotions(data: Path) -> Iterator[tuple[str, str]]:
    """(row id, text) for every GoEmotions test row."""
    with (data / "goemotions" / "test.tsv").open(encoding="utf-8") as rows:
        for index, line in enumerate(rows):
            yield f"ge:{index}", line.split("\t")[0]


def empathetic(data: Path) -> Iterator[tuple[str, str]]:
    """(row id, situation) for every EmpatheticDialogues test situation."""
    with (data / "empatheticdialogues" / "ed_test_situations.csv").open(encoding="utf-8") as f:
        for index, row in enumerate(csv.DictReader(f)):
            yield f"ed:{index}:{row['emotion']}", row["situation"]


def scan(name: str, texts: Iterator[tuple[str, str]], quiet: bool) -> Counter[str]:
    """Check every text, print the ones that fire, and count them by kind."""
    counts: Counter[str] = Counter()
    total = 0
    for row_id, text in texts:
        total += 1
        result: SafetyCheck = check(text)
        if not result.crisis or result.kind is None:
            continue
        counts[result.kind.value] += 1
        if not quiet:
            print(f"[{result.kind.value}] {row_id} {result.evidence}\n    {text.strip()}")
    fired = sum(counts.values())
    print(f"== {name}: {fired} of {total} texts fire ({fired / max(total, 1):.2%})")
    for kind, count in sorted(counts.items()):
        print(f"   {kind}: {count}")
    return counts


TEST_DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
ROUNDS = [
    ("main", ""),
    ("held-out round 1", "_heldout"),
    ("held-out round 2", "_heldout2"),
    ("held-out round 3", "_heldout3"),
    ("held-out round 4", "_round4"),
    ("held-out round 5", "_round5"),
]


def _rows(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_sets() -> None:
    """Print recall and false alarms on attune's own hand-written test sets, per round."""
    for label, infix in ROUNDS:
        rows = [row.split("\t") for row in _rows(TEST_DATA / f"safety{infix}_crisis.tsv")]
        calm = _rows(TEST_DATA / f"safety{infix}_not_crisis.txt")
        caught = sum(check(text).crisis for _, text in rows)
        right = sum(check(text).kind == kind for kind, text in rows)
        alarms = [text for text in calm if check(text).crisis]
        print(
            f"{label}: recall {caught}/{len(rows)} (right kind {right}), "
            f"false alarms {len(alarms)}/{len(calm)}"
        )
        for _, text in rows:
            if not check(text).crisis:
                print(f"   missed: {text}")
        for text in alarms:
            print(f"   false alarm: {text} {check(text).evidence}")


def main() -> int:
    """Scan both files; exit 2 when the data folder is missing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--quiet", action="store_true", help="print only the counts")
    parser.add_argument("--test-sets", action="store_true", help="score tests/data instead")
    args = parser.parse_args()
    if args.test_sets:
        test_sets()
        return 0
    if not args.data.is_dir():
        print(f"No data folder at {args.data}; pass --data DIR.", file=sys.stderr)
        return 2
    scan("GoEmotions test.tsv", goemotions(args.data), args.quiet)
    scan("EmpatheticDialogues ed_test_situations.csv", empathetic(args.data), args.quiet)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
