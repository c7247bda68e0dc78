"""What every incident screen shares: the app it runs in and the incident it shows."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from ..data import Loaded

if TYPE_CHECKING:
    from ..app import IncidentApp

BACK = Binding("escape", "back", "Back", id="screen.back", tooltip="Go back to the previous view")


class AppScreen(Screen[None]):
    """A screen of the incident app; ``current_incident`` is what s/g/c/e act on."""

    @property
    def incident_app(self) -> IncidentApp:
        return cast("IncidentApp", self.app)

    @property
    def current_incident(self) -> Loaded | None:
        return None

    def zones_changed(self) -> None:
        """The display zones changed (``z``): redraw what shows times."""

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()


def footer() -> Footer:
    """The key bar, compact so more keys fit at 80 columns."""
    bar = Footer()
    bar.compact = True
    return bar
