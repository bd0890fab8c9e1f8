"""The bar of issue 12: every reflection, commitment and summary over a corpus of 500+ varied
utterances, and every prompt variant filled in, passes the grammar-and-person check."""

import itertools

import pytest

from assistant.adapters.language import load_inflector, load_parser
from assistant.commitment import commitment_sentence, commitment_text
from assistant.flows.naming import closing_summary, feeling_line, feelings_named
from assistant.grammar import line_problems, reflection_problems, reverses
from assistant.language import Inflector, Parser
from assistant.prompts import PromptLibrary, load_library
from assistant.reflect import reflect, turn_words
from assistant.themes import classify
from assistant.themes.taxonomy import Theme
from tests.unit.corpus import Said, load

CORPUS = load()
COMMITMENTS = (
    "Every night before bed I'll tell you where I was.",
    "I'll call my sister on Sunday.",
    "okay so i think ill put my phone away at dinner",
    "Telling her.",
    "Yes, I'm going to text you when I'm late.",
    "I will ask you how your day was before I talk about mine.",
    "um I'm gonna make dinner on Fridays",
    "I want to hug you when I get home",
    "On Saturdays I'll take the kids to the park so you can rest.",
    "i will stop checking your phone",
    "Putting the laundry away without being asked.",
    "I'd like to plan a date night once a month.",
    "When I'm upset I'll say so instead of going quiet.",
    "I promise to listen without fixing it.",
    "maybe write him a letter i guess",
    "I'm going to tell my mum we're not coming for Christmas.",
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    loaded = load_parser()
    assert loaded is not None, "spaCy's en_core_web_sm is a dependency; run make venv"
    return loaded


@pytest.fixture(scope="module")
def inflector() -> Inflector:
    loaded = load_inflector()
    assert loaded is not None, "lemminflect is a dependency; run make venv"
    return loaded


@pytest.fixture(scope="module")
def library() -> PromptLibrary:
    return load_library()


def test_the_corpus_is_large_and_varied() -> None:
    kinds = {s.kind.split("/")[0] for s in CORPUS}
    assert len(CORPUS) >= 500
    assert {"fragment", "runon", "quote", "couple", "correction", "negation", "asr"} <= kinds
    assert len({s.text for s in CORPUS}) == len(CORPUS)


def _failures(said: list[Said], parser: Parser, inflector: Inflector | None) -> list[str]:
    bad = []
    for s in said:
        back = reflect(s.text, s.partner, parser if inflector else None, inflector)
        problems = reflection_problems(back, s.partner, s.text, parser)
        if reverses(s.text, back):
            problems.append("reverses a negation")
        if problems:
            bad.append(f"{s.text!r} -> {back!r}: {problems}")
    return bad


def test_every_reflection_in_the_corpus_is_grammatical_and_faithful(
    parser: Parser, inflector: Inflector
) -> None:
    assert _failures(CORPUS, parser, inflector) == []


def test_without_spacy_every_reflection_is_still_grammatical(parser: Parser) -> None:
    assert _failures(CORPUS, parser, None) == []


def test_the_heart_is_reflected_not_a_side_fragment(parser: Parser, inflector: Inflector) -> None:
    said = "It felt like a door closing in my face. I was in the middle of a sentence."
    assert reflect(said, parser=parser, inflector=inflector) == (
        "it felt like a door closing in your face"
    )


def test_quoted_speech_stays_the_other_persons_words(parser: Parser) -> None:
    back = reflect("he just kind of said oh youre wearing that", parser=parser)
    assert back == 'he just kind of said "oh you\'re wearing that"'


def test_a_named_partner_stays_named_and_the_verb_agrees(
    parser: Parser, inflector: Inflector
) -> None:
    back = reflect("I miss you even when you're right here.", "Lee", parser, inflector)
    assert back == "you miss Lee even when Lee is right here"
    back = reflect("i feel like you care more about work than about us", "Ana", parser, inflector)
    assert back == "you feel like Ana cares more about work than about you"


def test_fragments_come_back_as_their_own_words_framed_as_a_quote() -> None:
    assert reflect("Not needed. Feel. Alone.") == 'you said "not needed, feel, alone"'


def test_every_reflect_prompt_reads_well_around_corpus_reflections(
    library: PromptLibrary, parser: Parser, inflector: Inflector
) -> None:
    reflections = [reflect(s.text, None, parser, inflector) for s in CORPUS[::9]]
    bad = []
    for _, _, variant in library.all_variants():
        if "reflection" not in variant.placeholders():
            continue
        for back in reflections:
            line = variant.render({"reflection": back, "name": "Tom", "partner": "Maya"})
            if line_problems(line):
                bad.append((variant.id, line, line_problems(line)))
    assert bad == []


def test_every_prompt_variant_filled_in_passes_the_check(
    library: PromptLibrary, parser: Parser
) -> None:
    values = []
    for said, (name, partner) in itertools.product(COMMITMENTS[:4], (("Tom", "Maya"),)):
        action = commitment_text(said) or "call your sister"
        values.append(
            {
                "reflection": reflect(CORPUS[len(values) * 7].text),
                "commitment": turn_words(action, partner=partner),
                "name": name,
                "partner": partner,
                "themes": "sadness and worry",
            }
        )
    bad = []
    for _, _, variant in library.all_variants():
        for filled in values:
            line = variant.render(filled)
            if line_problems(line, parser):
                bad.append((variant.id, line, line_problems(line, parser)))
    assert bad == []


@pytest.mark.parametrize("said", COMMITMENTS)
def test_each_commitment_reads_back_as_one_clean_sentence(
    said: str, parser: Parser, inflector: Inflector
) -> None:
    for name, partner in ((None, None), ("Tom", "Maya")):
        sentence = commitment_sentence(said, name, partner, inflector)
        assert sentence.endswith(".") and sentence[0].isupper()
        assert line_problems(sentence, parser) == [], sentence
        assert len(sentence.split()) <= 30


def test_the_commitment_from_the_issue_reads_back_cleanly(inflector: Inflector) -> None:
    said = "Every night before bed I'll tell you where I was."
    assert commitment_sentence(said, "Tom", "Maya", inflector) == (
        "Tom, you said that you'll tell Maya where you were every night before bed."
    )
    assert commitment_sentence("Telling her.", inflector=inflector) == (
        "You said that you'll tell her."
    )


def test_no_commitment_gives_no_sentence() -> None:
    assert commitment_sentence("nothing really") == ""


def test_closing_summaries_use_the_feelings_named(parser: Parser) -> None:
    named = feelings_named("I felt hurt, not angry, and so alone after the call.")
    assert named == ["hurt", "alone"]
    summary = closing_summary(named, [Theme.ANGER])
    assert summary == "Tonight you talked about feeling hurt and alone."
    for line in (summary, closing_summary([], [Theme.GRIEF, Theme.FEAR]), closing_summary([], [])):
        assert line_problems(line, parser) == []


def test_a_positive_evening_is_not_given_a_negative_feeling() -> None:
    for said in ("It went really well", "she made me breakfast before my big interview"):
        line = feeling_line(classify(said), reflect(said))
        assert not any(w in line for w in ("worried", "sore", "responsible", "sad")), line
