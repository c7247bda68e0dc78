"""The figures the reconstruction derived, as short text for the list and the compare view."""

from __future__ import annotations

from datetime import UTC, datetime

from incident import formatting
from incident.hedged import CountFigure, DurationFigure
from incident.timeline import Timeline

from .safe import one_line


def delay_text(figure: DurationFigure | None) -> str:
    """``~40m–>54m``: the export's wording in its compact style (hedges kept)."""
    if figure is None:
        return "unknown"
    return formatting.duration_span(figure, compact=True)


NOT_SCHEDULED = "not scheduled"  # an outage: nothing was due to start, so nothing was late
NO_DELAY = "n/a"
NO_FIGURE = "none given"  # no source gives an audience figure


def timeline_delay_text(timeline: Timeline) -> str:
    """The delay to the start, hedges kept; ``n/a`` for an incident with no scheduled start
    (an outage is not late), ``unknown`` when it had one but no source says when it began."""
    if timeline.scheduled_start is None:
        return NO_DELAY
    return delay_text(timeline.delay)


def audience_text(figure: CountFigure | None, *, unit: bool = True, sep: str = " ") -> str:
    if figure is None:
        return NO_FIGURE
    low, high = formatting.amount(figure.low.value), formatting.amount(figure.high.value)
    text = low if low == high else f"{low}–{high}"
    return f"{text}{sep}{one_line(figure.unit)}" if unit and figure.unit else text


def scheduled_text(
    timeline: Timeline, zones: tuple[str, ...], locale: str, sep: str = " / "
) -> str:
    """``20:00 EDT / 07:00 WIB``; where the dates differ, each with its day: ``Mon 20:00 EDT /
    Tue 07:00 WIB`` (the WIB time is on Tuesday)."""
    start = timeline.scheduled_start
    if start is None:
        return NOT_SCHEDULED
    days = len({formatting.date_key(start, z) for z in zones}) > 1

    def one(zone: str) -> str:
        text = f"{formatting.clock(start, zone, locale)} {formatting.abbreviation(start, zone)}"
        if days:
            return formatting.local(start, zone).format("ddd", locale=locale) + " " + text
        return text

    return sep.join(one(z) for z in zones)


def date_text(timeline: Timeline, zone: str, locale: str, *, weekday: bool = True) -> str:
    """``Mon 12 Aug 2024`` (or without the weekday) in ``zone``, at the scheduled start, else
    at T+0 (the first trouble…), else on the file's ``date``: one style for every incident."""
    start = timeline.scheduled_start or timeline.origin
    if start is None:
        start, zone = datetime.fromisoformat(timeline.incident.date).replace(tzinfo=UTC), "UTC"
    text = formatting.day(start, zone, locale)
    return text.split(" ", 1)[1] if not weekday else text
