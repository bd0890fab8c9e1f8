"""Measure attune's reading (themes and safety) the way a live turn reads.

    .venv/bin/python scripts/measure_reading.py --fresh          # the untouched fresh round
    .venv/bin/python scripts/measure_reading.py --fresh --fresh-dir tests/data/fresh2
    .venv/bin/python scripts/measure_reading.py --benchmarks     # ED-7 / GE-7 test halves
    .venv/bin/python scripts/measure_reading.py --calibration calibration.png
    .venv/bin/python scripts/measure_reading.py --sessions FILE  # no-risk session lines

Nothing here fits or tunes anything; it only reads. The fresh round (tests/data/fresh/) was
written before any head was trained and is measured once, at the end.
"""

import argparse
import itertools
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.adapters.embedding import MiniLmEmbedder  # noqa: E402
from assistant.reading import Reader  # noqa: E402

FRESH = ROOT / "tests" / "data" / "fresh"
DATA = ROOT.parent / "shared" / "data"


def rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def training_word_sets() -> list[set[str]]:
    """Word sets of every corpus line, to drop fresh lines that leaked into training."""
    sets = []
    for path in (ROOT / "corpus").rglob("*.tsv"):
        for fields in rows(path):
            text = fields[1] if path.parent.name == "themes" else fields[-1]
            sets.append(set(text.lower().split()))
    return sets


def leaked(text: str, corpus: list[set[str]]) -> bool:
    words = set(text.lower().split())
    return any(len(words & other) / max(len(words | other), 1) >= 0.8 for other in corpus)


def macro_f1(gold: list[str], pred: list[str], classes: list[str]) -> float:
    f1 = []
    for c in classes:
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, pred, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, pred, strict=True))
        f1.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(f1))


def fresh(reader: Reader, folder: Path = FRESH) -> None:
    corpus = training_word_sets()
    themes = [r for r in rows(folder / "themes.tsv") if not leaked(r[2], corpus)]
    dropped = len(rows(folder / "themes.tsv")) - len(themes)
    gold = [r[0] for r in themes]
    pred = [reader.classify(r[2]).top.value for r in themes]
    classes = sorted(set(gold))
    print(
        f"fresh themes: macro-F1 {macro_f1(gold, pred, classes):.3f}, accuracy "
        f"{np.mean([g == p for g, p in zip(gold, pred, strict=True)]):.3f} "
        f"(n={len(gold)}, {dropped} dropped as near-duplicates of training lines)"
    )
    for style in ("spoken", "asr", "partner", "subtle"):
        pairs = [(g, p) for g, p, r in zip(gold, pred, themes, strict=True) if r[1] == style]
        print(f"  {style:8s} accuracy {np.mean([g == p for g, p in pairs]):.3f} (n={len(pairs)})")
    misses = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    print(
        "  most common misses:", ", ".join(f"{g}->{p} {n}" for (g, p), n in misses.most_common(8))
    )
    safety_lines = [r for r in rows(folder / "safety.tsv") if not leaked(r[2], corpus)]
    dropped = len(rows(folder / "safety.tsv")) - len(safety_lines)
    safety_report("fresh safety", [(r[0], r[2]) for r in safety_lines], reader, dropped)


def safety_report(
    name: str, labelled: list[tuple[str, str]], reader: Reader, dropped: int = 0
) -> None:
    """Missed risk lines, and calm lines called check_in or crisis."""
    risk = [(lvl, t) for lvl, t in labelled if lvl != "clear"]
    calm = [t for lvl, t in labelled if lvl == "clear"]
    levels = {t: reader.check(t).level.value for _lvl, t in labelled}
    missed = [t for _lvl, t in risk if levels[t] == "clear"]
    crisis_right = sum(levels[t] == "crisis" for lvl, t in risk if lvl == "crisis")
    calm_crisis = [t for t in calm if levels[t] == "crisis"]
    calm_check = [t for t in calm if levels[t] == "check_in"]
    print(
        f"{name}: missed {len(missed)}/{len(risk)} risk lines; crisis lines read as crisis "
        f"{crisis_right}/{sum(lvl == 'crisis' for lvl, _ in risk)}; calm lines: crisis "
        f"{len(calm_crisis)}/{len(calm)}, check_in {len(calm_check)}/{len(calm)}"
        + (f" ({dropped} dropped as near-duplicates of training lines)" if dropped else "")
    )
    for t in missed:
        print(f"  missed: {t}")
    for t in calm_crisis:
        print(f"  calm read as crisis: {t}")
    for t in calm_check:
        print(f"  calm read as check_in: {t}")


def benchmarks(reader: Reader) -> None:
    from assistant.evaluation.report import evaluate_all, format_scores, format_summary

    results = evaluate_all(DATA, lambda text: reader.classify(text).top)
    for result in results:
        if result.half == "test":
            print(format_scores(result))
    print(format_summary(results))


def calibration(reader: Reader, out: Path) -> None:
    """Reliability of the top score on the benchmark test halves and the fresh round."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from assistant.evaluation.benchmarks import Half, load_all

    sets: dict[str, list[tuple[str, str]]] = {
        b.name: [(e.theme.value, e.text) for e in b.half(Half.TEST)] for b in load_all(DATA)
    }
    sets["fresh round"] = [(r[0], r[2]) for r in rows(FRESH / "themes.tsv")]
    edges = np.linspace(0, 1, 11)
    plt.figure(figsize=(5, 5))
    plt.plot([0, 1], [0, 1], "k--", label="perfect")
    for name, labelled in sets.items():
        classes = {g for g, _ in labelled}
        scores, right = [], []
        for gold, text in labelled:
            reading = reader.classify(text)
            top = next(s for s in reading.themes if s.theme.value in classes | {reading.top.value})
            scores.append(top.score)
            right.append(reading.top.value == gold)
        s, r = np.array(scores), np.array(right)
        centres, accuracy = [], []
        for lo, hi in itertools.pairwise(edges):
            sel = (s >= lo) & (s < hi)
            if sel.sum() >= 5:
                centres.append(s[sel].mean())
                accuracy.append(r[sel].mean())
        ece = sum(
            abs(r[(s >= lo) & (s < hi)].mean() - s[(s >= lo) & (s < hi)].mean())
            * ((s >= lo) & (s < hi)).sum()
            for lo, hi in itertools.pairwise(edges)
            if ((s >= lo) & (s < hi)).any()
        ) / len(s)
        print(f"{name}: expected calibration error {ece:.3f} (n={len(s)})")
        plt.plot(centres, accuracy, "o-", label=f"{name} (ECE {ece:.2f})")
    plt.xlabel("top theme score")
    plt.ylabel("share right")
    plt.title("attune theme scores: calibration")
    plt.legend()
    plt.savefig(out, dpi=100, bbox_inches="tight")
    print(f"wrote {out}")


ORDINARY_TOPICS = (
    "relationships",
    "intimacy",
    "marriage",
    "parenting",
    "family-conflict",
    "social-relationships",
    "workplace-relationships",
    "human-sexuality",
)
RISK_TOPICS = ("self-harm", "domestic-violence")


def counselchat(reader: Reader) -> None:
    """Levels by topic over the unique CounselChat questions (evaluation only: nothing here is
    stored or fitted). Without a hand label per question, topics are the proxy: ordinary
    relationship topics should rarely be a crisis; self-harm and domestic-violence questions
    should nearly always be noticed."""
    import csv

    path = DATA / "counselchat" / "20200325_counsel_chat.csv"
    seen: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = f"{row['questionTitle']}. {row['questionText'] or ''}".strip()
            seen.setdefault(row["questionID"], (row["topic"], text))
    by_topic: dict[str, Counter[str]] = {}
    for topic, text in seen.values():
        by_topic.setdefault(topic, Counter())[reader.check(text).level.value] += 1
    for group, topics in (("ordinary", ORDINARY_TOPICS), ("risk", RISK_TOPICS)):
        total = Counter[str]()
        for topic in topics:
            total.update(by_topic.get(topic, Counter()))
        n = sum(total.values())
        print(
            f"counselchat {group} topics ({n} questions): crisis {total['crisis'] / n:.3f}, "
            f"check_in {total['check_in'] / n:.3f}, noticed {(n - total['clear']) / n:.3f}"
        )
    for topic in sorted(by_topic):
        counts = by_topic[topic]
        n = sum(counts.values())
        print(
            f"  {topic:26s} n={n:3d} crisis {counts['crisis']:3d} check_in {counts['check_in']:3d}"
        )


def speed(reader: Reader) -> None:
    texts = [r[2] for r in rows(FRESH / "themes.tsv")]
    for t in texts[:5]:
        reader.read(t + " ")
    started = time.perf_counter()
    for t in texts:
        reader.read(t + " .")
    ms = (time.perf_counter() - started) / len(texts) * 1000
    print(f"reading (themes + safety, one encoder pass): {ms:.1f} ms per utterance on one core")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--fresh-dir", type=Path, default=FRESH, help="a fresh round's folder")
    parser.add_argument("--benchmarks", action="store_true")
    parser.add_argument("--calibration", type=Path)
    parser.add_argument("--safety", type=Path, help="a level<TAB>kind<TAB>text file to measure")
    parser.add_argument("--sessions", type=Path, help="lines that hold no risk, one per line")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--counselchat", action="store_true")
    args = parser.parse_args()
    reader = Reader(MiniLmEmbedder())
    if args.fresh:
        fresh(reader, args.fresh_dir)
    if args.safety:
        safety_report(str(args.safety), [(r[0], r[-1]) for r in rows(args.safety)], reader)
    if args.sessions:
        lines = [
            ln.strip()
            for ln in args.sessions.read_text().splitlines()
            if ln.strip() and not ln.startswith("#")
        ]
        safety_report(str(args.sessions), [("clear", ln) for ln in lines], reader)
    if args.benchmarks:
        benchmarks(reader)
    if args.calibration:
        calibration(reader, args.calibration)
    if args.speed:
        speed(reader)
    if args.counselchat:
        counselchat(reader)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
