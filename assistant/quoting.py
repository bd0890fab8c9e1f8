"""Someone else's words inside what a person said, kept as theirs (pure).

"he said oh you're wearing that" holds a quote: its "you" is the speaker, said by him, and
must not be turned around. Quotes are lifted out as placeholders before pronouns are turned
and put back inside double quotes afterwards. When no faithful paraphrase can be made, a
short quote of the person's own words, framed as theirs, stands in.
"""

import re

from assistant.spoken import UNAPOSTROPHISED

PLACEHOLDER = "QUOTE{}"
_PLACEHOLDER = re.compile(r"QUOTE(\d+)")
_MARKED = re.compile(r"[\"“”]([^\"“”]{2,})[\"“”]|(?<![\w])'([^']{2,}?)'(?![\w])")
_SPEECH = (
    r"\b(?:said|says|goes|asked|asks|snapped|yelled|shouted|texted|told me|"
    r"was like|is like|was all|is all)"
)
_DIRECT_START = (
    r"(?:oh|ohh|well|wow|seriously|whatever|thank you|(?:why|what|how) (?:are|is|do|did|can)\b|"
    r"are you|"
    r"did you|do you|don't you|can you|could you|would you|you|you're|youre|your|you've|"
    r"you'll|you always|you never|look|come on|hey|ugh)"
)
_IMPLICIT = re.compile(
    rf"({_SPEECH})\s*,?\s+(?:like\s+)?({_DIRECT_START}\b[^.!?]*?)"
    r"(?=\s*(?:[.!?]|,?\s+(?:and|but|so|then)\s+(?:i|i'm|im|he|she|they|we|it|that)\b|$))",
    re.IGNORECASE,
)
_FRAGMENT_OPENERS = frozenset({"yeah", "yes", "okay", "ok", "so", "well", "um", "uh", ","})
QUOTE_FRAME_WORDS = 14
"""Longest quote attune frames as the person's own words ("you said '...'")."""


def _apostrophes(quote: str) -> str:
    """ "youre" -> "you're" inside a quote, as speech recognition leaves it out."""
    return " ".join(UNAPOSTROPHISED.get(w.lower(), w) for w in quote.split())


def lift_quotes(text: str) -> tuple[str, list[str]]:
    """`text` with quoted speech replaced by placeholders, and the quotes in order."""
    quotes: list[str] = []

    def marked(match: re.Match[str]) -> str:
        quotes.append(_apostrophes((match.group(1) or match.group(2)).strip()))
        return " " + PLACEHOLDER.format(len(quotes) - 1) + " "

    def implicit(match: re.Match[str]) -> str:
        before = match.string[: match.start()].split()
        if before and before[-1].lower() in ("you", "we"):
            return match.group(0)
        quotes.append(_apostrophes(match.group(2).strip().rstrip(",")))
        return f"{match.group(1)} {PLACEHOLDER.format(len(quotes) - 1)}"

    text = _MARKED.sub(marked, text)
    return _IMPLICIT.sub(implicit, text), quotes


def restore_quotes(text: str, quotes: list[str]) -> str:
    """Placeholders back as double-quoted words; a placeholder with no quote is dropped."""

    def back(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return f'"{quotes[index]}"' if index < len(quotes) else ""

    return re.sub(r"\s{2,}", " ", _PLACEHOLDER.sub(back, text)).strip()


def quote_frame(words: list[str], by_sentence: bool = False) -> str:
    """The person's own words framed as theirs: 'you said "alone, in it"'; [] gives "".

    With `by_sentence`, fragments ("Not needed. Feel. Alone.") are joined with commas.
    """
    if by_sentence:
        words = [("," if w in (".", "!", "?") else w) for w in words]
        words = [w if w == "I" or w.startswith("I'") else w.lower() for w in words]
        while words and words[0].lower() in _FRAGMENT_OPENERS:
            words = words[1:]
    kept = [w for w in words if w.strip(".;:!?")][:QUOTE_FRAME_WORDS]
    if not kept:
        return ""
    text = ""
    for word in kept:
        text += word if (not text or re.fullmatch(r"[^\w\s]", word)) else " " + word
    text = text.strip().strip(".,;:!?- ").replace('"', "")
    if not text:
        return ""
    if not re.match(r"I\b|I'", text):
        text = text[0].lower() + text[1:]
    return f'you said "{text}"'


_FRAMED = re.compile(r'^you said "([^"]*)"$')


def framed_quote(reflection: str) -> str | None:
    """The quoted words when `reflection` is a quote frame ('you said "..."'), else None."""
    match = _FRAMED.match(reflection)
    return match.group(1) if match else None
