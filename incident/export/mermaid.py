"""The audience chart: a Mermaid ``xychart-beta`` (GitHub renders it) per unit counted.

Only metric claims feed it (``Timeline.metrics``). Each time point shows two lines, the lowest
and the highest figure sources give for it: where they meet the sources agree, where they part
the gap is the disagreement. Units are never mixed on one chart (listeners are not views).
No file text reaches the Mermaid block except the unit, reduced to letters, digits and spaces.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from schemas.models import Counts

from ..formatting import Shown, abbreviation, clock, local, shown_clock, shown_time
from ..timeline import MetricPoint

_UNSAFE = re.compile(r"[^A-Za-z0-9 ]+")
LABEL_WORDS = {"": "", "~": "~", ">": "after ", "<": "before "}


@dataclass(frozen=True)
class Series:
    unit: str
    timed: tuple[tuple[datetime, MetricPoint], ...]  # (anchor, point), in time order
    untimed: tuple[MetricPoint, ...]
    counts: Counts = Counts.other  # what the unit counts (audience, affected, reports…)


def group_by_unit(metrics: Sequence[MetricPoint]) -> list[Series]:
    """Metric points grouped by unit (first spelling kept), each in time order."""
    groups: dict[str, list[MetricPoint]] = {}
    for point in metrics:
        groups.setdefault(" ".join(point.unit.casefold().split()), []).append(point)
    out = []
    for points in groups.values():
        timed = []
        untimed = []
        for position, point in enumerate(points):
            anchor = None if point.when is None else point.when.anchor
            if anchor is None:
                untimed.append(point)
            else:
                timed.append((anchor, position, point))
        timed.sort(key=lambda t: (t[0], t[1]))
        out.append(
            Series(
                points[0].unit,
                tuple((a, p) for a, _, p in timed),
                tuple(untimed),
                points[0].counts,
            )
        )
    order = list(Counts)
    return sorted(out, key=lambda s: order.index(s.counts))  # stable: file order in a group


def chart(series: Series, zone: str, locale: str = "en") -> str | None:
    """The fenced Mermaid block, or None when fewer than two time points make no line."""
    points: dict[Shown, list[MetricPoint]] = {}
    for _, point in series.timed:
        points.setdefault(shown_time(point.when, [point.claim]), []).append(point)
    if len(points) < 2:
        return None
    days = {local(m, zone).date() for m in (s.anchor for s in points) if m is not None}
    labels, low, high = [], [], []
    for shown, group in points.items():
        moment = shown.anchor
        assert moment is not None
        if shown.mark in ("–", "d"):  # a range, or a day's words (never a made-up clock)
            text = shown_clock(shown, zone, locale, with_day=False, abbr=False)
        else:
            text = LABEL_WORDS.get(shown.mark, "") + clock(moment, zone, locale)
        if len(days) > 1 and shown.mark != "d":
            text = local(moment, zone).format("D MMM", locale=locale) + " " + text
        labels.append(text)
        amounts = [p.claim.claim.value.amount for p in group if p.claim.claim.value is not None]
        low.append(min(amounts))
        high.append(max(amounts))
    unit = " ".join(_UNSAFE.sub(" ", series.unit).split()) or "audience"
    first = next(iter(points)).anchor
    assert first is not None
    top = _nice_ceiling(max(high) * 1.1)
    lines = [
        "```mermaid",
        "xychart-beta",
        f'    title "{unit.capitalize()} claimed over time ({abbreviation(first, zone)})"',
        "    x-axis [" + ", ".join(f'"{_mermaid_text(t)}"' for t in labels) + "]",
        f'    y-axis "{unit}" 0 --> {_number(top)}',
        "    line [" + ", ".join(_number(v) for v in low) + "]",
        "    line [" + ", ".join(_number(v) for v in high) + "]",
        "```",
    ]
    return "\n".join(lines)


def _mermaid_text(text: str) -> str:
    return text.replace('"', "'")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.6g}"


def _nice_ceiling(value: float) -> float:
    """Round up to 1, 2, 2.5 or 5 times a power of ten (a readable axis end)."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        if value <= step * power:
            return step * power
    return 10.0 * power
