"""The claims as Timesketch imports them: JSONL, or CSV with the same columns.

One row per claim with a time, in reconstruction order (events as the timeline orders them,
each event's claims by the time they name): ``message``; ``datetime``, ISO 8601 in UTC with its
offset: the instant the timeline places the event at, so that Timesketch, which sorts by it,
shows the reconstructed order; ``timestamp_desc``, what that time is: "stated by AP, about"
where it is the time the claim names, else "event time, reconstructed (AP: 20:42 EDT)" — the
claim's own instant is then in ``stated_datetime``; and as extra fields the event, source,
publisher, URL, quote, translation, hedge and the interval the claim became. An event that
lasts also has a row per timed end claim (``ends:``), at the event's end (so among the rows
of that time), its message marked "(end)" and its ``timestamp_desc`` starting "end: ". A claim
with no time has no place on a Timesketch axis; it is left out, and :func:`timesketch_rows`
says how many were.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from schemas.models import TimeKind

from ..cells import guard
from ..timeline import ResolvedClaim, Timeline, TimelineEvent
from . import words

FIELDS = (
    "message",
    "datetime",
    "timestamp_desc",
    "event_id",
    "event_title",
    "event_kind",
    "source_id",
    "publisher",
    "url",
    "quote",
    "translation",
    "hedge",
    "stated",
    "stated_datetime",
    "interval_start",
    "interval_end",
    "disputed",
)


@dataclass(frozen=True)
class Rows:
    rows: list[dict[str, Any]]
    untimed: int  # claims left out: no time given


def iso(moment: datetime | None) -> str:
    """``2024-08-13T00:42:00+00:00``: UTC with its offset; '' for an open side."""
    return "" if moment is None else moment.astimezone(UTC).isoformat()


def timesketch_rows(timeline: Timeline) -> Rows:
    rows: list[dict[str, Any]] = []
    untimed = 0
    for item in timeline.events:
        ends = item.shown_end
        for claims, anchor, end in (
            (item.claims, words.shown(item).anchor, False),
            (item.end_claims, ends.anchor if ends is not None else None, True),
        ):
            timed: list[tuple[datetime, int, ResolvedClaim]] = []
            for index, claim in enumerate(claims):
                # A day without a clock counts as timed: its row sits at the event's time, with
                # its hedge and interval beside it.
                stated = claim.nominal is not None or claim.kind is TimeKind.day
                if not stated or claim.interval is None or anchor is None:
                    untimed += 1
                    continue
                placed = claim.nominal or claim.interval.earliest
                assert placed is not None
                timed.append((placed, index, claim))
            for _, _, claim in sorted(timed, key=lambda t: (t[0], t[1])):
                assert anchor is not None
                rows.append(_row(timeline, item, claim, anchor, end))
    # The start rows already run in time order; an end row goes in at its own time, so the
    # datetimes Timesketch sorts by never go back (a stable sort keeps every tie as it was).
    rows.sort(key=lambda row: str(row["datetime"]))
    return Rows(rows, untimed)


def _row(
    timeline: Timeline,
    item: TimelineEvent,
    claim: ResolvedClaim,
    moment: datetime,
    end: bool,
) -> dict[str, Any]:
    """The row of one claim; ``end``: a claim of when the event ended, at the event's end."""
    title, event_id, disputed = item.event.title, item.id, item.disputed
    source = timeline.sources.get(claim.source_id)
    name = words.source_name(timeline, claim.source_id)
    hedge = words.HEDGE_WORDS[claim.kind]
    quote = words.text(claim.claim.quote) if claim.claim.quote else ""
    message = f"{words.text(title)}{' (end)' if end else ''} — {name}"
    stated_at = claim.nominal
    if stated_at is None and claim.interval is not None:  # a day without a clock: its start
        stated_at = claim.interval.earliest
    if quote:
        message += f": “{quote}”"
    time = claim.claim.time
    assert claim.interval is not None
    return {
        "message": message,
        "datetime": iso(moment),
        "timestamp_desc": ("end: " if end else "")
        + (
            f"stated by {name}" + (f", {hedge}" if hedge else "")
            if stated_at == moment
            else (
                f"{'end' if end else 'event'} time, reconstructed "
                f"({name}: {words.claim_time(claim, with_words=False)})"
            )
        ),
        "event_id": event_id,
        "event_title": words.text(title),
        "event_kind": timeline.by_id[event_id].event.kind.value,
        "source_id": claim.source_id,
        "publisher": words.text(source.publisher) if source else "",
        "url": source.url or "" if source else "",
        "quote": quote,
        "translation": words.text(claim.claim.translation) if claim.claim.translation else "",
        "hedge": claim.kind.value if claim.kind else "",
        "stated": words.claim_time(claim) if time is not None else "",
        "stated_datetime": iso(stated_at),
        "interval_start": iso(claim.interval.earliest),
        "interval_end": iso(claim.interval.latest),
        "disputed": disputed,
    }


def render_jsonl(rows: Rows) -> str:
    """One JSON object a line, keys in :data:`FIELDS` order."""
    return "".join(
        json.dumps({k: row[k] for k in FIELDS}, ensure_ascii=False) + "\n" for row in rows.rows
    )


def render_csv(rows: Rows) -> str:
    """The same rows as CSV (a header, ``\\r\\n`` line ends as RFC 4180 has them); every cell
    that a spreadsheet would run as a formula is neutralised."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(FIELDS)
    for row in rows.rows:
        writer.writerow([guard(_cell(row[k])) for k in FIELDS])
    return out.getvalue()


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
