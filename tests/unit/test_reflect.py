"""Reflections a person would hear: their own words, pronouns turned, short, never harmful."""

import pytest

from assistant.reflect import MAX_WORDS, SAFE_FALLBACK, reflect

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
    ("I'd like us to talk more", "you'd like you to talk more"),
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
    ("Thank you for listening to me last night", "thank them for listening to you last night"),
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
    ("like i dont know what to do", "you dont know what to do"),
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
