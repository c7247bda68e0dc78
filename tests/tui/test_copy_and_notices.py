"""``y`` says where the citation went and shows it to select; notifications replace each other."""

from __future__ import annotations

from textual.widgets import TextArea
from tui_helpers import SPACES, make_app, ready, shows, wait_for

from tui.app import IncidentApp
from tui.screens.dialogs import CopyDialog
from tui.screens.timeline import TimelineScreen


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
