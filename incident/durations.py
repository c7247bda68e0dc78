"""Durations derived from key moments and spans, each a range that keeps its hedges, and the
durations sources state, checked against them.

Each derived duration runs from one key moment to another (the README's table):

============================  =======================  ==================
duration                      from                     to
============================  =======================  ==================
delay                         scheduled_start          actual_start
time to detect                first_trouble            detected
time to acknowledge           first_trouble            acknowledged
time to mitigate              first_trouble            mitigated
time to resolve               detected                 end (resolved)
impact length                 first_trouble            end (resolved)
============================  =======================  ==================

and an event with ``ends:`` has its own span. A duration is computed for every pair of claims
(one at each end), so sources that disagree give a range, not an average: each end keeps the
hedge of the claims it comes from ("about 40m to more than 54m"). A claim with a clock reading
("8:42", "about 8:45") counts from the instant it names; a claim that only bounds a time (a
"between", a day or part of a day) counts from both of its ends, hedged "at least" and "at most".

Only ``delay`` may be negative (a start before the schedule); every other duration is never
below zero: a pair of claims that would make it so counts as "at least 0m".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from schemas.models import Bound, DurationName, TimeKind
from schemas.timespec import parse_duration

from .hedged import TIME_KIND_BOUND, DurationFigure, hedged_range
from .timeline import Discrepancy, DiscrepancyKind, ResolvedClaim, TimelineEvent

ABOUT_SHARE = 0.10  # "about 2 hours" is read as ±10 %, and at least ±5 minutes
ABOUT_MIN = timedelta(minutes=5)

DEFINITIONS: tuple[tuple[DurationName, str, str, str], ...] = (
    (DurationName.delay, "Delay", "scheduled_start", "actual_start"),
    (DurationName.time_to_detect, "Time to detect", "first_trouble", "detected"),
    (DurationName.time_to_acknowledge, "Time to acknowledge", "first_trouble", "acknowledged"),
    (DurationName.time_to_mitigate, "Time to mitigate", "first_trouble", "mitigated"),
    (DurationName.time_to_resolve, "Time to resolve", "detected", "end"),
    (DurationName.impact_length, "Impact length", "first_trouble", "end"),
)
LABELS = {name: label for name, label, _, _ in DEFINITIONS} | {DurationName.span: "Length"}


@dataclass(frozen=True)
class DerivedDuration:
    """One duration derived from the claims at its two ends, and what sources state of it."""

    name: DurationName
    label: str  # "Time to mitigate"
    start: str  # the key moment (or, for a span, the event id) it runs from
    end: str
    figure: DurationFigure
    stated: tuple[ResolvedClaim, ...] = ()  # claims that state this duration
    contradicted_by: tuple[ResolvedClaim, ...] = ()  # the stated ones that cannot be right


# How the hedge of a claim at the start of a duration bounds it: a start "after 20:20" makes
# the duration *less than* the one measured from 20:20.
_START_BOUND = {
    TimeKind.exact: Bound.exact,
    TimeKind.about: Bound.about,
    TimeKind.after: Bound.less_than,
    TimeKind.before: Bound.more_than,
    TimeKind.between: Bound.exact,
    TimeKind.day: Bound.exact,
    TimeKind.unknown: Bound.exact,
}


def _combine(start: Bound, end: Bound) -> Bound:
    if start is Bound.exact:
        return end
    if end is Bound.exact or start == end:
        return start
    if Bound.about in (start, end):  # about and a one-sided bound: the one-sided bound holds
        return end if start is Bound.about else start
    return Bound.about  # "more than" at one end and "less than" at the other: no side holds


def between(
    starts: Sequence[ResolvedClaim], ends: Sequence[ResolvedClaim]
) -> DurationFigure | None:
    """The duration from the claims at one end to the claims at the other, hedged."""
    values: list[tuple[timedelta, Bound]] = []
    used: dict[int, ResolvedClaim] = {}
    for s in starts:
        for e in ends:
            found = list(_pair(s, e))
            if found:
                values.extend(found)
                used.setdefault(id(s), s)
                used.setdefault(id(e), e)
    # A duration runs from one moment to a later one: where the sources' times put the end
    # before the start ("before 20:00" against 20:18 seen the other way round), the pair says
    # only that the duration is not negative, never that it is "about -12m".
    zero = timedelta(0)
    values = [(v, b) if v >= zero else (zero, Bound.at_least) for v, b in values]
    ends_found = hedged_range(values)
    if ends_found is None:
        return None
    return DurationFigure(ends_found[0], ends_found[1], tuple(used.values()))


def _pair(s: ResolvedClaim, e: ResolvedClaim) -> Iterable[tuple[timedelta, Bound]]:
    if s.interval is None or e.interval is None or s.kind is None or e.kind is None:
        return
    named = (TimeKind.exact, TimeKind.about, TimeKind.after, TimeKind.before)
    if s.nominal is not None and e.nominal is not None and s.kind in named and e.kind in named:
        bound = _combine(_START_BOUND[s.kind], TIME_KIND_BOUND[e.kind])
        yield e.nominal - s.nominal, bound
        return
    # Only bounds: the shortest and the longest the two intervals allow.
    if e.interval.earliest is not None and s.interval.latest is not None:
        yield e.interval.earliest - s.interval.latest, Bound.at_least
    if e.interval.latest is not None and s.interval.earliest is not None:
        yield e.interval.latest - s.interval.earliest, Bound.at_most


def stated_range(length: timedelta, bound: Bound) -> tuple[timedelta | None, timedelta | None]:
    """The durations a stated one allows: "about 2h" → 1h48m..2h12m, "within 78m" → ..78m."""
    slack = max(length * ABOUT_SHARE, ABOUT_MIN)
    match bound:
        case Bound.exact:
            return length, length
        case Bound.about:
            return length - slack, length + slack
        case Bound.at_least | Bound.more_than:
            return length, None
        case Bound.at_most | Bound.less_than:
            return None, length
    raise AssertionError(bound)


def figure_range(figure: DurationFigure) -> tuple[timedelta | None, timedelta | None]:
    """The durations a derived figure allows, its hedges read the same way."""
    low, _ = stated_range(figure.low.value, figure.low.bound)
    _, high = stated_range(figure.high.value, figure.high.bound)
    if figure.low.bound in (Bound.at_most, Bound.less_than):
        low = None
    if figure.high.bound in (Bound.at_least, Bound.more_than):
        high = None
    return low, high


def contradicts(length: timedelta, bound: Bound, figure: DurationFigure) -> bool:
    """Whether a stated duration cannot be true of the derived one (their ranges do not meet;
    a minute either way is the grain of the clocks sources write)."""
    grain = timedelta(minutes=1)
    s_lo, s_hi = stated_range(length, bound)
    f_lo, f_hi = figure_range(figure)
    if s_lo is not None and f_hi is not None and s_lo > f_hi + grain:
        return True
    return s_hi is not None and f_lo is not None and s_hi < f_lo - grain


def derive(
    moments: Mapping[str, str | None],
    events: Mapping[str, TimelineEvent],
    delay: DurationFigure | None,
) -> tuple[tuple[DerivedDuration, ...], dict[str, list[Discrepancy]]]:
    """Every duration the key moments and spans allow, the stated durations checked against
    them, and the discrepancies a contradicted statement makes (by event id)."""
    stated: dict[tuple[DurationName, str | None], list[tuple[str, ResolvedClaim]]] = {}
    for event_id, item in events.items():
        for claim in (*item.claims, *item.end_claims):
            said = claim.claim.duration
            if said is None:
                continue
            key = (said.of, event_id if said.of is DurationName.span else None)
            stated.setdefault(key, []).append((event_id, claim))

    found: list[DerivedDuration] = []
    for name, label, start, end in DEFINITIONS:
        a, b = moments.get(start), moments.get(end)
        if a is None or b is None or a not in events or b not in events:
            continue
        figure = (
            delay if name is DurationName.delay else between(events[a].claims, events[b].claims)
        )
        if figure is not None:
            found.append(DerivedDuration(name, label, start, end, figure))
    for event_id, item in events.items():
        if item.end_claims:
            figure = between(item.claims, item.end_claims)
            if figure is not None:
                found.append(
                    DerivedDuration(
                        DurationName.span, LABELS[DurationName.span], event_id, event_id, figure
                    )
                )

    out: list[DerivedDuration] = []
    extra: dict[str, list[Discrepancy]] = {}
    for d in found:
        key = (d.name, d.start if d.name is DurationName.span else None)
        claims = stated.get(key, [])
        wrong = []
        for event_id, claim in claims:
            said = claim.claim.duration
            assert said is not None
            if contradicts(parse_duration(said.length), said.bound, d.figure):
                wrong.append((event_id, claim))
        by_event: dict[str, list[ResolvedClaim]] = {}
        for event_id, claim in wrong:
            by_event.setdefault(event_id, []).append(claim)
        for event_id, group in by_event.items():
            extra.setdefault(event_id, []).append(
                Discrepancy(event_id, "duration", DiscrepancyKind.conflict, tuple(group))
            )
        out.append(
            DerivedDuration(
                d.name,
                d.label,
                d.start,
                d.end,
                d.figure,
                tuple(c for _, c in claims),
                tuple(c for _, c in wrong),
            )
        )
    return tuple(out), extra
