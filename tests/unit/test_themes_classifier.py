"""Theme recognition as a listener would judge it: the right feeling, with its evidence."""

import pytest

from assistant.themes import Theme, classify


def top(text: str) -> Theme:
    return classify(text).top


def test_every_theme_is_scored_and_sorted_high_to_low() -> None:
    reading = classify("I feel so alone in this marriage, like roommates.")
    assert {s.theme for s in reading.themes} == set(Theme)
    scores = [s.score for s in reading.themes]
    assert scores == sorted(scores, reverse=True)
    assert reading.top is reading.themes[0].theme is Theme.LONELINESS


def test_evidence_names_the_words_that_carried_the_theme() -> None:
    reading = classify("You went behind my back and I'm furious about it.")
    evidence = {s.theme: s.evidence for s in reading.themes}
    assert any("behind" in words for words in evidence[Theme.BETRAYAL])
    assert "furious" in evidence[Theme.ANGER]


@pytest.mark.parametrize("text", ["", "   ", "Can you pick up milk on the way home?"])
def test_empty_or_logistics_text_is_neutral(text: str) -> None:
    assert top(text) is Theme.NEUTRAL


def test_negated_anger_gives_way_to_the_sadness_that_follows() -> None:
    reading = classify("I'm not mad, just sad")
    assert reading.top is Theme.GRIEF
    assert reading.score(Theme.ANGER) == 0.0


def test_negated_feeling_alone_is_not_loneliness() -> None:
    assert top("I'm not afraid of being alone, I am just tired of the lies") is not Theme.FEAR


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("you broke your promise", Theme.BETRAYAL),
        ("I broke my promise", Theme.REMORSE),
        ("he lied to me about the money", Theme.BETRAYAL),
        ("I lied to her about the money", Theme.REMORSE),
        ("I was lied to for years", Theme.BETRAYAL),
        ("she cheated on me", Theme.BETRAYAL),
        ("I cheated on him and I hate myself for it", Theme.REMORSE),
        ("I yelled at the kids again", Theme.REMORSE),
        ("you yelled at me in front of everyone", Theme.SHAME),
    ],
)
def test_who_did_what_to_whom_decides_betrayal_or_remorse(text: str, expected: Theme) -> None:
    assert top(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("um i just feel like you know totally alone in this", Theme.LONELINESS),
        ("uh i dont trust him anymore like at all", Theme.MISTRUST),
        ("you know i cant stop worrying that shes going to leave me", Theme.FEAR),
        ("im sorry it was my fault i should have called", Theme.REMORSE),
        ("he just shuts down and leaves the room every time", Theme.WITHDRAWAL),
        ("i wish we could be close like we used to", Theme.LONGING),
        ("thank you for listening last night it meant a lot", Theme.HOPE),
    ],
)
def test_speech_recognition_text_without_punctuation_is_understood(
    text: str, expected: Theme
) -> None:
    assert top(text) is expected


def test_intensity_raises_the_score_and_hedges_lower_it() -> None:
    plain = classify("I am angry").score(Theme.ANGER)
    strong = classify("I am extremely angry").score(Theme.ANGER)
    hedged = classify("I am a little angry").score(Theme.ANGER)
    assert hedged < plain < strong


def test_several_sentences_are_weighed_together() -> None:
    reading = classify("Work was fine. The commute was long. Then I found the texts and I cried.")
    assert reading.top is Theme.GRIEF
    assert reading.score(Theme.NEUTRAL) < reading.score(Theme.GRIEF)


def test_checking_the_phone_sounds_like_mistrust() -> None:
    assert top("I keep checking his phone, waiting for the next secret") is Theme.MISTRUST


def test_hiding_from_humiliation_sounds_like_shame() -> None:
    assert top("I was so humiliated I wanted to hide") is Theme.SHAME
