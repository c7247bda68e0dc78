"""``y`` says where the citation went and shows it to select; notifications replace each other;
help names keys as keyboards do; the palette has one Quit and no dead command."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea
from tui_helpers import SPACES, make_app, ready, screen_text, shows, wait_for

from tui.app import IncidentApp
from tui.screens.dialogs import CopyDialog
from tui.screens.errors import ErrorsScreen
from tui.screens.help import HelpScreen
from tui.screens.timeline import TimelineScreen
from tui.timeline_view import TimelineView


def messages(app: IncidentApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_y_sends_the_citation_and_shows_it_to_select() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("j", "j", "j", "y")
        dialog = await shows(pilot, CopyDialog)
        area = dialog.query_one(TextArea)
        assert area.text == app.clipboard
        assert area.text.startswith("Conversation finally starts")
        assert area.read_only and area.selected_text == area.text
        assert messages(app) == ["Sent the citation to the terminal's clipboard (OSC 52)."]
        assert not any("Copied" in m for m in messages(app))  # it cannot know that
        await pilot.press("escape")
        await shows(pilot, TimelineScreen)


async def test_each_z_replaces_the_last_notification() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("z", "z", "z")
        await wait_for(pilot, lambda: app.zone_index == 3, "three zone changes")
        assert len(messages(app)) == 1
        assert messages(app)[0].startswith("Zone: ")


async def test_help_names_keys_as_keyboards_do() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 60)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await shows(pilot, HelpScreen)
        text = screen_text(pilot)
        for key in ("↑/k", "↓/j", "PgUp", "PgDn", "Tab", "Shift+Tab", "Esc"):
            assert f" {key} " in text, key
        assert "pageup" not in text and "up,k" not in text and "up k" not in text


async def test_palette_has_one_quit_and_page_down_moves_the_rows() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 12)) as pilot:
        await ready(pilot)
        commands = list(app.get_system_commands(app.screen))
        assert [c.title for c in commands if "quit" in c.title.lower()] == ["Quit"]
        page_down = next(c for c in commands if c.title.startswith("Page down"))
        view = app.screen.query_one(TimelineView)
        await page_down.callback()
        await wait_for(pilot, lambda: view.cursor > 0, "page down to move the cursor")


async def test_an_empty_folder_says_so_plainly(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await shows(pilot, ErrorsScreen)
        text = screen_text(pilot)
        assert "Nothing to open here." in text
        assert "no incident files (*.yaml, *.yml) in" in text
        assert ":0:1:" not in text and "error[usage]" not in text
