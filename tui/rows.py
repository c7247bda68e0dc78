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
from incident.timeline import Severity, TimelineEvent

from .safe import cell, one_line

NEW_YORK = "America/New_York"
JAKARTA = "Asia/Jakarta"
UTC = "UTC"

ZONE_NAMES = {NEW_YORK: "New York", JAKARTA: "Jakarta", UTC: "UTC"}

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


@dataclass(frozen=True)
class ZoneMode:
    """A choice of display zones that ``z`` cycles through."""

    name: str
    zones: tuple[str, ...]


def zone_modes(display: tuple[str, ...]) -> list[ZoneMode]:
    """Both display zones, then New York, WIB and UTC alone."""
    first = ZoneMode("both" if len(display) == 2 else "display zones", display)
    return [
        first,
        ZoneMode("New York", (NEW_YORK,)),
        ZoneMode("WIB", (JAKARTA,)),
        ZoneMode("UTC", (UTC,)),
    ]


def zone_name(zone: str) -> str:
    return ZONE_NAMES.get(zone, zone.rsplit("/", 1)[-1].replace("_", " "))


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

    ZONE = 16  # "~20:41 EDT ▸Tue" and a gap
    FLAG = 3
    SINCE = 9
    SOURCES = 4

    @property
    def title(self) -> int:
        used = self.FLAG + self.ZONE * len(self.zones) + self.SINCE + self.kind + self.SOURCES
        return max(self.width - used - self.actor, 8)


def moment_of(item: TimelineEvent) -> datetime | None:
    """The instant a row stands at (what its clock shows)."""
    return formatting.interval_marker(item.interval)[1]


def flag(item: TimelineEvent) -> str:
    """``!!`` when the sources cannot all be right, ``! `` when they name different figures."""
    if not item.discrepancies:
        return ""
    if any(d.severity is Severity.conflict for d in item.discrepancies):
        return "!!"
    return "!"


def header(columns: Columns, style: Style = PLAIN) -> Text:
    out = Text(end="", no_wrap=True, style=style)
    out.append_text(cell("", columns.FLAG))
    for zone in columns.zones:
        out.append_text(cell(zone_name(zone), columns.ZONE))
    out.append_text(cell("T+", columns.SINCE))
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
    mark_char, moment = formatting.interval_marker(item.interval)
    approx = mark_char != ""
    for zone in columns.zones:
        out.append_text(_zone_cell(item, moment, previous, zone, approx, locale, columns, styles))
    since = formatting.since_start(item.since_start)
    out.append_text(cell(since, columns.SINCE, styles.approx if "~" in since else ""))
    kind = str(item.event.kind)
    out.append_text(cell(kind if columns.wide else KIND_SHORT.get(kind, kind), columns.kind))
    out.append_text(cell(str(len(item.source_ids)), columns.SOURCES - 1, left=False))
    out.append(" ")
    out.append_text(cell(one_line(item.event.actor), columns.actor - 1))
    out.append(" ")
    out.append_text(cell(one_line(item.event.title), columns.title))
    return out


def _zone_cell(
    item: TimelineEvent,
    moment: datetime | None,
    previous: datetime | None,
    zone: str,
    approx: bool,
    locale: str,
    columns: Columns,
    styles: RowStyles,
) -> Text:
    if moment is None:
        return cell("     ?", columns.ZONE, styles.dim)
    clock = formatting.interval_clock(item.interval, zone, locale)
    out = Text(end="", no_wrap=True)
    out.append_text(cell(clock, 6, styles.approx if approx else "", left=False))
    out.append(" ")
    out.append_text(cell(formatting.abbreviation(moment, zone), 4))
    out.append_text(cell(day_marker(moment, previous, zone, locale), columns.ZONE - 11, styles.day))
    return out


def day_marker(moment: datetime, previous: datetime | None, zone: str, locale: str) -> str:
    """``▸Tue`` on the first row and where the date in ``zone`` changes, else ``''``."""
    if previous is not None and formatting.date_key(previous, zone) == formatting.date_key(
        moment, zone
    ):
        return ""
    return "▸" + formatting.local(moment, zone).format("ddd", locale=locale)
