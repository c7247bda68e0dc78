"""Untrusted file text: markup, ANSI and control characters must show literally and never style,
link or act."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style
from textual.widgets import Static
from tui_helpers import (
    FIXTURES,
    HOSTILE,
    INVALID,
    make_app,
    ready,
    screen_segments,
    screen_text,
    shows,
    wait_for,
)

from tui.screens.chart import ChartScreen
from tui.screens.detail import DetailScreen
from tui.screens.errors import ErrorsScreen
from tui.screens.incidents import IncidentListScreen
from tui.screens.sources import SourcesScreen
from tui.screens.timeline import TimelineScreen


def assert_inert(pilot: object) -> None:
    """No segment on screen carries a link or an action that file text could have made."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    segments = screen_segments(pilot)
    assert segments
    for segment in segments:
        if segment.control:
            continue
        style = segment.style
        assert "\x1b" not in segment.text and "\x07" not in segment.text, segment
        if not isinstance(style, Style):
            continue
        assert not style.link, segment
        meta = style.meta or {}
        assert "quit" not in str(meta.get("@click", "")), segment
        assert "evil" not in str(meta), segment


async def test_hostile_file_shows_literally_everywhere() -> None:
    app = make_app(HOSTILE)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, TimelineScreen)
        text = screen_text(pilot)
        assert "[bold red]x[/] starts ␛[31mRED␛[0m" in text
        assert "[@click=app.quit]q" in text
        assert "<script>alert(" in text  # the actor column
        assert_inert(pilot)

        detail = str(app.screen.query_one("#detail-text", Static).render())
        assert "[/] unbalanced ␛]0;pwned␇ and ␛[2J clear" in detail
        assert "zero<U+200B>width<U+200D> joiners <script>alert(1)</script>" in detail
        assert "“[b]8[/b] p.m.”" in detail
        assert "[link=https://evil]click me[/link] <U+202E>gnp.exe<U+202C>" in detail
        assert "https://evil.example/[link=https://evil]x[/link]?q=[@click=app.quit]q[/]" in detail
        assert "via [/]" in detail

        screen = app.screen
        await pilot.press("j")  # the event with a C1 control and a BEL in its quote

        def detail_text() -> str:
            return str(screen.query_one("#detail-text", Static).render())

        await wait_for(pilot, lambda: "␇bell" in detail_text(), "the second event's detail")
        detail = detail_text()
        assert "[@click=app.quit]q[/] ␇bell \\x9bcsi" in detail
        assert "[link=https://evil]x[/link] | pipes | and \\backslashes\\ <U+202E>esrever" in detail
        assert "<script>alert(1)</script> · 2 sources" in detail
        assert "“[i]five[/i]”" in detail
        assert_inert(pilot)

        for key, kind in (("enter", DetailScreen), ("s", SourcesScreen), ("g", ChartScreen)):
            await pilot.press(key)
            await shows(pilot, kind)
            assert_inert(pilot)
            assert "[bold red]" in screen_text(pilot)
            await pilot.press("escape")
            await shows(pilot, TimelineScreen)
        await pilot.press("escape")
        listed = await shows(pilot, IncidentListScreen)
        assert "Hostile [bold red]x[/] ␛[31mred␛[0m" in screen_text(pilot)
        assert_inert(pilot)
        # clicking on the text that looks like an action does nothing
        await pilot.click("#summary", offset=(5, 0))
        await wait_for(pilot, lambda: app.screen is listed, "the click handled")
        assert app.is_running


async def test_hostile_file_in_a_folder_with_an_invalid_one() -> None:
    app = make_app(FIXTURES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("j", "enter")  # hostile is the second file
        timeline = await shows(pilot, TimelineScreen)
        assert timeline.timeline.incident.id == "hostile-fixture"
        await pilot.press("y")
        await wait_for(pilot, lambda: bool(app.clipboard), "the citation copied")
        assert "\x1b" not in app.clipboard
        assert "[bold red]x[/] starts ␛[31mRED␛[0m" in app.clipboard
        assert app.is_running


async def test_hostile_file_name(tmp_path: Path) -> None:
    odd = tmp_path / "[@click=app.quit]q[b] \x1b]0;pwned\x07.yaml"
    odd.write_text(INVALID.read_text(encoding="utf-8"), encoding="utf-8")
    app = make_app(odd)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, ErrorsScreen)
        text = screen_text(pilot)
        assert "[@click=app.quit]q[b] ␛]0;pwned␇.yaml" in text
        assert_inert(pilot)
        await pilot.press("escape")
        await shows(pilot, IncidentListScreen)
        assert "[@click=app.quit]q[b] ␛]0;pwned␇.yaml" in screen_text(pilot)
        assert_inert(pilot)
