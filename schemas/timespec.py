"""Parse the times written in incident files and place them on the UTC line.

A time is written either as ISO 8601 with an offset (``2024-08-12T20:42:00-04:00``) or as a wall
clock time (``2024-08-12 20:42``) read in a zone label. Everything here is pure and cheap: the
validator calls it once per claim and the reconstruction once more to build intervals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

import pendulum

from .zones import (
    AmbiguousZoneError,
    UnknownZoneError,
    ZoneLabel,
    format_offset,
    resolve_label,
    timezone,
)

MIN_YEAR = 1900
MAX_YEAR = 2199

WALL_TIME_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
    r"(Z|[+-][0-9]{2}:?[0-9]{2})?$"
)
_WALL_TIME = re.compile(WALL_TIME_PATTERN)

# 18m, 1h30m, 7h11m, 2d6h, -5m, and ISO 8601: PT7H11M, P2DT6H, P3W.
DURATION_PATTERN = (
    r"^-?(([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?"
    r"|[Pp]([0-9]+[Ww])?([0-9]+[Dd])?([Tt]([0-9]+[Hh])?([0-9]+[Mm])?([0-9]+[Ss])?)?)$"
)
MARGIN_PATTERN = r"^([0-9]+h)?([0-9]+m)?([0-9]+s)?$"  # a margin is a distance: never negative
_DURATION = re.compile(r"^(-?)(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?$")
_ISO_DURATION = re.compile(
    r"^(-?)P(?:([0-9]+)W)?(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?)?$",
    re.IGNORECASE,
)
MAX_DURATION = timedelta(days=3650)  # ten years: any offset, margin or range in a file
_MAX_DURATION_SECONDS = int(MAX_DURATION.total_seconds())


class TimeError(ValueError):
    """A time that cannot be placed on the line. ``code`` is stable for tools."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class WallTime:
    """A parsed time string: the clock reading and, if written, its explicit offset."""

    local: datetime  # naive
    offset: timedelta | None


def parse_wall_time(text: str) -> WallTime:
    """Parse ``YYYY-MM-DD[T ]HH:MM[:SS[.ffffff]][Z|±HH:MM]``; raise TimeError with a reason."""
    if not _WALL_TIME.match(text):
        raise TimeError(
            "time-format",
            f"{text!r} is not a time of the form 'YYYY-MM-DD HH:MM' "
            "(optionally with seconds and an offset such as -04:00)",
        )
    if text[17:19] == "60" and len(text) > 17 and text[16] == ":":
        raise TimeError("time-range", f"{text!r} has a leap second (:60), which cannot be placed")
    year = int(text[:4])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise TimeError("time-range", f"year {year} is outside {MIN_YEAR}..{MAX_YEAR}")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError as exc:
        raise TimeError("time-range", f"{text!r} is not a real date and time: {exc}") from None
    offset = parsed.utcoffset()
    if offset is not None and abs(offset) > timedelta(hours=14):
        raise TimeError("time-range", f"offset {format_offset(offset)} is beyond ±14:00")
    return WallTime(parsed.replace(tzinfo=None), offset)


DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_DATE = re.compile(DATE_PATTERN)


def parse_date(text: str) -> date:
    """A real calendar date ``YYYY-MM-DD`` in the years times may have; raise TimeError."""
    if not _DATE.match(text):
        raise TimeError("time-format", f"{_short(text)} is not a date written YYYY-MM-DD")
    year = int(text[:4])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise TimeError("time-range", f"year {year} is outside {MIN_YEAR}..{MAX_YEAR}")
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise TimeError("time-range", f"{text!r} is not a real calendar date: {exc}") from None


def in_time_range(moment: datetime) -> bool:
    """Whether a placed instant lies in the years a written time may have (MIN..MAX_YEAR)."""
    return MIN_YEAR <= moment.year <= MAX_YEAR


@lru_cache(maxsize=4096)
def parse_duration(text: str) -> timedelta:
    """Parse ``1h30m``, ``18m``, ``-5m``, ``90s``, ``2d6h`` and ISO 8601 ``PT7H11M``, ``P2D``."""
    iso = _ISO_DURATION.match(text.strip())
    if iso and any(iso.group(i) for i in range(2, 7)):
        groups = [iso.group(i) for i in range(2, 7)]  # weeks, days, hours, minutes, seconds
        sign = iso.group(1)
    else:
        m = _DURATION.match(text.strip())
        if not m or not any(m.group(i) for i in (2, 3, 4, 5)):
            raise ValueError(
                f"{_short(text)} is not a duration such as '18m', '1h30m', '2d6h' or 'PT7H11M'"
            )
        groups = [None, *(m.group(i) for i in (2, 3, 4, 5))]
        sign = m.group(1)
    # Count in integer seconds first: timedelta(hours=25000000000) raises OverflowError, and a
    # number of thousands of digits would cost int() more than it is worth.
    parts = [(g or "0").lstrip("0") or "0" for g in groups]
    if any(len(part) > 12 for part in parts):
        raise ValueError(f"{_short(text)} is longer than ten years")
    weeks, days, hours, minutes, seconds = (int(part) for part in parts)
    total = (weeks * 7 + days) * 86400 + hours * 3600 + minutes * 60 + seconds
    if total > _MAX_DURATION_SECONDS:
        raise ValueError(f"{_short(text)} is longer than ten years")
    delta = timedelta(seconds=total)
    return -delta if sign else delta


def _short(text: str) -> str:
    shown = repr(text)
    return shown if len(shown) <= 40 else shown[:39] + "…"


def format_duration(delta: timedelta) -> str:
    """``1h05m``, ``42m``, ``-3m``, ``2d05h``, ``21d``: the inverse of :func:`parse_duration`
    at minute grain (from a day on, at hour grain unless minutes are named)."""
    total = int(delta.total_seconds())
    sign = "-" if total < 0 else ""
    total = abs(total)
    days, total = divmod(total, 86400) if total >= 86400 else (0, total)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if days:
        out = f"{days}d" + (f"{hours:02d}h" if hours or minutes else "")
        out += f"{minutes:02d}m" if minutes else ""
        return sign + out
    out = f"{hours}h{minutes:02d}m" if hours else f"{minutes}m"
    if seconds:
        out += f"{seconds:02d}s"
    return sign + out


@dataclass(frozen=True)
class PlacedTime:
    """A time placed on the UTC line, with the zone its source spoke in."""

    utc: datetime  # aware, UTC
    zone: str  # IANA name the source's clock is read in
    label: str  # the label as written (EDT, ET, WIB, America/New_York) or the offset
    warning: str | None = None  # e.g. a label wrong for the date


Aliases = tuple[tuple[str, str], ...]  # an incident's zone_labels, hashable


def _label_for(
    zone_label: str | None,
    default_zone: str | None,
    aliases: Aliases,
    wall: WallTime | None = None,
) -> ZoneLabel | None:
    chosen = zone_label if zone_label is not None else default_zone
    if chosen is None:
        return None
    try:
        return resolve_label(chosen, aliases)
    except AmbiguousZoneError as exc:
        if wall is not None and wall.offset is not None:
            # An explicit offset settles it when only one candidate has it that day.
            fits = [
                c
                for c in exc.candidates
                if c.offset == wall.offset
                and (wall.local - wall.offset)
                .replace(tzinfo=UTC)
                .astimezone(timezone(c.zone))
                .utcoffset()
                == wall.offset
            ]
            if len(fits) == 1:
                return fits[0]
        raise TimeError(exc.code, str(exc)) from None
    except UnknownZoneError as exc:
        raise TimeError(exc.code, str(exc)) from None


@lru_cache(maxsize=1 << 18)  # ~260k placements: a 100,000-event file's, checked then rebuilt
def place_time(
    text: str, zone_label: str | None, default_zone: str | None, aliases: Aliases = ()
) -> PlacedTime:
    """Place a written time on the UTC line.

    ``zone_label`` is the zone the claim names (as written); ``default_zone`` the incident's.
    Raises :class:`TimeError` for a time with no knowable zone, a spring-forward gap, an
    ambiguous fall-back time without an offset, or an offset that contradicts its label.
    Cached: validation and reconstruction place the same written times, and files repeat them.
    """
    wall = parse_wall_time(text)
    label = _label_for(zone_label, default_zone, aliases, wall)
    if wall.offset is not None:
        utc = (wall.local - wall.offset).replace(tzinfo=UTC)
        if label is None:
            return PlacedTime(utc, "UTC", format_offset(wall.offset))
        if label.offset is not None and label.offset != wall.offset:
            raise TimeError(
                "offset-contradicts-zone",
                f"offset {format_offset(wall.offset)} contradicts {label.label} "
                f"(UTC{format_offset(label.offset)})",
            )
        actual = utc.astimezone(timezone(label.zone)).utcoffset()
        if label.offset is None and actual != wall.offset:
            assert actual is not None
            raise TimeError(
                "offset-contradicts-zone",
                f"offset {format_offset(wall.offset)} contradicts {label.label}, which is "
                f"UTC{format_offset(actual)} on {wall.local.date().isoformat()}",
            )
        return PlacedTime(utc, label.zone, label.label)
    if label is None:
        raise TimeError(
            "no-zone",
            f"{text!r} has no offset and neither the claim nor the incident names a zone",
        )
    tz = timezone(label.zone)
    first = wall.local.replace(tzinfo=tz, fold=0)
    second = wall.local.replace(tzinfo=tz, fold=1)
    off0, off1 = first.utcoffset(), second.utcoffset()
    assert off0 is not None and off1 is not None
    # A wall time in a spring-forward gap does not survive a round trip through UTC.
    if first.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != wall.local:
        raise TimeError(
            "nonexistent-time",
            f"{text} does not exist in {label.zone} (the clocks skip it when summer time "
            "begins); write the offset the source meant",
        )
    warning: str | None = None
    if off0 != off1:
        if label.offset == off0:
            chosen = first
        elif label.offset == off1:
            chosen = second
        else:
            raise TimeError(
                "ambiguous-time",
                f"{text} happens twice in {label.zone} (clocks fall back); write the offset, "
                f"{format_offset(off0)} or {format_offset(off1)}",
            )
    else:
        chosen = first
        if label.offset is not None and label.offset != off0:
            warning = (
                f"{label.label} (UTC{format_offset(label.offset)}) is wrong for "
                f"{wall.local.date().isoformat()}, when {label.zone} is "
                f"UTC{format_offset(off0)}; read as {label.zone} local time"
            )
    return PlacedTime(chosen.astimezone(UTC), label.zone, label.label, warning)


# The hours each part of a day means, in the zone of the claim: [start, end) from midnight.
DAY_PARTS: dict[str, tuple[int, int]] = {
    "day": (0, 24),  # "on Saturday", "Tuesday (2/7)"
    "early": (0, 6),  # "early Monday", "dini hari"
    "morning": (6, 12),  # "Monday morning", "pagi"
    "midday": (11, 15),  # "around midday", "siang"
    "afternoon": (12, 18),  # "Friday afternoon", "sore"
    "evening": (18, 24),  # "Friday evening"
    "late": (18, 24),  # "late Monday"
    "night": (18, 30),  # "Saturday night", "malam": until 06:00 the next day
}


@dataclass(frozen=True)
class PlacedDay:
    """A day, or a part of one, placed on the UTC line: [start, end)."""

    start: datetime  # aware, UTC
    end: datetime
    zone: str
    label: str


@lru_cache(maxsize=4096)
def place_day(
    day: str,
    part: str | None,
    zone_label: str | None,
    default_zone: str | None,
    aliases: Aliases = (),
) -> PlacedDay:
    """Place "Saturday night" (``day`` 2024-07-20, ``part`` night) in its zone."""
    try:
        date = datetime.strptime(day, "%Y-%m-%d").date()
    except ValueError:
        raise TimeError("time-range", f"{day!r} is not a real date") from None
    if not MIN_YEAR <= date.year <= MAX_YEAR:
        raise TimeError("time-range", f"year {date.year} is outside {MIN_YEAR}..{MAX_YEAR}")
    label = _label_for(zone_label, default_zone, aliases)
    if label is None:
        raise TimeError(
            "no-zone", f"day {day} has no zone: neither the claim nor the incident names one"
        )
    first, last = DAY_PARTS[part or "day"]
    tz = timezone(label.zone)
    midnight = datetime(date.year, date.month, date.day)

    def at(hours: int) -> datetime:
        wall = midnight + timedelta(hours=hours)
        placed = pendulum.instance(wall, tz=tz)  # a gap moves forward, a fold takes the first
        return datetime.fromtimestamp(placed.timestamp(), UTC)

    return PlacedDay(at(first), at(last), label.zone, label.label)
