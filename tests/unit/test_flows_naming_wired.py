"""The evening names a feeling only as surely as the reading allows, and closes in whole
sentences with the feelings actually named (issue 12, point 2)."""

import re
import tomllib
from pathlib import Path

import pytest

from assistant.flows.base import FlowReply, Utterance
from assistant.flows.couple import CoupleFlow
from assistant.flows.evening import EveningFlow
from assistant.flows.naming import FELT, NAME_AT, SOME, WONDER_AT, feelings_named
from assistant.flows.saying import Saying
from assistant.prompts import PromptLibrary, PromptPicker, Step, load_library
from assistant.themes import classify
from assistant.themes.taxonomy import Theme, ThemeReading, ThemeScore

SESSIONS = {
    s["id"]: s
    for s in tomllib.loads(
        (Path(__file__).parents[1] / "data" / "sessions_issue12.toml").read_text()
    )["session"]
}
HURT_WORDS = re.compile(
    r"\b(hurt|sad|sadness|grie\w*|worr\w*|fear|afraid|scared|anger|angry|mistrust|distrust|"
    r"betray\w*|shame|ashamed|responsible|sore|lonel\w*|guilt\w*|regret|withdraw)\b",
    re.IGNORECASE,
)
"""Words that name a hard feeling; none belongs in the close of a session that went well."""


@pytest.fixture(scope="module")
def library() -> PromptLibrary:
    return load_library()


def _reading(theme: Theme, score: float) -> ThemeReading:
    rest = [ThemeScore(theme=t, score=0.0) for t in Theme if t != theme]
    return ThemeReading(text="x", top=theme, themes=[ThemeScore(theme=theme, score=score), *rest])


def _evening(library: PromptLibrary, seed: int = 2) -> EveningFlow:
    flow = EveningFlow(library, open_commitments=[], recent_prompt_ids=set(), seed=seed)
    flow.opening()
    return flow


def _run(flow: EveningFlow, turns: list[tuple[str, ThemeReading]]) -> list[FlowReply]:
    return [flow.respond(Utterance(text=text), reading) for text, reading in turns]


def _feeling_words() -> re.Pattern[str]:
    words = {w for phrase in (*FELT.values(), *SOME.values()) for w in phrase.split()}
    words -= {"some", "a", "in", "you", "like", "for", "sense", "of", "to", "can", "pull"}
    return re.compile(r"\b(" + "|".join(sorted(words)) + r")\b", re.IGNORECASE)


SAID = "My brother made a joke about my job in front of everyone at lunch."


def test_a_low_confidence_reading_is_reflected_without_a_feeling_word(
    library: PromptLibrary,
) -> None:
    reply = _run(_evening(library), [(SAID, _reading(Theme.SHAME, WONDER_AT - 0.05))])[0]
    assert "your brother made a joke about your job" in reply.lines[0]
    assert reply.prompt_ids[-1] in {v.id for v in library.variants(Step.NAME_FEELING)}
    assert reply.prompt_ids[-1].startswith("neutral.")
    assert not _feeling_words().search(" ".join(reply.lines[1:]))


def test_a_middling_reading_is_wondered_about_then_checked(library: PromptLibrary) -> None:
    reply = _run(_evening(library), [(SAID, _reading(Theme.SHAME, WONDER_AT + 0.1))])[0]
    assert reply.lines[1] == "I wonder if there's some shame in that."
    assert reply.prompt_ids[-1].startswith("ev.check_feeling.")


def test_a_confident_reading_names_the_feeling(library: PromptLibrary) -> None:
    reply = _run(_evening(library), [(SAID, _reading(Theme.SHAME, NAME_AT + 0.2))])[0]
    assert reply.prompt_ids[-1].startswith("shame.nf.")


def test_a_feeling_only_wondered_about_and_not_confirmed_is_left_out_of_the_close(
    library: PromptLibrary,
) -> None:
    flow = _evening(library)
    turns = [
        ("We sat in the car outside the house for a long time.", _reading(Theme.FEAR, 0.5)),
        ("Maybe, I'm not sure what it was.", _reading(Theme.NEUTRAL, 0.9)),
    ]
    _run(flow, turns)
    assert not re.search(r"worr|fear", flow.close().text, re.IGNORECASE)


def test_a_wondered_feeling_the_person_agrees_with_is_in_the_close(
    library: PromptLibrary,
) -> None:
    flow = _evening(library)
    turns = [
        ("We sat in the car outside the house for a long time.", _reading(Theme.FEAR, 0.5)),
        ("Yes.", _reading(Theme.NEUTRAL, 0.9)),
    ]
    _run(flow, turns)
    assert "some worry" in flow.close().lines[0]


def test_a_feeling_turned_down_is_not_named_in_the_close(library: PromptLibrary) -> None:
    flow = _evening(library)
    turns = [
        (SAID, _reading(Theme.ANGER, 0.7)),
        ("No, it's not that I'm angry. I'm hurt.", _reading(Theme.ANGER, 0.7)),
    ]
    _run(flow, turns)
    close = flow.close().lines[0]
    assert close == "Tonight you talked about feeling hurt."


@pytest.mark.parametrize("seed", range(4))
def test_a_session_that_went_well_closes_naming_no_hurt(library: PromptLibrary, seed: int) -> None:
    flow = _evening(library, seed)
    replies = [
        flow.respond(Utterance(text=line), classify(line))
        for line in SESSIONS["ev-positive-breakfast"]["lines"]
    ]
    close = replies[-1]
    assert close.done and "leave her a note on the fridge tomorrow" in close.text
    assert "hope" in close.lines[0]
    assert not HURT_WORDS.search(close.text), close.text
    assert not HURT_WORDS.search(replies[0].text), replies[0].text


@pytest.mark.parametrize(
    ("said", "words"),
    [
        ("I know I hurt you.", []),
        ("To sit down together and look at the numbers.", []),
        ("It helps to hear you say sorry.", []),
        ("It was a small thing, I was home alone.", []),
        ("Hurt. Alone.", ["hurt", "alone"]),
        ("I feel so down lately.", ["down"]),
        ("No, it's not that I'm angry. I'm hurt.", ["hurt"]),
    ],
)
def test_only_words_that_name_a_feeling_are_read_back_as_feelings(
    said: str, words: list[str]
) -> None:
    assert feelings_named(said) == words


def test_a_couple_who_had_a_good_day_hear_no_hurt_in_the_close(library: PromptLibrary) -> None:
    script = SESSIONS["cp-positive"]
    couple = CoupleFlow(
        library, tuple(script["names"]), open_commitments=[], recent_prompt_ids=set()
    )
    couple.opening()
    for line in script["lines"]:
        couple.respond(Utterance(text=line), classify(line))
    close = couple.close()
    assert not HURT_WORDS.search(close.text), close.text


def test_a_couple_close_reads_each_partners_own_feelings_back_to_them(
    library: PromptLibrary,
) -> None:
    couple = CoupleFlow(library, ("Ana", "Ben"), open_commitments=[], recent_prompt_ids=set())
    couple.opening()
    turns = ["Yes.", "Yes.", "When you went quiet for weeks I felt alone and scared."]
    turns += ["What I heard is you felt alone and scared when I went quiet."]
    for line in turns:
        couple.respond(Utterance(text=line), _reading(Theme.LONELINESS, 0.4))
    close = couple.close()
    assert close.lines[0] == "Ana, you talked about feeling alone and scared."
    assert "Ben, you talked" not in close.text  # Ben's mirror is Ana's words, not his


def test_a_read_back_that_would_not_parse_gives_way_to_the_clean_sentence(
    library: PromptLibrary,
) -> None:
    saying = Saying(PromptPicker(library, set(), 1)).line("Your small step is to you'll the.")
    assert saying.checked("You said that you'll call her.").lines == [
        "You said that you'll call her."
    ]
    fine = Saying(PromptPicker(library, set(), 1)).line("Your small step is to call her.")
    assert fine.checked("You said that you'll call her.").lines == [
        "Your small step is to call her."
    ]
