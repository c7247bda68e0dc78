"""Reconstruction: from a validated incident to an ordered timeline with intervals,
discrepancies and derived figures. Pure functions; every view reads the result.

- Each claim's time becomes an interval on the UTC line, [earliest, latest]; an open side is
  ``None`` ("shortly after 8:20" with no window has no latest).
- An event's interval is the intersection of its claims' intervals when they overlap (the
  sources agree, so together they say more), else their hull; and a discrepancy says who said what.
- Figures (delay to start, peak audience) are computed from claims, never typed in twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

from schemas.models import (
    Bound,
    Cause,
    Claim,
    ClaimValue,
    Counts,
    Event,
    Incident,
    KeyMoments,
    Source,
    TimeKind,
)
from schemas.timespec import (
    MAX_YEAR,
    MIN_YEAR,
    TimeError,
    in_time_range,
    parse_duration,
    place_day,
    place_time,
)
from schemas.zones import UnknownZoneError, resolve_label

from .hedged import TIME_KIND_BOUND, CountFigure, DurationFigure, hedged_range
from .impact import counts_of
from .marks import NO_EVIDENCE, Evidence, unchecked
from .relations import placement_order

if TYPE_CHECKING:
    from .durations import DerivedDuration

DEFAULT_ABOUT = timedelta(minutes=5)
ABOUT_VALUE = 0.10  # "about 1.3 million" is read as ±10 %


@dataclass(frozen=True)
class Interval:
    """A span on the UTC line; an open side is None.

    ``approximate`` marks a span that is a single instant only by coincidence: two fuzzy claims
    ("about 20 minutes", "almost 30 minutes") can meet in one minute that no source named.
    """

    earliest: datetime | None
    latest: datetime | None
    approximate: bool = False

    @property
    def is_point(self) -> bool:
        """A single instant that a source stated exactly."""
        return self.earliest is not None and self.earliest == self.latest and not self.approximate

    @property
    def anchor(self) -> datetime | None:
        """The one instant that best stands for the span (for ordering and display)."""
        if self.earliest is not None and self.latest is not None:
            return self.earliest + (self.latest - self.earliest) / 2
        return self.earliest if self.earliest is not None else self.latest

    def shift(self, delta: timedelta) -> Interval:
        return Interval(
            None if self.earliest is None else self.earliest + delta,
            None if self.latest is None else self.latest + delta,
            self.approximate,
        )

    def overlaps(self, other: Interval) -> bool:
        return self.intersect(other) is not None

    def intersect(self, other: Interval) -> Interval | None:
        lo = _max_opt(self.earliest, other.earliest)
        hi = _min_opt(self.latest, other.latest)
        if lo is not None and hi is not None and lo > hi:
            return None
        return Interval(lo, hi, self.approximate and other.approximate)

    def hull(self, other: Interval) -> Interval:
        """The span from the first to the last instant either one names.

        Open sides are left out: one "more than 20 minutes after" among bounded claims does not
        make the whole event unbounded, and its own bound still counts.
        """
        ends = [
            x for x in (self.earliest, self.latest, other.earliest, other.latest) if x is not None
        ]
        if not ends:
            return Interval(None, None, True)
        return Interval(min(ends), max(ends), self.approximate or other.approximate)


def _max_opt(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None:
        return b
    return a if b is None else max(a, b)


def _min_opt(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None:
        return b
    return a if b is None else min(a, b)


@dataclass(frozen=True)
class ValueRange:
    low: float | None
    high: float | None
    open_low: bool = False  # "more than": the low end itself is excluded
    open_high: bool = False  # "less than": the high end itself is excluded

    def overlaps(self, other: ValueRange) -> bool:
        """Whether one number could satisfy both: "more than 1M" and "exactly 1M" cannot,
        "at least 1M" and "exactly 1M" can."""
        lows = [(r.low, r.open_low) for r in (self, other) if r.low is not None]
        highs = [(r.high, r.open_high) for r in (self, other) if r.high is not None]
        if not lows or not highs:
            return True
        lo = max(v for v, _ in lows)
        hi = min(v for v, _ in highs)
        if lo != hi:
            return lo < hi
        # One shared end value: both sides must include it.
        excluded = any(o for v, o in lows if v == lo) or any(o for v, o in highs if v == hi)
        return not excluded


def value_range(amount: float, bound: Bound) -> ValueRange:
    match bound:
        case Bound.exact:
            return ValueRange(amount, amount)
        case Bound.about:
            return ValueRange(amount * (1 - ABOUT_VALUE), amount * (1 + ABOUT_VALUE))
        case Bound.at_least:
            return ValueRange(amount, None)
        case Bound.more_than:
            return ValueRange(amount, None, open_low=True)
        case Bound.at_most:
            return ValueRange(None, amount)
        case Bound.less_than:
            return ValueRange(None, amount, open_high=True)
    raise AssertionError(bound)


@dataclass(frozen=True)
class ResolvedClaim:
    """One claim with its time placed on the line and its number read as a range."""

    claim: Claim
    source: Source | None
    interval: Interval | None
    nominal: datetime | None  # the instant the source names ("8:42", "about 9:40")
    zone: str | None  # IANA zone the source's clock is read in
    label: str | None  # the zone as the source wrote it
    values: ValueRange | None
    warning: str | None = None

    @property
    def source_id(self) -> str:
        return self.claim.source

    @property
    def kind(self) -> TimeKind | None:
        return None if self.claim.time is None else self.claim.time.kind


class DiscrepancyKind(StrEnum):
    """How sources disagree about one event."""

    conflict = "conflict"  # the claims cannot all be true
    variance = "variance"  # the claims overlap but name different figures


@dataclass(frozen=True)
class Discrepancy:
    """Sources that disagree about one event's time or number."""

    event_id: str
    aspect: str  # "time" or "value"
    kind: DiscrepancyKind
    claims: tuple[ResolvedClaim, ...]

    @cached_property  # asked for by every row, citation and count: 20,000 claims a time
    def source_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.source_id for c in self.claims))


@dataclass(frozen=True)
class TimelineEvent:
    event: Event
    position: int  # index in the file
    claims: tuple[ResolvedClaim, ...]
    interval: Interval | None
    since_start: tuple[timedelta | None, timedelta | None] | None
    discrepancies: tuple[Discrepancy, ...]
    end_claims: tuple[ResolvedClaim, ...] = ()  # an event that lasts: when it ended
    end: Interval | None = None

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def is_span(self) -> bool:
        """An event that starts and ends, each end cited (not an uncertain instant)."""
        return bool(self.event.ends)

    @property
    def shown(self) -> Shown:
        return shown_time(self.interval, self.claims)

    @property
    def shown_end(self) -> Shown | None:
        """How a span's end is shown (None for an event that does not last)."""
        return shown_time(self.end, self.end_claims) if self.is_span else None

    @cached_property  # asked for by every row, citation and count: 20,000 claims a time
    def source_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.source_id for c in (*self.claims, *self.end_claims)))

    @property
    def disputed(self) -> bool:
        return bool(self.discrepancies)


@dataclass(frozen=True)
class MetricPoint:
    """A number claimed at a time: one point (or range) of a chart of its unit."""

    event_id: str
    claim: ResolvedClaim
    when: Interval | None
    unit: str
    counts: Counts = Counts.other  # what it counts: audience, affected, reports…


@dataclass(frozen=True)
class Timeline:
    incident: Incident
    events: tuple[TimelineEvent, ...]
    sources: dict[str, Source]
    scheduled_start: datetime | None
    delay: DurationFigure | None  # from the scheduled to the actual start
    peak_audience: CountFigure | None
    metrics: tuple[MetricPoint, ...]
    source_usage: dict[str, tuple[str, ...]]
    display_zones: tuple[str, ...]
    source_zone: str | None
    by_id: dict[str, TimelineEvent] = field(repr=False)
    evidence: Evidence = field(default=NO_EVIDENCE, repr=False)  # quotes vs stored copies
    origin: datetime | None = None  # T+0
    origin_name: str = ""  # what T+0 is, for the reader: "the scheduled start"
    origin_event: str | None = None  # the event T+0 is taken from
    durations: tuple[DerivedDuration, ...] = ()  # time to detect, mitigate…, and spans

    def duration(self, name: str, event_id: str | None = None) -> DerivedDuration | None:
        """A derived duration by name (``time_to_mitigate``), or an event's own ``span``."""
        for d in self.durations:
            if d.name == name and (event_id is None or d.start == event_id):
                return d
        return None

    @property
    def causes(self) -> tuple[Cause, ...]:
        return tuple(self.incident.causes)

    @property
    def discrepancies(self) -> tuple[Discrepancy, ...]:
        return tuple(d for e in self.events for d in e.discrepancies)

    def moment(self, name: str) -> TimelineEvent | None:
        moments = self.incident.key_moments
        event_id = getattr(moments, name, None)
        if name in ("end", "resolved"):
            event_id = moments.end or moments.resolved
        return None if event_id is None else self.by_id.get(event_id)

    def resolved_cause_claims(self, cause: Cause) -> tuple[ResolvedClaim, ...]:
        return tuple(
            ResolvedClaim(c, self.sources.get(c.source), None, None, None, None, None)
            for c in cause.claims
        )


class ReconstructionError(ValueError):
    """The incident was not validated first (a time that cannot be placed)."""


@dataclass(frozen=True)
class OutOfRange:
    """A relative time that lands outside the years a written time may have."""

    event_id: str
    claim_index: int
    message: str


class _Resolver:
    """Places every claim of an incident, following relative times to the events they name."""

    def __init__(self, incident: Incident) -> None:
        self.sources = {s.id: s for s in incident.sources}
        self.aliases = incident.aliases
        self.default_zone = _zone_or_none(incident.source_zone, self.aliases)
        self.events = {e.id: e for e in incident.events}
        self.intervals: dict[str, Interval | None] = {}
        self.claims: dict[str, tuple[ResolvedClaim, ...]] = {}
        self.out_of_range: list[OutOfRange] = []
        self.end_claims: dict[str, tuple[ResolvedClaim, ...]] = {}
        self._visiting: set[str] = set()

    def event(self, event: Event) -> Interval | None:
        if event.id in self.intervals:
            return self.intervals[event.id]
        if event.id in self._visiting:
            raise ReconstructionError("times relative to each other in a loop: " + event.id)
        self._visiting.add(event.id)
        claims = tuple(self.claim(c, event.id, i) for i, c in enumerate(event.claims))
        self._visiting.discard(event.id)
        self.claims[event.id] = claims
        self.intervals[event.id] = _combine(c.interval for c in claims)
        if event.ends:
            self.end_claims[event.id] = tuple(self.claim(c) for c in event.ends)
        return self.intervals[event.id]

    def claim(self, claim: Claim, event_id: str = "", index: int = 0) -> ResolvedClaim:
        values = None if claim.value is None else value_range(claim.value.amount, claim.value.bound)
        time = claim.time
        source = self.sources.get(claim.source)
        if time is None or time.kind is TimeKind.unknown:
            return ResolvedClaim(claim, source, None, None, None, None, values)
        if time.kind is TimeKind.day:
            assert time.on is not None
            try:
                day = place_day(time.on, time.part, time.zone, self.default_zone, self.aliases)
            except TimeError as exc:
                raise ReconstructionError(exc.message) from None
            interval = Interval(day.start, day.end)
            return ResolvedClaim(claim, source, interval, None, day.zone, day.label, values)
        margin = parse_duration(time.margin) if time.margin else None
        if time.relative_to is not None:
            base = self._base(time.relative_to, time.relative_source)
            if base is None:
                return ResolvedClaim(claim, source, None, None, None, None, values)
            assert time.offset is not None
            try:
                point = base.shift(parse_duration(time.offset))
                end = base.shift(parse_duration(time.until_offset)) if time.until_offset else None
                interval = _widen(time.kind, point, end, margin)
                _check_range(interval)
            except (OverflowError, _Beyond) as exc:
                # A chain of offsets can run past any year a time may have: such a claim is
                # not placed (and validate reports it); what is measured from it is not either.
                year = exc.year if isinstance(exc, _Beyond) else None
                self.out_of_range.append(OutOfRange(event_id, index, _beyond_message(year)))
                return ResolvedClaim(claim, source, None, None, None, None, values)
            return ResolvedClaim(
                claim, source, interval, point.anchor, self.default_zone, None, values
            )
        assert time.at is not None
        try:
            placed = place_time(time.at, time.zone, self.default_zone, self.aliases)
            until = (
                place_time(time.until, time.zone, self.default_zone, self.aliases)
                if time.until
                else None
            )
        except TimeError as exc:
            raise ReconstructionError(exc.message) from None
        point = Interval(placed.utc, placed.utc)
        end = Interval(until.utc, until.utc) if until is not None else None
        interval = _widen(time.kind, point, end, margin)
        return ResolvedClaim(
            claim, source, interval, placed.utc, placed.zone, placed.label, values, placed.warning
        )

    def _base(self, event_id: str, source_id: str | None) -> Interval | None:
        """The time a relative claim is measured from: the event's, or one source's view of it."""
        target = self.events.get(event_id)
        if target is None:
            return None
        interval = self.event(target)
        if source_id is None:
            return interval
        return _combine(c.interval for c in self.claims[event_id] if c.source_id == source_id)


class _Beyond(Exception):
    def __init__(self, year: int) -> None:
        super().__init__(year)
        self.year = year


def _check_range(interval: Interval) -> None:
    for end in (interval.earliest, interval.latest):
        if end is not None and not in_time_range(end):
            raise _Beyond(end.year)


def _beyond_message(year: int | None) -> str:
    where = f"year {year}" if year is not None else "a year no calendar holds"
    return (
        f"measured through its chain of relative times, this time lands in {where}, "
        f"outside {MIN_YEAR}..{MAX_YEAR}"
    )


def relative_time_problems(incident: Incident) -> list[OutOfRange]:
    """Relative times that land outside the years a time may have, followed through every
    chain: what validate must refuse, since no view could place or show them.

    Only events with relative times, and the events they are measured from, are placed.
    """
    order, loops = placement_order(incident)
    if loops:
        return []  # reported as relative-cycle
    resolver = _Resolver(incident)
    needed: set[str] = set()
    pending = [
        e.id
        for e in incident.events
        if any(c.time is not None and c.time.relative_to is not None for c in e.claims)
    ]
    while pending:
        event_id = pending.pop()
        if event_id in needed or event_id not in resolver.events:
            continue
        needed.add(event_id)
        for claim in resolver.events[event_id].claims:
            if claim.time is not None and claim.time.relative_to is not None:
                pending.append(claim.time.relative_to)
    for event_id in order:  # targets first: no deep recursion
        if event_id in needed:
            try:
                resolver.event(resolver.events[event_id])
            except ReconstructionError:
                return []  # an absolute time that cannot be placed: reported by its own check
    return resolver.out_of_range


@dataclass(frozen=True)
class BackwardSpan:
    """An end claim of an event that lasts, placed wholly before the event's start."""

    event_index: int
    end_index: int
    message: str


def backward_spans(incident: Incident) -> list[BackwardSpan]:
    """End claims (``ends:``) that put an event's end before its start: what validate must
    refuse, since a span cannot run backwards ("21:00 → 20:00")."""
    if not any(e.ends for e in incident.events):
        return []
    order, loops = placement_order(incident)
    if loops:
        return []  # reported as relative-cycle
    resolver = _Resolver(incident)
    try:
        for event_id in order:
            resolver.event(resolver.events[event_id])
    except ReconstructionError:
        return []  # a time that cannot be placed: reported by its own check
    found: list[BackwardSpan] = []
    for index, event in enumerate(incident.events):
        start = resolver.intervals.get(event.id)
        if not event.ends or start is None or start.earliest is None:
            continue
        for end_index, claim in enumerate(resolver.end_claims.get(event.id, ())):
            end = claim.interval
            if end is not None and end.latest is not None and end.latest < start.earliest:
                found.append(
                    BackwardSpan(
                        index,
                        end_index,
                        f"the end ({end.latest:%Y-%m-%d %H:%M} UTC at the latest) is before the "
                        f"start ({start.earliest:%Y-%m-%d %H:%M} UTC at the earliest): a span "
                        "ends after it begins",
                    )
                )
    return found


def reconstruct(incident: Incident, evidence: Evidence | None = None) -> Timeline:
    """Build the timeline of a validated incident.

    ``evidence`` is what checking its quotes against stored copies found (validate's
    ``FileResult.evidence``); the views read each claim's mark from the timeline. Without
    it every quote is unchecked.
    """
    resolver = _Resolver(incident)
    order, loops = placement_order(incident)
    if loops:
        raise ReconstructionError("times relative to each other in a loop: " + " → ".join(loops[0]))
    for event_id in order:  # targets first, so placing an event never recurses deeply
        resolver.event(resolver.events[event_id])
    if resolver.out_of_range:
        first = resolver.out_of_range[0]
        raise ReconstructionError(f"event {first.event_id!r}: {first.message}")
    sources = resolver.sources
    default_zone = resolver.default_zone
    intervals = resolver.intervals
    resolved = resolver.claims

    start_id = incident.key_moments.scheduled_start
    start_interval = intervals.get(start_id) if start_id else None
    scheduled = start_interval.anchor if start_interval is not None else None
    origin, origin_name, origin_event = _origin(incident, intervals, resolved)

    built: list[TimelineEvent] = []
    for position, event in enumerate(incident.events):
        interval = intervals[event.id]
        since: tuple[timedelta | None, timedelta | None] | None = None
        if origin is not None and interval is not None:
            since = (
                None if interval.earliest is None else interval.earliest - origin,
                None if interval.latest is None else interval.latest - origin,
            )
        claims = resolved[event.id]
        ends = resolver.end_claims.get(event.id, ())
        found = list(_discrepancies(event.id, claims))
        if ends:
            found.extend(
                Discrepancy(d.event_id, "time", d.kind, d.claims)
                for d in _discrepancies(event.id, ends)
            )
        built.append(
            TimelineEvent(
                event,
                position,
                claims,
                interval,
                since,
                tuple(found),
                ends,
                _combine(c.interval for c in ends) if ends else None,
            )
        )
    from .durations import derive  # reads this module's types

    moments = incident.key_moments.model_dump()
    moments["end"] = moments["end"] or moments["resolved"]
    delay = _delay(incident, {e.id: e for e in built}, scheduled)
    durations, contradicted = derive(moments, {e.id: e for e in built}, delay)
    if contradicted:
        built = [
            replace(e, discrepancies=(*e.discrepancies, *contradicted.get(e.id, ()))) for e in built
        ]
    ordered = _order(built)
    by_id = {e.id: e for e in ordered}

    usage: dict[str, list[str]] = {s: [] for s in sources}
    for item in ordered:
        for source_id in item.source_ids:
            usage.setdefault(source_id, []).append(item.id)
    for cause in incident.causes:
        for claim in cause.claims:
            usage.setdefault(claim.source, [])

    metrics = tuple(_metrics(ordered))
    return Timeline(
        incident=incident,
        events=tuple(ordered),
        sources=sources,
        scheduled_start=scheduled,
        delay=delay,
        peak_audience=_peak(incident, by_id),
        metrics=metrics,
        source_usage={k: tuple(v) for k, v in usage.items()},
        display_zones=tuple(
            z for z in (_zone_or_none(z, incident.aliases) for z in incident.display_zones) if z
        ),
        source_zone=default_zone,
        by_id=by_id,
        evidence=evidence if evidence is not None else unchecked(incident),
        origin=origin,
        origin_name=origin_name,
        origin_event=origin_event,
        durations=durations,
    )


_MOMENT_WORDS = {
    "scheduled_start": "the scheduled start",
    "first_trouble": "the first trouble (impact start)",
    "detected": "detection",
    "acknowledged": "the acknowledgement",
    "actual_start": "the actual start",
    "peak_audience": "the peak audience",
    "mitigated": "mitigation",
    "end": "the end (resolved)",
    "resolved": "the end (resolved)",
}


def moment_words(name: str) -> str:
    """How the reader is told which moment something counts from: 'the scheduled start'."""
    return _MOMENT_WORDS.get(name, name.replace("_", " "))


def _origin(
    incident: Incident,
    intervals: dict[str, Interval | None],
    claims: dict[str, tuple[ResolvedClaim, ...]],
) -> tuple[datetime | None, str, str | None]:
    """T+0: the moment ``t0`` names, else the scheduled start, else the first trouble, else the
    first timed event; with words that tell the reader which it is."""

    def anchor(event_id: str | None) -> datetime | None:
        if event_id is None or event_id not in claims:
            return None
        return shown_time(intervals.get(event_id), claims[event_id]).anchor

    moments = incident.key_moments
    t0 = moments.t0
    if t0 is not None:
        if t0 in KeyMoments.model_fields:
            event_id = getattr(moments, t0)
            return anchor(event_id), moment_words(t0), event_id
        title = next((e.title for e in incident.events if e.id == t0), t0)
        return anchor(t0), f"“{title}”", t0
    for name in ("scheduled_start", "first_trouble"):
        event_id = getattr(moments, name)
        at = anchor(event_id)
        if at is not None:
            return at, moment_words(name), event_id
    first: tuple[datetime, str] | None = None
    for event in incident.events:
        at = anchor(event.id)
        if at is not None and (first is None or at < first[0]):
            first = (at, event.id)
    if first is None:
        return None, "", None
    title = next(e.title for e in incident.events if e.id == first[1])
    return first[0], f"the first timed event, “{title}”", first[1]


def _zone_or_none(label: str | None, aliases: tuple[tuple[str, str], ...] = ()) -> str | None:
    if label is None:
        return None
    try:
        return resolve_label(label, aliases).zone
    except UnknownZoneError:
        return None


def _widen(
    kind: TimeKind, point: Interval, end: Interval | None, margin: timedelta | None
) -> Interval:
    match kind:
        case TimeKind.exact:
            return point
        case TimeKind.about:
            m = margin if margin is not None else DEFAULT_ABOUT
            return Interval(
                None if point.earliest is None else point.earliest - m,
                None if point.latest is None else point.latest + m,
            )
        case TimeKind.after:
            hi = None if margin is None or point.latest is None else point.latest + margin
            return Interval(point.earliest, hi)
        case TimeKind.before:
            lo = None if margin is None or point.earliest is None else point.earliest - margin
            return Interval(lo, point.latest)
        case TimeKind.between:
            assert end is not None
            return Interval(point.earliest, end.latest)
        case _:
            return point


def _combine(intervals: Iterable[Interval | None]) -> Interval | None:
    """Where the claims overlap, what they say together; where they don't, the span they cover."""
    known = [i for i in intervals if i is not None]
    if not known:
        return None
    stated_exactly = any(i.is_point for i in known)
    together: Interval | None = known[0]
    for item in known[1:]:
        together = together.intersect(item) if together is not None else None
    if together is None:
        together = known[0]
        for item in known[1:]:
            together = together.hull(item)
    if together.earliest is not None and together.earliest == together.latest:
        return Interval(together.earliest, together.latest, approximate=not stated_exactly)
    return together


def _discrepancies(event_id: str, claims: Sequence[ResolvedClaim]) -> Iterable[Discrepancy]:
    timed = [(c, c.interval) for c in claims if c.interval is not None]
    if len(timed) > 1:
        conflict = not _all_overlap_times([interval for _, interval in timed])
        nominals = {_minute(c.nominal) for c, _ in timed if c.nominal is not None}
        group = tuple(c for c, _ in timed)
        if conflict:
            yield Discrepancy(event_id, "time", DiscrepancyKind.conflict, group)
        elif len(nominals) > 1:
            yield Discrepancy(event_id, "time", DiscrepancyKind.variance, group)
    by_unit: dict[str, list[tuple[ResolvedClaim, ValueRange, ClaimValue]]] = {}
    for c in claims:
        if c.values is not None and c.claim.value is not None:
            by_unit.setdefault(c.claim.value.unit, []).append((c, c.values, c.claim.value))
    for counted in by_unit.values():
        if len(counted) < 2:
            continue
        conflict = not _all_overlap_values([values for _, values, _ in counted])
        figures = {(value.amount, value.bound) for _, _, value in counted}
        group = tuple(c for c, _, _ in counted)
        if conflict:
            yield Discrepancy(event_id, "value", DiscrepancyKind.conflict, group)
        elif len(figures) > 1:
            yield Discrepancy(event_id, "value", DiscrepancyKind.variance, group)


# Whether every pair of claims overlaps, in linear time. Intervals on a line overlap pairwise
# exactly when the one that starts last overlaps the one that ends first (Helly's theorem in one
# dimension), so only that pair is compared, with the intervals' own ``overlaps``. Among equal
# ends an open one is taken, since it is the one that can miss. An event with 20,000 claims
# costs 20,000 steps, not 200 million comparisons.


def _all_overlap_times(intervals: Sequence[Interval]) -> bool:
    starts = [i for i in intervals if i.earliest is not None]
    ends = [i for i in intervals if i.latest is not None]
    if not starts or not ends:
        return True  # every claim is open on that side: nothing can miss
    last_start = max(starts, key=lambda i: i.earliest)  # type: ignore[arg-type, return-value]
    first_end = min(ends, key=lambda i: i.latest)  # type: ignore[arg-type, return-value]
    return last_start.overlaps(first_end)


def _all_overlap_values(ranges: Sequence[ValueRange]) -> bool:
    lows = [r for r in ranges if r.low is not None]
    highs = [r for r in ranges if r.high is not None]
    if not lows or not highs:
        return True
    last_low = max(lows, key=lambda r: (r.low, r.open_low))
    first_high = min(highs, key=lambda r: (r.high, not r.open_high))
    return last_low.overlaps(first_high)


def _minute(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.replace(second=0, microsecond=0)


@dataclass(frozen=True)
class Shown:
    """How an event's time is shown: the mark and the instant(s) it is shown with.

    ``""`` one instant · ``~`` about (the instant the sources name) · ``>`` after ·
    ``<`` before · ``–`` a range (a "between", or sources that disagree) · ``?`` no time.
    A range is never collapsed to a middle no source named.
    """

    mark: str
    start: datetime | None
    end: datetime | None
    day: DayWords | None = None  # mark "d": a day or part of one that a source named, no clock

    @property
    def anchor(self) -> datetime | None:
        return self.start if self.start is not None else self.end


@dataclass(frozen=True)
class DayWords:
    """A day without a clock as its source named it: 2024-07-20, night, in PT."""

    on: str  # YYYY-MM-DD in ``zone``
    part: str  # day, morning, night…
    zone: str  # IANA
    label: str  # as written


def shown_time(interval: Interval | None, claims: Sequence[ResolvedClaim]) -> Shown:
    """How to show an event's reconstructed ``interval``, given the claims behind it.

    One exact instant stays exact; claims that all say "about" the same instant show that
    instant with ``~``; claims that are all "after" (or all "before") show their bound; anything
    else with both ends is the range itself. The app and the export both show times this way.
    """
    if interval is None or (interval.earliest is None and interval.latest is None):
        return Shown("?", None, None)
    lo, hi = interval.earliest, interval.latest
    days = {
        (c.claim.time.on, c.claim.time.part or "day", c.zone, c.label)
        for c in claims
        if c.interval is not None and c.claim.time is not None and c.kind is TimeKind.day
    }
    if len(days) == 1 and all(c.kind is TimeKind.day for c in claims if c.interval is not None):
        on, part, zone, label = next(iter(days))
        if on is not None and zone is not None:
            return Shown("d", lo, hi, DayWords(on, str(part), zone, label or zone))
    if interval.is_point:
        return Shown("", lo, hi)
    if lo is not None and lo == hi:
        return Shown("~", lo, hi)  # fuzzy claims that meet in an instant no source named
    if hi is None:
        return Shown(">", lo, None)
    if lo is None:
        return Shown("<", None, hi)
    timed = [c for c in claims if c.interval is not None]
    kinds = {c.kind for c in timed}
    if kinds == {TimeKind.after}:
        return Shown(">", lo, None)
    if kinds == {TimeKind.before}:
        return Shown("<", None, hi)
    nominals = {c.nominal for c in timed}
    if kinds == {TimeKind.about} and len(nominals) == 1:
        nominal = next(iter(nominals))
        if nominal is not None and lo <= nominal <= hi:
            return Shown("~", nominal, nominal)
    return Shown("–", lo, hi)


def _order(events: list[TimelineEvent]) -> list[TimelineEvent]:
    """Order by the instant each event is shown at (a range by its start, "about" by the named
    instant); an event with no time stays after its file predecessor."""
    keyed: list[tuple[datetime, int, int, int, TimelineEvent]] = []
    last: tuple[datetime, int] | None = None
    pending: list[TimelineEvent] = []
    for item in events:
        shown = shown_time(item.interval, item.claims)
        anchor = shown.anchor
        if anchor is None:
            pending.append(item)
            continue
        # What is only known to be before T comes before what happened at T, and what is only
        # known to be after T comes after it.
        bias = {"<": -1, ">": 1}.get(shown.mark, 0)
        for waiting in pending:  # untimed events before the first timed one go first
            at, at_bias = (anchor, bias) if last is None else last
            keyed.append((at, at_bias, 0 if last is None else 1, waiting.position, waiting))
        pending.clear()
        keyed.append((anchor, bias, 0, item.position, item))
        last = (anchor, bias)
    for waiting in pending:
        at, at_bias = last if last is not None else (datetime.max.replace(tzinfo=None), 0)
        keyed.append(
            (
                at,
                at_bias,
                1,
                waiting.position,
                waiting,
            )
        )
    if last is None:
        return events
    keyed.sort(key=lambda k: (k[0], k[1], k[2], k[3]))
    return [k[4] for k in keyed]


def _delay(
    incident: Incident, by_id: dict[str, TimelineEvent], scheduled: datetime | None
) -> DurationFigure | None:
    """From the scheduled start to each time a source gives for the actual start, each end
    hedged as the claims at it are ("about 40m", "more than 54m")."""
    start_id = incident.key_moments.actual_start
    if scheduled is None or start_id is None or start_id not in by_id:
        return None
    claims: list[ResolvedClaim] = []
    delays: list[tuple[timedelta, Bound]] = []
    for c in by_id[start_id].claims:
        if c.nominal is not None and c.kind is not None:
            claims.append(c)
            delays.append((c.nominal - scheduled, TIME_KIND_BOUND[c.kind]))
    ends = hedged_range(delays)
    if ends is None:
        return None
    return DurationFigure(ends[0], ends[1], tuple(claims))


def _peak(incident: Incident, by_id: dict[str, TimelineEvent]) -> CountFigure | None:
    peak_id = incident.key_moments.peak_audience
    if peak_id is None or peak_id not in by_id:
        return None
    claims: list[ResolvedClaim] = []
    amounts: list[tuple[float, Bound]] = []
    unit = ""
    for c in by_id[peak_id].claims:
        value = c.claim.value
        if value is not None:
            unit = unit or value.unit
            claims.append(c)
            amounts.append((value.amount, value.bound))
    ends = hedged_range(amounts)
    if ends is None:
        return None
    return CountFigure(ends[0], ends[1], unit, tuple(claims))


def _metrics(events: Iterable[TimelineEvent]) -> Iterable[MetricPoint]:
    """Every number a source states, with what it counts (not only audiences)."""
    for item in events:
        for claim in item.claims:
            value = claim.claim.value
            if value is None:
                continue
            when = claim.interval or item.interval
            yield MetricPoint(item.id, claim, when, value.unit, counts_of(value))


def aligned_origin(timeline: Timeline, moment: str | None) -> tuple[datetime | None, str]:
    """T+0 for lining incidents up: the timeline's own, or the key moment ``moment`` names.

    Raises ValueError naming the moment when the incident does not give it (or it has no time).
    """
    if moment is None:
        return timeline.origin, timeline.origin_name
    if moment not in KeyMoments.model_fields or moment == "t0":
        names = ", ".join(n for n in KeyMoments.model_fields if n != "t0")
        raise ValueError(f"{moment!r} is not a key moment ({names})")
    item = timeline.moment(moment)
    at = None if item is None else item.shown.anchor
    if at is None:
        raise ValueError(
            f"{timeline.incident.id} has no {moment.replace('_', ' ')} with a time to align on"
        )
    return at, moment_words(moment)
