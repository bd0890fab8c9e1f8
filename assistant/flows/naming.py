"""Naming a feeling only as confidently as the reading allows, and closing summaries (pure).

The theme reading's top score decides how a feeling is named: at or above NAME_AT it is
named ("It sounds like you feel sad."), from WONDER_AT it is wondered about ("I wonder if
there's some sadness in that."), below that attune reflects without naming a feeling. A
feeling the person named outright counts as certain.
"""

from collections.abc import Sequence
from enum import StrEnum

from assistant.flows.wording import (
    GENTLE_THEMES,
    feeling_matches,
    join_words,
    named_feeling,
    sounds_positive,
)
from assistant.themes.taxonomy import Theme, ThemeReading

NAME_AT = 0.6
"""Top theme score from which a feeling is named outright."""
WONDER_AT = 0.35
"""Top theme score from which a feeling is offered tentatively; below it none is named."""


class Confidence(StrEnum):
    NAME = "name"
    WONDER = "wonder"
    NONE = "none"


FELT: dict[Theme, str] = {
    Theme.SHAME: "ashamed", Theme.REMORSE: "sorry", Theme.MISTRUST: "unsure you can trust",
    Theme.BETRAYAL: "betrayed", Theme.GRIEF: "sad", Theme.ANGER: "angry",
    Theme.FEAR: "worried", Theme.LONELINESS: "lonely", Theme.WITHDRAWAL: "like pulling away",
    Theme.LONGING: "a longing for closeness", Theme.HOPE: "hopeful",
}  # fmt: skip
"""How each feeling is said after "you feel"."""
SOME: dict[Theme, str] = {
    Theme.SHAME: "some shame", Theme.REMORSE: "some regret", Theme.MISTRUST: "some mistrust",
    Theme.BETRAYAL: "a sense of betrayal", Theme.GRIEF: "some sadness",
    Theme.ANGER: "some anger", Theme.FEAR: "some worry", Theme.LONELINESS: "some loneliness",
    Theme.WITHDRAWAL: "a pull to withdraw", Theme.LONGING: "some longing for closeness",
    Theme.HOPE: "some hope",
}  # fmt: skip
"""How each feeling is said after "I wonder if there's"."""


def confidence(reading: ThemeReading, named: Theme | None = None, text: str = "") -> Confidence:
    """How surely the top feeling may be named; neutral or low scores give NONE.

    A hurt is never named in words that say something went well (`text`, "it went really
    well"), however the reading scored it.
    """
    if named is not None and named != Theme.NEUTRAL:
        return Confidence.NAME
    if reading.top == Theme.NEUTRAL:
        return Confidence.NONE
    if reading.top not in GENTLE_THEMES and sounds_positive(text):
        return Confidence.NONE
    score = reading.score(reading.top)
    if score >= NAME_AT:
        return Confidence.NAME
    return Confidence.WONDER if score >= WONDER_AT else Confidence.NONE


def feeling_line(
    reading: ThemeReading, reflection: str | None = None, named: Theme | None = None
) -> str:
    """One sentence naming the feeling as surely as allowed, or reflecting without naming.

    With no feeling to name and no reflection, gives "".
    """
    level = confidence(reading, named)
    theme = named if named is not None and named != Theme.NEUTRAL else reading.top
    if level == Confidence.NAME:
        return f"It sounds like you feel {FELT[theme]}."
    if level == Confidence.WONDER:
        return f"I wonder if there's {SOME[theme]} in that."
    return f"It sounds like {reflection}." if reflection else ""


def feelings_named(text: str) -> list[str]:
    """The feeling words a person said outright, in order, skipping negated ones ("not sad")."""
    seen: list[str] = []
    for _, _, word in feeling_matches(text):
        if word not in seen:
            seen.append(word)
    return seen


CLOSING_FEELINGS = 3
"""At most this many feelings are named in a closing summary."""


def closing_summary(
    named_words: Sequence[str], heard: Sequence[Theme], name: str | None = None
) -> str:
    """The feelings of a session in one sentence: the person's own words first.

    `named_words` are feelings the person named ("hurt", "alone"); `heard` are themes the
    reading was sure of. Neither gives a summary that names no feeling. With `name` (one
    partner of a couple), their words are said to them: "Maya, you talked about feeling hurt."
    """
    if named_words:
        said = join_words(list(named_words[:CLOSING_FEELINGS]))
        opener = f"{name}, you" if name else "Tonight you"
        return f"{opener} talked about feeling {said}."
    kept = [SOME[t] for t in heard if t in SOME][:CLOSING_FEELINGS]
    if kept:
        return f"Tonight I heard {join_words(kept)} in what you shared."
    return "Thank you for talking this through tonight."


_NOT_AFTER_FEELING = {"grieving": "grief"}
"""Feeling words that do not read after "feeling" ("feeling grieving"), and what does."""


class FeelingsHeard:
    """The feelings a session may name: the person's own words, and themes read surely.

    A theme may be named in a later step when the person named it or a reading scored it at
    least WONDER_AT; the closing names only what the person said or what scored NAME_AT.
    A feeling the person turned down ("no, it's not that I'm angry") is never named again.
    """

    def __init__(self) -> None:
        self._words: list[str] = []
        self._sure: dict[Theme, float] = {}
        self._may: set[Theme] = set()
        self._denied: set[Theme] = set()

    def add(self, text: str, reading: ThemeReading, named: Theme | None = None) -> None:
        """Count one utterance: the feeling words in it and the themes its reading is sure of."""
        for word in feelings_named(text):
            word = _NOT_AFTER_FEELING.get(word, word)
            if word not in self._words:
                self._words.append(word)
        if named is not None and named != Theme.NEUTRAL:
            self._may.add(named)
        went_well = sounds_positive(text)
        for s in reading.themes:
            if s.theme == Theme.NEUTRAL or (went_well and s.theme not in GENTLE_THEMES):
                continue
            if s.score >= WONDER_AT:
                self._may.add(s.theme)
            if s.score >= NAME_AT:
                self._sure[s.theme] = self._sure.get(s.theme, 0.0) + s.score

    def confirm(self, theme: Theme | None, answer: str = "") -> None:
        """A feeling the person agreed with ("yes, that fits") counts as surely heard; a hurt
        met with words of something that went well ("yes, it felt lovely") is turned down."""
        if theme is not None and theme not in GENTLE_THEMES and sounds_positive(answer):
            self._denied.add(theme)
        elif theme is not None and theme != Theme.NEUTRAL and theme not in self._denied:
            self._may.add(theme)
            self._sure[theme] = self._sure.get(theme, 0.0) + NAME_AT

    def deny(self, theme: Theme | None, words: str = "") -> None:
        """Forget a feeling the person turned down, and any feeling word in `words`."""
        if theme is not None:
            self._denied.add(theme)
        turned_down = named_feeling(words)
        if turned_down is not None:
            self._denied.add(turned_down)
        for word in feelings_named(words):
            if word in self._words:
                self._words.remove(word)

    def may_name(self, theme: Theme) -> bool:
        """Whether a step may speak to `theme` (neutral always may)."""
        return theme == Theme.NEUTRAL or (theme in self._may and theme not in self._denied)

    @property
    def words(self) -> list[str]:
        """The feeling words the person said outright, in order, without those taken back."""
        return list(self._words)

    def sure(self) -> list[Theme]:
        """Themes a reading scored at least NAME_AT, strongest over the session first."""
        sure = [t for t in self._sure if t not in self._denied]
        return sorted(sure, key=lambda t: (-self._sure[t], t.value))

    def heard_phrase(self) -> str:
        """The sure themes as said after "I heard" ("some sadness and some hope"); may be ""."""
        return join_words([SOME[t] for t in self.sure()][:CLOSING_FEELINGS])
