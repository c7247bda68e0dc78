"""Snapshots of every view at 80×24 and at 160×48 (fixture files: stable; bundled: when present).

Frozen: no cursor blink, the textual-dark theme, no animations, no clock in the header.
Accept changes with ``pytest tests/tui --snapshot-update`` after looking at the report.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable
from tui_helpers import (
    BUNDLED_DESANTIS,
    BUNDLED_X,
    DESANTIS,
    FIXTURES,
    HOSTILE,
    INVALID,
    SPACES,
    in_front,
    make_app,
    ready,
    wait_for,
)

from tui.screens.chart import ChartScreen
from tui.screens.compare import CompareScreen
from tui.screens.detail import DetailScreen
from tui.screens.dialogs import FilterDialog
from tui.screens.help import HelpScreen
from tui.screens.sources import SourcesScreen
from tui.screens.timeline import TimelineScreen
from tui.timeline_view import TimelineView

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
THREE_SIZES = [*SIZES[:1], pytest.param((120, 40), id="120x40"), *SIZES[1:]]
FOUR_ZONES = ["America/New_York", "Asia/Jakarta", "UTC", "Europe/London"]
SnapCompare = Callable[..., bool]
Shown = Callable[[App[object]], bool]


def keys(*pressed: str, shown: Shown | None = None) -> Callable[[Pilot[object]], Awaitable[None]]:
    """Press ``pressed`` once the app is up, then wait until what the snapshot is of is
    ``shown`` (and the workers a key started have finished)."""

    async def run_before(pilot: Pilot[object]) -> None:
        await ready(pilot)
        if pressed:
            await pilot.press(*pressed)
        if shown is not None:
            await wait_for(pilot, lambda: shown(pilot.app), f"the screen after {pressed}")

    return run_before


def screen(kind: type[Screen[object]]) -> Shown:
    return lambda app: in_front(app, kind)


def list_row(row: int) -> Shown:
    return lambda app: app.screen.query_one(DataTable).cursor_row == row


def timeline_row(row: int, zones: tuple[str, ...] | None = None) -> Shown:
    def shown(app: App[object]) -> bool:
        view = app.screen.query_one(TimelineView)
        return view.cursor == row and (zones is None or view.zones == zones)

    return shown


def detail_of(event_id: str) -> Shown:
    def shown(app: App[object]) -> bool:
        return in_front(app, DetailScreen) and app.screen.item.id == event_id  # type: ignore[attr-defined]

    return shown


def searched(text: str) -> Shown:
    def shown(app: App[object]) -> bool:
        return isinstance(app.screen, TimelineScreen) and app.screen.query_text == text

    return shown


@pytest.mark.parametrize("size", SIZES)
def test_incident_list(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    run_before = keys("j", "j", "j", shown=list_row(3))
    assert snap_compare(make_app(FIXTURES), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", THREE_SIZES)
def test_timeline(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    run_before = keys("j", "j", "j", shown=timeline_row(3))
    assert snap_compare(make_app(SPACES), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_timeline_wib_only(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    # z z: Jakarta alone; d: the first event whose sources disagree (row 2)
    run_before = keys("z", "z", "d", shown=timeline_row(2, ("Asia/Jakarta",)))
    assert snap_compare(make_app(SPACES), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_detail(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    run_before = keys("j", "j", "j", "j", "j", "enter", shown=detail_of("peak"))
    assert snap_compare(make_app(SPACES), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_chart(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(
        make_app(SPACES), terminal_size=size, run_before=keys("g", shown=screen(ChartScreen))
    )


@pytest.mark.parametrize("size", SIZES)
def test_compare(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    run_before = keys("c", shown=screen(CompareScreen))
    assert snap_compare(make_app(SPACES, DESANTIS), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_sources(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(
        make_app(SPACES), terminal_size=size, run_before=keys("s", shown=screen(SourcesScreen))
    )


def test_search(snap_compare: SnapCompare) -> None:
    run_before = keys("slash", "l", "i", "s", "t", shown=searched("list"))
    assert snap_compare(make_app(SPACES), terminal_size=(80, 24), run_before=run_before)


def test_filter_dialog(snap_compare: SnapCompare) -> None:
    assert snap_compare(
        make_app(SPACES), terminal_size=(80, 24), run_before=keys("f", shown=screen(FilterDialog))
    )


def test_help(snap_compare: SnapCompare) -> None:
    run_before = keys("question_mark", shown=screen(HelpScreen))
    assert snap_compare(make_app(SPACES), terminal_size=(80, 24), run_before=run_before)


def test_errors(snap_compare: SnapCompare) -> None:
    assert snap_compare(make_app(INVALID), terminal_size=(80, 24), run_before=keys())


@pytest.mark.parametrize("size", SIZES)
def test_hostile(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(
        make_app(HOSTILE), terminal_size=size, run_before=keys("j", shown=timeline_row(1))
    )


@pytest.mark.parametrize("theme", ["textual-light", "nord"])
def test_timeline_follows_the_theme(snap_compare: SnapCompare, theme: str) -> None:
    app = make_app(SPACES)
    app.theme = theme
    assert snap_compare(
        app, terminal_size=(100, 30), run_before=keys("j", "j", shown=timeline_row(2))
    )


def test_locale_id(snap_compare: SnapCompare) -> None:
    app = make_app(SPACES, locale="id")
    assert snap_compare(app, terminal_size=(100, 30), run_before=keys())


def _bundled(*paths: Path) -> None:
    for path in paths:
        if not path.exists():
            pytest.skip(f"{path.name} is not in incidents/ yet")


@pytest.mark.parametrize("size", THREE_SIZES)
def test_bundled_x_spaces_timeline(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    _bundled(BUNDLED_X)
    assert snap_compare(make_app(BUNDLED_X), terminal_size=size, run_before=keys())


def test_bundled_x_spaces_four_zones_at_120(snap_compare: SnapCompare) -> None:
    _bundled(BUNDLED_X)
    app = make_app(BUNDLED_X, zones=FOUR_ZONES)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys())


@pytest.mark.parametrize("size", SIZES)
def test_bundled_compare(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    _bundled(BUNDLED_X, BUNDLED_DESANTIS)
    app = make_app(BUNDLED_X, BUNDLED_DESANTIS)
    assert snap_compare(app, terminal_size=size, run_before=keys("c", shown=screen(CompareScreen)))
