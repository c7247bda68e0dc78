"""One timeline row as text: times in the display zones side by side, a day marker where the
date changes in a zone, T+, kind, source count, actor and title, and a mark on disputed events.

Pure functions of the reconstructed timeline (no Textual), so the widget, the tests and the
benchmark share them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property

from rich.style import Style
from rich.text import Text

from incident import formatting
from incident.timeline import DayWords, DiscrepancyKind, TimelineEvent
from incident.view_options import short_name

from .safe import cell, one_line

KIND_SHORT = {
    "schedule": "schd",
    "observation": "obs",
    "statement": "stmt",
    "action": "act",
    "metric": "metr",
    "milestone": "mile",
}

PLAIN = Style()
BOLD = Style(bold=True)
ITALIC = Style(italic=True)
DIM = Style(dim=True)

MIN_TITLE = 20  # no title gets fewer cells than this...
NARROW = 100  # ...and below this width, where one zone is shown, no fewer than
NARROW_TITLE = 30
COMFORT_TITLE = 36  # the kind is abbreviated and the actor narrowed to give the title this
NO_TIME = "no time given"  # where an untimed event's clock would be
NEEDS_SCAN = 2_000  # events; a longer timeline gets the widest clock and T+ unmeasured
CLOCK_MAX = 11  # 20:13–21:30: a range keeps both ends
LABEL_MAX = 9  # UTC+12:45: a zone with no abbreviation of its own
SINCE_MAX = 20  # T−11h09m–+12h51m, T+1d02h03m–1d04h and a gap: a range shown whole
SINCE_CUT = 14  # T+1h13m–1h30m and a gap; where the title needs the room, T+1h13m–


def zone_name(zone: str) -> str:
    """A column heading: ``New York`` for ``America/New_York``."""
    return short_name(zone)


@dataclass(frozen=True)
class RowStyles:
    """Styles from the widget's component classes (so rows follow the theme)."""

    base: Style = PLAIN
    disputed: Style = BOLD
    approx: Style = ITALIC
    day: Style = BOLD
    dim: Style = DIM


@dataclass(frozen=True)
class Needs:
    """What a timeline's rows need: the widest clock (``~20:45`` 6, ``20:13–30`` 8,
    ``20:13–21:30`` 11), the widest ``T+`` with its gap, and the widest zone label (``EDT`` 3,
    ``AEST`` 4, ``UTC+5:45`` 8, a named day's ``UK time``)."""

    clock: int = CLOCK_MAX
    since: int = SINCE_MAX
    label: int = 4  # AEST, the widest common abbreviation; needs() measures the real one


def label_need(items: Sequence[TimelineEvent], zones: Sequence[str]) -> int:
    """The widest abbreviation ``zones`` take over the timeline's span, in summer and winter:
    measured on a few instants, so it costs the same at 100,000 events as at ten."""
    samples: list[datetime] = []
    for item in (items[0], items[-1]) if items else ():
        moment = moment_of(item)
        if moment is not None:
            samples.append(moment)
            samples += [datetime(moment.year, month, 1, tzinfo=UTC) for month in (1, 7)]
    width = 3
    for zone in zones:
        for moment in samples:
            width = max(width, len(formatting.abbreviation(moment, zone)))
    return min(width, LABEL_MAX)


def needs(items: Sequence[TimelineEvent], zones: Sequence[str], locale: str) -> Needs:
    """The room the clocks and ``T+`` of ``items`` take in ``zones`` (so no range loses
    an end and no column is wider than its widest cell). A timeline longer than
    ``NEEDS_SCAN`` events gets the widest columns unmeasured: reading every row would cost
    seconds at 100,000 events, and the widest columns are always right."""
    label = label_need(items, zones)
    if len(items) > NEEDS_SCAN:
        return Needs(label=label)
    clock, since = 6, 0
    for item in items:
        when = shown(item)
        if when.mark == "d" and when.day is not None:  # a named day keeps its own label
            label = min(LABEL_MAX, max(label, len(day_label(when, when.day))))
        end = item.shown_end  # a span: start→end
        if (when.mark == "–" or end is not None) and clock < CLOCK_MAX:
            for zone in zones:
                text = compact_clock(when, zone, locale, CLOCK_MAX)
                if end is not None:
                    text = f"{text}→{compact_clock(end, zone, locale, CLOCK_MAX)}"
                clock = min(CLOCK_MAX, max(clock, len(text)))
        if since < SINCE_MAX:
            text = formatting.shown_since(when, scheduled_start(item))
            if end is not None and text:
                both = f"{text}→{formatting.shown_since(end, scheduled_start(item))[1:]}"
                text = both if len(both) < SINCE_MAX else text
            since = max(since, len(text) + 1 if text else 0)
    return Needs(clock, min(since, SINCE_MAX), label)


@dataclass(frozen=True)
class Columns:
    """The row layout at ``width``: fixed columns take what they need, the title the rest.

    While the title has fewer than ``COMFORT_TITLE`` cells the kind is abbreviated, a ``T+``
    range too wide for ``SINCE_CUT`` shows only its start, and the actor is narrowed; while
    it has fewer than ``MIN_TITLE`` (``NARROW_TITLE`` below ``NARROW`` columns) the others
    give way in turn: the actor narrows again, the ``T+`` column goes,
    below ``NARROW`` columns the zones after the first go (the detail pane and the context
    line still show every zone), then kind and actor, and last the zones after the first at
    any width.
    """

    width: int
    display: tuple[str, ...]
    need: Needs = Needs()
    least: int = 0  # a title floor above the usual one (the detail pane beside the rows)

    FLAG = 3
    SOURCES = 4
    DAY = 5  # ``▸Tue`` and a gap

    @property
    def clock(self) -> int:
        return self.need.clock

    @property
    def label(self) -> int:
        return self.need.label

    @property
    def zone(self) -> int:
        """The clock, `` EDT `` (the widest label and a gap each side), ``▸Tue`` and a gap."""
        return self.clock + 2 + self.label + self.DAY

    @cached_property
    def _layout(self) -> tuple[tuple[str, ...], int, int, int]:
        zones = self.display or ("UTC",)
        since, kind, actor = self.need.since, 12, 22
        minimum = max(self.least, NARROW_TITLE if self.width < NARROW else MIN_TITLE)

        def title() -> int:
            used = self.FLAG + self.zone * len(zones) + since + kind + self.SOURCES + actor
            return self.width - used

        # (what gives way, its new size, the title it gives way for)
        steps = [("kind", 5, COMFORT_TITLE), ("since", min(since, SINCE_CUT), COMFORT_TITLE)]
        steps += [("actor", 14, COMFORT_TITLE)]
        steps += [("actor", 10, minimum), ("since", 0, minimum)]
        if self.width < NARROW:  # one zone with its day marker; the context line has the rest
            steps += [("zones", 1, minimum)]
        steps += [("kind", 0, minimum), ("actor", 0, minimum)]
        steps += [("zones", n, minimum) for n in range(len(zones) - 1, 0, -1)]
        for what, size, wanted in steps:
            if title() >= wanted:
                continue
            if what == "kind":
                kind = size
            elif what == "actor":
                actor = size
            elif what == "since":
                since = size
            else:
                zones = zones[:size]
        return zones, since, kind, actor

    @property
    def zones(self) -> tuple[str, ...]:
        """The zones the rows show (the first ones of ``display`` that fit)."""
        return self._layout[0]

    @property
    def since(self) -> int:
        return self._layout[1]

    @property
    def kind(self) -> int:
        return self._layout[2]

    @property
    def actor(self) -> int:
        return self._layout[3]

    @property
    def wide(self) -> bool:
        """The kind spelled out."""
        return self.kind >= 12

    @property
    def title(self) -> int:
        used = self.FLAG + self.zone * len(self.zones) + self.since + self.kind + self.SOURCES
        return max(self.width - used - self.actor, 8)


def shown(item: TimelineEvent) -> formatting.Shown:
    """How the row shows the event's time (as the export does)."""
    return formatting.shown_time(item.interval, item.claims)


def moment_of(item: TimelineEvent) -> datetime | None:
    """The instant a row stands at: its clock, or the start of its range (for day markers)."""
    return shown(item).anchor


def scheduled_start(item: TimelineEvent) -> datetime | None:
    """The scheduled start the event's ``since_start`` was measured from (None without one)."""
    if item.interval is None or item.since_start is None:
        return None
    pairs = zip((item.interval.earliest, item.interval.latest), item.since_start, strict=True)
    for moment, offset in pairs:
        if moment is not None and offset is not None:
            return moment - offset
    return None


# Parts of a day as a narrow clock column shows them ("Sat night", "Fr morn").
COMPACT_PARTS = {
    "day": "",
    "early": "early",
    "morning": "morn",
    "midday": "noon",
    "afternoon": "aftn",
    "evening": "eve",
    "late": "late",
    "night": "night",
}


def compact_clock(when: formatting.Shown, zone: str, locale: str, width: int) -> str:
    """The clock in at most ``width`` cells, without the zone.

    ``20:42``, ``~20:45``, ``>20:20``, ``<20:00``, ``?``; a range is shown whole when it fits,
    ``20:13–20:30`` (or ``20:13–30`` within one hour), else by its start and a dash:
    ``20:13–`` (the detail pane gives the whole range). Never a middle that no source named.
    A day without a clock reads as its words, ``Sat night`` (the zone cell gives its label).
    """
    if when.mark == "d" and when.day is not None:
        weekday = formatting.day_words(when.day, locale).split()[0]
        part = COMPACT_PARTS.get(when.day.part, when.day.part) if locale == "en" else ""
        text = f"{weekday} {part}".strip()
        if len(text) > width:
            text = f"{weekday[:2]} {part}".strip()
        return text if len(text) <= width else text[: max(width - 1, 1)] + "…"
    if when.mark != "–":
        return formatting.shown_clock(when, zone, locale, with_day=False, abbr=False)
    assert when.start is not None and when.end is not None
    start = formatting.clock(when.start, zone, locale)
    end = formatting.clock(when.end, zone, locale)
    same_hour = (
        formatting.date_key(when.start, zone) == formatting.date_key(when.end, zone)
        and start[:2] == end[:2]
    )
    for text in (f"{start}–{end}", f"{start}–{end[3:]}" if same_hour else ""):
        if text and len(text) <= width:
            return text
    return start + "–"


def aligned_clock(when: formatting.Shown, zone: str, locale: str, width: int) -> str:
    """:func:`compact_clock` right-aligned in ``width`` cells, as figures are in a table: the
    zone abbreviations after it line up, and so do the last minutes of every row."""
    return compact_clock(when, zone, locale, width).rjust(width)


def compact_since(when: formatting.Shown, scheduled: datetime | None, width: int) -> str:
    """``T+42m``, ``T~+45m``, ``T+13m–30m``; a range too long for ``width``: ``T+1h13m–``."""
    text = formatting.shown_since(when, scheduled)
    if len(text) <= width:
        return text
    return text.partition("–")[0] + "–"


def flag(item: TimelineEvent) -> str:
    """``!!`` when the sources cannot all be right, ``!`` when they name different times or
    figures whose ranges overlap."""
    if not item.discrepancies:
        return ""
    if any(d.kind is DiscrepancyKind.conflict for d in item.discrepancies):
        return "!!"
    return "!"


def header(columns: Columns, style: Style = PLAIN) -> Text:
    out = Text(end="", no_wrap=True, style=style)
    out.append_text(cell("", columns.FLAG))
    for zone in columns.zones:
        out.append_text(cell(zone_name(zone), columns.zone))
    out.append_text(cell("T+", columns.since))
    out.append_text(cell("kind", columns.kind))
    out.append_text(cell("src", columns.SOURCES))
    out.append_text(cell("actor", columns.actor))
    out.append_text(cell("title", columns.title))
    return out


def row(
    item: TimelineEvent,
    previous: datetime | None,
    columns: Columns,
    locale: str = "en",
    styles: RowStyles | None = None,
) -> Text:
    """One row; ``previous`` is the instant of the row above (for the day markers)."""
    styles = styles or RowStyles()
    out = Text(end="", no_wrap=True, style=styles.base)
    mark = flag(item)
    out.append_text(cell(mark, columns.FLAG, styles.disputed if mark else ""))
    when = shown(item)
    if when.anchor is None:  # kept in the reconstructed order, and said so in words
        out.append_text(
            cell(NO_TIME.rjust(columns.clock), columns.zone * len(columns.zones), styles.dim)
        )
    for zone in columns.zones if when.anchor is not None else ():
        out.append_text(_zone_cell(when, previous, zone, locale, columns, styles, item.shown_end))
    if columns.since:
        since = compact_since(when, scheduled_start(item), columns.since - 1)
        if item.shown_end is not None:  # a span: T+ of both ends, when it fits
            end_since = formatting.shown_since(item.shown_end, scheduled_start(item))
            both = f"{since}→{end_since.removeprefix('T')}"
            since = both if len(both) <= columns.since - 1 else since
        out.append_text(cell(since, columns.since, styles.approx if when.mark else ""))
    kind = str(item.event.kind)
    out.append_text(cell(kind if columns.wide else KIND_SHORT.get(kind, kind), columns.kind))
    out.append_text(cell(str(len(item.source_ids)), columns.SOURCES - 1, left=False))
    out.append(" ")
    if columns.actor:
        out.append_text(cell(one_line(item.event.actor), columns.actor - 1))
        out.append(" ")
    out.append_text(cell(one_line(item.event.title), columns.title))
    return out


def _zone_cell(
    when: formatting.Shown,
    previous: datetime | None,
    zone: str,
    locale: str,
    columns: Columns,
    styles: RowStyles,
    end: formatting.Shown | None = None,
) -> Text:
    moment = when.anchor
    if moment is None:
        return cell("?".rjust(columns.clock), columns.zone, styles.dim)
    text = aligned_clock(when, zone, locale, columns.clock)
    if end is not None and end.anchor is not None:  # a span: start → end, when it fits
        start_text = compact_clock(when, zone, locale, columns.clock)
        both = f"{start_text}→{compact_clock(end, zone, locale, columns.clock)}"
        text = both.rjust(columns.clock) if len(both) <= columns.clock else text
    out = Text(end="", no_wrap=True)
    out.append_text(cell(text, columns.clock, styles.approx if when.mark else ""))
    out.append(" ")
    label = formatting.abbreviation(moment, zone)
    if when.mark == "d" and when.day is not None:  # the day is the source's, in its zone
        label = day_label(when, when.day)
    out.append_text(cell(label, columns.label + 1))
    # A day a source named is dated in its own zone ("Fri WIB" never sits beside "▸Thu").
    own = when.day.zone if when.mark == "d" and when.day is not None else zone
    day = day_marker(moment, previous, own, locale)
    out.append_text(cell(day, columns.DAY, styles.day))
    return out


def day_label(when: formatting.Shown, day: DayWords) -> str:
    """The zone label of a day a source named: as written (``WIB``, ``UK time``), or the
    zone's abbreviation where the label is an IANA name."""
    if "/" not in day.label:
        return day.label
    moment = when.anchor
    return formatting.abbreviation(moment, day.zone) if moment is not None else day.label


def day_marker(moment: datetime, previous: datetime | None, zone: str, locale: str) -> str:
    """``▸Tue`` on the first row and where the date in ``zone`` changes, else ``''``."""
    if previous is not None and formatting.date_key(previous, zone) == formatting.date_key(
        moment, zone
    ):
        return ""
    return "▸" + formatting.local(moment, zone).format("ddd", locale=locale)
