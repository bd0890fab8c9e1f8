"""Everyday relationship sentences: the theme a person would name is the top theme.

Short first-person sentences written for this test (not taken from any dataset), several per
theme, typed and in speech-recognition style (lower case, no punctuation, fillers). They are
what users see echoed in closing summaries, so a misreading here is a visible one.

How they were used: WRITTEN_FIRST (78) were written before any fix; 65 were read right, and the
13 misreadings (e.g. "I feel sick and betrayed" -> remorse) were fixed by general changes:
feeling verbs mark the speaker as the one acted upon, "feel * stupid"-style cues with a slot for
an intensifier, and missing everyday cues. WRITTEN_AFTER (24) were then written fresh and
checked once: 18 of 24 were read right (75%) before the six misses were fixed the same way.

Known misses: none at the time of writing. The bar is that at least 90% of all sentences keep
their theme; any sentence that falls below its theme in future must be listed here by name
together with what it reads as, rather than being skipped or marked xfail.
"""

import pytest

from assistant.themes import classify
from assistant.themes.taxonomy import Theme

WRITTEN_FIRST: list[tuple[str, Theme]] = [
    ("I felt so stupid when he corrected me in front of his parents", Theme.SHAME),
    ("i was so embarrassed at the dinner with her friends", Theme.SHAME),
    ("I hate that she saw me like that, I wanted to disappear", Theme.SHAME),
    ("um i feel like such an idiot for texting him three times", Theme.SHAME),
    ("I'm ashamed of how I looked at the wedding", Theme.SHAME),
    ("i feel like im not good enough for her family", Theme.SHAME),
    ("My husband made a joke about my cooking and everyone laughed", Theme.SHAME),
    ("I feel guilty for missing her recital", Theme.REMORSE),
    ("I yelled at my son and I regret it", Theme.REMORSE),
    ("i shouldnt have said that to my wife it was cruel", Theme.REMORSE),
    ("It was my fault we fought, I was the one who started it", Theme.REMORSE),
    ("I owe him an apology for last night", Theme.REMORSE),
    ("i forgot our anniversary and i feel terrible about it", Theme.REMORSE),
    ("I wish I hadn't been so harsh with my sister", Theme.REMORSE),
    ("I don't know if I can believe anything he says anymore", Theme.MISTRUST),
    ("i keep checking her phone when shes asleep", Theme.MISTRUST),
    ("Something feels off about where he goes after work", Theme.MISTRUST),
    ("I have a hard time trusting her after everything", Theme.MISTRUST),
    ("um i just wonder if hes being honest with me", Theme.MISTRUST),
    ("I feel like she's hiding something from me", Theme.MISTRUST),
    ("I feel sick and betrayed", Theme.BETRAYAL),
    ("He told his mother everything I said to him in private", Theme.BETRAYAL),
    ("my best friend went behind my back and dated my ex", Theme.BETRAYAL),
    ("She cheated on me with a coworker", Theme.BETRAYAL),
    ("you promised you would be there and you weren't", Theme.BETRAYAL),
    ("I found out he's been lying to me for months", Theme.BETRAYAL),
    ("i trusted her and she shared my secret with everyone", Theme.BETRAYAL),
    ("I cried in the kitchen", Theme.GRIEF),
    ("I cried in the kitchen after he left for work", Theme.GRIEF),
    ("i miss my dad so much since he died", Theme.GRIEF),
    ("Our dog passed away last week and the house feels wrong", Theme.GRIEF),
    ("I'm so sad that we couldn't make it work", Theme.GRIEF),
    ("i feel heartbroken since the divorce", Theme.GRIEF),
    ("I'm not mad, just really hurt", Theme.GRIEF),
    ("Losing the baby broke something in both of us", Theme.GRIEF),
    ("I'm furious that he spent our savings without asking", Theme.ANGER),
    ("it really pisses me off when she leaves dishes everywhere", Theme.ANGER),
    ("I'm so sick of doing everything around the house by myself", Theme.ANGER),
    ("he interrupted me again and i just lost it", Theme.ANGER),
    ("Honestly I'm fed up with his mother's comments", Theme.ANGER),
    ("like why does he always have to be right it drives me crazy", Theme.ANGER),
    ("I was so mad at her I slammed the door", Theme.ANGER),
    ("I'm scared she's going to leave me", Theme.FEAR),
    ("i get anxious every time he comes home late", Theme.FEAR),
    ("What if he doesn't want kids and I wasted these years", Theme.FEAR),
    ("I'm nervous about telling my parents we're engaged", Theme.FEAR),
    ("um i keep worrying that we're drifting and itll end", Theme.FEAR),
    ("I'm terrified of being abandoned again", Theme.FEAR),
    ("I feel so alone even when he's sitting next to me", Theme.LONELINESS),
    ("nobody calls me anymore since the move", Theme.LONELINESS),
    ("I'm lonely in this marriage", Theme.LONELINESS),
    ("i eat dinner by myself most nights and its quiet", Theme.LONELINESS),
    ("It feels like no one really sees me", Theme.LONELINESS),
    ("We live like roommates now", Theme.LONELINESS),
    ("When we argue I just shut down and go quiet", Theme.WITHDRAWAL),
    ("he gives me the silent treatment for days", Theme.WITHDRAWAL),
    ("I've stopped telling her how I feel, there's no point", Theme.WITHDRAWAL),
    ("i just want to be left alone right now", Theme.WITHDRAWAL),
    ("She pulls away every time I try to talk about it", Theme.WITHDRAWAL),
    ("I put my walls up so I don't get hurt again", Theme.WITHDRAWAL),
    ("Honestly I've kind of checked out of the relationship", Theme.WITHDRAWAL),
    ("I miss how we used to talk for hours", Theme.LONGING),
    ("i just want him to hold me like he used to", Theme.LONGING),
    ("I wish we could go back to how things were", Theme.LONGING),
    ("I want us to be close again", Theme.LONGING),
    ("i need you to see me you know", Theme.LONGING),
    ("I long for the way she used to look at me", Theme.LONGING),
    ("I think we're going to be okay", Theme.HOPE),
    ("I'm grateful he listened to me last night", Theme.HOPE),
    ("things have been getting better since we started counseling", Theme.HOPE),
    ("Thank you for being so patient with me", Theme.HOPE),
    ("i really hope we can work this out", Theme.HOPE),
    ("She apologized and I feel like we turned a corner", Theme.HOPE),
    ("Can you remind me to call my mom tomorrow", Theme.NEUTRAL),
    ("we had pasta for dinner", Theme.NEUTRAL),
    ("He's picking the kids up at five", Theme.NEUTRAL),
    ("um so yeah we went to the store", Theme.NEUTRAL),
    ("I need to book the flights for June", Theme.NEUTRAL),
]
WRITTEN_AFTER: list[tuple[str, Theme]] = [
    ("i felt so small when she rolled her eyes at me", Theme.SHAME),
    ("I'm embarrassed that my kids heard us fighting", Theme.SHAME),
    ("I'm sorry I snapped at you this morning", Theme.REMORSE),
    ("i feel awful that i wasnt there for her", Theme.REMORSE),
    ("I keep wondering who he's texting late at night", Theme.MISTRUST),
    ("i dont believe her when she says shes working late", Theme.MISTRUST),
    ("he read my diary and told his friends", Theme.BETRAYAL),
    ("She broke her promise again and I feel so let down", Theme.BETRAYAL),
    ("um i just feel really sad today i dont know why", Theme.GRIEF),
    ("I still cry when I think about my mom", Theme.GRIEF),
    ("I'm so angry he forgot to pick up our daughter", Theme.ANGER),
    ("it annoys me when he talks over me", Theme.ANGER),
    ("I'm afraid we're going to end up like my parents", Theme.FEAR),
    ("i worry that shes losing interest in me", Theme.FEAR),
    ("Most nights I feel like nobody would notice if I was gone", Theme.LONELINESS),
    ("i feel lonely even with my family around", Theme.LONELINESS),
    ("I just go numb when she starts yelling", Theme.WITHDRAWAL),
    ("he avoids me whenever i bring up money", Theme.WITHDRAWAL),
    ("I wish he would just hold my hand again", Theme.LONGING),
    ("i miss the way we used to laugh together", Theme.LONGING),
    ("I'm hopeful that the counseling is helping us", Theme.HOPE),
    ("thanks for hearing me out tonight", Theme.HOPE),
    ("We need to buy a new fridge this weekend", Theme.NEUTRAL),
    ("i'm going to the gym after work", Theme.NEUTRAL),
]
KNOWN_MISSES: frozenset[str] = frozenset()
"""Sentences the classifier is known to misread; each must also be named in the docstring."""
ALL = WRITTEN_FIRST + WRITTEN_AFTER
MIN_SHARE_RIGHT = 0.9


def test_there_are_enough_everyday_sentences_for_every_theme() -> None:
    assert len(ALL) >= 60
    assert {theme for _text, theme in ALL} == set(Theme)


def test_at_least_nine_in_ten_everyday_sentences_get_the_theme_a_person_would_name() -> None:
    right = sum(classify(text).top is theme for text, theme in ALL)
    assert right / len(ALL) >= MIN_SHARE_RIGHT


@pytest.mark.parametrize(("text", "expected"), [c for c in ALL if c[0] not in KNOWN_MISSES])
def test_everyday_sentence_is_heard_as_its_theme(text: str, expected: Theme) -> None:
    reading = classify(text)
    assert reading.top is expected, [
        (s.theme.value, s.score, s.evidence) for s in reading.themes[:3]
    ]


@pytest.mark.parametrize(
    ("text", "expected"), [c for c in ALL if c[1] is not Theme.NEUTRAL and c[0] not in KNOWN_MISSES]
)
def test_everyday_sentence_names_the_words_behind_its_theme(text: str, expected: Theme) -> None:
    top = classify(text).themes[0]
    assert top.theme is expected and top.evidence


def test_feeling_betrayed_is_something_done_to_the_speaker_not_by_them() -> None:
    assert classify("I feel sick and betrayed").top is Theme.BETRAYAL
    assert classify("i feel really bad about cheating on her").top is Theme.REMORSE


def test_not_being_there_is_remorse_when_i_was_absent_and_betrayal_when_they_were() -> None:
    assert classify("i feel awful that i wasnt there for her").top is Theme.REMORSE
    assert classify("you were not there when i needed you").top is Theme.BETRAYAL
