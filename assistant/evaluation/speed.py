"""How fast the theme classifier runs: utterances per second on one core."""

import time

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


def classify_throughput(duration_s: float = 1.0) -> float:
    """Utterances classified per second on this core, after one warm-up pass."""
    from assistant.themes.classifier import classify

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
