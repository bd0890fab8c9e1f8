"""The semantic layer's decision: nearest written prototype, with a fake embedder (pure)."""

from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from assistant.errors import ModelError
from assistant.safety.semantic import (
    PrototypeBank,
    SemanticGate,
    Thresholds,
    combined_check,
    decide,
    load_bank,
    pieces,
)
from assistant.safety.types import SafetyKind

# A toy meaning space: each word adds to one axis, so sentences sharing words are similar.
AXES = {"gone": 0, "end": 0, "vanish": 0, "hit": 1, "bruise": 1, "phone": 2, "wages": 2}
CALM_AXIS = 3


class WordEmbedder:
    """Counts axis words; anything else leans on the calm axis. Records what it was asked."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts: list[str]) -> npt.NDArray[np.float32]:
        self.calls.append(texts)
        rows = np.zeros((len(texts), 4), dtype=np.float32)
        for row, text in zip(rows, texts, strict=True):
            for word in text.lower().replace(".", " ").split():
                row[AXES.get(word, CALM_AXIS)] += 1.0 if word in AXES else 0.2
        return rows


def _bank(embedder: WordEmbedder) -> PrototypeBank:
    texts = ("I want to be gone", "he hit me", "he takes my wages", "my feet ache")
    kinds = (SafetyKind.SELF_HARM, SafetyKind.VIOLENCE, SafetyKind.COERCIVE_CONTROL, None)
    return PrototypeBank(texts, kinds, np.asarray(embedder.embed(list(texts))))


def _gate(thresholds: Thresholds | None = None) -> tuple[SemanticGate, WordEmbedder]:
    embedder = WordEmbedder()
    return SemanticGate(embedder, bank=_bank(embedder), thresholds=thresholds), embedder


def test_a_sentence_near_a_crisis_prototype_fires_with_that_prototypes_kind() -> None:
    gate, _ = _gate()
    verdict = gate.check("vanish gone end")
    assert verdict.crisis
    assert verdict.kind is SafetyKind.SELF_HARM
    assert verdict.kinds == [SafetyKind.SELF_HARM]
    assert verdict.evidence == ["similar to: I want to be gone"]


def test_a_sentence_nearer_a_calm_prototype_does_not_fire() -> None:
    gate, _ = _gate()
    assert not gate.check("my feet ache so much today").crisis


def test_a_sentence_close_to_both_needs_the_margin_to_fire() -> None:
    gate, _ = _gate(Thresholds(similarity_min=0.3, margin_min=0.6))
    assert not gate.check("bruise my feet ache").crisis
    loose, _ = _gate(Thresholds(similarity_min=0.3, margin_min=-1.0))
    assert loose.check("bruise my feet ache").kind is SafetyKind.VIOLENCE


def test_similarity_below_the_floor_never_fires_even_without_calm_prototypes() -> None:
    embedder = WordEmbedder()
    bank = PrototypeBank(("he hit me",), (SafetyKind.VIOLENCE,), embedder.embed(["he hit me"]))
    strict = Thresholds(similarity_min=0.99, margin_min=0.0)
    assert not decide(embedder.embed(["hit the road and sing"]), bank, strict).crisis
    assert decide(embedder.embed(["hit"]), bank, Thresholds(0.5, 0.0)).crisis


def test_the_most_alarming_sentence_of_a_long_utterance_decides() -> None:
    gate, embedder = _gate()
    verdict = gate.check("We had dinner with friends. He takes my phone and my wages.")
    assert verdict.kind is SafetyKind.COERCIVE_CONTROL
    assert embedder.calls[-1] == ["He takes my phone and my wages.", "We had dinner with friends."]


def test_blank_text_is_never_a_crisis_and_embeds_nothing() -> None:
    gate, embedder = _gate()
    assert not gate.check("   ").crisis
    assert embedder.calls == [
        ["I want to be gone", "he hit me", "he takes my wages", "my feet ache"]
    ]


def test_pieces_keep_a_single_sentence_whole_and_cap_long_monologues() -> None:
    assert pieces("I can't go on. ") == ["I can't go on."]
    assert len(pieces(" ".join(f"Sentence number {n}." for n in range(20)))) == 6


def test_combined_check_lets_the_regex_kind_win_and_skips_the_model() -> None:
    gate, embedder = _gate()
    calls_before = len(embedder.calls)
    verdict = combined_check("He threw a glass at me and I want to be gone", gate)
    assert verdict.crisis
    assert verdict.evidence and not verdict.evidence[0].startswith("similar to:")
    assert len(embedder.calls) == calls_before


def test_combined_check_asks_the_semantic_layer_when_the_regex_is_silent() -> None:
    gate, _ = _gate()
    assert combined_check("vanish gone end", gate).kind is SafetyKind.SELF_HARM
    assert not combined_check("vanish gone end", None).crisis


def test_a_missing_bank_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="build_safety_semantic"):
        load_bank(tmp_path)
