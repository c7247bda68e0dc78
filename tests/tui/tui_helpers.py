"""Helpers for the app tests: fixture files, a frozen app, and reading what is on screen."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from rich.segment import Segment
from textual.app import App
from textual.pilot import Pilot

from incident.view_options import ViewOptions
from incident_cli.open import write_postmortem
from tui.app import IncidentApp

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SPACES = FIXTURES / "spaces.yaml"
DESANTIS = FIXTURES / "desantis.yaml"
HOSTILE = FIXTURES / "hostile.yaml"
INVALID = FIXTURES / "invalid" / "broken.yaml"
ROOT = Path(__file__).resolve().parents[2]
BUNDLED_X = ROOT / "incidents" / "x-spaces-2024.yaml"
BUNDLED_DESANTIS = ROOT / "incidents" / "desantis-2023.yaml"


def make_app(*paths: Path, **options: object) -> IncidentApp:
    """The app as ``incident open`` builds it (``zones``/``locale`` read as the flags are,
    the command line's exporter), with what varies frozen: no cursor blink, a fixed theme."""
    zones = options.pop("zones", None)
    locale = options.pop("locale", "en")
    assert not options, options
    return IncidentApp(
        list(paths),
        ViewOptions.from_labels(zones, str(locale)),  # type: ignore[arg-type]
        exporter=write_postmortem,
        cursor_blink=False,
        theme="textual-dark",
    )


async def ready(pilot: Pilot[object]) -> None:
    """Wait until the files are loaded and the screen has settled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def _screen_console(app: App[object]) -> tuple[Console, object]:
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    # What the terminal would get: the same call App.export_screenshot makes.
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return console, update


def screen_segments(pilot: Pilot[object]) -> list[Segment]:
    """Every styled segment of the current frame."""
    console, update = _screen_console(pilot.app)
    return list(console.render(update))  # type: ignore[arg-type]


def screen_text(pilot: Pilot[object]) -> str:
    """The current frame as plain text, one line per terminal row."""
    console, update = _screen_console(pilot.app)
    console.print(update)
    return console.export_text(styles=False)
