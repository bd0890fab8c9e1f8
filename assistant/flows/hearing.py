"""What a skilled listener notices about a turn before answering it (pure).

A correction ("No, not needed — alone"), a reproach ("I just told you"), a step already named
("Tomorrow I'm going to call her"), the same thing said twice, a listener who does not know
what to say, and a listener who minimises or defends instead of hearing.
"""

import re

from assistant.flows.wording import commitment_text, states_action
from assistant.spoken import plain_words

_TOLD = re.compile(
    r"^(?:(?:um|uh|well|but|no|yeah|i mean)\s+)*(?:i (?:just |already )?(?:told|said|answered) "
    r"(?:you|that|it)|i said that already|you (?:just |already )?asked (?:me )?that|"
    r"as i (?:just )?said|like i (?:just )?said|i already did)\b"
)


def told_already(text: str) -> bool:
    """True for "I just told you", "I already said that", "you already asked me that"."""
    plain = plain_words(text)
    return bool(_TOLD.search(plain)) and len(plain.split()) <= 8


_CORRECTION = re.compile(
    r"^\s*(?:no[\s,.!—–-]+|nope[\s,.!—–-]+|well[\s,]+)?(?:it'?s |it is |that'?s |i'?m |i am |i )?"
    r"not (?:that i |that |so much |really )?(?P<rejected>[\w' ]{1,30}?)\s*"
    r"(?:[.,;:!—–]|\s-\s|\s+but\s+|$)\s*(?P<kept>.*)$",
    re.IGNORECASE,
)
_NOT_WHAT = re.compile(
    r"^\s*(?:no[\s,.!]+)?(?:that'?s not (?:what i (?:said|meant)|it|right|quite it)|"
    r"you(?:'ve| have)? got (?:it|that|me) wrong|i didn'?t say that|that'?s wrong)"
    r"[\s,.;:!—–-]*(?P<kept>.*)$",
    re.IGNORECASE,
)
_FEEL_LEAD = re.compile(
    r"^(?:(?:i'm|im|i am|i feel|i also feel|it's|feel|feeling|just|more|also|i)\b[\s.,]*)+", re.I
)
_NOT_A_CORRECTION = frozenset({"really", "quite", "exactly", "sure", "now", "yet", "at all"})


def correction(text: str) -> tuple[str, str] | None:
    """(what was rejected, what is meant) when a turn corrects attune, else None.

    "No, not needed — alone" -> ("needed", "alone"); "Not needed. Feel. Alone." ->
    ("needed", "Feel. Alone."); "That's not what I said, I feel left out" -> ("", ...).
    """
    flat = text.replace("\u2019", "'").strip()
    match = _CORRECTION.match(flat)
    rejected = match.group("rejected").strip().lower() if match else ""
    if match and match.group("kept").strip(" .,!") and rejected not in _NOT_A_CORRECTION:
        return match.group("rejected").strip(), match.group("kept").strip()
    match = _NOT_WHAT.match(flat)
    if match and match.group("kept").strip(" .,!"):
        return "", match.group("kept").strip()
    return None


def corrected_reflection(kept: str) -> str:
    """The reflection of what a person meant instead: "Feel. Alone." -> "you feel alone"."""
    words = [w.strip(" .,;:!?—–-") for w in re.split(r"[\s.,;:!?—–]+", kept) if w.strip(" .,")]
    core = _FEEL_LEAD.sub("", " ".join(words)).strip()
    core = re.sub(r"\bmy\b", "your", re.sub(r"\bme\b", "you", core, flags=re.I), flags=re.I)
    core = re.sub(r"\bI\b", "you", core)
    if not core:
        return "you feel it differently"
    if len(core.split()) <= 4 and not re.search(r"\b(you|he|she|they|we)\b", core):
        return f"you feel {core.lower()}"
    return f'it is more like "{" ".join(words)}"'


_TIME_FIRST = re.compile(
    r"^(?P<when>tomorrow(?: morning| night| evening)?|tonight|this week(?:end)?|next time|"
    r"in the morning|after work|on sunday|on saturday|from now on)[\s,]+",
    re.IGNORECASE,
)


_HEDGE_FIRST = re.compile(r"^(?:(?:i think|maybe|probably|i guess|so|okay|ok)[\s,]+)+", re.I)


def named_step(text: str) -> str | None:
    """The small step a person names anywhere in a turn ("Tomorrow I'm going to call her")."""
    for sentence in re.split(r"(?<=[.!?])\s+", text.replace("\u2019", "'").strip()):
        sentence = sentence.strip()
        sentence = _HEDGE_FIRST.sub("", sentence)
        when = _TIME_FIRST.match(sentence)
        if when:
            rest = sentence[when.end() :].rstrip(".!?")
            sentence = f"{rest} {when.group('when').lower()}."
        if states_action(sentence):
            return commitment_text(sentence)
    return None


_STOP = frozenset(
    [
        "i",
        "me",
        "my",
        "you",
        "your",
        "he",
        "she",
        "him",
        "her",
        "it",
        "its",
        "we",
        "us",
        "our",
        "they",
        "them",
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "so",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "that",
        "this",
        "is",
        "was",
        "be",
        "been",
        "am",
        "are",
        "were",
        "just",
        "really",
        "like",
        "um",
        "uh",
        "yeah",
        "know",
        "think",
        "what",
        "about",
        "because",
        "then",
        "there",
        "very",
        "all",
        "not",
        "don't",
        "do",
        "did",
        "have",
        "has",
        "had",
    ]
)


def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in plain_words(text).split() if w not in _STOP and len(w) > 2)


class Repeats:
    """Notices when a person says the same thing again (it matters to them)."""

    MIN_WORDS = 2
    OVERLAP = 0.6

    def __init__(self) -> None:
        self._said: list[frozenset[str]] = []

    def heard(self, text: str) -> bool:
        """Remember `text`; True when it says much the same as an earlier turn."""
        words = _content(text)
        again = len(words) >= self.MIN_WORDS and any(
            len(words & before) >= self.OVERLAP * min(len(words), len(before))
            for before in self._said
            if len(before) >= self.MIN_WORDS
        )
        self._said.append(words)
        return again


_UNSURE_LISTENER = re.compile(
    r"^(?:(?:um|uh|er|well|honestly|i mean|sorry)\s+)*(i don'?t know|i'?m not sure|not sure|"
    r"no idea|dunno|i can'?t think|i have no idea|i don'?t get it|i don'?t understand)\b"
)


def listener_stuck(text: str) -> bool:
    """True when the listener says they do not know what to say back."""
    plain = plain_words(text)
    return bool(_UNSURE_LISTENER.search(plain)) and len(plain.split()) <= 12


_DISMISSIVE = re.compile(
    r"\b(not (?:even )?(?:important|a big deal|that big a deal|a thing)|no big deal|"
    r"stupid mistake|it was nothing|it'?s nothing|overreact\w*|too sensitive|get over it|"
    r"making a big deal|blowing (?:it|this) (?:up|out of proportion)|so what|whatever|"
    r"that'?s not what happened|not my fault|it doesn'?t matter|you always|you never|"
    r"what about you|but you|you'?re being|calm down|drama|come on)\b"
)
_MIRROR_START = re.compile(r"^(what i heard|i heard|it makes sense|you said|you feel|i hear)\b")


def minimising(text: str) -> bool:
    """True when a listener minimises or defends ("she's not even important, it was a stupid
    mistake") instead of mirroring or validating what was said."""
    plain = plain_words(text)
    found = _DISMISSIVE.search(plain)
    if not found:
        return False
    return not _MIRROR_START.search(plain) or found.group(0) in (
        "stupid mistake",
        "it was nothing",
        "not even important",
        "overreacting",
        "get over it",
    )
