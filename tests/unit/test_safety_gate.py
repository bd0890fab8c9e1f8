"""The safety gate recognises crisis, violence and abuse, and ignores figures of speech."""

import time
from pathlib import Path

import pytest

from assistant.safety import SafetyKind, check

DATA = Path(__file__).resolve().parents[1] / "data"
MAX_FALSE_ALARM_RATE = 0.05


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _crisis(name: str) -> list[tuple[SafetyKind, str]]:
    return [(SafetyKind(kind), text) for kind, text in (ln.split("\t") for ln in _lines(name))]


SEEN_CRISIS = [
    "safety_crisis.tsv",
    "safety_heldout_crisis.tsv",
    "safety_heldout2_crisis.tsv",
    "safety_round4_crisis.tsv",
]
SEEN_CALM = [
    "safety_not_crisis.txt",
    "safety_heldout_not_crisis.txt",
    "safety_heldout2_not_crisis.txt",
    "safety_round4_not_crisis.txt",
]
UNSEEN_CALM = ["safety_heldout3_not_crisis.txt", "safety_round5_not_crisis.txt"]


def test_test_set_has_at_least_forty_of_each() -> None:
    assert len(_crisis("safety_crisis.tsv")) >= 40
    assert len(_lines("safety_not_crisis.txt")) >= 40


def test_every_crisis_statement_in_the_main_set_fires_with_its_kind() -> None:
    missed = [text for _, text in _crisis("safety_crisis.tsv") if not check(text).crisis]
    wrong = [(k, text) for k, text in _crisis("safety_crisis.tsv") if check(text).kind != k]
    assert missed == []
    assert wrong == []


def test_false_alarms_stay_under_five_percent_on_every_calm_set() -> None:
    for name in [*SEEN_CALM, *UNSEEN_CALM]:
        texts = _lines(name)
        alarms = [text for text in texts if check(text).crisis]
        assert len(alarms) / len(texts) <= MAX_FALSE_ALARM_RATE, (name, alarms)


def test_paraphrases_seen_while_writing_the_patterns_are_caught() -> None:
    """Rounds 1-2 were held out when written (recall 52% and 45%), then used to generalise."""
    cases = _crisis("safety_heldout_crisis.tsv") + _crisis("safety_heldout2_crisis.tsv")
    caught = sum(check(text).crisis for _, text in cases)
    assert caught / len(cases) >= 0.97


def test_round_four_paraphrases_are_all_caught_with_their_kind() -> None:
    """Round 4 was measured once before any change (16 of 73 caught), then used to generalise."""
    cases = _crisis("safety_round4_crisis.tsv")
    assert [text for _, text in cases if not check(text).crisis] == []
    assert [text for kind, text in cases if check(text).kind is not kind] == []


@pytest.mark.parametrize(
    ("name", "floor"),
    [("safety_heldout3_crisis.tsv", 8), ("safety_round5_crisis.tsv", 4)],
)
def test_unseen_paraphrases_are_caught_at_least_as_often_as_when_measured(
    name: str, floor: int
) -> None:
    """Rounds 3 and 5 were never tuned on (8 of 20 and 4 of 32 when written): floors, not goals."""
    caught = sum(check(text).crisis for _, text in _crisis(name))
    assert caught >= floor


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I keep thinking about not being here anymore", SafetyKind.SELF_HARM),
        ("what's the point of going on", SafetyKind.SELF_HARM),
        ("I've been hurting myself again", SafetyKind.SELF_HARM),
        ("he threw a glass at me", SafetyKind.VIOLENCE),
        ("she threatened me with a knife", SafetyKind.VIOLENCE),
        ("he grabbed my throat", SafetyKind.VIOLENCE),
        ("I'm scared for the children when he drinks", SafetyKind.VIOLENCE),
        ("he told me I'd regret it if I ever left", SafetyKind.VIOLENCE),
        ("he takes my paycheck and my phone", SafetyKind.COERCIVE_CONTROL),
        ("she's cut me off from my family", SafetyKind.COERCIVE_CONTROL),
        ("I'm scared of what I might do to him", SafetyKind.HARM_TO_OTHERS),
    ],
)
def test_the_issue_examples_fire_with_the_right_kind(text: str, kind: SafetyKind) -> None:
    result = check(text)
    assert result.crisis
    assert result.kind is kind
    assert result.evidence


@pytest.mark.parametrize(
    "text",
    [
        "my feet are killing me",
        "I'd die for a weekend away",
        "I nearly died of embarrassment",
        "that joke killed",
        "we had a fight about the laundry",
        "",
        "   ",
    ],
)
def test_figures_of_speech_and_empty_text_do_not_fire(text: str) -> None:
    result = check(text)
    assert not result.crisis
    assert result.kind is None
    assert result.evidence == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Everyone would be better off if I wasn't around.", SafetyKind.SELF_HARM),
        ("I've been looking up how many painkillers it would take.", SafetyKind.SELF_HARM),
        ("My wife squeezed my throat until I couldn't breathe.", SafetyKind.VIOLENCE),
        ("She kicked our dog because I forgot to call.", SafetyKind.VIOLENCE),
        ("He came at me with a broken bottle.", SafetyKind.VIOLENCE),
        ("She goes through my purse every night.", SafetyKind.COERCIVE_CONTROL),
        ("My whole salary goes straight into her account.", SafetyKind.COERCIVE_CONTROL),
        ("I want to break her nose so she knows how it feels.", SafetyKind.HARM_TO_OTHERS),
    ],
)
def test_word_families_cover_combinations_not_written_out(text: str, kind: SafetyKind) -> None:
    assert check(text).kind is kind


@pytest.mark.parametrize(
    "text",
    [
        "She threw a cushion at me during the film.",
        "He put a camera in the nursery to watch the baby.",
        "Who will feed the cat when I'm gone for the weekend?",
        "I haven't seen my parents in ages because they live in Spain.",
    ],
)
def test_harmless_uses_of_the_same_words_do_not_fire(text: str) -> None:
    assert not check(text).crisis


def test_a_denied_act_does_not_fire_but_the_same_act_does() -> None:
    assert not check("He has never hit me, he just goes quiet.").crisis
    assert check("He hit me last night.").kind is SafetyKind.VIOLENCE


def test_abuse_as_a_topic_does_not_fire_but_a_disclosure_does() -> None:
    assert not check("The documentary was about domestic abuse in the 1970s.").crisis
    assert check("I think my marriage is abusive.").kind is SafetyKind.ABUSE


def test_the_most_urgent_kind_leads_and_every_kind_is_kept() -> None:
    result = check("He hit me again and honestly I want to die.")
    assert result.kind is SafetyKind.SELF_HARM
    assert result.kinds == [SafetyKind.SELF_HARM, SafetyKind.VIOLENCE]
    assert result.evidence[0] == "he hit me"


def test_curly_apostrophes_and_missing_apostrophes_are_understood() -> None:
    assert check("I don’t want to wake up tomorrow").kind is SafetyKind.SELF_HARM
    assert check("he wont let me see my friends").kind is SafetyKind.COERCIVE_CONTROL


def test_the_check_is_fast_enough_for_every_utterance() -> None:
    texts = [text for _, text in _crisis("safety_round4_crisis.tsv")] + _lines(
        "safety_round4_not_crisis.txt"
    )
    started = time.perf_counter()
    for _ in range(5):
        for text in texts:
            check(text)
    per_utterance_ms = (time.perf_counter() - started) * 1000 / (5 * len(texts))
    assert per_utterance_ms < 1.0
