"""Live reload: a save redraws the timeline, keeping the selected event and the scroll; a save
that breaks the file keeps the last good timeline with the errors beside it; ``r`` by hand."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tui_helpers import (
    INVALID,
    ROOT,
    SPACES,
    choose_kind,
    make_app,
    ready,
    screen_text,
    shows,
    wait_for,
)

from tui.reload_notice import ReloadNotice
from tui.screens.errors import ErrorsScreen
from tui.screens.timeline import TimelineScreen
from tui.watch import FileWatch


def save(path: Path, text: str) -> None:
    """Save as an editor does: a new file renamed over the old one."""
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def test_watch_reports_a_changed_file_once(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("one", encoding="utf-8")
    watch = FileWatch([path])
    assert watch.changed() == []
    save(path, "two, longer")
    assert watch.changed() == [path]
    assert watch.changed() == []
    path.unlink()
    assert watch.changed() == []  # gone for a moment (mid-save): not a change yet
    path.write_text("three", encoding="utf-8")
    assert watch.changed() == [path]


async def test_a_save_redraws_keeping_the_selected_event(tmp_path: Path) -> None:
    path = tmp_path / "spaces.yaml"
    shutil.copy(SPACES, path)
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        first = await shows(pilot, TimelineScreen)
        await pilot.press("j", "j", "j")
        await wait_for(pilot, lambda: first.view.cursor == 3, "the cursor on the fourth row")
        selected = first.view.selected
        assert selected is not None and selected.id == "start"

        text = path.read_text(encoding="utf-8")
        save(path, text.replace("Conversation finally starts", "Conversation starts at last"))

        def redrawn() -> bool:
            screen = app.screen
            return (
                isinstance(screen, TimelineScreen)
                and screen.is_mounted
                and screen.view.selected is not None
                and screen.view.selected.id == "start"
                and screen.view.selected.event.title == "Conversation starts at last"
            )

        await wait_for(pilot, redrawn, "the saved file redrawn with the same event selected")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        assert screen.view.selected is not None
        assert screen.view.selected.event.title == "Conversation starts at last"
        assert screen.view.cursor == 3


async def test_an_invalid_save_keeps_the_last_good_timeline(tmp_path: Path) -> None:
    path = tmp_path / "spaces.yaml"
    shutil.copy(SPACES, path)
    good = path.read_text(encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        first = await shows(pilot, TimelineScreen)
        save(path, good.replace("kind: milestone", "kind: milestoen", 1))
        await wait_for(
            pilot, lambda: bool(first.query(ReloadNotice)), "the errors beside the timeline"
        )
        assert app.screen is first  # the last good timeline stays
        notice = first.query_one(ReloadNotice)
        shown = str(notice.render())
        assert "spaces.yaml:" in shown and "milestoen" in shown
        assert app.entries[0].ok  # the list keeps the good version too

        save(path, good)  # fixed: the notice goes with the redraw
        await wait_for(pilot, lambda: not first.query(ReloadNotice), "the notice gone")
        assert app.screen is first and app.entries[0].ok


async def test_r_reloads_by_hand_and_a_fixed_file_opens_its_timeline(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    shutil.copy(INVALID, path)
    app = make_app(path)
    app.watch_files = False  # only r reads it again
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await shows(pilot, ErrorsScreen)
        shutil.copy(SPACES, path)
        await pilot.press("r")
        await shows(pilot, TimelineScreen)


async def test_a_save_keeps_the_search_the_filter_and_the_hidden_pane(tmp_path: Path) -> None:
    path = tmp_path / "spaces.yaml"
    shutil.copy(SPACES, path)
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        first = await shows(pilot, TimelineScreen)
        first = await choose_kind(pilot, "kind: milestone")
        await pilot.press("slash", *"conversation", "enter")
        await wait_for(pilot, lambda: first.query_text == "conversation", "the search typed")
        shown = first.view.row_count
        assert 0 < shown < len(first.timeline.events)
        await pilot.press("p")
        await wait_for(pilot, lambda: not first.show_detail, "the detail pane hidden")
        selected = first.view.selected
        assert selected is not None and selected.id == "start"
        chosen = first.event_filter
        assert chosen is not None

        text = path.read_text(encoding="utf-8")
        save(path, text.replace("Conversation finally starts", "Conversation starts at last"))

        def redrawn() -> bool:
            screen = app.screen
            return (
                isinstance(screen, TimelineScreen)
                and screen.view.selected is not None
                and screen.view.selected.event.title == "Conversation starts at last"
            )

        await wait_for(pilot, redrawn, "the saved file redrawn on the same event")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        assert screen.query_text == "conversation"
        assert screen.event_filter == chosen
        assert screen.query_one("#search").display
        assert screen.view.row_count == shown
        assert not screen.show_detail
        status = str(screen.query_one("#status").render())
        assert "search “conversation”" in status and "filter kind=milestone" in status
        # Esc still unwinds from there: the search, then the filter.
        await pilot.press("escape")
        await wait_for(pilot, lambda: not screen.query_text, "the search cleared")
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen.event_filter is None, "the filter cleared")
        assert screen.view.row_count == len(screen.timeline.events)


async def test_a_save_keeps_the_scroll_of_a_long_timeline(tmp_path: Path) -> None:
    path = tmp_path / "crowdstrike.yaml"
    shutil.copy(ROOT / "incidents" / "crowdstrike-2024.yaml", path)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await shows(pilot, TimelineScreen)
        await pilot.press("end", "up", "up")
        await wait_for(pilot, lambda: screen.view.scroll_offset.y > 0, "the rows scrolled")
        row, scroll_y = screen.view.cursor, screen.view.scroll_offset.y
        selected = screen.view.selected
        assert selected is not None

        text = path.read_text(encoding="utf-8")
        save(path, text.replace(selected.event.title, "Retitled while open", 1))
        await wait_for(
            pilot,
            lambda: (
                screen.view.selected is not None
                and screen.view.selected.event.title == "Retitled while open"
            ),
            "the save shown on the same event",
        )
        assert (screen.view.cursor, screen.view.scroll_offset.y) == (row, scroll_y)
        assert "Retitled while open" in screen_text(pilot)


async def test_a_changed_stored_copy_reads_the_incident_again(tmp_path: Path) -> None:
    path = tmp_path / "x-spaces-2024.yaml"
    shutil.copy(ROOT / "incidents" / "x-spaces-2024.yaml", path)
    shutil.copytree(ROOT / "incidents" / "x-spaces-2024", tmp_path / "x-spaces-2024")
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        first = await shows(pilot, TimelineScreen)
        copy = tmp_path / "x-spaces-2024" / "sources" / "cnbc-id.txt"
        save(copy, copy.read_text(encoding="utf-8") + "\nedited\n")
        await wait_for(pilot, lambda: bool(first.query(ReloadNotice)), "the hash error shown")
        assert "snapshot-hash" in str(first.query_one(ReloadNotice).render())


async def test_a_filter_on_something_the_save_removed_says_so(tmp_path: Path) -> None:
    path = tmp_path / "spaces.yaml"
    shutil.copy(SPACES, path)
    app = make_app(path)
    async with app.run_test(size=(120, 30)) as pilot:
        await shows(pilot, TimelineScreen)
        screen = await choose_kind(pilot, "kind: milestone")
        save(path, path.read_text(encoding="utf-8").replace("kind: milestone", "kind: metric"))
        status = screen.query_one("#status")
        await wait_for(
            pilot, lambda: "no longer in the file" in str(status.render()), "the filter explained"
        )
        assert screen.view.row_count == 0


async def test_the_incident_list_shows_a_file_as_saved_when_you_come_back(tmp_path: Path) -> None:
    from tui.screens.incidents import IncidentListScreen

    path = tmp_path / "spaces.yaml"
    shutil.copy(SPACES, path)
    other = tmp_path / "desantis.yaml"
    shutil.copy(ROOT / "tests" / "tui" / "fixtures" / "desantis.yaml", other)
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await shows(pilot, IncidentListScreen)
        listed = lambda: screen_text(pilot)  # noqa: E731
        await wait_for(pilot, lambda: "Musk–Trump X Space" in listed(), "the list")
        await pilot.press("end", "enter")
        await shows(pilot, TimelineScreen)
        text = path.read_text(encoding="utf-8")
        save(path, text.replace("title: Musk–Trump X Space (test fixture)", "title: Renamed", 1))
        await wait_for(
            pilot,
            lambda: app.entries[-1].shown.endswith("spaces.yaml") and "Renamed" in str(app.entries),
            "the save read",
        )
        await pilot.press("escape")
        await shows(pilot, IncidentListScreen)
        await wait_for(pilot, lambda: "Renamed" in listed(), "the list redrawn")
