"""Turn what a person said into a short reflection in their own words, pronouns turned around."""

import re

_SWAPS = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
    "i'm": "you're", "i've": "you've", "i'll": "you'll", "i'd": "you'd", "am": "are",
    "you": "they", "your": "their", "yours": "theirs", "yourself": "themselves",
}


def reflect(text: str, partner: str | None = None) -> str:
    """A first-pass reflection ("I felt small" -> "you felt small"); empty text gives ""."""
    words = re.findall(r"[\w']+|[^\w\s]", text.strip())
    swapped = [_SWAPS.get(w.lower(), w) for w in words]
    if partner:
        swapped = [partner if w == "they" else w for w in swapped]
    return " ".join(swapped).replace(" ,", ",").replace(" .", ".").strip()
