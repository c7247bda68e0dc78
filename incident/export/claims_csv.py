"""The claims spreadsheet: one row per claim, the columns ``incident import`` reads.

A newsroom collects claims in a spreadsheet before anyone writes YAML; this is that sheet,
written from an incident so the two can go back and forth. Rows follow the file (events in file
order, each event's claims in order, then its end claims, ``yes`` in their ``ends`` column).
Event and source columns repeat on every row of their event or source, so a row can be sorted or
filtered and still say what it is about. A wall time written without a zone gets the incident's
``source_zone`` in the ``zone`` column: the row then says in which zone its time is read, on its
own. Every cell is guarded against formula injection (:mod:`.cells`).

Claimed causes are not rows: the sheet holds what sources say about events.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from schemas.models import Claim, Event, Incident, Source

from ..cells import guard
from ..claim_columns import (
    CLAIM_FIELDS_IN_COLUMNS,
    COLUMNS,
    END_MARK,
    SOURCE_COLUMNS,
    SOURCE_FIELDS,
)


def number(value: float) -> str:
    """``1300000`` for a whole number, ``20.1`` otherwise: as a person would type it."""
    return str(int(value)) if value.is_integer() else repr(value)


def render_claims_csv(incident: Incident) -> str:
    """The sheet as CSV text (header first; ``\\r\\n`` line ends as RFC 4180 has them)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    sources = {s.id: s for s in incident.sources}
    moments: dict[str, list[str]] = {}
    for name, event_id in incident.key_moments.model_dump().items():
        if event_id is not None:
            moments.setdefault(event_id, []).append(name)
    for event in incident.events:
        rows = [(claim, "") for claim in event.claims] + [(c, END_MARK) for c in event.ends]
        for claim, end in rows:
            row = _event_cells(event, moments.get(event.id, []))
            row.update(_source_cells(sources.get(claim.source), claim.source))
            row.update(_claim_cells(claim, incident.source_zone))
            row["ends"] = end
            writer.writerow([guard(row.get(c, "")) for c in COLUMNS])
    return out.getvalue()


def _event_cells(event: Event, moments: list[str]) -> dict[str, str]:
    return {
        "event": event.id,
        "title": event.title,
        "kind": event.kind.value,
        "actor": event.actor or "",
        "tags": ", ".join(event.tags),
        "key_moment": ", ".join(moments),
        "event_note": event.note or "",
    }


def _source_cells(source: Source | None, source_id: str) -> dict[str, str]:
    if source is None:
        return {"source": source_id}
    data = source.model_dump()
    return {column: str(data[SOURCE_FIELDS.get(column, column)] or "") for column in SOURCE_COLUMNS}


def _claim_cells(claim: Claim, source_zone: str | None) -> dict[str, str]:
    text: Callable[[str | None], str] = lambda v: v or ""  # noqa: E731
    cells = {
        "quote": text(claim.quote),
        "translation": text(claim.translation),
        "stance": claim.stance.value if claim.stance else "",
        "note": text(claim.note),
    }
    time = claim.time
    if time is not None:
        zone = time.zone
        if zone is None and time.at is not None:
            zone = source_zone
        cells.update(
            {
                "hedge": time.kind.value,
                "time": text(time.at),
                "until": text(time.until),
                "on": text(time.on),
                "part": time.part.value if time.part else "",
                "zone": text(zone),
                "margin": text(time.margin),
                "relative_to": text(time.relative_to),
                "relative_source": text(time.relative_source),
                "offset": text(time.offset),
                "until_offset": text(time.until_offset),
                "stated": text(time.stated),
            }
        )
    extra = extra_fields(claim)
    if extra:
        cells["extra"] = json.dumps(extra, ensure_ascii=False, separators=(", ", ": "))
    value = claim.value
    if value is not None:
        cells.update(
            {
                "figure": number(value.amount),
                "unit": value.unit,
                "bound": value.bound.value,
                "counts": value.counts.value if value.counts else "",
                "figure_stated": text(value.stated),
            }
        )
    return cells


def extra_fields(claim: Claim) -> dict[str, Any]:
    """What the claim says beyond the columns (fields at their defaults left out)."""
    data = claim.model_dump(mode="json", exclude_defaults=True)
    out: dict[str, Any] = {}
    for name, value in data.items():
        held = CLAIM_FIELDS_IN_COLUMNS.get(name, frozenset())
        if name in CLAIM_FIELDS_IN_COLUMNS and held is None:
            continue
        if isinstance(value, dict) and held:
            rest = {k: v for k, v in value.items() if k not in held}
            if rest:
                out[name] = rest
        elif name not in CLAIM_FIELDS_IN_COLUMNS:
            out[name] = value
    return out
