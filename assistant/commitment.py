"""A commitment a person named, as an action and as a clean sentence read back (pure).

commitment_text gives the action in the person's words without "I'll" ("tell you where I
was every night before bed"); it fits prompts such as "you said you'd {commitment}".
commitment_sentence gives the whole sentence attune reads back and the journal keeps beside
the person's own words: "Tom, you said that you'll tell Maya where you were every night
before bed."
"""

import re

from assistant.grammar import line_problems
from assistant.language import Inflector
from assistant.reflect import turn_words

_NO_ACTION = re.compile(
    r"^(no|nope|nothing|i don't know|i'm not sure|not sure|no idea|i can't think|"
    r"i'd rather not|none|pass)\b"
)
_LEAD_IN = re.compile(
    r"^(?:(?:yes|yeah|okay|ok|so|well|um|uh|maybe|i think|perhaps|and|also)[, ]+)*"
    r"(?:i'll|ill|i will|i'm going to|im going to|i am going to|i want to|i'd like to|"
    r"i would like to|i could|i can|i'm gonna|im gonna|i plan to|i promise to|i commit to|"
    r"i'd|i would)?\s*"
)
_HANGING = re.compile(
    r"(?:[, ]+(?:maybe|i guess|i think|probably|or something|or whatever|if i can|i suppose))+$",
    re.IGNORECASE,
)
_INNER_MODAL = re.compile(
    r"^(?P<front>(?:every|each|tonight|tomorrow|when|whenever|after|before|on|at|next|this|"
    r"from now on|if|once|in the)\b(?:(?!\b(?:i|I)\b).){0,60}?)[, ]*\b"
    r"(?:I'll|Ill|I will|I'm going to|Im going to|I'm gonna|I am going to|I'd|I would)"
    r"\s+(?P<action>.+)$",
    re.IGNORECASE,
)
"""A fronted time or place before the modal ("every night before bed I'll tell you ...")."""
_PROPER = frozenset(
    {"monday", "mondays", "tuesday", "tuesdays", "wednesday", "wednesdays", "thursday",
     "thursdays", "friday", "fridays", "saturday", "saturdays", "sunday", "sundays"}
)  # fmt: skip
_ING = re.compile(r"^(\w+?)(\w)?ing\b")
_E_VERBS = frozenset({"mak", "tak", "giv", "writ", "hav", "leav", "sav", "shar", "com", "us"})


def _plain(text: str) -> str:
    return text.lower().replace("\u2019", "'").strip()


def _words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text)


def _base_form(rest: str, inflector: Inflector | None) -> str:
    """ "telling her" -> "tell her": a leading -ing verb in its base form."""
    match = _ING.match(rest)
    if not match:
        return rest
    word = rest.split()[0]
    lemma = inflector.lemma(word) if inflector is not None else None
    if lemma is None:
        stem, last = match.group(1), match.group(2) or ""
        doubled = last and stem.endswith(last) and last not in "lsfz"
        lemma = stem if doubled else stem + last
        lemma = lemma + "e" if lemma in _E_VERBS else lemma
    return lemma + rest[len(word) :]


def commitment_text(answer: str, inflector: Inflector | None = None) -> str | None:
    """The action a person named, in their words without "I'll"; None when they named none."""
    plain = _plain(answer)
    if not _words(plain) or _NO_ACTION.search(plain):
        return None
    text = answer.strip().replace("\u2019", "'")
    match = _LEAD_IN.match(text.lower())
    rest = text[match.end() :] if match else text
    rest = _HANGING.sub("", rest.strip().rstrip(".!?,;: ")).rstrip(".!?,;: ")
    inner = _INNER_MODAL.match(rest)
    if inner:
        front = inner.group("front").strip(" ,")
        if front.split()[0].lower() not in _PROPER:
            front = front[0].lower() + front[1:]
        rest = f"{inner.group('action').rstrip('.!?,;: ')} {front}"
    if len(_words(rest)) < 2:
        return None
    if not re.match(r"I\b|I'", rest):
        rest = rest[0].lower() + rest[1:]
    return _base_form(rest, inflector)


def commitment_sentence(
    answer: str,
    name: str | None = None,
    partner: str | None = None,
    inflector: Inflector | None = None,
) -> str:
    """The commitment in `answer` read back as one clean sentence; "" when none was named.

    `name` is the person addressed ("Tom, you said that ..."), `partner` the one "you" meant
    in their words. A sentence that would not pass the grammar check becomes a framed quote.
    """
    action = commitment_text(answer, inflector)
    if action is None:
        return ""
    turned = turn_words(action, partner=partner)
    opener = f"{name}, you said that" if name else "You said that"
    sentence = f"{opener} you'll {turned}."
    if not line_problems(sentence):
        return sentence
    own = " ".join(_words(answer))
    return f'{opener[: -len(" that")]}: "{own}".'
