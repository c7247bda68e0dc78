"""Navigation that unwinds: a screen's own key never stacks it on itself, Esc takes back one
step at a time (search, filter, screen), and the selected row stays in view."""

from __future__ import annotations

import pytest
from textual.screen import Screen
from textual.widgets import Input
from tui_helpers import (
    BUNDLED_X,
    DESANTIS,
    SPACES,
    choose_kind,
    make_app,
    ready,
    screen_text,
    shows,
    wait_for,
)

from tui.app import IncidentApp
from tui.screens.chart import ChartScreen
from tui.screens.compare import CompareScreen
from tui.screens.help import HelpScreen
from tui.screens.incidents import IncidentListScreen
from tui.screens.sources import SourcesScreen
from tui.screens.timeline import TimelineScreen
from tui.timeline_view import TimelineView


def stack_kinds(app: IncidentApp) -> list[type[Screen[object]]]:
    return [type(screen) for screen in app.screen_stack[1:]]  # without the loading screen


@pytest.mark.parametrize(
    ("key", "action", "kind", "label"),
    [
        ("s", "sources", SourcesScreen, "Sources"),
        ("g", "chart", ChartScreen, "Chart"),
        ("c", "compare", CompareScreen, "Compare"),
    ],
)
async def test_a_screens_own_key_does_nothing_on_it(
    key: str, action: str, kind: type[Screen[object]], label: str
) -> None:
    app = make_app(SPACES, DESANTIS)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await shows(pilot, TimelineScreen)
        before = stack_kinds(app)
        await pilot.press(key)
        await shows(pilot, kind)
        assert app.check_action(action, ()) is False  # hidden from the footer and palette
        footer = screen_text(pilot).splitlines()[-1]
        assert f"{key} {label}" not in footer
        await pilot.press(key, key, key, "question_mark")  # help comes after the three keys
        await shows(pilot, HelpScreen)
        assert stack_kinds(app) == [*before, kind, HelpScreen]
        await pilot.press("escape", "escape")
        await shows(pilot, TimelineScreen)  # one Esc per screen, not one per key pressed
        assert stack_kinds(app) == before


async def test_escape_clears_the_search_then_the_filter_then_goes_back() -> None:
    app = make_app(SPACES, DESANTIS)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        screen = await shows(pilot, TimelineScreen)
        view = screen.query_one(TimelineView)
        everything = view.row_count
        screen = await choose_kind(pilot, "kind: metric")
        filtered = view.row_count
        await pilot.press("slash", "p", "e", "a", "k", "enter")
        await wait_for(
            pilot, lambda: view.has_focus and view.row_count == 1, "the search kept, rows focused"
        )
        search = screen.query_one("#search", Input)

        await pilot.press("escape")  # 1: the search goes, the filter stays
        await wait_for(pilot, lambda: view.row_count == filtered, "the search cleared")
        assert screen.query_text == "" and not search.display
        assert screen.event_filter is not None
        assert app.screen is screen
        assert "filter kind=metric" in screen_text(pilot)

        await pilot.press("escape")  # 2: the filter goes
        await wait_for(pilot, lambda: view.row_count == everything, "the filter cleared")
        assert screen.event_filter is None
        assert app.screen is screen

        await pilot.press("escape")  # 3: back to the list
        await shows(pilot, IncidentListScreen)


def cursor_in_view(view: TimelineView) -> bool:
    top = int(view.scroll_offset.y)
    rows = view.scrollable_content_region.height - 1  # the first line is the column header
    return top <= view.cursor < top + rows


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_selection_stays_in_view_when_the_search_opens(size: tuple[int, int]) -> None:
    app = make_app(BUNDLED_X)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        screen = await shows(pilot, TimelineScreen)
        view = screen.query_one(TimelineView)
        await pilot.press("end")
        last = view.row_count - 1
        await wait_for(pilot, lambda: view.cursor == last, "the last row selected")
        assert cursor_in_view(view)
        await pilot.press("slash")
        search = screen.query_one("#search", Input)
        await wait_for(pilot, lambda: search.has_focus, "the search box focused")
        await wait_for(pilot, lambda: cursor_in_view(view), "the last row scrolled into view")
        selected = view.selected
        assert selected is not None
        assert selected.event.title[:12] in screen_text(pilot)
