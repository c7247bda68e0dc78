"""The audience chart on its own screen (``g``)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType

from ..audience_chart import audience_chart
from ..zone_modes import ZoneMode
from .base import IncidentPageScreen


class ChartScreen(IncidentPageScreen):
    OWN_ACTION: ClassVar[str | None] = "chart"
    PAGE_ID: ClassVar[str] = "chart"
    BINDINGS: ClassVar[list[BindingType]] = [
        *IncidentPageScreen.BINDINGS,
        Binding("u", "next_unit", "Unit", id="chart.unit", tooltip="Chart the next counted unit"),
    ]
    unit_index = 0

    DEFAULT_CSS = """
    ChartScreen #chart { padding: 0 1; }
    """

    def on_resize(self, event: events.Resize) -> None:
        self.zones_changed()

    def action_next_unit(self) -> None:
        self.unit_index += 1
        self.zones_changed()

    def subtitle(self, mode: ZoneMode) -> str:
        return f"figures · {mode.first_heading}"

    def page(self, mode: ZoneMode) -> Text:
        width = max(20, self.size.width - 4)
        height = max(10, self.size.height - 2)
        return audience_chart(
            self.timeline,
            width,
            height,
            mode.zones[0],
            self.incident_app.locale,
            self.unit_index,
        )
