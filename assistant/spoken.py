"""Spoken words made readable: fillers, false starts and hedges dropped, case kept (pure).

The word lists here are shared with theme matching (assistant.themes.text), which works on
lower-case tokens; this module keeps the speaker's own words and case for reflections.
"""

import re

FILLERS = frozenset({"um", "umm", "uh", "uhh", "uhm", "erm", "er", "hmm", "mm", "ah"})
"""Sounds that are never words of the message."""
YOU_KNOW_KEEPERS = frozenset({"what", "that", "how", "why", "where", "when", "who", "it", "me"})
"""After these, "you know" is meant ("you know what I mean") rather than a filler."""
_LIKE_FILLER_AFTER = frozenset(
    {"", ",", "like", "was", "is", "am", "were", "are", "i'm", "and", "of", "so", "just"}
)
_LIKE_FILLER_BEFORE = frozenset({",", "like", "be", "totally", "really", "so", "just", "um"})
UNAPOSTROPHISED = {
    "dont": "don't", "cant": "can't", "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't",
    "wasnt": "wasn't", "werent": "weren't", "couldnt": "couldn't", "wouldnt": "wouldn't",
    "shouldnt": "shouldn't", "havent": "haven't", "hasnt": "hasn't", "hes": "he's",
    "shes": "she's", "thats": "that's", "whats": "what's", "theyre": "they're", "ive": "I've",
    "youve": "you've", "youre": "you're", "im": "I'm", "id": "I'd", "youd": "you'd",
    "youll": "you'll", "theyll": "they'll", "theyd": "they'd", "theyve": "they've",
    "wont": "won't", "arent": "aren't", "hadnt": "hadn't", "weve": "we've", "itll": "it'll",
    "whos": "who's",
}  # fmt: skip
"""Contractions that speech recognition writes without the apostrophe ("dont", "hes")."""
_HEDGES = (
    "i think", "i guess", "i suppose", "i mean", "think", "guess", "maybe", "perhaps",
    "honestly", "basically", "actually", "anyway", "so", "well", "yeah", "yes", "okay", "ok",
    "and", "no", "also",
    "there's more", "there is more", "i know", "right",
)  # fmt: skip
"""Openers dropped when a clause follows them ("I think I'm afraid" -> "you're afraid")."""
SUBJECTS = frozenset(
    {
        "i", "i'm", "i've", "i'll", "i'd", "you", "you're", "he", "he's", "she", "she's",
        "they", "they're", "we", "we're", "it", "it's", "that", "that's", "this", "there",
        "there's", "my", "your", "his", "her", "their", "our", "the", "a", "an", "nobody",
        "everyone", "everybody", "someone", "somebody", "nothing", "everything", "today",
        "tonight", "yesterday", "all", "no", "one", "some", "people", "when", "whenever",
        "every", "if", "after", "before", "since", "even", "like", "um", "he'd", "she'd",
    }
)  # fmt: skip
CLAUSE_SUBJECTS = SUBJECTS - {"no", "one", "all", "some"}
_TRAILERS = (
    "but still", "or whatever", "or something", "and stuff", "and everything", "and all that",
    "you know", "i guess", "i think", "i suppose", "i don't know", "and yeah", "so yeah",
    "yeah", "honestly", "though", "anyway", "maybe", "probably", "and", "but", "so", "or",
)  # fmt: skip
"""Tails that leave a clause hanging ("she has her own life I guess but still")."""
_AFTER_DONT_KNOW = frozenset({"i", ",", "and", "but", "so", "like", "maybe"})
"""A filler "I don't know" in the middle of speech is followed by one of these."""


def clean_words(words: list[str]) -> list[str]:
    """Remove "um", "uh", filler "you know" / "like" / "I don't know", and repeated words."""
    words = [UNAPOSTROPHISED.get(w.lower(), w) for w in words]
    kept: list[str] = []
    skip = 0
    for i, word in enumerate(words):
        low = word.lower()
        if skip:
            skip -= 1
            continue
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        after = words[i + 2].lower() if i + 2 < len(words) else ""
        if low in FILLERS:
            continue
        if low == "you" and nxt == "know" and after not in YOU_KNOW_KEEPERS:
            skip = 1
            continue
        previous = kept[-1].lower() if kept else ""
        if low == "like" and (previous in _LIKE_FILLER_AFTER or nxt in _LIKE_FILLER_BEFORE):
            continue
        if low == "i" and nxt == "mean" and previous in ("", ","):
            skip = 1
            continue
        then = words[i + 3].lower() if i + 3 < len(words) else ""
        if (low, nxt, after) == ("i", "don't", "know") and then in _AFTER_DONT_KNOW:
            skip = 2
            continue
        kept.append(word)
    return _drop_restarts(trim(kept))


def _drop_restarts(words: list[str]) -> list[str]:
    """ "when you when you went" -> "when you went"; "i just i felt" -> "i felt"."""
    out: list[str] = []
    for word in words:
        out.append(word)
        for n in (3, 2, 1):
            if len(out) >= 2 * n and [w.lower() for w in out[-n:]] == [
                w.lower() for w in out[-2 * n : -n]
            ]:
                del out[-n:]
                break
        low = [w.lower() for w in out[-3:]]
        if len(low) == 3 and low[0] == low[2] == "i" and low[1] in ("just", "was", "mean"):
            del out[-3:-1]
    return out


def _starts(words: list[str], phrase: str) -> bool:
    parts = phrase.split()
    return [w.lower() for w in words[: len(parts)]] == parts


def _ends(words: list[str], phrase: str) -> bool:
    parts = phrase.split()
    return len(words) > len(parts) and [w.lower() for w in words[-len(parts) :]] == parts


def trim(words: list[str]) -> list[str]:
    """Drop hedging openers before a clause and hanging tails; punctuation at the edges."""
    changed = True
    while changed:
        changed = False
        while words and words[0] in (",", ";", ":", "-"):
            words = words[1:]
        for hedge in _HEDGES:
            n = len(hedge.split())
            rest = words[n:]
            while rest and rest[0] in (",", ";"):
                rest = rest[1:]
            clause = bool(rest) and rest[0].lower() in CLAUSE_SUBJECTS
            if _starts(words, hedge) and (clause or any(_starts(rest, h) for h in _HEDGES)):
                words, changed = rest, True
                break
        for tail in _TRAILERS:
            if _ends(words, tail):
                words, changed = words[: -len(tail.split())], True
            while words and words[-1] in (",", ";", ":", "-"):
                words, changed = words[:-1], True
    return words


def mid_hedges(words: list[str]) -> list[str]:
    """Drop "I guess" / "I think" left hanging inside a clause ("her own life I guess but")."""
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = " ".join(w.lower() for w in words[i : i + 2])
        nxt = words[i + 2].lower() if i + 2 < len(words) else ""
        if out and pair in ("i guess", "i think", "i suppose") and nxt in ("", ",", "but", "and"):
            between_commas = out[-1] == "," and nxt == ","
            i += 3 if between_commas else 2  # ", I guess," leaves one comma, not two
            continue
        out.append(words[i])
        i += 1
    return out


def plain_words(text: str) -> str:
    """Lower-case words and apostrophes only, single-spaced (curly apostrophes straightened);
    what the conversation's phrase checks match against. Empty text gives ""."""
    return " ".join(re.findall(r"[a-z']+", text.lower().replace("\u2019", "'")))
