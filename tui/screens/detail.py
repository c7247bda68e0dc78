"""One event on a whole screen (Enter on the timeline): all claims, room to read."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll

from incident.timeline import TimelineEvent

from ..data import Loaded
from ..detail_text import citation, event_detail
from ..header import TitleHeader
from ..safe import one_line
from ..wrapped_text import WrappedText
from .base import BACK, AppScreen, footer


class DetailScreen(AppScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        BACK,
        Binding(
            "y",
            "copy_citation",
            "Copy",
            id="detail.copy",
            tooltip="Send this event's citation to the terminal's clipboard (OSC 52) and show it",
        ),
    ]

    DEFAULT_CSS = """
    DetailScreen #event { padding: 0 1; }
    """

    def __init__(self, entry: Loaded, item: TimelineEvent) -> None:
        super().__init__()
        assert entry.timeline is not None
        self.entry = entry
        self.timeline = entry.timeline
        self.item = item

    @property
    def current_incident(self) -> Loaded | None:
        return self.entry

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with VerticalScroll(id="event-scroll"):
            yield WrappedText(id="event")
        yield footer()

    def on_mount(self) -> None:
        self.title = one_line(self.timeline.incident.title)
        self.zones_changed()
        self.query_one("#event-scroll").focus()

    def zones_changed(self) -> None:
        mode = self.incident_app.zone_mode(self.timeline)
        self.sub_title = f"event · {mode.heading}"
        text = event_detail(self.item, self.timeline, mode.zones, self.incident_app.locale)
        self.query_one("#event", WrappedText).update(text)

    def action_copy_citation(self) -> None:
        mode = self.incident_app.zone_mode(self.timeline)
        self.incident_app.copy_citation(citation(self.item, mode.zones[0]))
