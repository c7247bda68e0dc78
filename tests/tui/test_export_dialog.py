"""The export dialog: it keeps what was typed when the path cannot be written, writes
``FOLDER/<id>.md`` when given a folder, and says the absolute path it wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static
from tui_helpers import SPACES, make_app, ready, shows, wait_for

from tui.app import IncidentApp
from tui.screens.dialogs import ExportDialog
from tui.screens.timeline import TimelineScreen

pytest.importorskip("incident.export.markdown")


def notified(app: IncidentApp, words: str) -> bool:
    return any(words in str(n.message) for n in app._notifications)


async def _type_path(app: IncidentApp, pilot: object, path: str) -> ExportDialog:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("e")
    dialog = await shows(pilot, ExportDialog)
    dialog.query_one(Input).value = path
    await pilot.press("enter")
    return dialog


async def test_a_missing_folder_keeps_the_dialog_and_the_text(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "deeper" / "out.md"
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        dialog = await _type_path(app, pilot, str(target))
        error = dialog.query_one("#export-error", Static)
        await wait_for(pilot, lambda: "no such folder" in str(error.render()), "the reason")
        assert app.screen is dialog  # still open, the path as typed
        assert dialog.query_one(Input).value == str(target)
        assert not target.parent.exists()
        await pilot.press("escape")
        await shows(pilot, TimelineScreen)


async def test_a_folder_gets_the_incident_id_and_the_absolute_path_is_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await _type_path(app, pilot, "out")
        written = tmp_path / "out" / "spaces-fixture.md"
        await wait_for(pilot, lambda: notified(app, f"Wrote {written}"), "the absolute path")
        assert written.is_file()
        assert isinstance(app.screen, TimelineScreen)


async def test_a_failed_write_reopens_the_dialog_with_the_reason(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    app = make_app(SPACES)

    def failing(*_: object) -> str:
        return "No space left on device"

    app.exporter = failing
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        first = await _type_path(app, pilot, str(target))

        def reopened() -> bool:
            screen = app.screen
            return isinstance(screen, ExportDialog) and screen is not first and screen.is_mounted

        await wait_for(pilot, reopened, "the dialog again")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one(Input).value == str(target)
        shown = str(dialog.query_one("#export-error", Static).render())
        assert "Export failed: No space left on device" in shown
