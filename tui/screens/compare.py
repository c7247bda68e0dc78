"""Two incidents side by side (``c``)."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll

from ..comparison_text import compare_view
from ..data import Loaded
from ..header import TitleHeader
from ..wrapped_text import WrappedText
from .base import BACK, AppScreen, footer


class CompareScreen(AppScreen):
    OWN_ACTION: ClassVar[str | None] = "compare"
    BINDINGS: ClassVar[list[BindingType]] = [BACK]

    DEFAULT_CSS = """
    CompareScreen #compare { padding: 0 1; }
    """

    def __init__(self, first: Loaded, second: Loaded) -> None:
        super().__init__()
        assert first.timeline is not None and second.timeline is not None
        self.first = first
        self.second = second

    @property
    def current_incident(self) -> Loaded | None:
        return self.first

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with VerticalScroll(id="compare-scroll"):
            yield WrappedText(id="compare")
        yield footer()

    def on_mount(self) -> None:
        self.title = "Compare"
        self.query_one("#compare-scroll").focus()
        self.zones_changed()

    def on_resize(self, event: events.Resize) -> None:
        self.zones_changed()

    def zones_changed(self) -> None:
        assert self.first.timeline is not None and self.second.timeline is not None
        mode = self.incident_app.zone_mode(self.first.timeline)
        self.sub_title = f"shared T+0 · {mode.heading}"
        text = compare_view(
            self.first.timeline,
            self.second.timeline,
            max(40, self.size.width - 4),
            mode.zones,
            self.incident_app.locale,
        )
        self.query_one("#compare", WrappedText).update(text)
