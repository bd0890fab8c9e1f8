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
    assert closing.lines[0] == "Tonight you talked about feeling angry, hurt and scared."


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


def steps_of(replies: Sequence[FlowReply]) -> list[str]:
    return [r.step for r in replies[1:]]


NEED_SAID_WHEN_DEEPENING = (
    "My friend cancelled on me at the last minute again.",
    "Yes, kind of hurt.",
    "She texted an hour before and said something came up.",
    "I needed her to show up for once, I really needed that.",
    "No.",
    "I'll tell her how it felt.",
)


def test_a_need_already_said_is_not_asked_for_again(library: PromptLibrary) -> None:
    for seed in range(10):
        replies = run(flow(library, seed=seed), NEED_SAID_WHEN_DEEPENING)
        assert "need" not in steps_of(replies)
        after_need = replies[4]
        assert "you needed her to show up" in after_need.text
        assert not set(after_need.prompt_ids) & ids_of(library, Step.NEED)
        assert after_need.prompt_ids[-1] in ids_of(library, Step.MORE)
        assert [c.text for c in replies[-1].commitments] == ["tell her how it felt"]


def test_a_need_said_early_in_the_evening_is_not_asked_for_again(library: PromptLibrary) -> None:
    script = ("I just needed him to listen to me tonight and he didn't.", *SCRIPT[1:4], *SCRIPT[5:])
    replies = run(flow(library), script)
    assert steps_of(replies) == ["name_feeling", "explore", "deepen", "more", "action", "close"]


def test_an_action_named_at_the_start_is_saved_without_asking_for_another(
    library: PromptLibrary,
) -> None:
    script = (
        "I'm going to apologize to my brother tomorrow for what I said at dinner.",
        "Yes, I feel guilty.",
        "I told him he was a failure in front of his kids.",
        "I think I was jealous of him.",
        "I need to own what I did.",
        "No, that's it.",
    )
    replies = run(flow(library), script)
    assert "action" not in steps_of(replies)
    closing = replies[-1]
    assert closing.done
    assert [c.text for c in closing.commitments] == [
        "apologize to my brother tomorrow for what I said at dinner"
    ]
    assert "apologize to your brother tomorrow for what you said at dinner" in closing.text


def test_a_feeling_turned_down_is_not_normalised(library: PromptLibrary) -> None:
    for seed in range(10):
        evening = flow(library, seed=seed)
        evening.opening()
        said = "He forgot our anniversary again."
        evening.respond(Utterance(text=said), reading(said, Theme.ANGER))
        answer = "No, it's more like hurt than angry."
        reply = evening.respond(Utterance(text=answer), classify(answer))
        assert not set(reply.prompt_ids) & ids_of(library, Step.NORMALISE, Theme.ANGER)
        assert reply.prompt_ids[-1] in ids_of(library, Step.EXPLORE, Theme.GRIEF)
        assert "it's more like hurt than angry" in reply.text


def test_not_knowing_the_feeling_is_met_with_a_gentle_normalising(library: PromptLibrary) -> None:
    evening = flow(library)
    evening.opening()
    said = "Work was long and my boss was short with me."
    evening.respond(Utterance(text=said), reading(said, Theme.ANGER))
    reply = evening.respond(Utterance(text="I don't know."), classify("I don't know."))
    assert reply.prompt_ids[0] in ids_of(library, Step.NORMALISE, Theme.NEUTRAL)
    assert "don't know" not in reply.text


def test_clipped_speech_gets_the_next_question_without_a_garbled_echo(
    library: PromptLibrary,
) -> None:
    evening = flow(library)
    replies = run(evening, [*SCRIPT[:3], "think i'm ashamed that i don't stand up for myself"])
    assert replies[-1].step == "need"
    assert "you're ashamed that you don't stand up for yourself" in replies[-1].text
    assert "think you" not in replies[-1].text


def test_hedges_and_fillers_are_not_spoken_back(library: PromptLibrary) -> None:
    replies = run(flow(library), [*SCRIPT[:3], "um I think I'm afraid I don't matter to him"])
    assert "you're afraid you don't matter to him" in replies[-1].text
    assert "you think" not in replies[-1].text and "um" not in replies[-1].text.split()


def test_a_need_given_as_a_few_words_is_reflected_as_a_need(library: PromptLibrary) -> None:
    script = (*SCRIPT[:4], "for him to say he's proud of me even once")
    reply = run(flow(library), script)[-1]
    assert "you needed him to say he's proud of you even once" in reply.text
    assert "for him" not in reply.text
