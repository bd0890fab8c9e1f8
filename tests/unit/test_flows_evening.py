"""The evening reflection, end to end from scripted utterances."""

import re
from collections.abc import Sequence

import pytest

from assistant.flows.base import FlowReply, OpenCommitment, Utterance
from assistant.flows.evening import MAX_EXCHANGES, EveningFlow
from assistant.prompts import PromptLibrary, Step, load_library
from assistant.themes import classify
from assistant.themes.taxonomy import Theme, ThemeReading, ThemeScore

SCRIPT = (
    "I felt so angry when my partner made plans without me again.",
    "Yes, angry and hurt.",
    "He didn't ask what I wanted.",
    "I'm scared he doesn't care about me anymore.",
    "I needed him to ask me first.",
    "No, that's it.",
    "I'll tell him how I felt tomorrow morning.",
)
STEPS_AFTER_OPENING = ["name_feeling", "explore", "deepen", "need", "more", "action", "close"]


@pytest.fixture(scope="module")
def library() -> PromptLibrary:
    return load_library()


def reading(text: str, theme: Theme, score: float = 0.9) -> ThemeReading:
    """A reading with one theme on top, built directly so the test does not rest on the
    classifier's current opinion."""
    scores = [ThemeScore(theme=theme, score=score), ThemeScore(theme=Theme.NEUTRAL, score=0.0)]
    if theme == Theme.NEUTRAL:
        scores = [ThemeScore(theme=Theme.NEUTRAL, score=1.0)]
    return ThemeReading(text=text, top=theme, themes=scores)


def flow(
    library: PromptLibrary,
    seed: int = 1,
    commitments: Sequence[OpenCommitment] = (),
    recent: set[str] | None = None,
) -> EveningFlow:
    return EveningFlow(
        library, open_commitments=list(commitments), recent_prompt_ids=recent or set(), seed=seed
    )


def run(evening: EveningFlow, texts: Sequence[str]) -> list[FlowReply]:
    replies = [evening.opening()]
    for text in texts:
        replies.append(evening.respond(Utterance(text=text), classify(text)))
    return replies


def ids_of(library: PromptLibrary, step: Step, theme: Theme | None = None) -> set[str]:
    return {v.id for v in library.variants(step, theme)}


def test_a_full_evening_goes_through_the_steps_in_order(library: PromptLibrary) -> None:
    replies = run(flow(library), SCRIPT)
    assert replies[0].step == "sitting_with"
    assert [r.step for r in replies[1:]] == STEPS_AFTER_OPENING
    assert [r.done for r in replies] == [False] * 7 + [True]
    assert 3 <= len(replies) - 1 <= MAX_EXCHANGES


def test_the_opening_is_a_privacy_note_then_whats_sitting_with_you(
    library: PromptLibrary,
) -> None:
    opening = flow(library).opening()
    assert opening.prompt_ids[0] in ids_of(library, Step.PRIVACY)
    assert opening.prompt_ids[1] in ids_of(library, Step.SITTING_WITH)
    assert any(w in opening.lines[0] for w in ("device", "machine", "private"))


def test_attune_reflects_in_the_persons_own_words(library: PromptLibrary) -> None:
    evening = flow(library)
    evening.opening()
    said = "I felt left out when my partner made plans without me."
    reply = evening.respond(Utterance(text=said), reading(said, Theme.LONELINESS))
    assert reply.prompt_ids[0] in ids_of(library, Step.REFLECT)
    assert "you felt left out" in reply.lines[0]
    assert "without you" in reply.lines[0]
    assert reply.prompt_ids[1] in ids_of(library, Step.NAME_FEELING, Theme.LONELINESS)


def test_a_one_word_answer_is_not_parroted_back(library: PromptLibrary) -> None:
    evening = flow(library)
    evening.opening()
    evening.respond(Utterance(text="I'm furious with him."), reading("", Theme.ANGER))
    reply = evening.respond(Utterance(text="Yes."), reading("Yes.", Theme.NEUTRAL))
    assert not set(reply.prompt_ids) & ids_of(library, Step.REFLECT)
    assert not re.search(r"\byes\b", reply.text.lower())


def test_anger_is_deepened_toward_the_softer_feeling_under_it(library: PromptLibrary) -> None:
    evening = flow(library)
    evening.opening()
    turns = [
        ("I am so angry at him.", Theme.ANGER),
        ("Yes.", Theme.NEUTRAL),
        ("He walked out during dinner and left me there.", Theme.NEUTRAL),
    ]
    replies = [evening.respond(Utterance(text=t), reading(t, th)) for t, th in turns]
    assert replies[1].prompt_ids[0] in ids_of(library, Step.NORMALISE, Theme.ANGER)
    assert replies[1].prompt_ids[1] in ids_of(library, Step.EXPLORE, Theme.ANGER)
    assert replies[2].step == "deepen"
    assert replies[2].prompt_ids[-1] in ids_of(library, Step.DEEPEN, Theme.ANGER)


def test_the_persons_action_is_saved_and_spoken_back_in_the_summary(
    library: PromptLibrary,
) -> None:
    closing = run(flow(library), SCRIPT)[-1]
    assert [(c.who, c.text) for c in closing.commitments] == [
        (None, "tell him how I felt tomorrow morning")
    ]
    assert "tell him how you felt tomorrow morning" in closing.text
    assert closing.themes_heard
    for theme in closing.themes_heard:
        assert library.spoken(theme) in closing.text


def test_no_action_named_means_no_commitment_and_a_gentle_close(library: PromptLibrary) -> None:
    closing = run(flow(library), [*SCRIPT[:-1], "Nothing comes to mind."])[-1]
    assert closing.done and closing.commitments == []
    assert closing.prompt_ids[0] in ids_of(library, Step.NO_ACTION)


def test_a_bare_acknowledgement_is_not_taken_as_a_commitment(library: PromptLibrary) -> None:
    closing = run(flow(library), [*SCRIPT[:-1], "ok"])[-1]
    assert closing.done and closing.commitments == []
    assert " ok" not in closing.text.lower()


def test_an_action_offered_when_asked_for_more_is_saved_without_asking_again(
    library: PromptLibrary,
) -> None:
    replies = run(flow(library), [*SCRIPT[:5], "I will tell him tomorrow, calmly, how it felt."])
    closing = replies[-1]
    assert closing.done and closing.step == "close"
    assert [c.text for c in closing.commitments] == ["tell him tomorrow, calmly, how it felt"]
    assert not any(r.step == "action" for r in replies)


def test_the_person_can_end_at_any_time_and_hears_a_summary(library: PromptLibrary) -> None:
    evening = flow(library)
    evening.opening()
    said = "I miss how close we used to be."
    evening.respond(Utterance(text=said), reading(said, Theme.GRIEF))
    closing = evening.close()
    assert closing.done and closing.step == "close"
    assert library.spoken(Theme.GRIEF) in closing.text
    assert closing.commitments == []
    again = evening.respond(Utterance(text="hello?"), reading("hello?", Theme.NEUTRAL))
    assert again.done


def test_the_commitment_is_saved_once_even_if_close_is_called_again(
    library: PromptLibrary,
) -> None:
    evening = flow(library)
    replies = run(evening, SCRIPT)
    assert len(replies[-1].commitments) == 1
    assert evening.close().commitments == []


def test_an_open_commitment_is_followed_up_and_the_answer_recorded(
    library: PromptLibrary,
) -> None:
    evening = flow(library, commitments=[OpenCommitment(id=7, who=None, text="call my sister")])
    opening = evening.opening()
    assert opening.step == "follow_up"
    assert "call your sister" in opening.lines[1]
    reply = evening.respond(Utterance(text="Yes I did, we talked for an hour."), classify("Yes"))
    assert [(f.commitment_id, f.done) for f in reply.follow_ups] == [(7, True)]
    assert reply.follow_ups[0].answer == "Yes I did, we talked for an hour."
    assert reply.step == "sitting_with"


def test_a_commitment_not_kept_is_recorded_as_not_done(library: PromptLibrary) -> None:
    evening = flow(library, commitments=[OpenCommitment(id=9, who=None, text="go for a walk")])
    evening.opening()
    reply = evening.respond(Utterance(text="No, I didn't get to it."), classify("No"))
    assert [(f.commitment_id, f.done) for f in reply.follow_ups] == [(9, False)]


def test_follow_ups_keep_the_evening_within_eight_exchanges(library: PromptLibrary) -> None:
    commitments = [OpenCommitment(id=i, who=None, text=f"do thing {i}") for i in range(5)]
    replies = run(flow(library, commitments=commitments), ["It went fine.", *SCRIPT])
    assert replies[-1].done
    assert len(replies) - 1 <= MAX_EXCHANGES
    assert sum(len(r.follow_ups) for r in replies) == 1


def test_no_prompt_is_repeated_within_an_evening(library: PromptLibrary) -> None:
    for seed in range(30):
        ids = [i for r in run(flow(library, seed=seed), SCRIPT) for i in r.prompt_ids]
        assert len(ids) == len(set(ids)), seed


def test_the_next_evening_uses_different_prompts(library: PromptLibrary) -> None:
    first = {i for r in run(flow(library, seed=1), SCRIPT) for i in r.prompt_ids}
    second = {i for r in run(flow(library, seed=1, recent=first), SCRIPT) for i in r.prompt_ids}
    assert first and second and not first & second


def test_the_same_seed_gives_the_same_evening(library: PromptLibrary) -> None:
    one = [r.lines for r in run(flow(library, seed=5), SCRIPT)]
    assert one == [r.lines for r in run(flow(library, seed=5), SCRIPT)]
    others = [[r.lines for r in run(flow(library, seed=s), SCRIPT)] for s in range(6, 9)]
    assert any(other != one for other in others)
