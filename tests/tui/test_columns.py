"""Columns budgeted on screen: the title keeps its room at 80, 120 and 160 columns with one to
four display zones, ranges keep both ends, and the detail pane goes beside the rows only when
the rows keep a readable title (``p`` hides it)."""

from __future__ import annotations

import pytest
from tui_helpers import BUNDLED_X, ROOT, SPACES, make_app, ready, screen_text, shows, wait_for

from tui import rows
from tui.screens.timeline import TimelineScreen
from tui.timeline_view import TimelineView

FOUR = ["America/New_York", "Asia/Jakarta", "UTC", "Europe/London"]


@pytest.mark.parametrize(
    ("size", "zones", "least"),
    [
        ((80, 24), None, rows.NARROW_TITLE),
        ((80, 24), FOUR, rows.NARROW_TITLE),
        ((120, 40), None, rows.MIN_TITLE),
        ((120, 40), FOUR, rows.MIN_TITLE),
        ((160, 48), None, rows.MIN_TITLE),
        ((160, 48), FOUR, rows.MIN_TITLE),
    ],
)
async def test_every_title_keeps_its_room(
    size: tuple[int, int], zones: list[str] | None, least: int
) -> None:
    app = make_app(BUNDLED_X, zones=zones) if zones else make_app(BUNDLED_X)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        screen = await shows(pilot, TimelineScreen)
        view = screen.query_one(TimelineView)
        columns = view.columns()
        assert columns.title >= least
        if size[0] >= 120:
            assert columns.zones == view.zones  # four zones still fit at 120 columns
        else:
            assert len(columns.zones) == 1  # one zone with its day marker at 80
        text = screen_text(pilot)
        assert "▸Mon" in text  # the day marker
        assert "20:13–20:30 EDT" in text  # a range keeps both ends
        assert "20:13–" + " " not in text
        for item in view.timeline.events[:5]:
            shown = item.event.title[: least - 1]
            assert shown in text, shown


async def test_the_detail_pane_sits_beside_only_with_room_and_p_hides_it() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        screen = await shows(pilot, TimelineScreen)
        view = screen.query_one(TimelineView)
        detail = screen.query_one("#detail")
        beside = screen.has_class("-wide")
        assert beside == screen.detail_beside(160)
        assert view.columns().title >= rows.NARROW_TITLE or not beside
        assert not screen.detail_beside(120)  # the rows would lose their second zone or title
        assert screen.detail_beside(240)
        # Once beside, wider never puts it back below (it did from 172 to 188 columns).
        first = next(w for w in range(120, 241) if screen.detail_beside(w))
        assert all(screen.detail_beside(w) for w in range(first, 241)), first
        await pilot.press("p")
        await wait_for(pilot, lambda: not detail.display, "the detail pane hidden")
        await wait_for(pilot, lambda: view.size.height > 40, "the rows taking the screen")
        await pilot.press("p")
        await wait_for(pilot, lambda: detail.display, "the detail pane back")


def test_a_wide_t_plus_range_is_shown_whole_where_the_title_keeps_its_comfort() -> None:
    three = ("UTC", "Asia/Jakarta", "Australia/Sydney")
    need = rows.Needs(clock=rows.CLOCK_MAX, since=len("T−11h09m–+12h51m") + 1, label=4)
    wide = rows.Columns(160, three, need)
    assert wide.since == need.since and wide.title >= rows.COMFORT_TITLE
    narrower = rows.Columns(140, three, need)
    assert narrower.since == rows.SINCE_CUT  # cut to its start before the title gives way
    assert narrower.title >= rows.MIN_TITLE


async def test_t_plus_ranges_keep_both_ends_and_named_days_their_own_date() -> None:
    app = make_app(ROOT / "incidents" / "crowdstrike-2024.yaml")
    async with app.run_test(size=(160, 48)) as pilot:
        await shows(pilot, TimelineScreen)
        await wait_for(pilot, lambda: "T−11h09m–+12h51m" in screen_text(pilot), "whole range")
        text = screen_text(pilot)
        assert "T+5d19h51m–6d19h51m" in text
        # A day a source named ("Jumat", in WIB) is dated in its own zone in every column.
        first = next(line for line in text.splitlines() if "Indonesian airports" in line)
        assert first.split()[:3] == ["Fri", "WIB", "▸Fri"], first
        assert "▸Thu" not in first
