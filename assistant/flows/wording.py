"""Small readings of what a person said, shared by the flows: answers, commitments, themes."""

# commitment_text and commitment_sentence live in assistant.commitment; kept importable here.

import re
from collections.abc import Callable, Sequence

from assistant.commitment import _NO_ACTION, commitment_sentence, commitment_text
from assistant.grammar import reflection_problems
from assistant.language import Inflector, Parser
from assistant.quoting import framed_quote
from assistant.reflect import reads_as_clause, reflect, turn_words
from assistant.themes.taxonomy import Theme, ThemeReading

__all__ = ["commitment_sentence", "commitment_text"]
"""Re-exported from assistant.commitment for the flows; the rest is public by name."""

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


_parser: Parser | None = None
_inflector: Inflector | None = None


def use_language(parser: Parser | None, inflector: Inflector | None = None) -> None:
    """Set the parser and inflector reflections use from now on (loaded once per session by
    the CLI through assistant.adapters.language); None keeps the simpler word rules."""
    global _parser, _inflector
    _parser, _inflector = parser, inflector


def reflection_of(
    text: str, partner: str | None = None, parser: Parser | None = None
) -> str | None:
    """The speaker's words turned around (see assistant.reflect); None for short answers.

    Answers such as "yes" or "I guess so" are not reflected, so no "It sounds like yes."
    Clipped speech that would not read as a clause ("think you will talk to him") gives None
    too, so the flow asks its next question without a garbled echo.
    """
    if len(_words(text)) < REFLECT_MIN_WORDS or sounds_unsure(text):
        return None
    parser = parser or _parser
    inflector = _inflector if parser is not None else None
    reflection = _OPENER.sub("", reflect(text, partner, parser, inflector))
    quoted = framed_quote(reflection)
    if quoted is not None and not reads_as_clause(quoted, partner):
        return None
    return reflection if reads_as_clause(reflection, partner) else None


_NEED_SUBJECTS = frozenset(
    {"you", "you're", "you've", "you'd", "you'll", "your", "he", "she", "they", "it", "it's",
     "that", "there", "all", "what", "his", "her", "their"}
)  # fmt: skip
"""A need answer starting with one of these is a sentence; others ("a hug") get "you needed"."""
_NEED_FRAGMENT = re.compile(r"^(?:for |just |only |mostly |probably )+", re.IGNORECASE)


def need_reflection(text: str) -> str | None:
    """An answer to "what did you need?" as a clause: "reassurance" -> "you needed reassurance".

    Full sentences are reflected as usual; "nothing" or "I don't know" gives None.
    """
    plain = _plain(text)
    if not _words(plain) or sounds_unsure(text) or _NO_ACTION.search(plain):
        return None
    full = reflection_of(text)
    if full is not None and framed_quote(full) is None and full.split()[0] in _NEED_SUBJECTS:
        return full
    fragment = _NEED_FRAGMENT.sub("", turn_words(text)).strip().rstrip(".!?,;: ")
    if not fragment or len(_words(fragment)) > 15 or fragment.split()[0] in ("you", "they"):
        return None
    if named_feeling(fragment) is not None and len(_words(fragment)) <= 3:
        return f"you felt {fragment}"
    need = f"you needed {fragment}"
    return None if reflection_problems(need, source=text) else need


UNSURE_MAX_WORDS = 8
"""Longer answers that open with "I don't know what..." say something ("...to do when...")."""
_KNOW_WHAT = r"(what|how|if|whether|where|who|when|why)\b"
_UNSURE = re.compile(
    r"^(?:(?:um|uh|well|hmm|honestly|yeah|no)[, ]+)*(?:i (?:really )?don't (?:really )?know|"
    r"i'm not (?:really )?sure|not sure|no idea|i can't say|hard to say|i'm not certain)\b"
)


def sounds_unsure(text: str) -> bool:
    """True for "I don't know", "not sure", "no idea" (and empty text)."""
    plain = _plain(text)
    match = _UNSURE.search(plain)
    if not _words(plain) or not match:
        return not _words(plain)
    then = plain[match.end() :].lstrip(" ,")
    return len(_words(plain)) <= UNSURE_MAX_WORDS or not re.match(_KNOW_WHAT, then)


_DENIED = re.compile(
    r"^(?:(?:um|uh|well|hmm)[, ]+)*(?:no|nope|nah|not really|not exactly|not quite|"
    r"not so much|i wouldn't say that|it's more|more like|it's not)\b"
)


def sounds_denied(text: str) -> bool:
    """True when a person turns down the feeling attune named ("no, it's more like hurt")."""
    return bool(_DENIED.search(_plain(text)))


_FEELING_WORDS: dict[Theme, tuple[str, ...]] = {
    Theme.ANGER: ("angry", "anger", "mad", "furious", "annoyed", "irritated", "frustrated",
                  "resentful", "fed up", "pissed", "livid", "rage"),
    Theme.GRIEF: ("sad", "sadness", "hurt", "heartbroken", "grief", "grieving", "devastated",
                  "down", "crushed", "gutted", "heavy"),
    Theme.FEAR: ("scared", "afraid", "anxious", "anxiety", "worried", "fear", "frightened",
                 "nervous", "panicky", "terrified", "insecure"),
    Theme.SHAME: ("ashamed", "shame", "embarrassed", "humiliated", "small", "stupid",
                  "exposed", "worthless"),
    Theme.REMORSE: ("guilty", "guilt", "regret", "sorry", "remorse"),
    Theme.LONELINESS: ("lonely", "alone", "invisible", "unseen", "isolated", "left out"),
    Theme.MISTRUST: ("suspicious", "distrust", "mistrust", "doubt", "paranoid"),
    Theme.BETRAYAL: ("betrayed", "betrayal", "let down", "lied to", "cheated on"),
    Theme.WITHDRAWAL: ("numb", "shut down", "checked out", "walled off", "empty"),
    Theme.LONGING: ("longing", "yearning", "missing him", "missing her", "missing them"),
    Theme.HOPE: ("hopeful", "grateful", "thankful", "relieved", "happy", "hope", "glad"),
}  # fmt: skip
_NOT_THIS = re.compile(r"(?:\bnot|n't|\bthan|\bno longer|\bless)\s+(?:[\w']+\s+){0,2}$")
_NOT_THIS_REACH = 48
"""Characters before a feeling word searched for "not"/"than" (a word or two; keeps it linear)."""


_NEEDS_A_LEAD = frozenset({"down", "small", "heavy", "empty", "hurt", "stupid", "alone", "sorry"})
"""Words that name a feeling only after "feel", "I'm", "so"... or opening a fragment
("sat down", "I hurt you", "a small thing", "home alone" name none)."""
_LEAD = re.compile(
    r"(?:^|\b(?:feel|feels|felt|feeling|i'm|im|am|was|is|it's|been|being|get|got|getting|so|"
    r"really|very|too|quite|still|bit|kind of|pretty|just|and|or|but|more|like|left|all))$"
)
_OBJECT_AFTER = re.compile(r"^\s+(?:you|her|him|them|me|us|my|your|his|their|people)\b")


def _names_a_feeling(before: str, after: str) -> bool:
    """Whether an ambiguous word ("down", "hurt") between these names a feeling."""
    lead = before.rstrip()
    opens = not lead or lead[-1] in ".!?;:,\u2014-"
    return (opens or bool(_LEAD.search(lead))) and not _OBJECT_AFTER.match(after)


def feeling_matches(text: str) -> list[tuple[int, Theme, str]]:
    """Each feeling named outright, as (position, theme, word), in order; negated ones ("not
    sad", "more than angry") and uses that name no feeling ("I hurt her") are skipped."""
    plain = _plain(text)
    found: list[tuple[int, Theme, str]] = []
    for theme, words in _FEELING_WORDS.items():
        for word in words:
            for match in re.finditer(rf"\b{word}\b", plain):
                before = plain[max(0, match.start() - _NOT_THIS_REACH) : match.start()]
                if _NOT_THIS.search(before):
                    continue
                if word in _NEEDS_A_LEAD and not _names_a_feeling(before, plain[match.end() :]):
                    continue
                found.append((match.start(), theme, word))
    return sorted(found)


def named_feeling(text: str) -> Theme | None:
    """The feeling a person names outright ("hurt more than angry" -> grief); None if none."""
    found = feeling_matches(text)
    return found[0][1] if found else None


_WENT_WELL = re.compile(
    r"\b(?:went (?:really |so |very )?well|lovely|wonderful|great|amazing|loved|laughed|"
    r"happy|glad|grateful|thankful|relieved|hopeful|proud)\b"
)
"""Words of something that went well; negated ones ("not happy") do not count."""
GENTLE_THEMES = frozenset({Theme.HOPE, Theme.LONGING, Theme.NEUTRAL})
"""Themes that fit a moment that went well; the others name a hurt."""


def sounds_positive(text: str) -> bool:
    """True when a person says something went well ("it felt lovely") and names no hurt."""
    plain = _plain(text)
    named = named_feeling(plain)
    if named is not None and named not in GENTLE_THEMES:
        return False
    for match in _WENT_WELL.finditer(plain):
        before = plain[max(0, match.start() - _NOT_THIS_REACH) : match.start()]
        if not _NOT_THIS.search(before):
            return True
    return False


_NEED = re.compile(
    r"(?:^|[,.;!?]\s*|\b(?:and|but|so|just|really|all)\s+)(?:i|all i)\s+"
    r"(?:just |really |so |only |desperately )?"
    r"(?:needed|need|wanted|was longing for|longed for|was hoping for|"
    r"want (?!to\b)\w+ to)\b"
)


def states_need(text: str) -> bool:
    """True when a person says what they needed ("I just needed him to listen")."""
    plain = _plain(text)
    return bool(_NEED.search(plain)) and "what i needed" not in plain


_FINISHED = re.compile(
    r"^(?:(?:um|uh|er|well|so|yeah|yes|okay|ok|honestly|i guess)[, ]+)*"
    r"(no|nope|nah|nothing|not really|i think that's (it|all)|that's (it|all|everything)|"
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


_STATED_ACTION = re.compile(
    r"^(?:(?:yes|yeah|okay|ok|so|well|um|maybe|and|also)[, ]+)*"
    r"(?:i'll|i will|i'm going to|i am going to|i'm gonna|i plan to|i promise to|i commit to)\b"
)
_NOT_AN_ACTION = re.compile(
    r"^\s*(?:never|not|always|still|probably|be\b|lose|fail|cry|break|fall|die|explode|"
    r"go crazy|scream|end up|have to|need to|feel|regret|miss)"
)


def states_action(text: str) -> bool:
    """True when a person already names what they will do ("I'll call her tomorrow").

    Fears and feelings in the future tense ("I'm going to lose him", "I'll never trust her")
    are not actions.
    """
    plain = _plain(text)
    match = _STATED_ACTION.search(plain)
    if not match or _NOT_AN_ACTION.search(plain[match.end() :]):
        return False
    return commitment_text(text) is not None


def join_words(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'; empty gives ''."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class ThemeTally:
    """The themes heard over a session, strongest first, and the one to speak to now."""

    RECENT_WEIGHT = 0.5
    """How much an earlier utterance still counts toward the focus once another follows."""
    NAMED_BOOST = 1.0
    """Added to the focus score of a feeling the person named outright ("I'm hurt")."""

    def __init__(self) -> None:
        self._total: dict[Theme, float] = {}
        self._heard: set[Theme] = set()
        self._recent: dict[Theme, float] = {}

    def add(self, reading: ThemeReading, named: Theme | None = None) -> None:
        """Count one utterance's reading, and a feeling the person named in it, if any."""
        self._recent = {t: v * self.RECENT_WEIGHT for t, v in self._recent.items()}
        for s in reading.themes:
            if s.theme == Theme.NEUTRAL or s.score <= 0.0:
                continue
            self._total[s.theme] = self._total.get(s.theme, 0.0) + s.score
            self._recent[s.theme] = self._recent.get(s.theme, 0.0) + s.score
            if s.score >= HEARD_SCORE or s.theme == reading.top:
                self._heard.add(s.theme)
        if reading.top != Theme.NEUTRAL:
            self._recent[reading.top] = self._recent.get(reading.top, 0.0) + 0.1
        if named is not None and named != Theme.NEUTRAL:
            self._recent[named] = self._recent.get(named, 0.0) + self.NAMED_BOOST
            self._total[named] = self._total.get(named, 0.0) + self.NAMED_BOOST
            self._heard.add(named)

    def focus(self, allowed: Callable[[Theme], bool] | None = None) -> Theme:
        """The theme to speak to now: strongest lately (named feelings count most), or neutral.

        With `allowed`, the strongest theme it allows; neutral when it allows none.
        """
        recent = [t for t in self._recent if allowed is None or allowed(t)]
        if not recent:
            return Theme.NEUTRAL
        return max(recent, key=lambda t: (self._recent[t], t.value))

    def heard(self, limit: int = 3) -> list[Theme]:
        """Themes heard, strongest over the session first, at most `limit`."""
        return sorted(self._heard, key=lambda t: (-self._total[t], t.value))[:limit]
