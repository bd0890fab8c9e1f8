"""The learned reading's pure parts: heads, sentence spans and the safety decision."""

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.errors import ModelError
from assistant.learned import LinearHead, load_heads, sha256_of, softmax
from assistant.reading.safety import SafetyThresholds, safety_verdict
from assistant.reading.sentences import sentence_spans
from assistant.safety.types import SafetyCheck, SafetyKind, SafetyLevel

CALM_PATTERNS = SafetyCheck()
PATTERN_HIT = SafetyCheck(crisis=True, kind=SafetyKind.VIOLENCE, evidence=["hit me"])
LIMITS = SafetyThresholds(check_in=0.4, crisis=0.6)
KINDS = [[0.1, 0.1, 0.6, 0.1, 0.1]]


def test_a_head_is_a_softmax_over_its_labels_with_its_temperature() -> None:
    weights = np.array([[2.0, 0.0], [0.0, 2.0], [0.0, 0.0]], dtype=np.float32)
    hot = LinearHead(labels=("a", "b"), weights=weights, temperature=1.0)
    cool = LinearHead(labels=("a", "b"), weights=weights, temperature=4.0)
    row = [1.0, 0.0]
    assert hot.probabilities(row)[0, 0] > cool.probabilities(row)[0, 0] > 0.5
    assert np.allclose(softmax([[1.0, 1.0]]), [[0.5, 0.5]])


def _write_heads(folder: Path, weights: np.ndarray, sha: str | None = None) -> None:
    np.save(folder / "themes.npy", weights.astype(np.float32))
    entry = {"file": "themes.npy", "labels": ["a", "b"], "temperature": 1.5}
    entry["sha256"] = sha or sha256_of(folder / "themes.npy")
    (folder / "heads.json").write_text(json.dumps({"heads": {"themes": entry}}))


def test_a_hidden_layer_lets_a_head_answer_what_no_straight_line_can() -> None:
    hidden = np.array([[1.0, -1.0], [-1.0, 1.0], [0.0, 0.0]], dtype=np.float32)
    out = np.array([[2.0, 0.0], [2.0, 0.0], [-1.0, 0.0]], dtype=np.float32)
    head = LinearHead(labels=("differ", "same"), weights=out, hidden=hidden)
    p = head.probabilities([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0], [1.0, 1.0]])
    assert list(p.argmax(axis=1)) == [0, 0, 1, 1]  # exclusive or


def test_a_hidden_layer_is_hash_checked_like_the_head(tmp_path: Path) -> None:
    _write_heads(tmp_path, np.ones((3, 2)))
    np.save(tmp_path / "themes.hidden.npy", np.ones((4, 2), dtype=np.float32))
    meta = json.loads((tmp_path / "heads.json").read_text())
    meta["heads"]["themes"] |= {"hidden_file": "themes.hidden.npy"}
    meta["heads"]["themes"]["hidden_sha256"] = sha256_of(tmp_path / "themes.hidden.npy")
    (tmp_path / "heads.json").write_text(json.dumps(meta))
    assert load_heads(tmp_path)["themes"].hidden is not None
    meta["heads"]["themes"]["hidden_sha256"] = "0" * 64
    (tmp_path / "heads.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match=r"themes\.hidden\.npy.*train_heads\.py"):
        load_heads(tmp_path)


def test_heads_load_when_their_hash_matches(tmp_path: Path) -> None:
    _write_heads(tmp_path, np.ones((3, 2)))
    heads = load_heads(tmp_path)
    assert heads["themes"].labels == ("a", "b")
    assert heads["themes"].temperature == 1.5


def test_an_altered_head_names_the_file_and_the_rebuild_command(tmp_path: Path) -> None:
    _write_heads(tmp_path, np.ones((3, 2)), sha="0" * 64)
    with pytest.raises(ModelError, match=r"themes\.npy.*train_heads\.py"):
        load_heads(tmp_path)


def test_a_missing_or_truncated_head_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"heads\.json"):
        load_heads(tmp_path)
    _write_heads(tmp_path, np.ones((3, 2)))
    (tmp_path / "themes.npy").write_bytes(b"\x93NUMPY")
    with pytest.raises(ModelError, match=r"themes\.npy"):
        load_heads(tmp_path)


def test_a_head_whose_shape_does_not_fit_its_labels_is_refused(tmp_path: Path) -> None:
    _write_heads(tmp_path, np.ones((3, 5)))
    with pytest.raises(ModelError, match="does not fit"):
        load_heads(tmp_path)


def test_sentences_are_found_as_spans_and_one_sentence_gives_none() -> None:
    text = "I don't know. Maybe I'm scared! It becomes real"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "I don't know.",
        "Maybe I'm scared!",
        "It becomes real",
    ]
    assert sentence_spans("just one thing here") == []
    assert sentence_spans("") == []


def test_an_unpunctuated_run_on_is_read_in_word_chunks() -> None:
    text = " ".join(f"word{i}" for i in range(60))
    spans = sentence_spans(text)
    assert len(spans) == 3
    assert text[spans[0][0] : spans[0][1]].split()[0] == "word0"
    assert text[spans[-1][0] : spans[-1][1]].split()[-1] == "word59"


def test_the_sentence_most_at_risk_decides_the_level_and_is_the_evidence() -> None:
    levels = [[0.9, 0.05, 0.05], [0.95, 0.03, 0.02], [0.01, 0.02, 0.97]]
    pieces = ["whole", "I'm fine.", "I gave my dog to my sister."]
    verdict = safety_verdict(levels, KINDS * 3, pieces, CALM_PATTERNS, LIMITS)
    assert verdict.level is SafetyLevel.CRISIS and verdict.crisis
    assert verdict.evidence == ["I gave my dog to my sister."]
    assert verdict.kind is SafetyKind.VIOLENCE
    assert verdict.score == pytest.approx(0.99)


def test_the_head_alone_asks_rather_than_stops_unless_it_is_very_sure() -> None:
    unsure = safety_verdict([[0.1, 0.2, 0.7]], KINDS, ["x"], CALM_PATTERNS, LIMITS)
    assert unsure.level is SafetyLevel.CHECK_IN


def test_possible_risk_is_a_check_in_and_little_risk_is_clear() -> None:
    check_in = safety_verdict([[0.5, 0.45, 0.05]], KINDS, ["x"], CALM_PATTERNS, LIMITS)
    assert check_in.level is SafetyLevel.CHECK_IN and not check_in.crisis
    clear = safety_verdict([[0.8, 0.15, 0.05]], KINDS, ["x"], CALM_PATTERNS, LIMITS)
    assert clear.level is SafetyLevel.CLEAR and clear.kind is None
    assert clear.score == pytest.approx(0.2)


def test_a_pattern_alone_asks_and_a_pattern_the_head_agrees_with_is_a_crisis() -> None:
    alone = safety_verdict([[0.95, 0.03, 0.02]], KINDS, ["x"], PATTERN_HIT, LIMITS)
    assert alone.level is SafetyLevel.CHECK_IN
    assert alone.evidence == ["hit me"]
    agreed = safety_verdict([[0.5, 0.3, 0.2]], KINDS, ["x"], PATTERN_HIT, LIMITS)
    assert agreed.level is SafetyLevel.CRISIS
    assert agreed.kind is SafetyKind.VIOLENCE


def test_a_lethal_risk_sign_is_always_a_crisis_whatever_the_head_says() -> None:
    lethal = safety_verdict(
        [[0.97, 0.02, 0.01]], KINDS, ["x"], PATTERN_HIT, LIMITS, lethal=["hands round my neck"]
    )
    assert lethal.level is SafetyLevel.CRISIS


def test_each_sentence_of_a_long_utterance_is_held_to_the_stricter_threshold() -> None:
    limits = SafetyThresholds(check_in=0.4, crisis=0.6, span_check_in=0.8, span_crisis=0.9)
    levels = [[0.9, 0.08, 0.02], [0.4, 0.5, 0.1], [0.95, 0.04, 0.01]]
    verdict = safety_verdict(levels, KINDS * 3, ["whole", "a", "b"], CALM_PATTERNS, limits)
    assert verdict.level is SafetyLevel.CLEAR  # 0.6 would ask for a whole utterance, not a part


def test_a_pattern_is_agreed_with_only_by_a_sentence_past_its_own_stricter_threshold() -> None:
    limits = SafetyThresholds(check_in=0.4, crisis=0.6, span_check_in=0.8, span_crisis=0.9)
    calm_whole = [0.9, 0.08, 0.02]
    asked = safety_verdict(
        [calm_whole, [0.4, 0.5, 0.1]], KINDS * 2, ["whole", "a"], PATTERN_HIT, limits
    )
    assert asked.level is SafetyLevel.CHECK_IN  # a past told in one sentence of a long post
    agreed = safety_verdict(
        [calm_whole, [0.1, 0.3, 0.6]], KINDS * 2, ["whole", "a"], PATTERN_HIT, limits
    )
    assert agreed.level is SafetyLevel.CRISIS
