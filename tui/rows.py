"""One timeline row as text: times in the display zones side by side, a day marker where the
date changes in a zone, T+, kind, source count, actor and title, and a mark on disputed events.

Pure functions of the reconstructed timeline (no Textual), so the widget, the tests and the
benchmark share them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.style import Style
from rich.text import Text

from incident import formatting
from incident.timeline import DiscrepancyKind, TimelineEvent
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

WIDE = 110  # from this width on, the kind is spelled out and the actor gets more room
RANGE_SHORT = 90  # from this width on, a range within one hour is shown whole: 20:13–30
RANGE_WIDE = 130  # and from this one, any range: 20:50–21:10 (else its start: 20:50–)


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
class Columns:
    width: int
    zones: tuple[str, ...]

    @property
    def wide(self) -> bool:
        return self.width >= WIDE

    @property
    def kind(self) -> int:
        return 12 if self.wide else 5

    @property
    def actor(self) -> int:
        if self.wide:
            return 22
        return 14 if self.width >= 90 else 10

    FLAG = 3
    SOURCES = 4

    @property
    def clock(self) -> int:
        """Room for the clock: ``20:13–`` (6), ``20:13–30`` (8) or ``20:13–21:30`` (11)."""
        if self.width >= RANGE_WIDE:
            return 11
        return 8 if self.width >= RANGE_SHORT else 6

    @property
    def zone(self) -> int:
        """The clock, `` EDT``, `` ▸Tue`` and a gap: 16 at 80 columns."""
        return self.clock + 10

    @property
    def since(self) -> int:
        """``T+13m–30m`` and a gap; ``T+1h13m–1h30m`` where the clock has room for a range."""
        return 10 if self.clock == 6 else 14

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
    """``!!`` when the sources cannot all be right, ``! `` when they name different figures."""
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
    for zone in columns.zones:
        out.append_text(_zone_cell(when, previous, zone, locale, columns, styles, item.shown_end))
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
        label = when.day.label if "/" not in when.day.label else label
    out.append_text(cell(label, 4))
    day = day_marker(moment, previous, zone, locale)
    out.append_text(cell(day, columns.zone - columns.clock - 5, styles.day))
    return out


def day_marker(moment: datetime, previous: datetime | None, zone: str, locale: str) -> str:
    """``▸Tue`` on the first row and where the date in ``zone`` changes, else ``''``."""
    if previous is not None and formatting.date_key(previous, zone) == formatting.date_key(
        moment, zone
    ):
        return ""
    return "▸" + formatting.local(moment, zone).format("ddd", locale=locale)
