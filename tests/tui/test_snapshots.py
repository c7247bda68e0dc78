"""Snapshots of every view at 80×24 and at 160×48 (fixture files: stable; bundled: when present).

Frozen: no cursor blink, the textual-dark theme, no animations, no clock in the header.
Accept changes with ``pytest tests/tui --snapshot-update`` after looking at the report.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_helpers import (
    BUNDLED_DESANTIS,
    BUNDLED_X,
    DESANTIS,
    FIXTURES,
    HOSTILE,
    INVALID,
    SPACES,
    make_app,
    ready,
)

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
SnapCompare = Callable[..., bool]


def keys(*pressed: str) -> Callable[[Pilot[object]], Awaitable[None]]:
    async def run_before(pilot: Pilot[object]) -> None:
        await ready(pilot)
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
        # A key may start a worker (the search index, a screen's data): let it finish, so
        # the snapshot never catches the screen mid-update.
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_incident_list(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(FIXTURES), terminal_size=size, run_before=keys("j", "j", "j"))


@pytest.mark.parametrize("size", SIZES)
def test_timeline(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(SPACES), terminal_size=size, run_before=keys("j", "j", "j"))


@pytest.mark.parametrize("size", SIZES)
def test_timeline_wib_only(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(SPACES), terminal_size=size, run_before=keys("z", "z", "d"))


@pytest.mark.parametrize("size", SIZES)
def test_detail(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    run_before = keys("j", "j", "j", "j", "j", "enter")
    assert snap_compare(make_app(SPACES), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_chart(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(SPACES), terminal_size=size, run_before=keys("g"))


@pytest.mark.parametrize("size", SIZES)
def test_compare(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(SPACES, DESANTIS), terminal_size=size, run_before=keys("c"))


@pytest.mark.parametrize("size", SIZES)
def test_sources(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(SPACES), terminal_size=size, run_before=keys("s"))


def test_search(snap_compare: SnapCompare) -> None:
    run_before = keys("slash", "l", "i", "s", "t")
    assert snap_compare(make_app(SPACES), terminal_size=(80, 24), run_before=run_before)


def test_filter_dialog(snap_compare: SnapCompare) -> None:
    assert snap_compare(make_app(SPACES), terminal_size=(80, 24), run_before=keys("f"))


def test_help(snap_compare: SnapCompare) -> None:
    assert snap_compare(make_app(SPACES), terminal_size=(80, 24), run_before=keys("question_mark"))


def test_errors(snap_compare: SnapCompare) -> None:
    assert snap_compare(make_app(INVALID), terminal_size=(80, 24), run_before=keys())


@pytest.mark.parametrize("size", SIZES)
def test_hostile(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(HOSTILE), terminal_size=size, run_before=keys("j"))


@pytest.mark.parametrize("theme", ["textual-light", "nord"])
def test_timeline_follows_the_theme(snap_compare: SnapCompare, theme: str) -> None:
    app = make_app(SPACES)
    app.theme = theme
    assert snap_compare(app, terminal_size=(100, 30), run_before=keys("j", "j"))


def test_locale_id(snap_compare: SnapCompare) -> None:
    app = make_app(SPACES, locale="id")
    assert snap_compare(app, terminal_size=(100, 30), run_before=keys())


def _bundled(*paths: Path) -> None:
    for path in paths:
        if not path.exists():
            pytest.skip(f"{path.name} is not in incidents/ yet")


@pytest.mark.parametrize("size", SIZES)
def test_bundled_x_spaces_timeline(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    _bundled(BUNDLED_X)
    assert snap_compare(make_app(BUNDLED_X), terminal_size=size, run_before=keys())


@pytest.mark.parametrize("size", SIZES)
def test_bundled_compare(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    _bundled(BUNDLED_X, BUNDLED_DESANTIS)
    app = make_app(BUNDLED_X, BUNDLED_DESANTIS)
    assert snap_compare(app, terminal_size=size, run_before=keys("c"))
