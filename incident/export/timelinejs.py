"""The timeline as a TimelineJS3 JSON document, for publishing.

One slide per timed event: ``start_date`` (and, only for an event that lasts — ``ends:`` — its
cited end as ``end_date``; a range or a disagreement is not a span and has none) as date parts
in one display zone — TimelineJS has no zones, it shows the parts as given — and a
``display_date`` that carries the hedge, any range, and every display zone ("about 20:45 EDT ·
07:45 WIB Tue"; "15:31–15:50 PDT · …"; a span "04:09 → 05:27 UTC · 11:09 → 12:27 WIB"). The
slide text gives each claim with its source, quote, translation and the time as stated (an
event that lasts: its end claims too, under "When it ended:"), and says where the sources
disagree, source by source. ``group`` is the event's kind. Eras are the incident's phases
(scheduled → actual start, first trouble → end) where both moments have a time.

TimelineJS renders headlines and text as HTML, and file text is untrusted: every piece of it is
HTML-escaped here, and only our own tags (``p``, ``strong``, ``em``, ``a``, ``ul``, ``li``)
appear. An event no source gives a time for cannot be placed on a TimelineJS axis; it is named
on the title slide instead.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from html import escape
from typing import Any

from ..formatting import local
from ..timeline import ResolvedClaim, Shown, Timeline, TimelineEvent
from . import words

# An era per phase: its name, the key moment it starts at, and the moments that can end it (the
# first one the incident names and dates is used). Names the format does not have are skipped.
PHASES = (
    ("Waiting for the start", "scheduled_start", ("actual_start",)),
    ("Impact", "first_trouble", ("end", "resolved", "mitigated")),
)


def render_timelinejs(timeline: Timeline, zones: Sequence[str], locale: str = "en") -> str:
    """The TimelineJS3 JSON text (UTF-8, stable key order, a final newline)."""
    return (
        json.dumps(timelinejs_document(timeline, zones, locale), ensure_ascii=False, indent=2)
        + "\n"
    )


def timelinejs_document(
    timeline: Timeline, zones: Sequence[str], locale: str = "en"
) -> dict[str, Any]:
    """The document as data: ``title``, ``events``, ``eras`` (dates in ``zones[0]``)."""
    zones = tuple(zones) or ("UTC",)
    events = []
    untimed = []
    for item in timeline.events:
        slide = _slide(timeline, item, zones, locale)
        if slide is None:
            untimed.append(item)
        else:
            events.append(slide)
    document: dict[str, Any] = {"title": _title(timeline, untimed, zones), "events": events}
    eras = _eras(timeline, zones[0])
    if eras:
        document["eras"] = eras
    return document


def _h(value: str) -> str:
    """File text as HTML text: one line, invisibles visible, every markup character escaped."""
    return escape(words.text(value), quote=True)


def date_parts(moment: datetime, zone: str) -> dict[str, Any]:
    """TimelineJS date parts: year, month (1-12), day, hour, minute, second, as numbers."""
    dt = local(moment, zone)
    return {
        "year": dt.year,
        "month": dt.month,
        "day": dt.day,
        "hour": dt.hour,
        "minute": dt.minute,
        "second": dt.second,
    }


def _slide(
    timeline: Timeline, item: TimelineEvent, zones: Sequence[str], locale: str
) -> dict[str, Any] | None:
    when = words.shown(item)
    if when.anchor is None:
        return None
    start = when.start if when.start is not None else when.anchor
    slide: dict[str, Any] = {
        "unique_id": item.id,
        "start_date": date_parts(start, zones[0]),
    }
    # Only an event that lasts (``ends:``) is drawn as a span. A range — a "between", a day
    # without a clock, or sources that disagree — is one instant somewhere in it: TimelineJS
    # would draw it as a span, so it is a point at the range's start, and ``display_date``
    # says the range in words.
    end = _last(item.shown_end) if item.shown_end is not None else None
    if end is not None and end > start:
        slide["end_date"] = date_parts(end, zones[0])
    said = (
        words.display_span(when, item.shown_end, zones, locale)
        if item.shown_end is not None
        else words.display_date(when, zones, locale)
    )
    slide["display_date"] = escape(said, quote=True)
    slide["text"] = {"headline": _h(item.event.title), "text": _slide_text(timeline, item)}
    slide["group"] = item.event.kind.value
    return slide


def _last(when: Shown) -> datetime | None:
    """The latest instant a span's end is shown at (its range's end, else its one instant):
    the slide covers every moment the sources leave open for the end."""
    return when.end if when.end is not None else when.anchor


def _slide_text(timeline: Timeline, item: TimelineEvent) -> str:
    parts = []
    if item.event.actor:
        parts.append(f"<p><em>{_h(item.event.actor)}</em></p>")
    for line in words.disagreement(timeline, item):
        parts.append(f"<p><strong>{escape(line, quote=True)}</strong></p>")
    parts.append(_claim_list(timeline, item.claims))
    if item.end_claims:  # an event that lasts: when it ended, each end claim cited the same way
        parts.append("<p><strong>When it ended:</strong></p>")
        parts.append(_claim_list(timeline, item.end_claims))
    if item.event.note:
        parts.append(f"<p><em>Note: {_h(item.event.note)}</em></p>")
    return "".join(parts)


def _claim_list(timeline: Timeline, resolved: Sequence[ResolvedClaim]) -> str:
    """Each claim with its linked source, time as stated, figure, quote and translation."""
    claims = []
    for claim in resolved:
        name = escape(words.source_name(timeline, claim.source_id), quote=True)
        source = timeline.sources.get(claim.source_id)
        cite = (
            f'<a href="{escape(source.url, quote=True)}">{name}</a>'
            if source and source.url
            else name
        )
        said = [f"<strong>{cite}</strong>", escape(words.claim_time(claim), quote=True)]
        amount = words.figure(claim)
        if amount is not None:
            said.append(escape(amount, quote=True))
        line = " · ".join(said)
        if claim.claim.quote:
            line += f": “{_h(claim.claim.quote)}”"
        if claim.claim.translation:
            line += f" <em>({_h(claim.claim.translation)})</em>"
        claims.append(f"<li>{line}</li>")
    return "<ul>" + "".join(claims) + "</ul>"


def _title(
    timeline: Timeline, untimed: Sequence[TimelineEvent], zones: Sequence[str]
) -> dict[str, Any]:
    incident = timeline.incident
    body = [
        f"<p>{_h(incident.summary)}</p>",
        f"<p>Reconstructed from {len(timeline.sources)} public sources · "
        f"{_h(incident.platform)} · "
        f"times shown in {escape(', '.join(zones), quote=True)}; dates on the axis in "
        f"{escape(zones[0], quote=True)}.</p>",
    ]
    if untimed:
        names = ", ".join(f"“{_h(item.event.title)}”" for item in untimed)
        body.append(f"<p>No source gives a time for: {names}.</p>")
    return {"text": {"headline": _h(incident.title), "text": "".join(body)}}


def _eras(timeline: Timeline, zone: str) -> list[dict[str, Any]]:
    out = []
    for name, first, lasts in PHASES:
        start_item = timeline.moment(first)
        start = None if start_item is None else words.shown(start_item).anchor
        ends = [(item, words.shown(item).anchor) for item in map(timeline.moment, lasts) if item]
        found = next(((item, at) for item, at in ends if at is not None), None)
        if start_item is None or start is None or found is None:
            continue
        end_item, end = found
        if end <= start:
            continue
        out.append(
            {
                "start_date": date_parts(start, zone),
                "end_date": date_parts(end, zone),
                "text": {
                    "headline": escape(name, quote=True),
                    "text": f"{_h(start_item.event.title)} → {_h(end_item.event.title)}",
                },
            }
        )
    return out
