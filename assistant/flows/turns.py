"""Taking turns: who has had the floor, and when a conversation tips into contempt."""

import re

_ESCALATION = re.compile(
    r"\b(?:"
    r"i can'?t do this(?! alone| without| by myself| on my own)|"
    r"i can'?t take (?:this|it) any ?more|i'?m done with (?:this|you)|"
    r"i'?m out of here|shut up|screw you|f\w*k you|i hate you|you disgust me|"
    r"you make me sick|oh please|grow up|poor you|give me a break|whatever you say|"
    r"(?:you'?re|you are) (?:so |such an? |a |an |completely |totally )?"
    r"(?:pathetic|stupid|idiot|useless|disgusting|a joke|loser|psycho|crazy|ridiculous|"
    r"worthless|moron)|"
    r"idiot|moron|what a joke"
    r")\b"
)


def escalated(text: str) -> bool:
    """True for contempt, insults or "I can't do this"; empty text is never escalation."""
    return bool(_ESCALATION.search(text.lower().replace("\u2019", "'")))


class SpeakingTime:
    """Seconds each partner has spoken (estimated from words when duration is unknown)."""

    WORDS_PER_S = 2.5
    MIN_TOTAL_S = 20.0
    MAX_SHARE = 0.65

    def __init__(self, names: tuple[str, str]) -> None:
        self._seconds = dict.fromkeys(names, 0.0)

    def add(self, name: str, text: str, duration_s: float) -> None:
        """Count one utterance; duration 0 means "unknown", so words are counted instead."""
        words = len(re.findall(r"[\w']+", text))
        self._seconds[name] += duration_s if duration_s > 0 else words / self.WORDS_PER_S

    def seconds(self, name: str) -> float:
        """How long `name` has spoken so far."""
        return self._seconds[name]

    def quieter(self) -> str | None:
        """The partner who has had clearly less time, or None when it is roughly even."""
        total = sum(self._seconds.values())
        if total < self.MIN_TOTAL_S:
            return None
        name = min(self._seconds, key=lambda n: self._seconds[n])
        return name if 1.0 - self._seconds[name] / total > self.MAX_SHARE else None
