"""The learned reading with the real encoder and the shipped heads: what a user would notice."""

import json
import shutil
from pathlib import Path

import pytest

from assistant.adapters.embedding import MiniLmEmbedder
from assistant.cli import main
from assistant.learned import HEADS_FILE, corpus_digest, load_heads
from assistant.reading import Reader, heads_folder
from assistant.safety.types import SafetyLevel

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader(MiniLmEmbedder())


def test_the_shipped_heads_were_trained_on_the_corpus_as_it_is_now() -> None:
    meta = json.loads((heads_folder() / HEADS_FILE).read_text(encoding="utf-8"))
    files = sorted((ROOT / "corpus").rglob("*.tsv"))
    assert meta["corpus_sha256"] == corpus_digest(files, ROOT), (
        "corpus/ changed since models/heads/ was built: "
        "run '.venv/bin/python scripts/train_heads.py --goemotions ../shared/data'"
    )
    load_heads(heads_folder())  # every weights file matches its recorded sha256


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("You broke your promise and went behind my back again.", "betrayal"),
        ("I broke my promise to you and that's on me, I'm so sorry.", "remorse"),
        ("I'm not angry, I'm just so sad that we lost what we had.", "grief"),
        ("can you grab the kids from school at three", "neutral"),
    ],
)
def test_the_theme_a_skilled_listener_would_name(reader: Reader, text: str, theme: str) -> None:
    reading = reader.classify(text)
    assert reading.top.value == theme, [(s.theme.value, s.score) for s in reading.themes[:3]]
    if theme != "neutral":
        assert reading.themes[0].evidence, "the top theme names what carried it"


def test_a_partner_bringing_up_a_gun_in_arguments_is_a_crisis(reader: Reader) -> None:
    verdict = reader.check("He keeps bringing up the gun in the closet whenever we argue.")
    assert verdict.level is SafetyLevel.CRISIS and verdict.crisis


def test_an_indirect_disclosure_is_noticed(reader: Reader) -> None:
    for text in (
        "I've started giving my things away, the good stuff, I won't need it.",
        "He has my location all the time and asks why I stopped on the way home.",
    ):
        assert reader.check(text).level is not SafetyLevel.CLEAR, text


CALM = [
    "She just looked at her plate the whole dinner.",
    "He ended it last night, after four years.",
    "He checks his phone at dinner and it drives me mad.",
    "I bit her head off this morning about the dishes.",
    "This commute is killing me.",
    "That was fifteen years ago, I'm safe now.",
    "We watched a show about an abusive marriage and talked about it after.",
]


def test_ordinary_pain_and_figures_of_speech_never_stop_the_conversation(reader: Reader) -> None:
    levels = {text: reader.check(text).level for text in CALM}
    assert not [t for t, level in levels.items() if level is SafetyLevel.CRISIS]
    assert sum(level is SafetyLevel.CHECK_IN for level in levels.values()) <= 1, levels


def test_classify_reads_as_a_live_turn_and_keeps_its_json_contract(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["classify", "--json", "He keeps bringing up the gun whenever we argue."]) == 0
    result = json.loads(capsys.readouterr().out)
    assert {"text", "top", "themes", "safety"} <= set(result)
    assert set(result["safety"]) == {"crisis", "kind", "level", "score"}
    assert result["safety"]["level"] == "crisis" and result["safety"]["crisis"] is True
    scores = [t["score"] for t in result["themes"]]
    assert scores == sorted(scores, reverse=True)
    assert abs(sum(scores) - 1.0) < 0.01


def test_a_broken_head_gives_one_warning_and_the_patterns_still_answer_a_crisis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "heads"
    shutil.copytree(heads_folder(), broken)
    (broken / "safety_level.npy").write_bytes(b"not a head")
    monkeypatch.setattr("assistant.reading.heads_folder", lambda: broken)
    assert main(["classify", "--json", "I'm going to kill myself tonight."]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "safety_level.npy" in captured.err
    assert "train_heads.py" in captured.err
    assert json.loads(captured.out)["safety"]["level"] == "crisis"
