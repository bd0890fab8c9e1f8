"""A grammar-and-person check for what attune says back (pure).

Each check returns short problem names; an empty list means the line passed. Words inside
double quotes are the other person's own and are skipped by the person checks. With a parser
(assistant.language.Parser) a clause with no verb is caught too.
"""

import re

from assistant.language import Parser, Sentence, has_verb

MAX_REFLECTION_WORDS = 25

_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_WORD = re.compile(r"[\w']+")
_MODAL = r"(?:\w+'ll|\w+'d|will|would|shall|should|can|could|must|might|may|won't|wouldn't)"
_NOT_AFTER_MODAL = (
    r"(?:the|a|an|to|every|each|my|your|his|her|their|our|this|that|these|those|"
    r"i|you|he|she|we|they|it|i'll|you'll|they'll|he'll|she'll|you'd|they'd|will|would|"
    r"of|in|on|at|with|for|from|by|and|or|but|so|is|are|was|were|am|been)"
)
_DANGLING_MODAL = re.compile(rf"\b{_MODAL}\s+{_NOT_AFTER_MODAL}\b", re.IGNORECASE)
_QUESTION_MODAL = re.compile(
    rf"\b{_MODAL}\s+(?!(?:i|you|he|she|we|they|it|that|this)\b){_NOT_AFTER_MODAL}\b",
    re.IGNORECASE,
)
"""In a question a pronoun may follow its modal ("What would it be?")."""
_MODAL_AT_END = re.compile(r"\b\w+'(?:ll|d)\s*(?:[.!?]|$)", re.IGNORECASE)
_SUBJECT_MODAL = re.compile(
    r"\b(?:you|they|he|she|we|i|it)(?:'ll|'d| will| would)\b|"
    r"\b[A-Z][a-z]+ (?:will|would)\b",
)
_JOINS = re.compile(
    r"[,;:—–-]|\b(?:and|but|or|so|because|when|if|that|then|while|until|before|after|"
    r"since|whether|what|where|who|how|why|which|unless|though|as)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|myself|I'm|I've|I'll|I'd|im)\b", re.IGNORECASE)
_AGREEMENT = re.compile(
    r"\b(?:you (?:am|is|was|has|does|doesn't|wasn't|isn't)|(?:he|she|it) (?:are|were|am|"
    r"have|don't|aren't|weren't)|they (?:is|am|was|has|does|doesn't|isn't|wasn't)|"
    r"(?:am|are|is) (?:you|they|he|she) even)\b",
    re.IGNORECASE,
)
_QUOTE_TURNED = re.compile(
    r"\b(?:said|says|goes|went|asked|was like|is like)\s+,?\s*(?:oh|like|well|so)\b[, ]*"
    r"(?:they|they're|them|their)\b",
    re.IGNORECASE,
)
_DANGLING_END = frozenset(
    {
        "to", "the", "a", "an", "and", "but", "or", "of", "with", "for", "from", "my", "your",
        "his", "their", "our", "because", "when", "if", "so", "in", "on", "at", "by",
        "than", "like", "about", "into", "just", "very", "really", "not", "whose", "you'll",
        "you'd", "they'll", "they'd",
    }
)  # fmt: skip
_FRAGMENT_START = frozenset(
    {
        "to", "for", "because", "cause", "about", "of", "with", "and", "but", "or", "than",
        "not", "just", "really", "think", "guess", "kind", "sort", "more",
    }
)  # fmt: skip


def unquoted(text: str) -> str:
    """`text` with every double-quoted span blanked out; empty text gives ""."""
    return _QUOTED.sub(" ", text)


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def modal_problems(text: str) -> list[str]:
    """A modal with no verb after it ("you'll the") or two stacked in one clause."""
    plain = unquoted(text)
    found: list[str] = []
    for piece in re.split(r"(?<=[.!?])\s+", plain):
        dangling = _QUESTION_MODAL if piece.rstrip().endswith("?") else _DANGLING_MODAL
        if dangling.search(piece) or _MODAL_AT_END.search(piece):
            found.append("dangling modal")
            break
    for clause in _JOINS.split(plain):
        if clause and len(_SUBJECT_MODAL.findall(clause)) > 1:
            found.append("doubled modal")
            break
    return found


def cut_off(clause: str) -> bool:
    """Whether a clause is empty, a stub of under three words, or ends on a function word."""
    words = [w.lower() for w in _WORD.findall(unquoted(clause))]
    quoted = bool(_QUOTED.search(clause))
    if not words or (len(words) < 3 and not quoted):
        return True
    stranded = words[-1] == "to" and len(words) > 1 and words[-2].endswith(("ed", "used"))
    return (words[-1] in _DANGLING_END and not stranded) or words[0] in _FRAGMENT_START


def reflection_problems(
    reflection: str,
    partner: str | None = None,
    source: str | None = None,
    parser: Parser | None = None,
) -> list[str]:
    """What is wrong with a reflection clause (what fills {reflection}); [] when it is fine."""
    found = modal_problems(reflection)
    plain = unquoted(reflection)
    if cut_off(reflection):
        found.append("empty or cut-off clause")
    if _word_count(reflection) > MAX_REFLECTION_WORDS:
        found.append("too long")
    if _FIRST_PERSON.search(plain):
        found.append("first person left")
    if disagrees(plain):
        found.append("verb does not agree")
    if _QUOTE_TURNED.search(plain):
        found.append("quoted speech turned")
    said = source.lower() if source else ""
    for word in (r"them|themselves", r"they|they're|they've|they'll|they'd"):
        pattern = rf"\b(?:{word})\b"
        if partner and re.search(pattern, plain, re.IGNORECASE) and not re.search(pattern, said):
            found.append("'them' for a named partner")
    if re.search(r"\bthank (?:them|him|her|[A-Z][a-z]+)\b", plain):
        found.append("thanks turned round")
    if parser is not None and not _QUOTED.search(reflection):
        sentences = parser.parse(reflection)
        if sentences and not all(has_verb(s) for s in sentences):
            found.append("clause with no verb")
        if any(_needs_a_feeling(s) for s in sentences):
            found.append("need with no object")
    elif parser is None and not _QUOTED.search(reflection) and not looks_verbal(reflection):
        found.append("clause with no verb")
    return found


_VERBISH = frozenset(
    {
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do",
        "does", "did", "will", "would", "can", "could", "should", "may", "might", "must",
        "feel", "feels", "felt", "want", "wants", "need", "needs", "get", "gets", "got",
        "go", "goes", "went", "keep", "keeps", "kept", "say", "says", "said", "told", "know",
        "think", "thought", "make", "makes", "made", "take", "took", "see", "saw", "love",
        "loves", "hate", "hates", "miss", "misses", "wish", "care", "cares", "hurts", "left",
        "ask", "asks", "listen", "listens", "talk", "talks", "look", "looks", "seem", "seems",
        "come", "came", "spent", "let", "put", "cut", "hit", "lost", "gone", "done",
    }
)  # fmt: skip
_CONTRACTED_VERB = re.compile(
    r"\b(?:i|you|we|they|he|she|it|that|there|who|what)'(?:re|s|ve|ll|d|m)\b|n't\b",
    re.IGNORECASE,
)


def looks_verbal(clause: str) -> bool:
    """Without a parser: whether a clause holds something that reads as a verb."""
    if _CONTRACTED_VERB.search(clause):
        return True
    words = [w.lower() for w in _WORD.findall(clause)]
    if len(words) >= 2 and (words[0] in _PRONOUN_SUBJECTS or clause[:1].isupper()):
        return True
    return any(w in _VERBISH or (w.endswith("ed") and len(w) > 3) for w in words)


_PRONOUN_SUBJECTS = frozenset({"you", "they", "he", "she", "it", "we", "nobody", "everyone"})


_OBJECTS = frozenset({"dobj", "xcomp", "ccomp", "prep", "attr", "pobj"})


def _needs_a_feeling(sentence: Sentence) -> bool:
    """ "you needed alone": need or want whose only complement is an adjective or adverb."""
    for i, word in enumerate(sentence):
        if word.lemma not in ("need", "want"):
            continue
        children = [w for w in sentence if w.head == i and w is not word]
        if children and any(
            w.dep in ("advmod", "acomp") and w.pos in ("ADJ", "ADV")
            for w in children
            if sentence.index(w) > i
        ):
            return not any(w.dep in _OBJECTS for w in children)
    return False


def line_problems(line: str, parser: Parser | None = None) -> list[str]:
    """What is wrong with a whole spoken line: modals, broken or verbless sentences."""
    found = modal_problems(line)
    pieces = [
        p
        for p in re.split(r"(?<=[.!?])\s+(?=[^\"”]*(?:[\"“][^\"”]*[\"”][^\"”]*)*$)", line.strip())
        if p
    ]
    for piece in pieces:
        if unquoted(piece).strip()[:1].islower():
            found.append("sentence starts in lower case")
        if _ends_cut(piece):
            found.append("cut-off sentence")
    if disagrees(unquoted(line)):
        found.append("verb does not agree")
    if _QUOTE_TURNED.search(unquoted(line)):
        found.append("quoted speech turned")
    if parser is not None:
        for sentence in parser.parse(unquoted(line)):
            words = [w for w in sentence if w.pos != "PUNCT"]
            question = sentence[-1].text == "?"
            if len(words) >= 2 and not has_verb(sentence) and not question and not _short_ok(line):
                found.append("sentence with no verb")
                break
    return sorted(set(found))


_SHORT_OK = re.compile(
    r"^(?:thank you|thanks|goodnight|good night|take care|okay|of course|yes|no|hello|hi|"
    r"welcome back|sleep well|until next time|until tomorrow|me too|mm|i see|all right|"
    r"and you|one more thing|no rush|take your time|good evening|right)\b",
    re.IGNORECASE,
)


_CUT_END = frozenset(
    {"the", "a", "an", "my", "your", "their", "his", "to", "and", "but", "or", "of", "because",
     "than", "into", "with", "from", "if", "when", "is", "was", "are", "were"}
)  # fmt: skip
_STRANDED_OK = frozenset(
    {"lied", "listened", "talked", "used", "spoken", "looking", "forward", "want", "wanted",
     "need", "needed", "like", "have", "going", "ought", "try", "able", "ready"}
)  # fmt: skip


def _ends_cut(piece: str) -> bool:
    """A sentence of a spoken line that stops on a function word or is one lone word."""
    words = [w.lower() for w in _WORD.findall(unquoted(piece))]
    if not words or piece.rstrip().endswith(("?", "…", "...")):
        return False
    if len(words) == 1 and not _QUOTED.search(piece):
        return not _short_ok(piece)
    stranded = len(words) > 1 and words[-2] in _STRANDED_OK
    return words[-1] in _CUT_END and not stranded


_OBJECT_BEFORE = frozenset(
    {"of", "to", "for", "with", "about", "at", "from", "like", "than", "around", "by",
     "did", "do", "does", "would", "could", "should", "will", "can", "what", "how"}
)  # fmt: skip


def disagrees(text: str) -> bool:
    """A subject and verb that do not agree ("you was", "why am you"), outside questions'
    inversions and objects ("part of you is")."""
    for match in _AGREEMENT.finditer(text):
        before = text[: match.start()].split()
        if not before or before[-1].lower().strip(",") not in _OBJECT_BEFORE:
            return True
        if match.group(0).lower().startswith(("am ", "are ", "is ")):
            return True
    return False


def _short_ok(piece: str) -> bool:
    """Short set phrases that are whole as they are ("Thank you.", "Goodnight.")."""
    return bool(_SHORT_OK.match(piece.strip()))


_NEGATION = frozenset({"not", "no", "never", "n't", "nothing", "nobody", "nor", "without"})
_STOP = frozenset(
    {"a", "an", "the", "to", "of", "and", "i", "you", "it", "that", "is", "was", "be", "at",
     "in", "on", "really", "just", "so", "very", "even", "my", "your", "me", "he", "she",
     "they", "feel", "felt", "all", "about", "them", "him", "her"}
)  # fmt: skip


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    for word in _WORD.findall(text.lower().replace("\u2019", "'")):
        if word.endswith("n't") and len(word) > 3:
            out += [word[:-3], "n't"]
        elif word in ("dont", "didnt", "cant", "wont", "isnt", "wasnt", "doesnt", "havent"):
            out += [word[:-2], "n't"]
        else:
            out.append(word)
    return out


def reverses(source: str, reflection: str) -> bool:
    """Whether `reflection` says a word the speaker negated ("not needed") without its "not"."""
    said, back = _tokens(source), _tokens(reflection)
    back_set = set(back)
    for i, word in enumerate(said):
        if word not in _NEGATION:
            continue
        following = [w for w in said[i + 1 : i + 4] if w not in _STOP and w not in _NEGATION]
        if not following or following[0] not in back_set:
            continue
        places = [j for j, w in enumerate(back) if w == following[0]]
        if not any(_NEGATION & set(back[max(0, j - 4) : j + 3]) for j in places):
            return True
    return False
