"""The lint: what a good prompt never does, over the library and everything the flows say."""

import itertools

import pytest

from assistant.flows.base import OpenCommitment, Utterance
from assistant.flows.couple import CoupleFlow
from assistant.flows.evening import EveningFlow
from assistant.flows.wording import join_words
from assistant.prompts import STEP_SPECS, PromptLibrary, lint, load_library
from assistant.reflect import reflect
from assistant.themes import classify
from assistant.themes.taxonomy import Theme
from tests.unit.test_flows_evening import SCRIPT as EVENING_STEPS_SCRIPT

SAMPLE_SAYINGS = (
    "I felt left out when you made plans without me",
    "I'm scared that you'll leave me",
    "He never listens when I talk about my day",
    "I keep checking her phone because I don't trust her anymore",
)
SAMPLE_COMMITMENTS = ("call my sister", "text you when I'm late", "put my phone away at dinner")
SAMPLE_NAMES = (("Ana", "Ben"), ("Marguerite", "Oluwaseun"))


@pytest.fixture(scope="module")
def library() -> PromptLibrary:
    return load_library()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Why did you say that to her?", "why"),
        ("You should tell him how you feel.", "advice"),
        ("Try to take a deep breath first.", "advice"),
        ("Have you considered couples therapy?", "advice"),
        ("At least you still have each other.", "minimises"),
        ("It was just a bad day.", "minimises"),
        ("Don't worry, it will pass.", "minimises"),
        ("You're overreacting a little here.", "judges"),
        ("That was selfish of him.", "judges"),
        ("You shouldn't feel that way.", "judges"),
        ("You need to communicate better.", "lectures"),
        ("Remember that every couple fights.", "lectures"),
        ("Healthy relationships need clear boundaries.", "lectures"),
        (" ".join(["word"] * 31), "31 words"),
    ],
)
def test_lint_rejects_what_a_good_prompt_never_does(text: str, problem: str) -> None:
    problems = lint(text)
    assert any(problem in p for p in problems), problems


@pytest.mark.parametrize(
    "text",
    [
        "It sounds like you felt left out when they made plans without you.",
        "I wonder if there's hurt under the anger. Does that fit?",
        "What would you need to see to feel a little safer?",
        "Thank you. I'll remember that.",
        "How did that feel in your body?",
        " ".join(["word"] * 30),
    ],
)
def test_lint_accepts_validating_open_prompts(text: str) -> None:
    assert lint(text) == []


def _sample_values(library: PromptLibrary) -> list[dict[str, str]]:
    spoken = [library.spoken(t) for t in Theme if t != Theme.NEUTRAL]
    values = []
    for saying, commitment, (name, partner) in itertools.product(
        SAMPLE_SAYINGS, SAMPLE_COMMITMENTS, SAMPLE_NAMES
    ):
        values.append(
            {
                "reflection": reflect(saying),
                "commitment": reflect(commitment, partner=partner),
                "name": name,
                "partner": partner,
                "themes": join_words(spoken[:3]),
            }
        )
    return values


def test_every_prompt_in_the_library_passes_the_lint_as_written(library: PromptLibrary) -> None:
    failures = [(v.id, lint(v.text)) for _, _, v in library.all_variants() if lint(v.text)]
    assert failures == []


def test_every_prompt_passes_the_lint_once_filled_in(library: PromptLibrary) -> None:
    failures = []
    samples = _sample_values(library)
    for step, _, variant in library.all_variants():
        assert variant.placeholders() <= STEP_SPECS[step].allowed
        for values in samples:
            text = variant.render(values)
            assert "{" not in text
            if lint(text):
                failures.append((variant.id, text, lint(text)))
    assert failures == []


EVENING_SCRIPT = ("It went well, I did call her.", *EVENING_STEPS_SCRIPT)
"""A follow-up answer first, then the same evening the flow tests walk through."""
COUPLE_SCRIPT = (
    "I did it twice.",
    "Yes, I'm ready.",
    "Yes.",
    "You lied to me about the money and I can't trust you anymore.",
    "What I heard is that you can't trust me since I lied about the money.",
    "Not quite, I also feel alone with it.",
    "What I heard is that you feel alone with it too.",
    "Yes, that's it.",
    "No, that's all.",
    "It makes sense you feel betrayed, I imagine it feels awful.",
    "I'm scared that you'll do it again and I'll be alone.",
    "I see how much I hurt you, and that's on me.",
    "I need you to be open with me about money.",
    "I want to show you every statement because I care about you.",
    "I'll show you the bank statements every Sunday.",
    "I will tell you when I'm worried instead of checking.",
)


def test_nothing_the_flows_say_fails_the_lint(library: PromptLibrary) -> None:
    lines: list[str] = []
    for seed in range(25):
        evening = EveningFlow(
            library,
            open_commitments=[OpenCommitment(id=1, who=None, text="call my sister")],
            recent_prompt_ids=set(),
            seed=seed,
        )
        lines += evening.opening().lines
        for text in EVENING_SCRIPT:
            lines += evening.respond(Utterance(text=text), classify(text)).lines
        couple = CoupleFlow(
            library,
            ("Ana", "Ben"),
            open_commitments=[OpenCommitment(id=2, who="Ben", text="text you when I'm late")],
            recent_prompt_ids=set(),
            seed=seed,
        )
        lines += couple.opening().lines
        for text in COUPLE_SCRIPT:
            lines += couple.respond(Utterance(text=text), classify(text)).lines
    assert len(lines) > 25 * 30
    assert [(line, lint(line)) for line in lines if lint(line)] == []
