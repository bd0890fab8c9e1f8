"""Reflections a person would hear: their own words, pronouns turned, short, never harmful."""

import pytest

from assistant.reflect import (
    MAX_WORDS,
    SAFE_FALLBACK,
    about_them,
    reads_as_clause,
    reflect,
    turn_words,
)

SOLO = [
    ("I felt small when you laughed at my idea", "you felt small when they laughed at your idea"),
    (
        "I felt left out when you made plans without me.",
        "you felt left out when they made plans without you",
    ),
    ("I'm tired of being the only one who tries.", "you're tired of being the only one who tries"),
    ("I was so hurt", "you were so hurt"),
    ("I've been carrying this for months", "you've been carrying this for months"),
    ("I'll never forget what you said", "you'll never forget what they said"),
    ("I'd like us to talk more", "you'd like the two of you to talk more"),
    ("My heart sank when I saw the messages", "your heart sank when you saw the messages"),
    ("I told you that I needed help", "you told them that you needed help"),
    ("I love you but I don't feel close to you", "you love them but you don't feel close to them"),
    ("You never ask about my day.", "they never ask about your day"),
    ("When you go quiet I worry you'll leave", "when they go quiet you worry they'll leave"),
    ("You're always on your phone.", "they're always on their phone"),
    ("We used to laugh together", "you used to laugh together"),
    ("Our home feels cold lately", "your home feels cold lately"),
    ("I blame myself for the fight", "you blame yourself for the fight"),
    ("It hurt me when you forgot our anniversary", "it hurt you when they forgot your anniversary"),
    ("I'm not mad, just sad.", "you're not mad, just sad"),
    ("That's mine, not yours", "that's yours, not theirs"),
    (
        "Thank you for listening to me last night",
        "you're thankful to them for listening to you last night",
    ),
    ("I can't trust you anymore", "you can't trust them anymore"),
    ("I wish we could go back to how we were.", "you wish you could go back to how you were"),
    ("You broke your promise to me", "they broke their promise to you"),
    ("I broke my promise to you", "you broke your promise to them"),
    ("You did it yourself", "they did it themselves"),
    ("I am scared that you will leave me", "you are scared that they will leave you"),
]
ASR = [
    (
        "um i just feel like you know we never talk anymore",
        "you just feel like you never talk anymore",
    ),
    (
        "uh i was like so embarrassed when you said that",
        "you were so embarrassed when they said that",
    ),
    ("like i dont know what to do", "you don't know what to do"),
    ("you know i miss you", "you miss them"),
    ("i mean um you never listen to me", "they never listen to you"),
]
COUPLE = [
    ("You never listen to me.", "Alex never listens to you"),
    ("I felt small when you laughed at my idea", "you felt small when Sam laughed at your idea"),
    (
        "You're always on your phone when I'm talking to you.",
        "Sam is always on their phone when you're talking to Sam",
    ),
    (
        "Your mother called me selfish and you said nothing",
        "Sam's mother called you selfish and Sam said nothing",
    ),
    ("You have no idea how much that hurt me", "Sam has no idea how much that hurt you"),
    ("You don't see me anymore", "Sam doesn't see you anymore"),
    ("You try so hard and I notice it", "Sam tries so hard and you notice it"),
    ("I love you", "you love Sam"),
    ("You were not there when it mattered", "Sam was not there when it mattered"),
    ("You went behind my back", "Sam went behind your back"),
]


@pytest.mark.parametrize(("said", "expected"), SOLO)
def test_reflection_keeps_the_words_and_turns_the_pronouns(said: str, expected: str) -> None:
    assert reflect(said) == expected


@pytest.mark.parametrize(("said", "expected"), ASR)
def test_reflection_of_transcribed_speech_drops_the_fillers(said: str, expected: str) -> None:
    assert reflect(said) == expected


@pytest.mark.parametrize(("said", "expected"), COUPLE)
def test_in_couples_mode_the_partner_is_named_and_the_verb_agrees(said: str, expected: str) -> None:
    partner = "Alex" if "Alex" in expected else "Sam"
    assert reflect(said, partner=partner) == expected


@pytest.mark.parametrize(
    "said",
    [
        "I want to kill myself",
        "Sometimes I think about suicide. You never notice.",
        "He hit me last night and I'm scared to go home",
        "She threatened me with a knife",
        "I keep hurting myself when you are away",
    ],
)
def test_reflection_never_echoes_self_harm_or_abuse(said: str) -> None:
    reflection = reflect(said)
    for detail in ("kill", "suicide", "hit", "knife", "threatened", "hurting"):
        assert detail not in reflection.lower()
    assert reflection == SAFE_FALLBACK


def test_of_several_sentences_the_one_with_feeling_is_reflected() -> None:
    said = "I got home at six. Dinner was late. I felt invisible when you walked past me."
    assert reflect(said) == "you felt invisible when they walked past you"


def test_a_long_ramble_is_cut_to_one_short_clause() -> None:
    said = (
        "I feel like every single time I try to bring up the money, the holidays, your "
        "brother and the way the whole weekend went, you change the subject and walk off"
    )
    reflection = reflect(said)
    assert len(reflection.split()) <= MAX_WORDS
    assert reflection.startswith("you feel like every single time you try")
    assert not reflection.endswith((",", "and"))


@pytest.mark.parametrize("said", ["", "   ", "um uh"])
def test_empty_speech_gives_an_empty_reflection(said: str) -> None:
    assert reflect(said) == ""


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("I think I'm afraid I don't matter to him", "you're afraid you don't matter to him"),
        ("maybe I'm afraid I'll make it worse", "you're afraid you'll make it worse"),
        ("well she has her own life I guess but still", "she has her own life"),
        ("uh yeah actually i also feel left out", "you also feel left out"),
        (
            "um so like when you uh when you went out i was worried",
            "when they went out you were worried",
        ),
        ("i just i don't know i felt so small", "you felt so small"),
        (
            "i needed someone to like be on my side you know",
            "you needed someone to be on your side",
        ),
        ("he never says hes proud of me", "he never says he's proud of you"),
        ("I guess there's more, I feel left behind", "you feel left behind"),
        ("It's mostly hurt, I guess, under the anger", "it's mostly hurt, under the anger"),
    ],
)
def test_hedges_restarts_and_missing_apostrophes_do_not_reach_the_reflection(
    said: str, expected: str
) -> None:
    assert reflect(said) == expected


def test_a_long_unpunctuated_ramble_keeps_the_part_with_the_feeling() -> None:
    said = (
        "so yeah basically i was at my parents place and my dad started on about my job again "
        "and how i should have gone into law and i just sat there and took it like i always do "
        "and then on the drive home i was shaking"
    )
    reflection = reflect(said)
    assert len(reflection.split()) <= MAX_WORDS
    assert reflection.endswith("you were shaking")
    assert reflection.split()[0] == "you"


def test_us_as_an_object_keeps_both_people() -> None:
    assert reflect("I want us to see a counselor") == "you want the two of you to see a counselor"


@pytest.mark.parametrize(
    "clipped",
    ["think you will talk to him", "for him to say he's proud of you", "because she'll say quit"],
)
def test_clipped_speech_does_not_read_as_a_clause(clipped: str) -> None:
    assert not reads_as_clause(clipped)


@pytest.mark.parametrize(
    "clause",
    ["you felt so small", "so many things went wrong today", "when she cried you shut down"],
)
def test_whole_clauses_read_as_clauses(clause: str) -> None:
    assert reads_as_clause(clause)


@pytest.mark.parametrize(
    ("said_to_them", "said_about_them"),
    [
        ("call Maya when you're running late", "call Maya when they're running late"),
        ("be kinder to yourself", "be kinder to themselves"),
        ("show Maya your phone when she asks", "show Maya their phone when she asks"),
        ("tell Maya how you feel", "tell Maya how they feel"),
    ],
)
def test_a_commitment_can_be_said_about_someone(said_to_them: str, said_about_them: str) -> None:
    assert about_them(said_to_them) == said_about_them


def test_a_whole_commitment_is_turned_without_being_cut() -> None:
    said = "I'll tell her I want us to see a counselor and I'll ask my sister to come with me"
    assert turn_words(said) == (
        "you'll tell her you want the two of you to see a counselor and you'll ask your sister "
        "to come with you"
    )


def test_feeling_ill_is_not_read_as_a_missing_apostrophe() -> None:
    assert reflect("I feel ill and I dont know why") == "you feel ill and you don't know why"
