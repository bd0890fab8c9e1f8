"""The weekly theme chart: gaps filled, bars proportional, plain ASCII, neutral left out."""

from datetime import date

from assistant.journal.records import WeekThemeCounts
from assistant.themes.taxonomy import Theme
from assistant.trends import BAR_WIDTH, fill_weeks, render_chart, themes_shown


def week(year: int, number: int, **counts: int) -> WeekThemeCounts:
    return WeekThemeCounts(year=year, week=number, counts={Theme(k): v for k, v in counts.items()})


def _bar_lines(chart: str, theme: Theme) -> list[str]:
    block = chart.split(f"\n{theme.value}\n", 1)[1].split("\n\n", 1)[0]
    return [line for line in block.splitlines() if "-W" in line and ":" not in line]


def test_weeks_without_turns_are_filled_in_up_to_today() -> None:
    counts = [week(2024, 1, mistrust=4), week(2024, 4, mistrust=1)]
    filled = fill_weeks(counts, today=date(2024, 1, 31))
    assert [w.label for w in filled] == ["2024-W01", "2024-W02", "2024-W03", "2024-W04", "2024-W05"]
    assert [w.counts.get(Theme.MISTRUST, 0) for w in filled] == [4, 0, 0, 1, 0]


def test_asking_for_n_weeks_gives_exactly_the_last_n_across_a_new_year() -> None:
    counts = [week(2023, 51, shame=2), week(2024, 1, shame=1)]
    filled = fill_weeks(counts, today=date(2024, 1, 3), weeks=3)
    assert [w.label for w in filled] == ["2023-W51", "2023-W52", "2024-W01"]


def test_no_counts_and_no_weeks_gives_nothing() -> None:
    assert fill_weeks([], today=date(2024, 5, 1)) == []


def test_bars_shrink_as_a_theme_comes_up_less() -> None:
    weeks = [week(2024, n, mistrust=c) for n, c in zip(range(1, 5), (8, 5, 3, 1), strict=True)]
    chart = render_chart(weeks)
    bars = [line.count("#") for line in _bar_lines(chart, Theme.MISTRUST)]
    assert bars == [BAR_WIDTH, round(5 * BAR_WIDTH / 8), round(3 * BAR_WIDTH / 8), 4]
    assert "less often: 8 in 2024-W01, 1 in 2024-W04" in chart


def test_a_single_turn_still_gets_a_visible_bar() -> None:
    chart = render_chart([week(2024, 1, hope=100), week(2024, 2, hope=1)])
    assert [line.count("#") for line in _bar_lines(chart, Theme.HOPE)] == [BAR_WIDTH, 1]


def test_neutral_is_left_out_and_themes_follow_the_taxonomy_order() -> None:
    weeks = [week(2024, 1, neutral=9, hope=1, shame=2)]
    assert themes_shown(weeks) == [Theme.SHAME, Theme.HOPE]
    assert "neutral" not in render_chart(weeks)


def test_the_chart_is_plain_ascii_without_escape_codes() -> None:
    chart = render_chart([week(2024, 1, grief=3, anger=2), week(2024, 2, grief=1)])
    assert chart.isascii() and "\x1b" not in chart


def test_an_empty_journal_says_so_plainly() -> None:
    assert render_chart([]) == "No themes in the journal for these weeks yet.\n"
    assert "No themes" in render_chart([week(2024, 1, neutral=3)])


def test_the_change_is_measured_from_the_first_week_anyone_spoke() -> None:
    weeks = fill_weeks(
        [week(2024, 3, mistrust=6), week(2024, 5, mistrust=2)], today=date(2024, 2, 1), weeks=5
    )
    assert "less often: 6 in 2024-W03, 2 in 2024-W05" in render_chart(weeks)


def test_a_single_week_has_no_change_to_report() -> None:
    assert "often:" not in render_chart([week(2024, 1, grief=2)])
