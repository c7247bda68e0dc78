"""The header keeps the subtitle (which zones the times are in) at any width: the title gives
way first (issue 11: subtitles were cut at 80 columns)."""

from __future__ import annotations

from tui_helpers import ROOT, make_app, ready, screen_text, shows, wait_for

from tui.title_fit import HEADER_CHROME, MIN_TITLE, cut, fit_title

CROWDSTRIKE = ROOT / "incidents" / "crowdstrike-2024.yaml"


def test_both_whole_when_they_fit() -> None:
    assert fit_title("Outage", "zone: UTC", 80) == ("Outage", "zone: UTC")


def test_the_title_gives_way_before_the_subtitle() -> None:
    title, sub = fit_title("A" * 70, "zones: UTC · Jakarta", 80)
    assert sub == "zones: UTC · Jakarta"
    assert title.endswith("…")
    assert len(title) + 3 + len(sub) == 80 - HEADER_CHROME


def test_the_title_keeps_its_floor_and_the_subtitle_is_cut_then_dropped() -> None:
    title, sub = fit_title("B" * 70, "zones: " + "x" * 60, 60)
    assert len(title) == MIN_TITLE and sub.endswith("…")
    assert len(title) + 3 + len(sub) <= 60 - HEADER_CHROME
    title, sub = fit_title("B" * 70, "zones: UTC", 40)
    assert sub == "" and len(title) == 40 - HEADER_CHROME


def test_cut_counts_cells_not_characters() -> None:
    wide = "日本語のタイトル" * 5  # two cells a character
    shown = cut(wide, 21)
    assert shown.endswith("…")
    from rich.cells import cell_len

    assert cell_len(shown) <= 21


async def test_the_subtitle_shows_at_80_columns_and_the_title_returns_when_wider() -> None:
    app = make_app(CROWDSTRIKE)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        top_line = lambda: screen_text(pilot).splitlines()[0]  # noqa: E731
        await wait_for(pilot, lambda: top_line().rstrip().endswith("Sydney"), "whole subtitle")
        top = screen_text(pilot).splitlines()[0]
        assert "CrowdStrike" in top and "…" in top
        await pilot.resize_terminal(160, 40)
        whole = "CrowdStrike Falcon update crashes Windows machines worldwide — zones:"
        await wait_for(pilot, lambda: whole in screen_text(pilot).splitlines()[0], "whole title")


def _status_line(pilot: object) -> str:
    from textual.widgets import Static

    from tui.screens.timeline import TimelineScreen

    app = pilot.app  # type: ignore[attr-defined]
    assert isinstance(app.screen, TimelineScreen)
    return str(app.screen.query_one("#status", Static).render())


async def test_the_status_line_keeps_a_whole_legend_at_every_width() -> None:
    from tui.screens.timeline import LEGENDS

    app = make_app(CROWDSTRIKE)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: _status_line(pilot).endswith(LEGENDS[-1]), "short legend")
        (shown,) = [line for line in screen_text(pilot).splitlines() if " 25 events" in line]
        assert shown.rstrip().endswith(LEGENDS[-1])  # drawn whole, not cut
        await pilot.resize_terminal(170, 40)
        await wait_for(pilot, lambda: _status_line(pilot).endswith(LEGENDS[0]), "whole legend")


async def test_the_subtitle_says_which_zones_the_rows_show_when_they_show_fewer() -> None:
    app = make_app(CROWDSTRIKE)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        subtitle = "rows: UTC · also Jakarta · Sydney"
        await wait_for(pilot, lambda: app.screen.sub_title == subtitle, "rows named")
        assert subtitle in screen_text(pilot).splitlines()[0]  # whole in the header
        await pilot.resize_terminal(200, 40)
        await wait_for(
            pilot, lambda: app.screen.sub_title == "zones: UTC · Jakarta · Sydney", "all in rows"
        )


async def test_pages_in_one_zone_name_that_zone() -> None:
    from tui.screens.sources import SourcesScreen

    app = make_app(CROWDSTRIKE)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("s")
        screen = await shows(pilot, SourcesScreen)
        assert screen.sub_title.endswith("sources · zone: UTC")  # its times are in UTC only
        await wait_for(pilot, lambda: top(pilot).rstrip().endswith("zone: UTC"), "whole subtitle")


def top(pilot: object) -> str:
    return screen_text(pilot).splitlines()[0]  # type: ignore[arg-type]
