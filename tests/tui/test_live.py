"""Live reload: a save redraws the timeline, keeping the selected event and the scroll; a save
that breaks the file keeps the last good timeline with the errors beside it; ``r`` by hand."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tui_helpers import INVALID, SPACES, make_app, ready, shows, wait_for

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
                and screen is not first
                and screen.is_mounted
                and screen.view.selected is not None
                and screen.view.selected.id == "start"
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
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, TimelineScreen) and app.screen is not first,
            "the fixed file redrawn",
        )
        assert not app.screen.query(ReloadNotice)


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
