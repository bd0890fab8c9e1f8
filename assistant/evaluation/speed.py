"""How fast attune reads an utterance (themes and safety): utterances per second on one core."""

import time
from collections.abc import Callable
from typing import Any

SAMPLE_UTTERANCES: tuple[str, ...] = (
    "I felt small when you laughed at my idea in front of your friends.",
    "um like i dont know i just feel like we are roommates now you know",
    "I'm not mad, just sad that you forgot our anniversary again.",
    "You broke your promise and I can't trust anything you say anymore.",
    "I'm sorry, it was my fault, I should have called you.",
    "Can you pick up milk on the way home?",
    "Thank you for listening last night, it meant a lot to me.",
    "When you go quiet and leave the room I get scared you'll leave me.",
)


def classify_throughput(
    duration_s: float = 1.0, classify: Callable[[str], Any] | None = None
) -> float:
    """Utterances read per second on this core by ``classify`` (default: the lexicon alone),
    after one warm-up pass."""
    if classify is None:
        from assistant.themes.classifier import classify as lexicon

        classify = lexicon

    for text in SAMPLE_UTTERANCES:
        classify(text)
    done = 0
    started = time.perf_counter()
    elapsed = 0.0
    while elapsed < duration_s:
        for text in SAMPLE_UTTERANCES:
            classify(text)
        done += len(SAMPLE_UTTERANCES)
        elapsed = time.perf_counter() - started
    return done / elapsed
