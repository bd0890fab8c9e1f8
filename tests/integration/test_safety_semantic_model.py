"""The semantic layer with the real MiniLM model: what it catches, what it ignores, how fast."""

import json
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from assistant.adapters.embedding import MiniLmEmbedder
from assistant.config import MODELS_DIR
from assistant.safety import check as regex_check
from assistant.safety.semantic import BANK_FILE, VECTORS_FILE, SemanticGate, combined_check
from assistant.safety.types import SafetyKind

DATA = Path(__file__).resolve().parents[1] / "data"
BANK = MODELS_DIR / "safety"
MAX_FALSE_ALARM_RATE = 0.05
TRAINING_ROUNDS = ["", "_heldout", "_heldout2", "_heldout3", "_round4"]
HELD_OUT_ROUNDS = ["_round5", "_round6", "_round7"]
ROUND_FLOORS = {"_round5": 14, "_round6": 16, "_round7": 23}
"""Crisis statements caught by regex + semantic, as measured once on each held-out round."""


def _lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _crisis(infix: str) -> list[tuple[SafetyKind, str]]:
    rows = (line.split("\t") for line in _lines(DATA / f"safety{infix}_crisis.tsv"))
    return [(SafetyKind(kind), text) for kind, text in rows]


@pytest.fixture(scope="module")
def gate() -> Iterator[SemanticGate]:
    semantic = SemanticGate(MiniLmEmbedder())
    semantic.load()
    yield semantic


ISSUE_EXAMPLES = [
    ("I keep thinking about not being here anymore", SafetyKind.SELF_HARM),
    ("What's the point of going on", SafetyKind.SELF_HARM),
    ("I've been hurting myself again", SafetyKind.SELF_HARM),
    ("He threw a glass at me", SafetyKind.VIOLENCE),
    ("She threatened me with a knife", SafetyKind.VIOLENCE),
    ("He grabbed my throat", SafetyKind.VIOLENCE),
    ("I'm scared for the children when he drinks", SafetyKind.VIOLENCE),
    ("He takes my paycheck every month", SafetyKind.COERCIVE_CONTROL),
    ("He cut me off from my family", SafetyKind.COERCIVE_CONTROL),
    ("I'm scared of what I might do to him", SafetyKind.HARM_TO_OTHERS),
]
IDIOMS = [
    "My feet are killing me",
    "I'd die for a weekend away",
    "I nearly died of embarrassment",
    "That joke killed",
    "We had a fight about the laundry",
]


@pytest.mark.parametrize(("text", "kind"), ISSUE_EXAMPLES)
def test_the_issues_examples_fire_with_the_right_kind(
    gate: SemanticGate, text: str, kind: SafetyKind
) -> None:
    assert combined_check(text, gate).kind is kind
    assert gate.check(text).kind is kind


@pytest.mark.parametrize("text", IDIOMS)
def test_figures_of_speech_do_not_fire_the_semantic_layer(gate: SemanticGate, text: str) -> None:
    assert not gate.check(text).crisis
    assert not combined_check(text, gate).crisis


def test_a_fresh_wording_the_regex_misses_is_caught_with_a_reason(gate: SemanticGate) -> None:
    text = "She hurled the kettle at me and it burnt my arm."
    assert not regex_check(text).crisis
    verdict = combined_check(text, gate)
    assert verdict.kind is SafetyKind.VIOLENCE
    assert verdict.evidence[0].startswith("similar to: ")


@pytest.mark.parametrize("infix", HELD_OUT_ROUNDS)
def test_held_out_rounds_are_caught_at_least_as_well_as_measured(
    gate: SemanticGate, infix: str
) -> None:
    cases = _crisis(infix)
    regex = sum(regex_check(text).crisis for _, text in cases)
    combined = sum(combined_check(text, gate).crisis for _, text in cases)
    assert combined >= ROUND_FLOORS[infix]
    assert combined > regex


CALM_SETS = [f"safety{infix}_not_crisis.txt" for infix in TRAINING_ROUNDS + HELD_OUT_ROUNDS]


@pytest.mark.parametrize("name", CALM_SETS)
def test_the_semantic_layer_adds_almost_no_false_alarms(gate: SemanticGate, name: str) -> None:
    texts = _lines(DATA / name)
    added = [t for t in texts if not regex_check(t).crisis and gate.check(t).crisis]
    assert len(added) / len(texts) <= MAX_FALSE_ALARM_RATE, added


@pytest.mark.parametrize("name", CALM_SETS)
def test_combined_false_alarms_stay_under_five_percent(gate: SemanticGate, name: str) -> None:
    texts = _lines(DATA / name)
    alarms = [text for text in texts if combined_check(text, gate).crisis]
    assert len(alarms) / len(texts) <= MAX_FALSE_ALARM_RATE, alarms


def test_held_out_rounds_never_entered_the_prototype_bank() -> None:
    bank = {row["text"] for row in json.loads((BANK / BANK_FILE).read_text())["prototypes"]}
    for infix in HELD_OUT_ROUNDS:
        held_out = {text for _, text in _crisis(infix)} | set(
            _lines(DATA / f"safety{infix}_not_crisis.txt")
        )
        assert not held_out & bank


def test_the_stored_bank_matches_the_model_and_the_written_sentences() -> None:
    rows = json.loads((BANK / BANK_FILE).read_text())["prototypes"]
    written = {
        text for _, text in (ln.split("\t") for ln in _lines(BANK / "prototypes_crisis.tsv"))
    }
    assert written <= {row["text"] for row in rows}
    stored = np.load(BANK / VECTORS_FILE).astype(np.float32)
    picks = [0, len(rows) // 2, len(rows) - 1]
    fresh = MiniLmEmbedder().embed([rows[i]["text"] for i in picks])
    assert np.allclose(fresh, stored[picks], atol=2e-3)


def test_one_check_takes_a_few_milliseconds(gate: SemanticGate) -> None:
    texts = [text for _, text in _crisis("_round5")]
    timings_ms = []
    for text in texts:
        start = time.perf_counter()
        gate.check(text)
        timings_ms.append(1000 * (time.perf_counter() - start))
    # Measured 5-6 ms on the 2-core machine; the margin absorbs other work sharing the cores.
    assert statistics.median(timings_ms) < 25
