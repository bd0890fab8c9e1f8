"""Turn typed or transcribed text into clean lower-case tokens for theme matching.

Contractions are expanded ("can't" -> "can not", ASR "dont" -> "do not"), speech fillers
("um", "uh", "you know", filler "like") are dropped, and punctuation that ends a clause is
kept as a token so negation and agents never reach across it.
"""

import re

from assistant.spoken import FILLERS, YOU_KNOW_KEEPERS

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|[:;]-?[()]|[.!?,;]")

CLAUSE_BREAKS = frozenset({".", "!", "?", ",", ";"})
SENTENCE_ENDS = frozenset({".", "!", "?", ";"})

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "can't": ("can", "not"),
    "cannot": ("can", "not"),
    "won't": ("will", "not"),
    "ain't": ("is", "not"),
    "shan't": ("shall", "not"),
    "i'm": ("i", "am"),
    "im": ("i", "am"),
    "ive": ("i", "have"),
    "id": ("i", "would"),
    "dont": ("do", "not"),
    "doesnt": ("does", "not"),
    "didnt": ("did", "not"),
    "cant": ("can", "not"),
    "wont": ("will", "not"),
    "isnt": ("is", "not"),
    "wasnt": ("was", "not"),
    "arent": ("are", "not"),
    "werent": ("were", "not"),
    "havent": ("have", "not"),
    "hasnt": ("has", "not"),
    "hadnt": ("had", "not"),
    "shouldnt": ("should", "not"),
    "couldnt": ("could", "not"),
    "wouldnt": ("would", "not"),
    "youre": ("you", "are"),
    "theyre": ("they", "are"),
    "thats": ("that", "is"),
    "hes": ("he", "is"),
}
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("n't", "not"),
    ("'re", "are"),
    ("'ve", "have"),
    ("'ll", "will"),
    ("'d", "would"),
    ("'m", "am"),
)
_S_IS = frozenset({"he", "she", "it", "that", "what", "there", "who", "where", "here", "everyone"})
_LIKE_KEEPERS = frozenset(
    {
        "feel", "feels", "felt", "feeling", "would", "i", "we", "you", "they",
        "not", "look", "looks", "looked", "seem", "seems", "sound", "sounds", "just", "really",
        "more", "treat", "treats", "treated", "treating", "acts", "act", "acting", "live",
        "living", "much", "dont", "didnt", "things", "something", "nothing", "anything",
    }
)  # fmt: skip


def _expand(word: str) -> tuple[str, ...]:
    """Split one raw token into plain words ("didn't" -> "did", "not")."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, full in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return (word[: -len(suffix)], full)
    if word.endswith("'s"):
        base = word[:-2]
        return (base, "is") if base in _S_IS else (base,)
    return (word.replace("'", ""),)


def _drop_fillers(words: list[str]) -> list[str]:
    """Remove speech fillers; "like" and "you know" stay only where they carry meaning."""
    kept: list[str] = []
    skip_next = False
    for i, word in enumerate(words):
        if skip_next or word in FILLERS:
            skip_next = False
            continue
        ahead = words[i + 1 : i + 3]
        if (
            word == "you"
            and ahead[:1] == ["know"]
            and ahead[1:2] != []
            and (ahead[1] not in YOU_KNOW_KEEPERS)
        ):
            skip_next = True
            continue
        if word == "you" and ahead == ["know"]:
            skip_next = True
            continue
        if word == "like" and (not kept or kept[-1] not in _LIKE_KEEPERS):
            continue
        kept.append(word)
    return kept


def tokens(text: str) -> list[str]:
    """Lower-case words and clause punctuation of one utterance; empty text gives []."""
    raw = _TOKEN.findall(text.lower().replace("’", "'").replace("‘", "'"))
    words: list[str] = []
    for item in raw:
        words.extend(_expand(item))
    return _drop_fillers(words)
