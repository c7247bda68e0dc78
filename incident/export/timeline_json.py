"""``incident export --format json``: the reconstructed timeline for programs.

Fills :class:`schemas.timeline_doc.TimelineDocument` from the :class:`Timeline` — every figure
is the reconstruction's, never worked out again here — and writes it with a stable key order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from schemas.timeline_doc import (
    CountDoc,
    DiscrepancyDoc,
    DurationDoc,
    EventDoc,
    IncidentDoc,
    LocalTime,
    ResolvedClaimDoc,
    Span,
    TimelineDocument,
)

from ..durations import DerivedDuration
from ..formatting import local, shown_clock
from ..hedged import CountFigure
from ..timeline import Interval, ResolvedClaim, Timeline, TimelineEvent
from . import words
from .timesketch import iso


def render_timeline_json(timeline: Timeline, zones: Sequence[str]) -> str:
    # pydantic writes the fields in declared order, as UTF-8 (not \u-escaped), much faster
    # than json.dumps with an indent.
    return timeline_document(timeline, zones).model_dump_json(indent=2) + "\n"


def timeline_document(timeline: Timeline, zones: Sequence[str]) -> TimelineDocument:
    zones = tuple(zones) or ("UTC",)
    incident = timeline.incident
    moments = {k: v for k, v in incident.key_moments.model_dump().items() if v is not None}
    return TimelineDocument(
        incident=IncidentDoc(
            id=incident.id,
            title=incident.title,
            summary=incident.summary,
            platform=incident.platform,
            date=incident.date,
            source_zone=timeline.source_zone,
            display_zones=list(zones),
        ),
        scheduled_start=iso(timeline.scheduled_start) or None,
        key_moments=moments,
        durations=[_duration(d) for d in timeline.durations],
        counts=[c for c in (_count("peak_audience", timeline.peak_audience),) if c is not None],
        events=[_event(item, zones) for item in timeline.events],
        discrepancy_count=len(timeline.discrepancies),
        sources=list(incident.sources),
        causes=list(incident.causes),
    )


def _span(interval: Interval | None) -> Span | None:
    if interval is None:
        return None
    return Span(
        earliest=iso(interval.earliest) or None,
        latest=iso(interval.latest) or None,
        approximate=interval.approximate,
    )


def _local(item: TimelineEvent, zone: str) -> LocalTime:
    interval = item.interval
    earliest = latest = None
    if interval is not None and interval.earliest is not None:
        earliest = local(interval.earliest, zone).isoformat()
    if interval is not None and interval.latest is not None:
        latest = local(interval.latest, zone).isoformat()
    shown = words.shown(item)
    text = shown_clock(shown, zone, "en", with_day=False, abbr=True)
    return LocalTime(zone=zone, earliest=earliest, latest=latest, shown=text)


def _seconds(delta: timedelta | None) -> int | None:
    return None if delta is None else int(delta.total_seconds())


def _event(item: TimelineEvent, zones: Sequence[str]) -> EventDoc:
    index = {id(c): n for n, c in enumerate((*item.claims, *item.end_claims))}
    event = item.event
    return EventDoc(
        id=event.id,
        title=event.title,
        kind=event.kind.value,
        actor=event.actor,
        tags=list(event.tags),
        note=event.note,
        file_position=item.position,
        mark=words.shown(item).mark,
        interval=_span(item.interval),
        local=[_local(item, zone) for zone in zones],
        since_start_seconds=(
            None
            if item.since_start is None
            else [_seconds(item.since_start[0]), _seconds(item.since_start[1])]
        ),
        claims=[_claim(c) for c in item.claims],
        end_claims=[_claim(c) for c in item.end_claims],
        discrepancies=[
            DiscrepancyDoc(
                aspect=d.aspect,
                kind=d.kind.value,
                sources=list(d.source_ids),
                claims=[index[id(c)] for c in d.claims],
            )
            for d in item.discrepancies
        ],
    )


def _claim(claim: ResolvedClaim) -> ResolvedClaimDoc:
    c = claim.claim
    values = claim.values
    return ResolvedClaimDoc(
        source=c.source,
        quote=c.quote,
        translation=c.translation,
        stance=c.stance.value if c.stance else None,
        note=c.note,
        time=c.time,
        stated=words.claim_time(claim) if c.time is not None else "no time given",
        nominal=iso(claim.nominal) or None,
        zone=claim.zone,
        interval=_span(claim.interval),
        value=c.value,
        value_range=None if values is None else [values.low, values.high],
    )


def _duration(derived: DerivedDuration) -> DurationDoc:
    figure = derived.figure
    return DurationDoc(
        name=derived.name.value,
        label=derived.label,
        start=derived.start,
        end=derived.end,
        low_seconds=_seconds(figure.low.value),
        low_bound=figure.low.bound.value,
        high_seconds=_seconds(figure.high.value),
        high_bound=figure.high.bound.value,
        sources=_source_ids(figure.claims),
        stated_by=_source_ids(derived.stated),
        contradicted_by=_source_ids(derived.contradicted_by),
    )


def _source_ids(claims: Sequence[ResolvedClaim]) -> list[str]:
    return list(dict.fromkeys(c.source_id for c in claims))


def _count(name: str, figure: CountFigure | None) -> CountDoc | None:
    if figure is None:
        return None
    return CountDoc(
        name=name,
        low=figure.low.value,
        low_bound=figure.low.bound.value,
        high=figure.high.value,
        high_bound=figure.high.bound.value,
        unit=figure.unit,
        sources=_source_ids(figure.claims),
    )
