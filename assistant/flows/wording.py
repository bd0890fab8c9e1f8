"""Small readings of what a person said, shared by the flows: answers, commitments, themes."""

import re
from collections.abc import Sequence

from assistant.reflect import reflect
from assistant.themes.taxonomy import Theme, ThemeReading

REFLECT_MIN_WORDS = 4
"""Answers shorter than this ("yes", "not really") are not reflected back."""
HEARD_SCORE = 0.5
"""A theme counts as heard when it scored this much in one utterance, or came out on top."""


def _plain(text: str) -> str:
    return text.lower().replace("\u2019", "'").strip()


def _words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text)


_OPENER = re.compile(
    r"^(?:(?:that|and|but|honestly|basically|yeah|yes|okay|ok|anyway)\b[,;]?\s+|(?:so|well),\s+)+",
    re.IGNORECASE,
)
"""Openers that read badly after "It sounds like..." ("It sounds like that you'll...")."""


def reflection_of(text: str, partner: str | None = None) -> str | None:
    """The speaker's words turned around (see assistant.reflect); None for short answers.

    Answers such as "yes" or "I guess so" are not reflected, so no "It sounds like yes."
    """
    if len(_words(text)) < REFLECT_MIN_WORDS:
        return None
    return _OPENER.sub("", reflect(text, partner=partner)) or None


_FINISHED = re.compile(
    r"^(no|nope|nah|nothing|not really|i think that's (it|all)|that's (it|all|everything)|"
    r"i'm done|no more|that covers it|i don't think so)\b"
)


def sounds_finished(text: str) -> bool:
    """True when an answer to "is there more?" says there is not (empty text counts)."""
    plain = _plain(text)
    if not _words(plain):
        return True
    return bool(_FINISHED.search(plain)) and " but " not in plain


_REFUSAL = re.compile(
    r"^(no|nope|nah)\b|\b(not ready|not now|not yet|not really|can't|cannot|don't want|"
    r"rather not|not willing|not calm)\b"
)


def sounds_unready(text: str) -> bool:
    """True when an answer to a readiness check declines ("not now", "no, I can't")."""
    plain = _plain(text)
    return bool(_REFUSAL.search(plain)) and not plain.startswith(("yes", "yeah", "ok", "sure"))


_MISSED = re.compile(r"^(no|not quite|not really|not exactly|almost|partly)\b|\bmissed\b")


def sounds_missed(text: str) -> bool:
    """True when the speaker says the mirror did not get it ("not quite", "you missed...")."""
    return bool(_MISSED.search(_plain(text)))


_NOT_DONE = re.compile(
    r"\b(didn't|did not|haven't|have not|not yet|forgot|couldn't|could not|wasn't able|"
    r"never got|not really)\b"
)
_DONE = re.compile(r"\b(yes|yeah|did|done|went (well|okay|ok|fine)|managed|i have|it helped)\b")


def follow_up_done(answer: str) -> bool:
    """Whether an answer about an earlier commitment says it was carried out."""
    plain = _plain(answer)
    return not _NOT_DONE.search(plain) and bool(_DONE.search(plain))


_NO_ACTION = re.compile(
    r"^(no|nope|nothing|i don't know|i'm not sure|not sure|no idea|i can't think|"
    r"i'd rather not|none|pass)\b"
)
_LEAD_IN = re.compile(
    r"^(?:(?:yes|yeah|okay|ok|so|well|um|maybe|i think|perhaps)[, ]+)*"
    r"(?:i'll|i will|i'm going to|i am going to|i want to|i'd like to|i would like to|"
    r"i could|i can|i'm gonna|i plan to|i promise to|i commit to)?\s*"
)


def commitment_text(answer: str) -> str | None:
    """The action a person named, in their words without "I'll"; None when they named none."""
    plain = _plain(answer)
    if not _words(plain) or _NO_ACTION.search(plain):
        return None
    text = answer.strip().replace("\u2019", "'")
    match = _LEAD_IN.match(text.lower())
    rest = text[match.end() :] if match else text
    rest = rest.strip().rstrip(".!?,;: ")
    if len(_words(rest)) < 2:
        return None
    if not re.match(r"I\b|I'", rest):
        rest = rest[0].lower() + rest[1:]
    return rest


_STATED_ACTION = re.compile(
    r"^(?:(?:yes|yeah|okay|ok|so|well|um|maybe|and|also)[, ]+)*"
    r"(?:i'll|i will|i'm going to|i am going to|i'm gonna|i plan to|i promise to|i commit to)\b"
)


def states_action(text: str) -> bool:
    """True when a person already names what they will do ("I'll call her tomorrow")."""
    return bool(_STATED_ACTION.search(_plain(text))) and commitment_text(text) is not None


def join_words(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'; empty gives ''."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class ThemeTally:
    """The themes heard over a session, strongest first."""

    def __init__(self) -> None:
        self._total: dict[Theme, float] = {}
        self._heard: set[Theme] = set()
        self._last: Theme | None = None

    def add(self, reading: ThemeReading) -> None:
        """Count one utterance's reading."""
        for s in reading.themes:
            if s.theme == Theme.NEUTRAL or s.score <= 0.0:
                continue
            self._total[s.theme] = self._total.get(s.theme, 0.0) + s.score
            if s.score >= HEARD_SCORE or s.theme == reading.top:
                self._heard.add(s.theme)
        if reading.top != Theme.NEUTRAL:
            self._last = reading.top

    def focus(self) -> Theme:
        """The theme to speak to now: the latest one heard on top, else neutral."""
        return self._last or Theme.NEUTRAL

    def heard(self, limit: int = 3) -> list[Theme]:
        """Themes heard, strongest over the session first, at most `limit`."""
        return sorted(self._heard, key=lambda t: (-self._total[t], t.value))[:limit]
