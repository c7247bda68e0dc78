"""Two incidents side by side on a shared T+0 axis: delay, audience, causes and their status."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text

from incident import formatting
from incident.timeline import Timeline, aligned_origin, moment_words

from .figures import audience_text, date_text, scheduled_text, timeline_delay_text
from .safe import cell, one_line

LABEL = 16
MOMENTS = (
    ("scheduled_start", "S", "scheduled start"),
    ("first_trouble", "T", "first trouble"),
    ("detected", "D", "detected"),
    ("acknowledged", "A", "acknowledged"),
    ("actual_start", "B", "actual start"),
    ("peak_audience", "P", "peak audience"),
    ("mitigated", "M", "mitigated"),
    ("end", "E", "end"),
)


DURATION_LINES = (
    ("time_to_detect", "To detect"),
    ("time_to_acknowledge", "To acknowledge"),
    ("time_to_mitigate", "To mitigate"),
    ("time_to_resolve", "To resolve"),
    ("impact_length", "Impact length"),
)


def shared_moment(first: Timeline, second: Timeline) -> str | None:
    """The first key moment both incidents give a time for, to line them up on."""
    for name, _, _ in MOMENTS:
        try:
            aligned_origin(first, name)
            aligned_origin(second, name)
        except ValueError:
            continue
        return name
    return None


def _offsets(timeline: Timeline, align: str | None) -> list[tuple[str, timedelta]]:
    out: list[tuple[str, timedelta]] = []
    start = aligned_origin(timeline, align)[0]
    if start is None:
        return out
    for name, letter, _ in MOMENTS:
        item = timeline.moment(name)
        if item is None:
            continue
        # The instant its time is shown at: the one named, or a range's start (not its middle).
        moment = formatting.shown_time(item.interval, item.claims).anchor
        if moment is not None:
            out.append((letter, moment - start))
    return out


def compare_view(
    first: Timeline,
    second: Timeline,
    width: int,
    zones: tuple[str, ...],
    locale: str = "en",
    align: str | None = None,
) -> Text:
    """``align``: the key moment to line the two up on; the first both have when None."""
    out = Text(end="")
    if align is None:
        align = shared_moment(first, second)
    col = max(20, (width - LABEL - 2) // 2)
    zone = zones[0]

    def line(label: str, left: str, right: str, style: str = "") -> None:
        out.append_text(cell(label, LABEL, "bold"))
        out.append_text(cell(left, col, style))
        out.append(" ")
        out.append_text(cell(right, col, style))
        out.append("\n")

    line("", one_line(first.incident.title), one_line(second.incident.title), "bold")
    line("Platform", one_line(first.incident.platform), one_line(second.incident.platform))
    line("Date", date_text(first, zone, locale), date_text(second, zone, locale))
    line(
        "Scheduled",
        scheduled_text(first, zones, locale),
        scheduled_text(second, zones, locale),
    )
    line("Delay to start", timeline_delay_text(first), timeline_delay_text(second))
    for name, label in DURATION_LINES:
        a, b = first.duration(name), second.duration(name)
        if a is not None or b is not None:
            line(
                label,
                formatting.duration_span(a.figure, compact=True) if a else "unknown",
                formatting.duration_span(b.figure, compact=True) if b else "unknown",
            )
    line("Peak audience", audience_text(first.peak_audience), audience_text(second.peak_audience))
    line("Sources", str(len(first.sources)), str(len(second.sources)))
    line("Events", str(len(first.events)), str(len(second.events)))
    line(
        "Disagreements",
        str(sum(1 for e in first.events if e.disputed)),
        str(sum(1 for e in second.events if e.disputed)),
    )

    if align is not None:
        heading = f"Shared axis, T+0 at {moment_words(align)} in both"
    else:
        heading = "No key moment in both: each from its own T+0"
    out.append(f"\n{heading}\n", style="bold")
    axis_w = max(10, width - LABEL - 2)
    offsets = [_offsets(first, align), _offsets(second, align)]
    all_minutes = [o.total_seconds() / 60 for group in offsets for _, o in group] or [0.0]
    lo, hi = min(0.0, *all_minutes), max(1.0, *all_minutes)
    scale = (axis_w - 1) / (hi - lo)
    zero = round(-lo * scale)
    for timeline, group in zip((first, second), offsets, strict=True):
        row = [" "] * axis_w
        if group:
            ends = [round((o.total_seconds() / 60 - lo) * scale) for _, o in group]
            for c in range(min(*ends, zero), max(*ends, zero) + 1):
                row[c] = "─"
        row[zero] = "┼"
        for letter, offset in group:
            c = round((offset.total_seconds() / 60 - lo) * scale)
            while row[c].isalpha() and c < axis_w - 1:
                c += 1
            row[c] = letter
        out.append_text(cell(one_line(timeline.incident.platform), LABEL, "bold"))
        out.append("".join(row) + "\n")
    ticks = [" "] * axis_w
    labels = [(zero, "T+0"), (axis_w - 1, "T" + _signed(hi))]
    if lo < 0:
        labels.append((0, "T" + _signed(lo)))
    text = "".join(ticks)
    for position, label in labels:
        start = max(0, min(position - (len(label) if position == axis_w - 1 else 0), axis_w))
        text = text[:start] + label + text[start + len(label) :]
    out.append(" " * LABEL + text[:axis_w] + "\n", style="dim")
    legend = " · ".join(f"{letter} {words}" for _, letter, words in MOMENTS)
    out.append(" " * LABEL + legend + "\n", style="dim")

    for timeline in (first, second):
        out.append(f"\nClaimed causes: {one_line(timeline.incident.title)}\n", style="bold")
        if not timeline.causes:
            out.append("  none recorded\n")
        for cause in timeline.causes:
            out.append(f"  [{cause.status}] ", style="bold")
            out.append(f"{one_line(cause.summary)} — claimed by {one_line(cause.claimed_by)}\n")
            stances = []
            for claim in timeline.resolved_cause_claims(cause):
                who = one_line(claim.source.publisher if claim.source else claim.source_id)
                stances.append(f"{who} {claim.claim.stance or 'reports'}")
            out.append("    " + "; ".join(dict.fromkeys(stances)) + "\n", style="dim")
    return out


def _signed(minutes: float) -> str:
    return ("−" if minutes < 0 else "+") + formatting.duration(timedelta(minutes=abs(minutes)))
