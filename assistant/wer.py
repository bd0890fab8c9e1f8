"""Word error rate after lower-casing and dropping punctuation (pure)."""

import re


def normalise(text: str) -> list[str]:
    """Lower-case words without punctuation; hyphens split words, apostrophes stay, and a
    number spelled digit by digit ("9 8 8", as a voice is told to say it) is one number."""
    cleaned = re.sub(r"[^\w\s']", " ", text.lower().replace("-", " "))
    cleaned = re.sub(r"\b\d(?: \d\b)+", lambda digits: digits.group().replace(" ", ""), cleaned)
    return [w.strip("'") for w in cleaned.split() if w.strip("'")]


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Edit distance over reference words; an empty reference gives 0.0 or 1.0.

    Like sclite's compound-word mapping, a word written as two (``there under`` for
    ``thereunder``) on either side counts as the same word rather than two errors.
    """
    ref = normalise(reference)
    hyp = _join_compounds(normalise(hypothesis), set(ref))
    ref = _join_compounds(ref, set(hyp))
    if not ref:
        return 0.0 if not hyp else 1.0
    previous = list(range(len(hyp) + 1))
    for i, word in enumerate(ref, start=1):
        current = [i] + [0] * len(hyp)
        for j, other in enumerate(hyp, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != other))
        previous = current
    return previous[-1] / len(ref)


def _join_compounds(words: list[str], vocabulary: set[str]) -> list[str]:
    """Merge adjacent words whose concatenation is a word of the other side."""
    out: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words) and words[i] + words[i + 1] in vocabulary:
            out.append(words[i] + words[i + 1])
            i += 2
        else:
            out.append(words[i])
            i += 1
    return out
