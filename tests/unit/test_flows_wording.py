"""How the flows read short answers: more or not, ready or not, an action, contempt."""

import pytest

from assistant.flows.turns import SpeakingTime, escalated
from assistant.flows.wording import (
    commitment_text,
    follow_up_done,
    named_feeling,
    need_reflection,
    reflection_of,
    sounds_finished,
    sounds_missed,
    sounds_unready,
    sounds_unsure,
    states_action,
    states_need,
)
from assistant.themes.taxonomy import Theme


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("I'll call my sister tomorrow.", "call my sister tomorrow"),
        ("Maybe I'll go for a walk before work", "go for a walk before work"),
        ("Yes, I want to ask him about his day.", "ask him about his day"),
        ("Put my phone away at dinner.", "put my phone away at dinner"),
        ("I will tell you when I'm worried.", "tell you when I'm worried"),
    ],
)
def test_the_action_is_kept_in_the_persons_words(said: str, expected: str) -> None:
    assert commitment_text(said) == expected


@pytest.mark.parametrize("said", ["Nothing.", "I don't know.", "No", "Not sure really", ""])
def test_no_action_named_gives_no_commitment(said: str) -> None:
    assert commitment_text(said) is None


@pytest.mark.parametrize("said", ["No.", "No, that's all.", "That's it.", "Nothing else.", ""])
def test_there_is_no_more(said: str) -> None:
    assert sounds_finished(said)


@pytest.mark.parametrize(
    "said", ["No, but there's one more thing.", "Yes, I also miss our walks.", "Well, the kids."]
)
def test_there_is_more(said: str) -> None:
    assert not sounds_finished(said)


@pytest.mark.parametrize(
    ("said", "unready"),
    [
        ("Not now, I'm too upset.", True),
        ("No.", True),
        ("I can't, not tonight.", True),
        ("Yes, I'm ready.", False),
        ("I'm ready, no problem.", False),
        ("I guess so.", False),
    ],
)
def test_readiness(said: str, unready: bool) -> None:
    assert sounds_unready(said) is unready


@pytest.mark.parametrize(
    ("said", "missed"),
    [("Not quite.", True), ("Yes, but you missed the part about the kids.", True), ("Yes.", False)],
)
def test_a_mirror_that_missed(said: str, missed: bool) -> None:
    assert sounds_missed(said) is missed


@pytest.mark.parametrize(
    ("answer", "done"),
    [
        ("Yes, I did it twice.", True),
        ("It went well.", True),
        ("No, I didn't get to it.", False),
        ("I forgot, honestly.", False),
        ("Not yet.", False),
    ],
)
def test_whether_a_commitment_was_kept(answer: str, done: bool) -> None:
    assert follow_up_done(answer) is done


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("That I will forget her voice.", "you will forget her voice"),
        ("Honestly I keep thinking about my mum.", "you keep thinking about your mum"),
        ("So many things went wrong today.", "so many things went wrong today"),
    ],
)
def test_reflections_drop_openers_that_read_badly(said: str, expected: str) -> None:
    assert reflection_of(said) == expected


def test_a_short_answer_is_not_reflected() -> None:
    assert reflection_of("Yes, that's it.") is None


@pytest.mark.parametrize(
    "said",
    [
        "You're pathetic.",
        "I can't do this anymore.",
        "Oh please, you're such an idiot.",
        "Shut up and listen for once.",
        "I hate you.",
        "I’m done with this.",
    ],
)
def test_contempt_insults_and_overwhelm_are_escalation(said: str) -> None:
    assert escalated(said)


@pytest.mark.parametrize(
    "said",
    [
        "I feel worthless when you ignore me.",
        "This week is killing me.",
        "I can't do this alone, I need you.",
        "",
    ],
)
def test_hurt_spoken_plainly_is_not_escalation(said: str) -> None:
    assert not escalated(said)


def test_speaking_time_uses_duration_and_falls_back_to_words() -> None:
    time = SpeakingTime(("Ana", "Ben"))
    time.add("Ana", "anything", 30.0)
    time.add("Ben", " ".join(["word"] * 25), 0.0)
    assert time.seconds("Ben") == pytest.approx(10.0)
    assert time.quieter() == "Ben"
    time.add("Ben", "more", 20.0)
    assert time.quieter() is None


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("reassurance", "you needed reassurance"),
        (
            "for him to say hes proud of me even once",
            "you needed him to say he's proud of you even once",
        ),
        ("someone to be on my side", "you needed someone to be on your side"),
        ("I needed the truth", "you needed the truth"),
    ],
)
def test_an_answer_about_a_need_is_reflected_as_a_need(said: str, expected: str) -> None:
    assert need_reflection(said) == expected


@pytest.mark.parametrize("said", ["nothing", "I don't know", "not sure", ""])
def test_no_need_named_gives_no_need_reflection(said: str) -> None:
    assert need_reflection(said) is None


@pytest.mark.parametrize(
    ("said", "needs"),
    [
        ("I just needed him to listen", True),
        ("I needed her to show up for once, I really needed that", True),
        ("and all I wanted was a hug", True),
        ("I want him to notice me", True),
        ("He didn't ask what I wanted.", False),
        ("I want to go home", False),
    ],
)
def test_a_need_stated_unasked_is_noticed(said: str, needs: bool) -> None:
    assert states_need(said) is needs


@pytest.mark.parametrize(
    ("said", "theme"),
    [
        ("no it's more like hurt than angry", Theme.GRIEF),
        ("I'm not mad, just sad", Theme.GRIEF),
        ("I feel sick and betrayed", Theme.BETRAYAL),
        ("yes anxious, very anxious", Theme.FEAR),
        ("it was a long day", None),
    ],
)
def test_the_feeling_a_person_names_outright(said: str, theme: Theme | None) -> None:
    assert named_feeling(said) == theme


@pytest.mark.parametrize(
    ("said", "unsure"),
    [
        ("I don't know", True),
        ("um I don't really know what I needed", True),
        ("not sure", True),
        ("I don't know what to do when she's upset so I go quiet", False),
        ("I know exactly what I felt", False),
    ],
)
def test_unsure_answers(said: str, unsure: bool) -> None:
    assert sounds_unsure(said) is unsure


@pytest.mark.parametrize(
    "said", ["I'm going to lose him", "I'll never trust her again", "I'm going to be sick"]
)
def test_fears_in_the_future_tense_are_not_actions(said: str) -> None:
    assert not states_action(said)


def test_a_hedge_at_the_end_of_an_action_is_dropped() -> None:
    assert commitment_text("i want to write him a letter maybe") == "write him a letter"


@pytest.mark.parametrize("said", ["um i think that's it", "yeah that's it", "uh, no"])
def test_fillers_before_no_more_still_mean_no_more(said: str) -> None:
    assert sounds_finished(said)


@pytest.mark.parametrize(
    "said", ["for him to say he's proud of me", "what do you mean", "to be honest about the"]
)
def test_clipped_speech_is_not_echoed_back(said: str) -> None:
    assert reflection_of(said) is None


def test_a_clipped_hedge_before_a_clause_is_dropped_and_the_clause_reflected() -> None:
    assert reflection_of("think i will talk to him") == "you will talk to him"
