"""Turn what a person said into a short reflection in their own words, pronouns turned around.

The result is one clause, starting in lower case with no closing punctuation, ready to sit in
a prompt such as "It sounds like {reflection}." ("I felt small when you laughed at my idea" ->
"you felt small when they laughed at your idea"). With a partner's name, the partner is named
instead of "they". Sentences that disclose self-harm or abuse are never echoed back.
"""

import re
from dataclasses import replace

from assistant.grammar import reflection_problems
from assistant.language import Inflector, Parser, Sentence, join
from assistant.quoting import lift_quotes, quote_frame, restore_quotes
from assistant.safety import check
from assistant.spoken import SUBJECTS, clean_words, mid_hedges, trim

MAX_WORDS = 25
SAFE_FALLBACK = "you are carrying something that matters a great deal"

_WORD = re.compile(r"[\w']+(?:-[\w']+)*|[^\w\s]")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_US_AFTER = frozenset({"like", "want", "wanted", "need", "needed", "wish", "asked", "ask", "get"})
_FRAGMENT_START = frozenset(
    {
        "think", "guess", "feel", "for", "to", "because", "cause", "about", "of", "with", "and",
        "but", "or", "so", "just", "really", "kind", "sort", "more", "not", "than", "how",
        "what", "why", "where",
    }
)  # fmt: skip
"""First words that show a reflection is a clipped fragment, not a clause."""
_CLAUSE_BREAKS = frozenset({",", ";", "and", "but", "so", "then"})
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
_FIRST_BE = {"was": "were", "am": "are", "wasn't": "weren't", "wasnt": "weren't"}
"""Forms of "be" that change with "I" -> "you"."""
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
            if low == "i" and following in _FIRST_BE:
                words[i + 1] = _FIRST_BE[following]
            if low == "i" and out and out[-1].lower() in _FIRST_BE:
                out[-1] = _FIRST_BE[out[-1].lower()]
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
            possessive = low in ("your", "yours", "yourself")
            named = partner and not (named_before and possessive)
            table = _LISTENER_NAMED if named else _LISTENER_THEY
            out.append(table[low].format(n=partner))
        else:
            out.append(word)
    return out


_BOTH = "the two of you"
"""Stands for "us" as an object; _turn leaves it alone since it is not one word it knows."""


def _us_as_object(words: list[str]) -> list[str]:
    """ "I'd like us to talk" keeps both people: "you'd like the two of you to talk"."""
    out = list(words)
    for i in range(len(out) - 1, 0, -1):
        if out[i].lower() == "us" and out[i - 1].lower() in _US_AFTER:
            out[i] = _BOTH
    return out


def _clauses(words: list[str]) -> list[list[str]]:
    """Words split before each clause break (comma, "and", "but", "so", "then")."""
    parts: list[list[str]] = [[]]
    for word in words:
        if word.lower() in _CLAUSE_BREAKS and parts[-1]:
            parts.append([])
        parts[-1].append(word)
    return parts


def _shorten(words: list[str]) -> list[str]:
    """Cut to MAX_WORDS words: the clauses around the one with the most feeling."""
    if len(words) <= MAX_WORDS:
        return words
    parts = _clauses(words)
    scores = [_feeling(" ".join(p)) for p in parts]
    best = max(range(len(parts)), key=lambda i: (scores[i], -i))
    if scores[best] <= 0.0:
        best = 0
    start, end = best, best + 1
    while start > 0 and sum(len(p) for p in parts[start - 1 : end]) <= MAX_WORDS:
        start -= 1
    while end < len(parts) and sum(len(p) for p in parts[start : end + 1]) <= MAX_WORDS:
        end += 1
    while start < best and trim(parts[start])[:1] and trim(parts[start])[0].lower() not in SUBJECTS:
        start += 1
    window = [w for p in parts[start:end] for w in p][:MAX_WORDS]
    return trim(window)


def _join(words: list[str]) -> str:
    """Words back into text: no space before punctuation, no closing punctuation."""
    text = ""
    for word in words:
        text += word if (not text or re.fullmatch(r"[^\w\s]", word)) else " " + word
    return text.strip().rstrip(".!?,;: ").strip()


def _feeling(text: str) -> float:
    """How strongly `text` carries any theme other than neutral (0 to 1)."""
    from assistant.themes.classifier import classify

    reading = classify(text)
    return max((t.score for t in reading.themes if t.theme != "neutral"), default=0.0)


_FELT = re.compile(
    r"\b(?:felt|feel|feeling|feels|hurt|hurts|scared|afraid|alone|lonely|angry|sad|upset|"
    r"happy|glad|grateful|relieved|ashamed|embarrassed|guilty|worried|anxious|exhausted|"
    r"tired|miss|missed|love|loved|crushed|proud|small|invisible|like a)\b",
    re.IGNORECASE,
)
HEART_FELT_BONUS = 0.3
"""Added to a sentence's feeling score when it names a feeling or an image ("felt like a")."""
HEART_MIN_WORDS = 3
"""Sentences shorter than this ("Yeah.", "In it.") are the heart only when nothing else is."""


def _heart_score(sentence: str) -> float:
    score = _feeling(sentence) + (HEART_FELT_BONUS if _FELT.search(sentence) else 0.0)
    return score - (1.0 if len(sentence.split()) < HEART_MIN_WORDS else 0.0)


def _key_sentence(text: str) -> str | None:
    """The sentence carrying the most feeling, skipping any that a safety check flags."""
    sentences = [s for s in _SENTENCE.split(text.strip()) if s.strip()]
    safe = [s for s in sentences if not check(s).crisis]
    if not safe:
        return None
    return max(safe, key=lambda s: (_heart_score(s), -safe.index(s)))


def _lower_first(turned: str, partner: str | None) -> str:
    first, rest = turned.split(" ", 1) if " " in turned else (turned, "")
    if not (partner and first.startswith(partner)) and (len(first) == 1 or first[1:].islower()):
        first = first[0].lower() + first[1:]
    return f"{first} {rest}".strip()


def turn_words(text: str, partner: str | None = None) -> str:
    """`text` with fillers dropped and pronouns turned, whole (no sentence picked, no cut)."""
    words = mid_hedges(clean_words(_WORD.findall(text.replace("\u2019", "'"))))
    turned = _join(_turn(_us_as_object(words), partner.strip() if partner else None))
    return _lower_first(turned, partner) if turned else ""


_THANK = re.compile(r"^(?:thank you|thanks)\s+(?:so much\s+)?for\b", re.IGNORECASE)


def _without_vocative(sentence: str, name: str | None) -> str:
    """ "Maya, when you went..." -> "when you went..."; "thank you for" -> "you're thankful"."""
    if name and re.match(rf"^\s*{re.escape(name)}\s*,\s*", sentence, re.IGNORECASE):
        sentence = re.sub(rf"^\s*{re.escape(name)}\s*,\s*", "", sentence, flags=re.IGNORECASE)
    return _THANK.sub(f"I'm thankful to {name or 'them'} for", sentence.strip())


def _agree(text: str, partner: str, parser: Parser, inflector: Inflector) -> str:
    """Present-tense verbs whose subject is the named partner put in the he/she form."""
    fixed: list[Sentence] = []
    for sentence in parser.parse(text):
        words = list(sentence)
        subject = ""
        for i, word in enumerate(words):
            if word.dep in ("nsubj", "nsubjpass"):
                subject = word.text
            elif word.tag == "VBP" and subject == partner:
                form = inflector.inflect(word.lemma, "VBZ") or word.text
                words[i] = replace(word, text=form)
        fixed.append(tuple(words))
    return join(fixed) or text


def reflect(
    text: str,
    partner: str | None = None,
    parser: Parser | None = None,
    inflector: Inflector | None = None,
) -> str:
    """One short clause reflecting `text` back with pronouns turned; empty text gives "".

    Quoted speech stays the other person's words; when the turned clause fails the grammar
    check, the person's own words framed as a quote are given instead.
    """
    if not text.strip():
        return ""
    if check(text).crisis:
        return SAFE_FALLBACK
    lifted, quotes = lift_quotes(text.replace("\u2019", "'"))
    sentence = _key_sentence(lifted)
    if sentence is None:
        return SAFE_FALLBACK
    name = partner.strip() if partner else None
    sentence = _without_vocative(sentence, name)
    words = _us_as_object(_shorten(mid_hedges(clean_words(_WORD.findall(sentence)))))
    parts = _clauses(_turn(words, name)) if words else []
    for k in range(len(parts), 0, -1):
        turned = _lower_first(_join(trim([w for p in parts[:k] for w in p])), name)
        if name and parser is not None and inflector is not None and turned:
            turned = _agree(turned, name, parser, inflector)
        turned = restore_quotes(turned, quotes)
        if turned and not reflection_problems(turned, name, text, parser):
            return turned
    short = len(sentence.split()) < HEART_MIN_WORDS
    plain = restore_quotes(lifted if short else sentence, quotes).replace('"', "")
    spoken = [w for w in _WORD.findall(plain) if w]
    return quote_frame(mid_hedges(clean_words(spoken)), by_sentence=short)


def reads_as_clause(reflection: str, partner: str | None = None) -> bool:
    """Whether a reflection can follow "It sounds like": a subject first, then a few words.

    Clipped speech ("think you will talk to him", "for him to say...") does not.
    """
    words = reflection.split()
    if len(words) < 3:
        return False
    first = words[0].lower().strip(",")
    if partner and words[0].startswith(partner):
        return True
    if first == "so" and words[1].lower() in ("many", "much"):
        return True
    return first not in _FRAGMENT_START


_THEY = {
    "you": "they", "your": "their", "yours": "theirs", "yourself": "themselves",
    "you're": "they're", "you've": "they've", "you'll": "they'll", "you'd": "they'd",
}  # fmt: skip
_OBJECT_AFTER = frozenset(
    {
        "to", "with", "for", "at", "tell", "ask", "call", "show", "give", "let", "thank",
        "about", "from", "help", "than", "text", "hug",
    }
)  # fmt: skip


def about_them(second_person: str) -> str:
    """A clause said to someone ("call Sam when you're late"), said about them instead."""
    out: list[str] = []
    for word in _WORD.findall(second_person):
        low = word.lower()
        previous = out[-1].lower() if out else ""
        if low == "you" and previous in _OBJECT_AFTER:
            out.append("them")
        elif low in _THEY:
            out.append(_THEY[low])
        else:
            out.append(word)
    return _join(out)
