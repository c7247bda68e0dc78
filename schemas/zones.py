"""Time-zone names and the abbreviations sources write, resolved to IANA zones.

A source writes "EDT", "ET", "PT" or "WIB"; the format keeps that label as written and reads
it as the local time of one IANA zone. Labels that name a fixed offset (EDT = UTC-4) are
checked against the date: an explicit offset that contradicts the label is an error, a label
that is wrong for the date (EST in May) is kept and reported as a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from functools import cache, lru_cache
from importlib import resources

import pendulum
from pendulum.tz.timezone import Timezone


@dataclass(frozen=True)
class ZoneLabel:
    """What a zone label means: the IANA zone to read it in and, if any, the offset it names."""

    label: str
    zone: str
    offset: timedelta | None  # None: the label names no fixed offset (ET, PT, an IANA name)


def _h(hours: float) -> timedelta:
    return timedelta(hours=hours)


# Abbreviations newsrooms write, each read as the local time of one IANA zone.
ABBREVIATIONS: dict[str, ZoneLabel] = {
    label.upper(): ZoneLabel(label, zone, offset)
    for label, zone, offset in [
        ("ET", "America/New_York", None),
        ("EDT", "America/New_York", _h(-4)),
        ("EST", "America/New_York", _h(-5)),
        ("CT", "America/Chicago", None),
        ("CDT", "America/Chicago", _h(-5)),
        ("CST", "America/Chicago", _h(-6)),
        ("MT", "America/Denver", None),
        ("MDT", "America/Denver", _h(-6)),
        ("MST", "America/Denver", _h(-7)),
        ("PT", "America/Los_Angeles", None),
        ("PDT", "America/Los_Angeles", _h(-7)),
        ("PST", "America/Los_Angeles", _h(-8)),
        ("WIB", "Asia/Jakarta", _h(7)),
        ("WITA", "Asia/Makassar", _h(8)),
        ("WIT", "Asia/Jayapura", _h(9)),
        ("UTC", "UTC", _h(0)),
        ("GMT", "Etc/GMT", _h(0)),
        ("Z", "UTC", _h(0)),
        ("BST", "Europe/London", _h(1)),
        ("CET", "Europe/Paris", _h(1)),
        ("CEST", "Europe/Paris", _h(2)),
    ]
}

_IANA_SHAPE = re.compile(r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2}$")


class UnknownZoneError(ValueError):
    """The label is neither a known abbreviation nor an IANA zone name."""


# In the zone list but not a place: "Factory" reads every time as "-00" on purpose.
_NOT_PLACES = frozenset({"Factory"})
_MACHINE_ZONES = frozenset({"localtime", "posixrules"})


@cache
def iana_zone_names() -> frozenset[str]:
    """The zone names of the IANA database as the ``tzdata`` package ships it.

    A fixed list, the same on every machine: the folder the system keeps its zone files in
    also holds ``localtime`` and ``posixrules`` (whatever this machine is set to), ``posix/…``
    and ``right/…`` copies (the latter counting leap seconds), which must never decide what a
    time in a file means.
    """
    listing = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8")
    return frozenset(listing.split()) - _NOT_PLACES


@lru_cache(maxsize=512)
def timezone(name: str) -> Timezone:
    """The pendulum zone for an IANA name (cached: zone objects are immutable)."""
    tz = pendulum.timezone(name)
    assert isinstance(tz, Timezone)
    return tz


@lru_cache(maxsize=512)
def resolve_label(label: str) -> ZoneLabel:
    """Read a zone label as written in a file: an abbreviation or an IANA name."""
    text = label.strip()
    known = ABBREVIATIONS.get(text.upper())
    if known is not None:
        return known
    if not _IANA_SHAPE.match(text) or ".." in text:
        raise UnknownZoneError(f"unknown time zone {label!r}")
    if text not in iana_zone_names():
        if text.lower() == "factory":
            raise UnknownZoneError(
                f"time zone {label!r} is the IANA database's placeholder for a machine with no "
                "zone set, not a place; name the zone (America/New_York, Asia/Jakarta)"
            )
        if text.lower() in _MACHINE_ZONES or text.split("/", 1)[0] in ("posix", "right"):
            raise UnknownZoneError(
                f"time zone {label!r} is not a zone of the IANA database but a file of this "
                "machine's zone folder, which can mean something else elsewhere; name the zone "
                "(America/New_York, Asia/Jakarta) or write the offset"
            )
        raise UnknownZoneError(f"unknown time zone {label!r}")
    try:
        timezone(text)
    except Exception as exc:  # pendulum raises InvalidTimezone / ZoneInfoNotFoundError
        raise UnknownZoneError(f"unknown time zone {label!r}") from exc
    return ZoneLabel(text, text, None)


def format_offset(offset: timedelta) -> str:
    total = int(offset.total_seconds()) // 60
    sign = "+" if total >= 0 else "-"
    hours, minutes = divmod(abs(total), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"
