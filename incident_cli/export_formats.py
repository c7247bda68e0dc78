"""The formats ``incident export --format`` writes, each from the same reconstructed timeline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from incident.timeline import Timeline
    from incident.view_options import ViewOptions

FORMATS = ("markdown", "timelinejs", "timesketch", "timesketch-csv", "json", "csv")
SUFFIXES = {
    "markdown": ".md",
    "timelinejs": ".timeline.json",
    "timesketch": ".timesketch.jsonl",
    "timesketch-csv": ".timesketch.csv",
    "json": ".json",
    "csv": ".claims.csv",
}


@dataclass(frozen=True)
class Rendered:
    text: str
    notes: tuple[str, ...] = ()  # for the person at the terminal (stderr)


def render(kind: str, timeline: Timeline, options: ViewOptions, shown: str) -> Rendered:
    """The document of ``kind`` for ``timeline``; ``shown`` names its file in the text."""
    zones = options.zone_names(timeline)
    if kind == "markdown":
        from incident.export.markdown import render_postmortem

        return Rendered(render_postmortem(timeline, options, source_path=shown))
    if kind == "timelinejs":
        from incident.export.timelinejs import render_timelinejs

        return Rendered(render_timelinejs(timeline, zones, options.locale))
    if kind in ("timesketch", "timesketch-csv"):
        from incident.export.timesketch import render_csv, render_jsonl, timesketch_rows

        rows = timesketch_rows(timeline)
        text = render_jsonl(rows) if kind == "timesketch" else render_csv(rows)
        notes: tuple[str, ...] = ()
        if rows.untimed:
            claims = "claim" if rows.untimed == 1 else "claims"
            notes = (
                f"{shown}: {rows.untimed} {claims} with no time left out "
                "(Timesketch places every row at a time)",
            )
        return Rendered(text, notes)
    if kind == "json":
        from incident.export.timeline_json import render_timeline_json

        return Rendered(render_timeline_json(timeline, zones))
    if kind == "csv":
        from incident.export.claims_csv import render_claims_csv

        return Rendered(render_claims_csv(timeline.incident))
    raise AssertionError(kind)
