"""Every source of an incident, with the events it backs and the causes it speaks to."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text

from incident import formatting

from .. import rows
from ..detail_text import source_line
from ..safe import one_line
from ..zone_modes import ZoneMode
from .base import IncidentPageScreen

MAX_EVENTS = 40  # per source; the rest is counted


class SourcesScreen(IncidentPageScreen):
    OWN_ACTION: ClassVar[str | None] = "sources"
    PAGE_ID: ClassVar[str] = "sources"

    DEFAULT_CSS = """
    SourcesScreen #sources { padding: 0 1; }
    """

    def subtitle(self, mode: ZoneMode) -> str:
        return f"{len(self.timeline.sources)} sources · {mode.first_heading}"

    def page(self, mode: ZoneMode) -> Text:
        return self.render_sources(mode.zones[0])

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
                when = rows.shown(item)
                clock = rows.aligned_clock(when, zone, locale, 11)
                if when.anchor is not None and when.mark != "d":  # a day keeps its own label
                    clock += " " + formatting.abbreviation(when.anchor, zone)
                mark = rows.flag(item)  # the timeline's own marks: !! conflict, ! variance
                out.append(f"   {mark:<2} {clock} {one_line(item.event.title)}\n")
            if len(backed) > MAX_EVENTS:
                out.append(f"      … and {len(backed) - MAX_EVENTS} more\n", style="dim")
            for words in cited_by.get(source_id, []):
                out.append(f"   cause: {words}\n")
            out.append("\n")
        return out
