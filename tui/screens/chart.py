"""The audience chart on its own screen (``g``)."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from ..chart import audience_chart
from ..data import Loaded
from ..safe import one_line
from .base import BACK, AppScreen, footer


class ChartScreen(AppScreen):
    BINDINGS: ClassVar[list[BindingType]] = [BACK]

    DEFAULT_CSS = """
    ChartScreen #chart { padding: 0 1; }
    """

    def __init__(self, entry: Loaded) -> None:
        super().__init__()
        assert entry.timeline is not None
        self.entry = entry
        self.timeline = entry.timeline

    @property
    def current_incident(self) -> Loaded | None:
        return self.entry

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="chart-scroll"):
            yield Static(id="chart", markup=False)
        yield footer()

    def on_mount(self) -> None:
        self.title = one_line(self.timeline.incident.title)
        self.query_one("#chart-scroll").focus()
        self.zones_changed()

    def on_resize(self, event: events.Resize) -> None:
        self.zones_changed()

    def zones_changed(self) -> None:
        mode = self.incident_app.zone_mode(self.timeline)
        self.sub_title = f"audience · zone: {mode.name}"
        width = max(20, self.size.width - 4)
        height = max(10, self.size.height - 2)
        text = audience_chart(self.timeline, width, height, mode.zones[0], self.incident_app.locale)
        self.query_one("#chart", Static).update(text)
