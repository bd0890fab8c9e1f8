"""Small builders for journal tests: readings, safety verdicts and a settable clock."""

from datetime import UTC, datetime, timedelta

from assistant.journal import Journal
from assistant.safety import SafetyCheck, SafetyKind
from assistant.themes.taxonomy import Theme, ThemeReading, ThemeScore


def reading(text: str, top: Theme, score: float = 0.8, *others: Theme) -> ThemeReading:
    """A reading with `top` first at `score`, then any other themes lower."""
    scores = [ThemeScore(theme=top, score=score, evidence=[text.split()[0]])]
    scores += [ThemeScore(theme=t, score=round(score / 2, 3)) for t in others]
    return ThemeReading(text=text, top=top, themes=scores)


CALM = SafetyCheck()
CRISIS = SafetyCheck(crisis=True, kind=SafetyKind.VIOLENCE, evidence=["hit me"])


class Clock:
    """A clock a test moves by hand."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2024, 3, 4, 20, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def say(journal: Journal, session_id: int, text: str, top: Theme = Theme.GRIEF) -> int:
    """Store one calm turn whose top theme is `top`; returns the turn id."""
    return journal.add_turn(
        session_id,
        speaker=None,
        transcript=text,
        reading=reading(text, top),
        safety=CALM,
        reply=f"It sounds like {text}",
        prompt_ids=[f"prompt.{top.value}"],
        step="reflect",
        duration_s=2.5,
    )
