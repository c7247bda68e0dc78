"""The figures the reconstruction derived, as short text for the list and the compare view."""

from __future__ import annotations

from incident import formatting
from incident.hedged import CountFigure, DurationFigure
from incident.timeline import Timeline

from .safe import one_line


def delay_text(figure: DurationFigure | None) -> str:
    """``~40m–>54m``: the export's wording in its compact style (hedges kept)."""
    if figure is None:
        return "unknown"
    return formatting.duration_span(figure, compact=True)


def audience_text(figure: CountFigure | None, *, unit: bool = True, sep: str = " ") -> str:
    if figure is None:
        return "unknown"
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
        return "unknown"
    days = len({formatting.date_key(start, z) for z in zones}) > 1

    def one(zone: str) -> str:
        text = f"{formatting.clock(start, zone, locale)} {formatting.abbreviation(start, zone)}"
        if days:
            return formatting.local(start, zone).format("ddd", locale=locale) + " " + text
        return text

    return sep.join(one(z) for z in zones)


def date_text(timeline: Timeline, zone: str, locale: str, *, weekday: bool = True) -> str:
    """``Mon 12 Aug 2024`` (or without the weekday) in ``zone``; the file's date if no start."""
    start = timeline.scheduled_start
    if start is None:
        return timeline.incident.date
    text = formatting.day(start, zone, locale)
    return text.split(" ", 1)[1] if not weekday else text
