"""Couples speaking in turn, end to end from scripted utterances."""

from collections.abc import Sequence

import pytest

from assistant.flows.base import FlowReply, OpenCommitment, Utterance
from assistant.flows.couple import CoupleFlow
from assistant.prompts import PromptLibrary, Step, load_library
from assistant.themes import classify
from assistant.themes.taxonomy import Theme, ThemeReading, ThemeScore

NAMES = ("Ana", "Ben")
Turn = tuple[str, Theme]
READY: list[Turn] = [("Yes, I'm ready.", Theme.NEUTRAL), ("Yes.", Theme.NEUTRAL)]
ROUND: list[Turn] = [
    ("I feel alone when you work late every night.", Theme.LONELINESS),
    ("What I heard is that you feel alone when I work late.", Theme.NEUTRAL),
    ("Yes, that's it.", Theme.NEUTRAL),
    ("No, that's all.", Theme.NEUTRAL),
    ("It makes sense you feel alone, I imagine the evenings are long.", Theme.NEUTRAL),
    ("It helps to hear that.", Theme.NEUTRAL),
]
ROUND_STEPS = ["mirror", "check", "more_named", "validate", "validation_landed"]


@pytest.fixture(scope="module")
def library() -> PromptLibrary:
    return load_library()


def reading(text: str, theme: Theme, score: float = 0.9, **extra: float) -> ThemeReading:
    """A reading built directly, so the test does not rest on the classifier's opinion."""
    if theme == Theme.NEUTRAL:
        return ThemeReading(text=text, top=theme, themes=[ThemeScore(theme=theme, score=1.0)])
    scores = [ThemeScore(theme=theme, score=score)]
    scores += [ThemeScore(theme=Theme(t), score=s) for t, s in extra.items()]
    return ThemeReading(text=text, top=theme, themes=sorted(scores, key=lambda s: -s.score))


def flow(
    library: PromptLibrary,
    seed: int = 1,
    commitments: Sequence[OpenCommitment] = (),
    recent: set[str] | None = None,
) -> CoupleFlow:
    return CoupleFlow(
        library,
        NAMES,
        open_commitments=list(commitments),
        recent_prompt_ids=recent or set(),
        seed=seed,
    )


def run(couple: CoupleFlow, turns: Sequence[Turn], duration_s: float = 0.0) -> list[FlowReply]:
    replies = [couple.opening()]
    for text, theme in turns:
        said = Utterance(text=text, duration_s=duration_s)
        replies.append(couple.respond(said, reading(text, theme)))
    return replies


def ids_of(library: PromptLibrary, step: Step) -> set[str]:
    return {v.id for v in library.variants(step)}


BEHAVIOURS: list[Turn] = [
    ("I'll come home by seven on Thursdays.", Theme.NEUTRAL),
    ("I'll tell you when I start feeling lonely.", Theme.NEUTRAL),
]
FULL: list[Turn] = [*READY, *ROUND, *ROUND, *BEHAVIOURS]


def test_two_rounds_pass_the_floor_and_end_with_new_behaviours(library: PromptLibrary) -> None:
    replies = run(flow(library), FULL)
    steps = [r.step for r in replies]
    assert steps == [
        "ready",
        "ready_partner",
        "first_share",
        *ROUND_STEPS,
        "pass_floor",
        *ROUND_STEPS,
        "new_behaviour",
        "new_behaviour",
        "close_couple",
    ]
    speakers = [r.next_speaker for r in replies]
    assert speakers == [
        *["Ana", "Ben", "Ana"],
        *["Ben", "Ana", "Ana", "Ben", "Ana"],
        "Ben",
        *["Ana", "Ben", "Ben", "Ana", "Ben"],
        *["Ana", "Ben", None],
    ]
    assert replies[-1].done and not any(r.done for r in replies[:-1])


def test_every_prompt_names_the_person_it_is_for(library: PromptLibrary) -> None:
    for reply in run(flow(library), FULL)[1:-1]:
        assert reply.next_speaker is not None
        assert reply.next_speaker in reply.lines[-1], reply.lines


def test_the_opening_notes_privacy_and_checks_readiness(library: PromptLibrary) -> None:
    opening = flow(library).opening()
    assert opening.prompt_ids[0] in ids_of(library, Step.PRIVACY_COUPLE)
    assert opening.prompt_ids[1] in ids_of(library, Step.READY)
    assert "Ana" in opening.lines[1]


def test_the_floor_passing_is_announced_by_name(library: PromptLibrary) -> None:
    passing = run(flow(library), [*READY, *ROUND])[-1]
    assert passing.step == "pass_floor" and passing.next_speaker == "Ben"
    assert "Ben" in passing.text


def test_each_partner_names_one_new_behaviour_saved_as_their_commitment(
    library: PromptLibrary,
) -> None:
    replies = run(flow(library), FULL)
    saved = [(c.who, c.text) for r in replies for c in r.commitments]
    assert saved == [
        ("Ana", "come home by seven on Thursdays"),
        ("Ben", "tell you when I start feeling lonely"),
    ]
    closing = replies[-1].text
    assert "Ana" in closing and "come home by seven on Thursdays" in closing
    assert "tell Ana when you start feeling lonely" in closing


def test_a_missed_mirror_is_tried_again(library: PromptLibrary) -> None:
    turns = [*READY, ROUND[0], ROUND[1], ("Not quite, it's the evenings.", Theme.NEUTRAL)]
    replies = run(flow(library), turns)
    assert replies[-1].step == "mirror" and replies[-1].next_speaker == "Ben"


def test_more_to_say_goes_back_to_the_listener_to_mirror(library: PromptLibrary) -> None:
    more = ("Yes, I also miss our walks.", Theme.LONGING)
    replies = run(flow(library), [*READY, *ROUND[:3], more])
    assert replies[-1].step == "mirror_more" and replies[-1].next_speaker == "Ben"
    assert "Ana" in replies[-1].text  # the listener is asked to mirror what Ana added


def test_betrayal_on_the_table_leads_into_the_repair_steps(library: PromptLibrary) -> None:
    injury = ("You lied to me about the money.", Theme.BETRAYAL)
    repair: list[Turn] = [
        ("I'm scared it will happen again.", Theme.FEAR),
        ("I see how much I hurt you and that's on me.", Theme.REMORSE),
        ("I need you to be open with me about money.", Theme.LONGING),
        ("I want to be open because I care about you.", Theme.LONGING),
        ("It helps to hear that you care.", Theme.HOPE),
        ("I'll show you the bank statements every Sunday.", Theme.NEUTRAL),
        ("I'll tell you when I'm worried instead of checking.", Theme.NEUTRAL),
    ]
    replies = run(flow(library), [*READY, injury, *ROUND[1:], *repair])
    tail = [(r.step, r.next_speaker) for r in replies[-8:]]
    assert tail == [
        ("repair_deepen", "Ana"),
        ("repair_acknowledge", "Ben"),
        ("repair_ask", "Ana"),
        ("repair_respond", "Ben"),
        ("apology_landed", "Ana"),
        ("new_behaviour", "Ben"),
        ("new_behaviour", "Ana"),
        ("close_couple", None),
    ]
    saved = [(c.who, c.text) for r in replies for c in r.commitments]
    assert saved == [
        ("Ben", "show you the bank statements every Sunday"),
        ("Ana", "tell you when I'm worried instead of checking"),
    ]
    assert replies[-1].lines[0] == "Ana, you talked about feeling lied to and scared."
    assert "Ben, you talked about feeling" not in replies[-1].text  # "I hurt you" names none


def test_the_partner_owning_the_injury_is_not_treated_as_the_hurt_one(
    library: PromptLibrary,
) -> None:
    couple = flow(library)
    run(couple, READY)
    owning = "I lied to you about the money and I'm so sorry."
    couple.respond(Utterance(text=owning), reading(owning, Theme.REMORSE, 0.9, betrayal=0.6))
    last = [couple.respond(Utterance(text=t), reading(t, th)) for t, th in ROUND[1:]][-1]
    assert (last.step, last.next_speaker) == ("repair_deepen", "Ben")


def test_mistrust_found_by_the_classifier_starts_the_repair(library: PromptLibrary) -> None:
    couple = flow(library)
    couple.opening()
    texts = [t for t, _ in READY]
    texts += ["You cheated on me and I can't trust you anymore, I keep checking your phone."]
    texts += [t for t, _ in ROUND[1:]]
    replies = [couple.respond(Utterance(text=t), classify(t)) for t in texts]
    share_reading = classify(texts[2])
    if share_reading.top not in (Theme.BETRAYAL, Theme.MISTRUST):
        pytest.fail(f"the classifier did not hear the injury: {share_reading.top}")
    assert replies[-1].step == "repair_deepen" and replies[-1].next_speaker == "Ana"


@pytest.mark.parametrize(
    "outburst",
    ["You're pathetic, you know that?", "I can't do this anymore.", "Oh please, grow up."],
)
def test_escalation_suggests_a_twenty_minute_break_and_ends(
    library: PromptLibrary, outburst: str
) -> None:
    couple = flow(library)
    replies = run(couple, [*READY, ROUND[0], (outburst, Theme.ANGER)])
    pause = replies[-1]
    assert pause.step == "pause" and pause.done
    assert "twenty" in pause.text.lower()
    after = couple.respond(Utterance(text="Fine."), reading("Fine.", Theme.NEUTRAL))
    assert after.done and after.step != "mirror"


def test_an_ordinary_figure_of_speech_is_not_escalation(library: PromptLibrary) -> None:
    replies = run(flow(library), [*READY, ("This week is killing me, honestly.", Theme.NEUTRAL)])
    assert replies[-1].step == "mirror"


def test_uneven_speaking_time_is_named_when_the_floor_passes(library: PromptLibrary) -> None:
    couple = flow(library)
    replies = [couple.opening()]
    for i, (text, theme) in enumerate([*READY, *ROUND]):
        speaker_turn = i in (2, 4, 5)  # Ana shares, answers the check and "is there more?"
        said = Utterance(text=text, speaker=None, duration_s=40.0 if speaker_turn else 4.0)
        replies.append(couple.respond(said, reading(text, theme)))
    passing = replies[-1]
    at = next(i for i, p in enumerate(passing.prompt_ids) if p in ids_of(library, Step.BALANCE))
    assert "Ben" in passing.lines[at] and passing.next_speaker == "Ben"


def test_speaking_time_counts_words_when_durations_are_unknown(library: PromptLibrary) -> None:
    long_share = " ".join(["I feel alone when you work late and the house is quiet."] * 6)
    turns = [*READY, (long_share, Theme.LONELINESS), *ROUND[1:]]
    passing = run(flow(library), turns)[-1]
    assert set(passing.prompt_ids) & ids_of(library, Step.BALANCE)


def test_even_speaking_time_gets_no_note(library: PromptLibrary) -> None:
    passing = run(flow(library), [*READY, *ROUND], duration_s=5.0)[-1]
    assert not set(passing.prompt_ids) & ids_of(library, Step.BALANCE)


def test_not_ready_ends_gently_before_any_sharing(library: PromptLibrary) -> None:
    replies = run(flow(library), [("Not now, I'm too upset.", Theme.ANGER)])
    assert replies[-1].step == "not_ready" and replies[-1].done


def test_open_commitments_are_followed_up_with_the_person_who_made_them(
    library: PromptLibrary,
) -> None:
    earlier = [
        OpenCommitment(id=3, who="Ben", text="text you when I'm late"),
        OpenCommitment(id=4, who="Ana", text="ask about your day"),
    ]
    couple = flow(library, commitments=earlier)
    opening = couple.opening()
    assert (opening.step, opening.next_speaker) == ("follow_up_named", "Ben")
    assert "Ben" in opening.lines[1] and "text Ana when you're late" in opening.lines[1]
    first = couple.respond(Utterance(text="Yes, I did every time."), classify("Yes"))
    assert (first.step, first.next_speaker) == ("follow_up_named", "Ana")
    assert "ask about Ben's day" in first.text or "ask about Ben" in first.text
    second = couple.respond(Utterance(text="Not yet, honestly."), classify("Not yet"))
    assert (second.step, second.next_speaker) == ("ready", "Ana")
    answers = [(f.commitment_id, f.done) for r in (first, second) for f in r.follow_ups]
    assert answers == [(3, True), (4, False)]


def test_closing_early_summarises_what_was_heard(library: PromptLibrary) -> None:
    couple = flow(library)
    run(couple, [*READY, *ROUND[:2]])
    closing = couple.close()
    assert closing.done and closing.commitments == []
    assert closing.lines[0] == "Ana, you talked about feeling alone."


def test_no_prompt_is_repeated_within_a_session(library: PromptLibrary) -> None:
    for seed in range(30):
        ids = [i for r in run(flow(library, seed=seed), FULL) for i in r.prompt_ids]
        assert len(ids) == len(set(ids)), seed


def test_the_next_session_rotates_to_other_prompts(library: PromptLibrary) -> None:
    first = {i for r in run(flow(library, seed=2), FULL) for i in r.prompt_ids}
    second = {i for r in run(flow(library, seed=2, recent=first), FULL) for i in r.prompt_ids}
    assert not first & second


LATE: list[Turn] = [
    ("I'll call you when I'm running late.", Theme.NEUTRAL),
    ("I'll tell you when I'm scared instead of checking your phone.", Theme.NEUTRAL),
]


def test_a_closing_that_speaks_about_a_partner_turns_their_commitment(
    library: PromptLibrary,
) -> None:
    about = "cp.close_commitment.3"  # "{name} will {commitment}."
    others = ids_of(library, Step.CLOSE_COMMITMENT_NAMED) - {about}
    closing = run(flow(library, recent=others), [*READY, *ROUND, *ROUND, *LATE])[-1].text
    assert "Ana will call Ben when they're running late." in closing
    assert "you're running late" not in closing


def test_each_closing_commitment_reads_right_whichever_way_it_is_said(
    library: PromptLibrary,
) -> None:
    for seed in range(20):
        closing = run(flow(library, seed=seed), [*READY, *ROUND, *ROUND, *LATE])[-1]
        line = next(x for x in closing.lines if "call Ben" in x)
        if line.startswith("Ana will"):
            assert "when they're running late" in line
        else:
            assert "Ana, " in line and "when you're running late" in line
        ben = next(x for x in closing.lines if "checking" in x)
        assert "checking your phone" not in ben


@pytest.mark.parametrize("variant", load_library().variants(Step.CHECK), ids=lambda v: v.id)
def test_the_check_asks_a_plain_yes_or_no_question(variant: object) -> None:
    """The speaker's "yes" must mean "you got it", so no either-or and no open question."""
    text = getattr(variant, "text", "")
    assert " or " not in text
    question = text.split(", ", 1)[-1].lower()
    assert not question.startswith(("what", "how", "which"))


def test_a_speaker_who_says_um_thats_it_is_done(library: PromptLibrary) -> None:
    turns = [*READY, *ROUND[:3], ("um I think that's it", Theme.NEUTRAL)]
    assert run(flow(library), turns)[-1].step == "validate"
