"""Helpers for the app tests: fixture files, a frozen app, waiting for what a test checks, and
reading what is on screen.

Waiting: ``pilot.press`` and ``pilot.pause`` only wait for the messages queued when they are
called and for the process to *look* idle (little CPU used over 20 ms), which a machine busy
with other work fakes. So a test waits for the condition it checks (``wait_for``, ``shows``,
``ready``), polling with a generous timeout, and never for a fixed number of pauses.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.segment import Segment
from textual.app import App
from textual.css.query import NoMatches
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import OptionList

from incident.view_options import ViewOptions
from incident_cli.open import write_postmortem
from tui.app import IncidentApp
from tui.screens.base import AppScreen
from tui.screens.dialogs import FilterDialog
from tui.screens.timeline import TimelineScreen

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


TIMEOUT = 60.0  # seconds; generous for a loaded machine, never reached when the app works
POLL = 0.02

ScreenT = TypeVar("ScreenT", bound=Screen[object])


async def wait_for(pilot: Pilot[object], condition: Callable[[], object], what: str) -> None:
    """Let the app run until ``condition()`` is true, then let it finish what it started
    (workers, queued messages, layout); fail naming ``what`` after ``TIMEOUT`` seconds.

    A condition that queries a widget not mounted yet (``NoMatches``) counts as false."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            if condition():
                break
        except NoMatches:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {TIMEOUT:.0f} s for {what}")
        await pilot.pause(POLL)
    if pilot.app.is_running:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()  # drain what is queued now and lay the screen out (not a wait)


def in_front(app: App[object], kind: type[Screen[object]]) -> bool:
    """``kind`` is the screen in front, mounted, with a widget focused (keys reach it), and
    (an incident screen) has told the app which incident it shows."""
    screen = app.screen
    if not isinstance(screen, kind) or not screen.is_mounted:
        return False
    if screen.focused is None and screen.focus_chain:
        return False
    if isinstance(screen, AppScreen):
        assert isinstance(app, IncidentApp)
        return app.incident is screen.current_incident
    return True


async def shows(pilot: Pilot[object], kind: type[ScreenT]) -> ScreenT:
    """Wait until a ``kind`` screen is in front (see ``in_front``) and return it."""
    await wait_for(pilot, lambda: in_front(pilot.app, kind), f"a {kind.__name__} in front")
    screen = pilot.app.screen
    assert isinstance(screen, kind)
    return screen


async def ready(pilot: Pilot[object]) -> None:
    """Wait until the files are loaded and the first incident screen is up."""
    await wait_for(
        pilot, lambda: in_front(pilot.app, AppScreen), "the files to load and a screen to show"
    )


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


async def choose_kind(pilot: Pilot[object], label: str) -> TimelineScreen:
    await pilot.press("f")
    dialog = await shows(pilot, FilterDialog)
    options = dialog.query_one(OptionList)
    prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    options.highlighted = next(i for i, p in enumerate(prompts) if p.strip(" ●") == label)
    await pilot.press("enter")
    screen = await shows(pilot, TimelineScreen)
    await wait_for(pilot, lambda: screen.event_filter is not None, f"the filter {label} applied")
    return screen
