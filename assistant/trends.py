"""How often each theme came up, week by week: a plain-text chart, and a PNG if asked.

The text chart uses only ASCII (`#` bars and numbers) so screen readers and pipes handle it.
matplotlib is optional (`attune[plot]`) and imported only when a PNG is drawn.
"""

from datetime import date, timedelta
from pathlib import Path

from assistant.errors import AttuneError
from assistant.journal.records import WeekThemeCounts
from assistant.themes.taxonomy import Theme

BAR_WIDTH = 30
"""Characters in the longest bar."""


def _week_of(day: date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


def fill_weeks(
    counts: list[WeekThemeCounts], *, today: date, weeks: int | None = None
) -> list[WeekThemeCounts]:
    """Every ISO week up to today's, with empty weeks filled in, oldest first.

    With `weeks`, exactly that many weeks ending with today's; without, from the first week
    that has counts (no counts and no `weeks` gives []).
    """
    known = {(w.year, w.week): w for w in counts}
    this_monday = today - timedelta(days=today.weekday())
    if weeks is not None:
        first_monday = this_monday - timedelta(weeks=max(weeks, 1) - 1)
    elif counts:
        first_monday = min(w.monday for w in counts)
    else:
        return []
    filled: list[WeekThemeCounts] = []
    monday = first_monday
    while monday <= this_monday:
        year, week = _week_of(monday)
        filled.append(known.get((year, week), WeekThemeCounts(year=year, week=week)))
        monday += timedelta(weeks=1)
    return filled


def themes_shown(weeks: list[WeekThemeCounts]) -> list[Theme]:
    """Themes that came up in these weeks, in taxonomy order; neutral is left out."""
    return [
        theme
        for theme in Theme
        if theme is not Theme.NEUTRAL and any(w.counts.get(theme, 0) for w in weeks)
    ]


def _direction(first: int, last: int) -> str:
    if last < first:
        return "less often"
    if last > first:
        return "more often"
    return "about as often"


def _theme_block(theme: Theme, weeks: list[WeekThemeCounts], largest: int) -> list[str]:
    """The theme's bars, then how its count changed from the first week anyone spoke."""
    lines = [theme.value]
    for w in weeks:
        n = w.counts.get(theme, 0)
        bar = "#" * (round(n * BAR_WIDTH / largest) if n else 0)
        if n and not bar:
            bar = "#"
        lines.append(f"  {w.label}  {bar.ljust(BAR_WIDTH)} {n}")
    talked = [w for w in weeks if w.counts]
    if len(talked) > 1 or (talked and talked[0] is not weeks[-1]):
        start, end = talked[0], weeks[-1]
        first, last = start.counts.get(theme, 0), end.counts.get(theme, 0)
        lines.append(
            f"  {_direction(first, last)}: {first} in {start.label}, {last} in {end.label}"
        )
    return lines


def render_chart(weeks: list[WeekThemeCounts]) -> str:
    """The chart as plain text, one block per theme; says so plainly when nothing came up."""
    shown = themes_shown(weeks)
    if not weeks or not shown:
        return "No themes in the journal for these weeks yet.\n"
    largest = max(w.counts.get(t, 0) for w in weeks for t in shown)
    lines = [
        f"How often each theme came up, {weeks[0].label} to {weeks[-1].label} "
        "(turns where it was the main theme):",
        "",
    ]
    for theme in shown:
        lines += [*_theme_block(theme, weeks, largest), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def write_png(weeks: list[WeekThemeCounts], path: Path) -> None:
    """Draw one line per theme over the weeks into a PNG file; AttuneError if it cannot."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib import pyplot
        from matplotlib.ticker import MaxNLocator
    except ImportError as exc:
        raise AttuneError(
            "Drawing a PNG needs matplotlib, which is not installed; install attune[plot] "
            "(pip install 'attune[plot]') or leave out --png."
        ) from exc
    labels = [w.label for w in weeks]
    figure, axes = pyplot.subplots(figsize=(8, 4.5), dpi=100)
    try:
        for theme in themes_shown(weeks):
            axes.plot(labels, [w.counts.get(theme, 0) for w in weeks], marker="o", label=theme)
        axes.set_title("How often each theme came up, by week")
        axes.set_xlabel("ISO week")
        axes.set_ylabel("turns")
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        if themes_shown(weeks):
            axes.legend(loc="upper right", fontsize="small")
        figure.autofmt_xdate()
        figure.savefig(path, format="png")
    except OSError as exc:
        raise AttuneError(f"Cannot write the chart to {path} ({exc.strerror}).") from exc
    finally:
        pyplot.close(figure)
