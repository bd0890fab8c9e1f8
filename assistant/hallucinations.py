"""Phrases Whisper is known to invent in silence or noise (pure)."""

import re

_PATTERNS = (
    r"thank(s| you)( so much)? for watching",
    r"thanks? for listening",
    r"(please )?subscribe( to (my|the|our|this) channel)?",
    r"like and subscribe",
    r"\[?(music|silence|blank_audio|applause|laughter|noise)\]?",
    r"\(?(music|silence|applause|laughter|noise|upbeat music)\)?",
    r"\.+",
    r"♪+",
)
_CREDITS = re.compile(
    r"(subtitles? (by|made by|created by)|captions? by|transcri(bed|ption) by|amara\.org)",
    re.IGNORECASE,
)
"""Subtitle credits Whisper learned from film subtitles: invented wherever they appear."""

_WEAK = (r"you", r"thank you", r"thanks", r"bye", r"okay", r"so")
"""Short phrases people really say, but Whisper also invents when it is unsure of speech."""

_SILENCE = re.compile(r"^\W*(" + "|".join(_PATTERNS) + r")\W*$", re.IGNORECASE)
_WEAK_SILENCE = re.compile(r"^\W*(" + "|".join(_WEAK) + r")\W*$", re.IGNORECASE)
WEAK_NO_SPEECH = 0.2


def is_silence_phrase(text: str, no_speech_prob: float = 0.0) -> bool:
    """True for empty text and for what Whisper says when nobody spoke.

    The short phrases in `_WEAK` count as invented only when Whisper itself doubted there was
    speech (no-speech probability above WEAK_NO_SPEECH).
    """
    stripped = text.strip()
    if not stripped or _SILENCE.match(stripped) or _CREDITS.search(stripped):
        return True
    return no_speech_prob > WEAK_NO_SPEECH and bool(_WEAK_SILENCE.match(stripped))
