"""Every source of an incident, with the events it backs and the causes it speaks to."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from .. import rows
from ..data import Loaded
from ..detail import source_line
from ..safe import one_line
from .base import BACK, AppScreen, footer

MAX_EVENTS = 40  # per source; the rest is counted


class SourcesScreen(AppScreen):
    BINDINGS: ClassVar[list[BindingType]] = [BACK]

    DEFAULT_CSS = """
    SourcesScreen #sources { padding: 0 1; }
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
        with VerticalScroll(id="sources-scroll"):
            yield Static(id="sources", markup=False)
        yield footer()

    def on_mount(self) -> None:
        self.title = one_line(self.timeline.incident.title)
        self.zones_changed()
        self.query_one("#sources-scroll").focus()

    def zones_changed(self) -> None:
        mode = self.incident_app.zone_mode(self.timeline)
        self.sub_title = f"{len(self.timeline.sources)} sources · zone: {mode.name}"
        self.query_one("#sources", Static).update(self.render_sources(mode.zones[0]))

    def render_sources(self, zone: str) -> Text:
        timeline = self.timeline
        locale = self.incident_app.locale
        cited_by: dict[str, list[str]] = {}
        for cause in timeline.causes:
            for claim in cause.claims:
                stance = claim.stance or "reports"
                cited_by.setdefault(claim.source, []).append(
                    f"{stance} “{one_line(cause.summary)}”"
                )
        out = Text(end="")
        for number, (source_id, source) in enumerate(timeline.sources.items(), 1):
            lines = source_line(source, source_id)
            out.append(f"{number}. ", style="bold")
            out.append(lines[0] + "\n", style="bold")
            for extra in lines[1:]:
                out.append("   " + extra + "\n", style="dim")
            backed = timeline.source_usage.get(source_id, ())
            out.append(f"   backs {len(backed)} event{'s' if len(backed) != 1 else ''}")
            out.append(":\n" if backed else "\n")
            for event_id in backed[:MAX_EVENTS]:
                item = timeline.by_id.get(event_id)
                if item is None:
                    continue
                clock = rows.aligned_clock(rows.shown(item), zone, locale, 11)
                mark = "!" if item.disputed else " "
                out.append(f"   {mark} {clock} {one_line(item.event.title)}\n")
            if len(backed) > MAX_EVENTS:
                out.append(f"     … and {len(backed) - MAX_EVENTS} more\n", style="dim")
            for words in cited_by.get(source_id, []):
                out.append(f"   cause: {words}\n")
            out.append("\n")
        return out
