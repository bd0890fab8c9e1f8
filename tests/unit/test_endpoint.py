"""The end-of-turn machine, driven by speech probabilities per 32 ms frame (audio time)."""

from assistant.endpoint import (
    FRAME_MS,
    Completeness,
    EndpointConfig,
    Endpointer,
    Event,
    PauseProfile,
    config_for,
    judge_partial,
    sets_up_more,
    strip_done_phrase,
)


def frames_for(ms: float) -> int:
    return int(ms // FRAME_MS)


def run(machine: Endpointer, pattern: list[tuple[float, float]], hint: Completeness | None = None):
    """Feed (probability, milliseconds) stretches; return (event, ms of audio at the event)."""
    events: list[tuple[Event, float]] = []
    elapsed = 0
    for probability, ms in pattern:
        for _ in range(frames_for(ms)):
            elapsed += 1
            event = machine.push(probability)
            if event is Event.SPECULATE and hint is not None:
                machine.hint(hint)
            if event is not None:
                events.append((event, elapsed * FRAME_MS))
    return events


def ended_at(events: list[tuple[Event, float]]) -> float | None:
    return next((at for event, at in events if event is Event.TURN_ENDED), None)


def test_a_finished_sentence_ends_the_turn_within_a_second_and_a_half_of_silence() -> None:
    events = run(Endpointer(), [(0.0, 500), (0.9, 2000), (0.05, 3000)], Completeness.FINISHED)
    end = ended_at(events)
    assert end is not None
    assert 2500 < end <= 2500 + 1500


def test_endpoint_waits_through_a_thinking_pause_mid_sentence() -> None:
    pattern = [(0.0, 500), (0.9, 1000), (0.05, 3000), (0.9, 1500), (0.05, 500)]
    events = run(Endpointer(), pattern, Completeness.UNFINISHED)
    assert ended_at(events) is None
    assert [e for e, _ in events].count(Event.TURN_STARTED) == 1


def test_a_short_partial_with_no_verdict_still_waits_through_three_seconds() -> None:
    events = run(Endpointer(), [(0.0, 300), (0.9, 800), (0.05, 3100)], hint=None)
    assert ended_at(events) is None


def test_im_done_ends_the_turn_at_once() -> None:
    events = run(Endpointer(), [(0.0, 300), (0.9, 1500), (0.05, 600)], Completeness.DONE_PHRASE)
    end = ended_at(events)
    assert end is not None and end <= 300 + 1500 + 400


def test_speech_resuming_after_a_speculation_throws_its_verdict_away() -> None:
    machine = Endpointer()
    run(machine, [(0.0, 300), (0.9, 1000), (0.05, 300)], Completeness.FINISHED)
    run(machine, [(0.9, 500)])
    assert machine.verdict is None and machine.in_turn


def test_silence_and_a_click_start_no_turn() -> None:
    events = run(Endpointer(), [(0.02, 3000), (0.9, 32), (0.02, 3000)])
    assert Event.TURN_STARTED not in [e for e, _ in events]


def test_a_turn_too_short_to_be_speech_is_discarded() -> None:
    events = run(Endpointer(), [(0.0, 300), (0.9, 110), (0.05, 4000)], Completeness.FINISHED)
    kinds = [e for e, _ in events]
    assert Event.TURN_DISCARDED in kinds and Event.TURN_ENDED not in kinds


def test_a_very_long_turn_is_capped() -> None:
    config = EndpointConfig(max_utterance_ms=5000)
    events = run(Endpointer(config), [(0.0, 300), (0.9, 8000)])
    capped = [at for e, at in events if e is Event.TURN_CAPPED]
    assert capped and 4900 <= capped[0] - 300 <= 5100


def test_long_silence_reprompts_once() -> None:
    events = run(Endpointer(), [(0.0, 61_000)])
    reprompts = [at for e, at in events if e is Event.LONG_SILENCE]
    assert len(reprompts) == 1 and 19_900 <= reprompts[0] <= 20_100


def test_pre_roll_keeps_at_least_300_ms_before_speech() -> None:
    assert EndpointConfig().pre_roll_frames * FRAME_MS >= 300


def test_pause_profiles_shift_how_long_attune_waits() -> None:
    short, normal, patient, unhurried = (config_for(p) for p in PauseProfile)
    assert short.finished_silence_ms < normal.finished_silence_ms < patient.finished_silence_ms
    assert patient.finished_silence_ms < unhurried.finished_silence_ms
    assert short.unfinished_silence_ms < normal.unfinished_silence_ms
    assert unhurried.finished_silence_ms == unhurried.unfinished_silence_ms >= 30_000
    assert config_for("700").finished_silence_ms == 700
    assert config_for(700).unfinished_silence_ms > 3000


def test_same_frames_give_the_same_turns_every_time() -> None:
    pattern = [(0.0, 400), (0.8, 1200), (0.1, 900), (0.8, 700), (0.1, 5000)]
    assert run(Endpointer(), pattern) == run(Endpointer(), pattern)


def test_partial_transcripts_are_read_for_whether_the_person_finished() -> None:
    assert judge_partial("My partner forgot my birthday again.") is Completeness.FINISHED
    assert judge_partial("I felt like, um") is Completeness.UNFINISHED
    assert judge_partial("It hurt because") is Completeness.UNFINISHED
    assert judge_partial("and I wanted to say...") is Completeness.UNFINISHED
    assert judge_partial("I felt.") is Completeness.UNFINISHED
    assert judge_partial("Yes.") is Completeness.UNSURE
    assert judge_partial("Could you repeat that?") is Completeness.FINISHED
    assert judge_partial("") is Completeness.UNSURE
    assert judge_partial("I am tired. That's all.") is Completeness.DONE_PHRASE
    assert judge_partial("I'm done") is Completeness.DONE_PHRASE


def test_the_done_phrase_is_not_part_of_what_was_said() -> None:
    assert strip_done_phrase("I am tired. That's all.") == "I am tired."
    assert strip_done_phrase("It was a long day, I'm done") == "It was a long day."
    assert strip_done_phrase("That's all.") == "That's all."


def test_a_sentence_that_only_sets_up_the_next_is_not_taken_as_finished() -> None:
    for preamble in (
        "I don't know.",
        "It's hard to explain.",
        "I keep thinking about it.",
        "When he walked out of the room.",
        "He left. I'm not sure how to say it.",
        "That's hard to explain.",
        "It's hard, duck-slaying.",  # as tiny.en heard "It's hard to explain" in a fast voice
    ):
        assert sets_up_more(preamble), preamble
        assert judge_partial(preamble) is Completeness.UNSURE, preamble
    for finished in (
        "When he left, I cried.",
        "I don't know what to do about any of it anymore.",
        "I keep thinking about the way you looked at me.",
    ):
        assert judge_partial(finished) is Completeness.FINISHED, finished


def test_a_finished_sentence_that_also_sounds_finished_is_answered_sooner() -> None:
    config = EndpointConfig()
    plain = config.wait_ms(Completeness.FINISHED)
    assert config.wait_ms(Completeness.FINISHED, 0.9) < plain
    assert config.wait_ms(Completeness.FINISHED, 0.2) == plain
    assert config.wait_ms(Completeness.UNSURE, 0.99) == config.unsure_silence_ms
    assert config.wait_ms(Completeness.UNFINISHED, 0.99) == config.unfinished_silence_ms
    sure = Endpointer()
    events = run(sure, [(0.0, 500), (0.9, 2000)])
    sure.hint(Completeness.FINISHED, 0.95)
    events = run(sure, [(0.05, 3000)])
    doubt = Endpointer()
    run(doubt, [(0.0, 500), (0.9, 2000)])
    doubt.hint(Completeness.FINISHED, 0.1)
    later = run(doubt, [(0.05, 3000)])
    assert ended_at(events) is not None and ended_at(later) is not None
    assert ended_at(events) < ended_at(later)  # type: ignore[operator]


def test_pause_profiles_keep_their_meaning_with_the_audio_verdict() -> None:
    short, normal, patient, unhurried = (config_for(p) for p in PauseProfile)
    waits = [c.wait_ms(Completeness.FINISHED, 0.99) for c in (short, normal, patient, unhurried)]
    assert waits == sorted(waits) and waits[-1] >= 30_000
    assert unhurried.wait_ms(Completeness.UNSURE, 0.99) >= 30_000
    assert config_for("2000").wait_ms(Completeness.FINISHED, 0.99) >= 1000


def test_a_thinking_pause_after_a_preamble_outlasts_two_and_a_half_seconds() -> None:
    machine = Endpointer()
    run(machine, [(0.0, 500), (0.9, 900)])
    machine.hint(judge_partial("I don't know."), None)
    assert ended_at(run(machine, [(0.05, 2600)])) is None and machine.in_turn
