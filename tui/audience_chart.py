"""The audience chart: numeric claims (listeners, views) over time, drawn with characters.

Each claim is a letter at its figure, with a bar over the range it allows (``about`` is ±10 %),
``↑``/``↓`` for open-ended figures ("more than 1 million"), and a ``░`` band where sources
disagree about one event's number. Letters, not colours, tell the claims apart; the legend
under the chart names each one.
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass
from datetime import datetime, timedelta

from rich.text import Text

from incident import formatting
from incident.impact import GROUP_TITLES
from incident.timeline import MetricPoint, Timeline

from .detail_text import claim_figure, publisher
from .safe import one_line

LETTERS = string.ascii_uppercase + string.ascii_lowercase + string.digits
MAX_POINTS = len(LETTERS)  # one letter per claim; beyond that the chart says how many it left
Y_LABEL = 7


@dataclass(frozen=True)
class Plotted:
    letter: str
    point: MetricPoint
    when: datetime
    low: float | None
    high: float | None
    value: float


def chart_units(timeline: Timeline) -> list[str]:
    """Units with at least one timed claim, most claims first."""
    counts: dict[str, int] = {}
    for point in timeline.metrics:
        if point.when is not None and point.when.anchor is not None:
            counts[point.unit] = counts.get(point.unit, 0) + 1
    return sorted(counts, key=lambda u: (-counts[u], u))


def _plotted(timeline: Timeline, unit: str) -> tuple[list[Plotted], int]:
    """The claims to plot (at most MAX_POINTS) and how many there are in all."""
    out: list[Plotted] = []
    total = 0
    for point in timeline.metrics:
        if point.unit != unit or point.when is None:
            continue
        when = point.claim.nominal or point.when.anchor
        value = point.claim.claim.value
        if when is None or value is None:
            continue
        values = point.claim.values
        low = values.low if values is not None else value.amount
        high = values.high if values is not None else value.amount
        total += 1
        if len(out) == MAX_POINTS:
            continue
        letter = LETTERS[len(out)]
        out.append(Plotted(letter, point, when, low, high, float(value.amount)))
    return out, total


def audience_chart(
    timeline: Timeline,
    width: int,
    height: int,
    zone: str,
    locale: str = "en",
    unit_index: int = 0,
) -> Text:
    """The chart of one counted unit (``unit_index`` into :func:`chart_units`; the unit with
    most timed claims first), its legend, and the untimed claims."""
    out = Text(end="")
    units = chart_units(timeline)
    untimed = [p for p in timeline.metrics if p.when is None or p.when.anchor is None]
    if not units:
        out.append("No figures with a time in this incident.\n", style="bold")
        _untimed(out, untimed)
        return out
    unit = units[unit_index % len(units)]
    points, total = _plotted(timeline, unit)
    legend = len(points) + 2
    plot_h = max(4, min(height - legend - 5, 20))
    plot_w = max(10, width - Y_LABEL - 3)
    title = GROUP_TITLES[points[0].point.counts] if points else "Figures"
    out.append(f"{title}: {one_line(unit)}", style="bold")
    if len(units) > 1:
        out.append(f" ({unit_index % len(units) + 1} of {len(units)} units, u: next)")
    shown = (
        formatting.plural(len(points), "claim")
        if total == len(points)
        else f"first {len(points)} of {total}"
    )
    out.append(f" · {shown} · ░ sources disagree · ↑ at least · ↓ at most\n")

    top = nice_ceiling(max((p.high if p.high is not None else p.value) for p in points) * 1.1)
    first = min(p.when for p in points)
    last = max(p.when for p in points)
    pad = max((last - first) * 0.05, timedelta(minutes=5))
    left_edge, right_edge = first - pad, last + pad
    span = (right_edge - left_edge).total_seconds()

    def col(moment: datetime) -> int:
        return round((moment - left_edge).total_seconds() / span * (plot_w - 1))

    def row(value: float) -> int:  # 0 is the top line
        return plot_h - 1 - round(min(value, top) / top * (plot_h - 1))

    grid = [[" "] * plot_w for _ in range(plot_h)]
    styles: list[list[str]] = [[""] * plot_w for _ in range(plot_h)]

    disputed = {
        item.id for item in timeline.events if any(d.aspect == "value" for d in item.discrepancies)
    }
    by_event: dict[str, list[Plotted]] = {}
    for p in points:
        by_event.setdefault(p.point.event_id, []).append(p)
    for event_id, group in by_event.items():
        if event_id not in disputed or len(group) < 2:
            continue
        lo = min((p.low if p.low is not None else 0.0) for p in group)
        hi = max((p.high if p.high is not None else top) for p in group)
        c0 = max(0, min(col(p.when) for p in group) - 1)
        c1 = min(plot_w - 1, max(col(p.when) for p in group) + 2 * len(group))
        for r in range(row(hi), row(lo) + 1):
            for c in range(c0, c1 + 1):
                grid[r][c] = "░"
                styles[r][c] = "dim"

    used: set[int] = set()
    for p in points:
        c = col(p.when)
        while (c in used or c - 1 in used) and c < plot_w - 1:
            c += 1  # a free column, with a gap, for claims at the same time
        used.add(c)
        lo_r = row(p.low) if p.low is not None else plot_h - 1
        hi_r = row(p.high) if p.high is not None else 0
        for r in range(hi_r, lo_r + 1):
            grid[r][c] = "│"
            styles[r][c] = ""
        if p.high is None:
            grid[hi_r][c] = "↑"
        if p.low is None:
            grid[lo_r][c] = "↓"
        grid[row(p.value)][c] = p.letter
        styles[row(p.value)][c] = "bold reverse"

    labels = {
        row(top): formatting.amount(top),
        row(top / 2): formatting.amount(top / 2),
        row(0): "0",
    }
    for r in range(plot_h):
        label = labels.get(r, "")
        out.append(label.rjust(Y_LABEL - 1) + " ┤", style="dim")
        for c in range(plot_w):
            out.append(grid[r][c], style=styles[r][c])
        out.append("\n")
    out.append(" " * Y_LABEL + "└" + "─" * plot_w + "\n", style="dim")
    left = _axis_label(timeline, left_edge, zone, locale)
    right = _axis_label(timeline, right_edge, zone, locale)
    gap = max(1, plot_w + 1 - len(left) - len(right))
    out.append(" " * (Y_LABEL + 1) + left + " " * gap + right + "\n", style="dim")
    for p in points:
        item = timeline.by_id.get(p.point.event_id)
        title = one_line(item.event.title) if item is not None else p.point.event_id
        when = formatting.shown_time(p.point.when, [p.point.claim])
        clock = formatting.shown_clock(when, zone, locale, with_day=False, abbr=False)
        abbr = formatting.abbreviation(p.when, zone)
        out.append(f" {p.letter} ", style="bold reverse")
        out.append(f" {clock} {abbr}  {claim_figure(p.point.claim)}  {publisher(p.point.claim)}")
        out.append(f" — {title}\n", style="dim")
    others = [u for u in units if u != unit]
    if others:
        out.append("Also charted in other units: " + ", ".join(one_line(u) for u in others) + "\n")
    _untimed(out, [p for p in untimed if p.unit == unit or p.unit not in units])
    return out


def nice_ceiling(value: float) -> float:
    """The next round number at or above ``value``: 1, 2, 2.5 or 5 times a power of ten."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


def _axis_label(timeline: Timeline, moment: datetime, zone: str, locale: str) -> str:
    text = f"{formatting.clock(moment, zone, locale)} {formatting.abbreviation(moment, zone)}"
    if timeline.origin is not None:
        text += f" {formatting.since(moment - timeline.origin)}"
    return text


def _untimed(out: Text, untimed: list[MetricPoint]) -> None:
    if not untimed:
        return
    out.append("No time given:\n", style="bold")
    for point in untimed:
        out.append(f"  {claim_figure(point.claim)}  {publisher(point.claim)}\n")
