"""Spoken commands ("repeat that", "slower", "stop" …) recognised on a transcript (pure).

A command counts only when the utterance is essentially just the command — "stop" is a
command, "I want us to stop fighting" is not — and small transcription errors are forgiven
("repeat dat", "slow her").
"""

import re
from difflib import SequenceMatcher
from enum import StrEnum


class Command(StrEnum):
    """What a person can tell attune to do instead of answering them."""

    REPEAT = "repeat"
    SLOWER = "slower"
    FASTER = "faster"
    PAUSE = "pause"
    RESUME = "resume"
    SKIP = "skip"
    STOP = "stop"
    FORGET = "forget"


PHRASES: dict[Command, tuple[str, ...]] = {
    Command.REPEAT: (
        "repeat that",
        "repeat",
        "repeat it",
        "say that again",
        "say it again",
        "come again",
        "what did you say",
    ),
    Command.SLOWER: ("slower", "slow down", "speak slower", "talk slower", "more slowly"),
    Command.FASTER: ("faster", "speed up", "speak faster", "talk faster", "more quickly"),
    Command.PAUSE: ("pause", "hold on", "pause the session", "give me a moment"),
    Command.RESUME: ("resume", "continue", "carry on", "go on", "unpause", "i'm back"),
    Command.SKIP: ("skip", "skip that", "skip this", "skip this one", "next question"),
    Command.STOP: (
        "stop",
        "goodbye",
        "good bye",
        "bye",
        "bye bye",
        "good night",
        "end the session",
        "stop the session",
        "we're done for tonight",
    ),
    Command.FORGET: (
        "forget this session",
        "forget this",
        "forget this conversation",
        "delete this session",
        "forget everything from this session",
    ),
}

_POLITE = frozenset(
    "please ok okay um uh er hmm oh hey attune now just can could would you will".split()  # noqa: SIM905
)
"""Words around a command that do not make it a sentence ("could you repeat that please")."""
MIN_SIMILARITY = 0.8
"""Character similarity (0–1) a transcript must reach to count as a phrase."""


def normalise(text: str) -> str:
    """Lower-case words without punctuation or polite padding; empty text stays empty."""
    words = re.findall(r"[a-z']+", text.lower().replace("’", "'"))
    return " ".join(w for w in words if w not in _POLITE)


def match_command(text: str) -> Command | None:
    """The command the utterance is, or None when it is ordinary speech (or empty)."""
    said = normalise(text)
    if not said or len(said.split()) > 6:
        return None
    best: tuple[float, Command | None] = (0.0, None)
    for command, phrases in PHRASES.items():
        for phrase in phrases:
            score = _similarity(said, normalise(phrase))
            if score > best[0]:
                best = (score, command)
    return best[1] if best[0] >= MIN_SIMILARITY else None


def _similarity(said: str, phrase: str) -> float:
    """How alike two short phrases are, by characters, ignoring spaces between words."""
    if said == phrase:
        return 1.0
    return SequenceMatcher(None, said.replace(" ", ""), phrase.replace(" ", "")).ratio()


_YES = re.compile(
    r"^(yes|yeah|yep|yup|y|right|correct|that's right|that is right|exactly|sure|ok|okay)\b"
)
_NO = re.compile(r"^(no|nope|nah|n|not quite|not really|wrong|that's wrong|that's not right)\b")


def yes_or_no(text: str) -> bool | None:
    """True for a yes ("yes", "that's right"), False for a no, None for anything else."""
    said = " ".join(re.findall(r"[a-z']+", text.lower().replace("’", "'")))
    if _NO.match(said):
        return False
    if _YES.match(said):
        return True
    return None
