"""Turn what a person said into a short reflection in their own words, pronouns turned around.

The result is one clause, starting in lower case with no closing punctuation, ready to sit in
a prompt such as "It sounds like {reflection}." ("I felt small when you laughed at my idea" ->
"you felt small when they laughed at your idea"). With a partner's name, the partner is named
instead of "they". Sentences that disclose self-harm or abuse are never echoed back.
"""

import re

from assistant.safety import check

MAX_WORDS = 25
SAFE_FALLBACK = "you are carrying something that matters a great deal"

_WORD = re.compile(r"[\w']+|[^\w\s]")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_FILLERS = frozenset({"um", "umm", "uh", "uhh", "uhm", "erm", "hmm", "mm"})
_LIKE_FILLER_AFTER = frozenset({"", ",", "like", "was", "is", "am", "were", "are", "i'm", "and"})
_KNOW_KEEPERS = frozenset({"what", "that", "how", "why", "where", "when", "who", "it", "me"})
_SUBJECT_OPENERS = frozenset(
    {
        "", ",", ";", ":", "and", "but", "when", "because", "that", "if", "so", "or", "while",
        "since", "before", "after", "until", "whenever", "how", "what", "where", "like",
        "though", "although", "then", "cause", "cuz", "as", "feel", "felt", "think", "wish",
    }
)  # fmt: skip
_SPEAKER = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
    "i'm": "you're", "i've": "you've", "i'll": "you'll", "i'd": "you'd", "im": "you're",
    "we": "you", "us": "you", "our": "your", "ours": "yours", "ourselves": "yourselves",
    "we're": "you're", "we've": "you've", "we'll": "you'll", "we'd": "you'd",
}  # fmt: skip
_LISTENER_THEY = {
    "your": "their", "yours": "theirs", "yourself": "themselves", "you're": "they're",
    "you've": "they've", "you'll": "they'll", "you'd": "they'd", "youre": "they're",
}  # fmt: skip
_LISTENER_NAMED = {
    "your": "{n}'s", "yours": "{n}'s", "yourself": "themselves", "you're": "{n} is",
    "you've": "{n} has", "you'll": "{n} will", "you'd": "{n} would", "youre": "{n} is",
}  # fmt: skip
_THIRD_PERSON = {
    "are": "is", "were": "was", "have": "has", "do": "does", "don't": "doesn't",
    "dont": "doesn't", "go": "goes", "aren't": "isn't", "weren't": "wasn't",
    "haven't": "hasn't",
}  # fmt: skip
_ADVERBS = frozenset({"never", "always", "just", "really", "still", "often", "sometimes", "even"})
_BASE_VERBS = frozenset(
    {
        "listen", "care", "know", "think", "want", "need", "love", "make", "leave", "say",
        "tell", "talk", "look", "work", "ignore", "forget", "laugh", "yell", "treat",
        "understand", "try", "feel", "get", "take", "come", "seem", "act", "help", "hear",
        "see", "call", "text", "mean", "hate", "blame", "interrupt", "walk", "shut",
        "criticize", "notice", "ask", "answer", "give", "keep", "put", "let", "spend", "play",
        "watch", "sleep", "stay", "check", "lie", "cheat", "hide", "push", "pull", "turn",
        "remember", "promise", "touch", "hug", "kiss", "smile", "cry", "shout", "scream",
        "show", "choose", "like", "respect", "trust", "mock", "judge",
    }
)  # fmt: skip


def _third_person(verb: str) -> str:
    """The he/she form of a present-tense verb ("listen" -> "listens"); others unchanged."""
    lowered = verb.lower()
    if lowered in _THIRD_PERSON:
        return _THIRD_PERSON[lowered]
    if lowered not in _BASE_VERBS:
        return verb
    if lowered.endswith(("sh", "ch", "x", "o")):
        return verb + "es"
    if lowered.endswith("y") and lowered[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _drop_fillers(words: list[str]) -> list[str]:
    """Remove "um", "uh", and filler "you know" / "like" that carry no meaning."""
    kept: list[str] = []
    skip = 0
    for i, word in enumerate(words):
        low = word.lower()
        if skip:
            skip -= 1
            continue
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        after = words[i + 2].lower() if i + 2 < len(words) else ""
        if low in _FILLERS:
            continue
        if low == "you" and nxt == "know" and after not in _KNOW_KEEPERS:
            skip = 1
            continue
        previous = kept[-1].lower() if kept else ""
        if low == "like" and (previous in _LIKE_FILLER_AFTER or nxt in (",", "like")):
            continue
        if low == "i" and nxt == "mean" and previous in ("", ","):
            skip = 1
            continue
        kept.append(word)
    while kept and kept[0] in (",", ";"):
        kept.pop(0)
    return kept


def _turn(words: list[str], partner: str | None) -> list[str]:
    """Swap speaker and listener pronouns, fixing the verb after a named partner."""
    out: list[str] = []
    named_subject = False
    for i, word in enumerate(words):
        low = word.lower()
        previous = words[i - 1].lower() if i else ""
        if named_subject and low not in _ADVERBS:
            out.append(_third_person(word))
            named_subject = False
            continue
        if low in _SPEAKER:
            following = words[i + 1].lower() if i + 1 < len(words) else ""
            if low == "i" and following in ("was", "am"):
                words[i + 1] = "were" if following == "was" else "are"
            out.append(_SPEAKER[low])
        elif low == "you":
            is_subject = previous in _SUBJECT_OPENERS
            if partner:
                out.append(partner)
                named_subject = is_subject
            else:
                out.append("they" if is_subject else "them")
        elif low in _LISTENER_THEY:
            named_before = partner is not None and any(partner in w for w in out)
            table = _LISTENER_NAMED if partner and not named_before else _LISTENER_THEY
            out.append(table[low].format(n=partner))
        else:
            out.append(word)
    return out


def _shorten(words: list[str]) -> list[str]:
    """Cut to MAX_WORDS words, at the last clause break when there is one."""
    if len(words) <= MAX_WORDS:
        return words
    head = words[:MAX_WORDS]
    breaks = [i for i, w in enumerate(head) if w in (",", ";") or w.lower() in ("and", "but")]
    return head[: breaks[-1]] if breaks and breaks[-1] > 3 else head


def _join(words: list[str]) -> str:
    """Words back into text: no space before punctuation, no closing punctuation."""
    text = ""
    for word in words:
        text += word if (not text or re.fullmatch(r"[^\w\s]", word)) else " " + word
    return text.strip().rstrip(".!?,;: ").strip()


def _key_sentence(text: str) -> str | None:
    """The sentence carrying the most feeling, skipping any that a safety check flags."""
    from assistant.themes.classifier import classify

    sentences = [s for s in _SENTENCE.split(text.strip()) if s.strip()]
    safe = [s for s in sentences if not check(s).crisis]
    if not safe:
        return None

    def feeling(sentence: str) -> float:
        reading = classify(sentence)
        return max((t.score for t in reading.themes if t.theme != "neutral"), default=0.0)

    return max(safe, key=lambda s: (feeling(s), -safe.index(s)))


def reflect(text: str, partner: str | None = None) -> str:
    """One short clause reflecting `text` back with pronouns turned; empty text gives ""."""
    if not text.strip():
        return ""
    if check(text).crisis:
        return SAFE_FALLBACK
    sentence = _key_sentence(text)
    if sentence is None:
        return SAFE_FALLBACK
    words = _shorten(_drop_fillers(_WORD.findall(sentence)))
    turned = _join(_turn(words, partner.strip() if partner else None))
    if not turned:
        return ""
    first, rest = turned.split(" ", 1) if " " in turned else (turned, "")
    if not (partner and first.startswith(partner)) and (len(first) == 1 or first[1:].islower()):
        first = first[0].lower() + first[1:]
    return f"{first} {rest}".strip()
