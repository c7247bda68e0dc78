"""Time-zone names and the labels sources write, resolved to IANA zones.

A source writes "EDT", "ET", "IST", "UK time" or "waktu Jakarta"; the format keeps that label as
written and reads it as the local time of one IANA zone. The table below lists every label the
tool knows, the zone it means and the offsets it may carry.

One rule for a label that names an offset (EDT = UTC-4): an explicit offset that contradicts it
is an error; a label that is wrong for its date (EST in May, BST in January) is kept, read as the
local time of its zone, and reported as a warning (``zone-label-mismatch``) that the incident can
settle with ``zone_labels: {EST: America/New_York}``. ``UTC``, ``GMT`` and ``Z`` name the
reference line itself (IANA's ``Etc/GMT``), not the United Kingdom, so they are never wrong for
a date: UK time is ``UK time``, ``BST`` or ``Europe/London``.

A label that means several zones (``IST``: India, Ireland, Israel) is read only once the
incident says which (``zone_labels: {IST: Asia/Kolkata}``) or the time carries an offset that
only one of them has that day.
"""

from __future__ import annotations

import difflib
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

    label: str  # as written
    zone: str  # IANA name
    offset: timedelta | None  # None: the label names no fixed offset (ET, PT, an IANA name)
    place: str = ""  # where it is the local time ("India"), for messages and the README


def _h(hours: float) -> timedelta:
    return timedelta(hours=hours)


# label, IANA zone, offset it names (None: the zone's local time, whatever it is that day),
# where.
_TABLE: list[tuple[str, str, float | None, str]] = [
    ("ET", "America/New_York", None, "US Eastern"),
    ("EDT", "America/New_York", -4, "US Eastern, summer"),
    ("EST", "America/New_York", -5, "US Eastern, winter"),
    ("CT", "America/Chicago", None, "US Central"),
    ("CDT", "America/Chicago", -5, "US Central, summer"),
    ("CST", "America/Chicago", -6, "US Central, winter"),
    ("MT", "America/Denver", None, "US Mountain"),
    ("MDT", "America/Denver", -6, "US Mountain, summer"),
    ("MST", "America/Denver", -7, "US Mountain, winter"),
    ("PT", "America/Los_Angeles", None, "US Pacific"),
    ("PDT", "America/Los_Angeles", -7, "US Pacific, summer"),
    ("PST", "America/Los_Angeles", -8, "US Pacific, winter"),
    ("AKT", "America/Anchorage", None, "Alaska"),
    ("AKDT", "America/Anchorage", -8, "Alaska, summer"),
    ("AKST", "America/Anchorage", -9, "Alaska, winter"),
    ("HST", "Pacific/Honolulu", -10, "Hawaii"),
    ("UTC", "UTC", 0, "the UTC line"),
    ("GMT", "Etc/GMT", 0, "the UTC line (not UK summer time)"),
    ("Z", "UTC", 0, "the UTC line"),
    ("BST", "Europe/London", 1, "United Kingdom, summer"),
    ("CET", "Europe/Paris", 1, "Central Europe, winter"),
    ("CEST", "Europe/Paris", 2, "Central Europe, summer"),
    ("EET", "Europe/Athens", 2, "Eastern Europe, winter"),
    ("EEST", "Europe/Athens", 3, "Eastern Europe, summer"),
    ("MSK", "Europe/Moscow", 3, "Moscow"),
    ("GST", "Asia/Dubai", 4, "Gulf"),
    ("PKT", "Asia/Karachi", 5, "Pakistan"),
    ("SGT", "Asia/Singapore", 8, "Singapore"),
    ("HKT", "Asia/Hong_Kong", 8, "Hong Kong"),
    ("JST", "Asia/Tokyo", 9, "Japan"),
    ("KST", "Asia/Seoul", 9, "South Korea"),
    ("AET", "Australia/Sydney", None, "Australian Eastern"),
    ("AEST", "Australia/Sydney", 10, "Australian Eastern, winter"),
    ("AEDT", "Australia/Sydney", 11, "Australian Eastern, summer"),
    ("ACST", "Australia/Adelaide", 9.5, "Australian Central, winter"),
    ("ACDT", "Australia/Adelaide", 10.5, "Australian Central, summer"),
    ("AWST", "Australia/Perth", 8, "Australian Western"),
    ("NZT", "Pacific/Auckland", None, "New Zealand"),
    ("NZST", "Pacific/Auckland", 12, "New Zealand, winter"),
    ("NZDT", "Pacific/Auckland", 13, "New Zealand, summer"),
    ("WIB", "Asia/Jakarta", 7, "Western Indonesia"),
    ("WITA", "Asia/Makassar", 8, "Central Indonesia"),
    ("WIT", "Asia/Jayapura", 9, "Eastern Indonesia"),
]

ABBREVIATIONS: dict[str, ZoneLabel] = {
    label.upper(): ZoneLabel(label, zone, None if hours is None else _h(hours), place)
    for label, zone, hours, place in _TABLE
}

# Labels that mean different zones in different places: each candidate and the offset it names.
AMBIGUOUS: dict[str, tuple[ZoneLabel, ...]] = {
    "IST": (
        ZoneLabel("IST", "Asia/Kolkata", _h(5.5), "India"),
        ZoneLabel("IST", "Europe/Dublin", _h(1), "Ireland"),
        ZoneLabel("IST", "Asia/Jerusalem", _h(2), "Israel"),
    ),
}

# Places as prose names them: "UK time", "Eastern time", "waktu Jakarta". Any IANA city works
# too ("Sydney time", "waktu Makassar"); these are the names that are not a city.
PLACES: dict[str, str] = {
    "uk": "Europe/London",
    "british": "Europe/London",
    "britain": "Europe/London",
    "eastern": "America/New_York",
    "us eastern": "America/New_York",
    "new york": "America/New_York",
    "central": "America/Chicago",
    "us central": "America/Chicago",
    "mountain": "America/Denver",
    "us mountain": "America/Denver",
    "pacific": "America/Los_Angeles",
    "us pacific": "America/Los_Angeles",
    "california": "America/Los_Angeles",
    "alaska": "America/Anchorage",
    "hawaii": "Pacific/Honolulu",
    "irish": "Europe/Dublin",
    "ireland": "Europe/Dublin",
    "india": "Asia/Kolkata",
    "indian": "Asia/Kolkata",
    "israel": "Asia/Jerusalem",
    "central european": "Europe/Paris",
    "eastern european": "Europe/Athens",
    "moscow": "Europe/Moscow",
    "gulf": "Asia/Dubai",
    "pakistan": "Asia/Karachi",
    "singapore": "Asia/Singapore",
    "hong kong": "Asia/Hong_Kong",
    "japan": "Asia/Tokyo",
    "korea": "Asia/Seoul",
    "korean": "Asia/Seoul",
    "australian eastern": "Australia/Sydney",
    "australian central": "Australia/Adelaide",
    "australian western": "Australia/Perth",
    "new zealand": "Pacific/Auckland",
    "indonesia barat": "Asia/Jakarta",
    "indonesia bagian barat": "Asia/Jakarta",
    "indonesia tengah": "Asia/Makassar",
    "indonesia bagian tengah": "Asia/Makassar",
    "indonesia timur": "Asia/Jayapura",
    "indonesia bagian timur": "Asia/Jayapura",
}
_PROSE = (
    re.compile(r"^(?P<place>.+?)\s+(?:standard\s+|daylight\s+|summer\s+)?time$"),
    re.compile(r"^waktu\s+(?P<place>.+)$"),
)


class UnknownZoneError(ValueError):
    """The label is neither a known label, a place as prose names it, nor an IANA zone name."""

    code = "unknown-zone"


class AmbiguousZoneError(UnknownZoneError):
    """The label means several zones; the incident has to say which."""

    code = "ambiguous-zone"

    def __init__(self, label: str, candidates: tuple[ZoneLabel, ...]) -> None:
        self.label = label
        self.candidates = candidates
        listed = ", ".join(
            f"{c.place} ({c.zone}, UTC{format_offset(c.offset)})"
            for c in candidates
            if c.offset is not None
        )
        super().__init__(
            f"{label!r} may mean {listed}; say which with zone_labels: "
            f"{{{label.strip()}: {candidates[0].zone}}} on the incident, or write the offset"
        )


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


@lru_cache(maxsize=1)
def _iana() -> dict[str, str]:
    """Every IANA zone name by its lower-case spelling."""
    return {name.lower(): name for name in iana_zone_names()}


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """IANA zones by their city, lower case with spaces: 'los angeles' → America/Los_Angeles."""
    out: dict[str, str] = {}
    for name in sorted(iana_zone_names()):
        if "/" in name and not name.startswith("Etc/"):
            out.setdefault(name.rsplit("/", 1)[1].replace("_", " ").lower(), name)
    return out


def _place_zone(place: str) -> str | None:
    key = " ".join(place.lower().split())
    return PLACES.get(key) or _cities().get(key)


@lru_cache(maxsize=512)
def resolve_label(label: str, aliases: tuple[tuple[str, str], ...] = ()) -> ZoneLabel:
    """Read a zone label as written in a file.

    ``aliases`` are the incident's ``zone_labels`` (label → IANA zone): they settle an ambiguous
    label and read any label as the local time of the zone named. Raises
    :class:`AmbiguousZoneError` or :class:`UnknownZoneError` (with close matches).
    """
    text = label.strip()
    if not text:
        raise UnknownZoneError("empty time zone name")
    for alias, zone in aliases:
        if alias.strip().upper() == text.upper():
            target = resolve_label(zone)
            return ZoneLabel(text, target.zone, None, target.place)
    known = ABBREVIATIONS.get(text.upper())
    if known is not None:
        return known
    if text.upper() in AMBIGUOUS:
        raise AmbiguousZoneError(text, AMBIGUOUS[text.upper()])
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
    iana = _iana().get(text.lower())
    if iana is not None:
        return ZoneLabel(text, iana, None)
    place_zone = prose_zone(text)
    if place_zone is not None:
        return ZoneLabel(text, place_zone, None, text)
    raise UnknownZoneError(f"unknown time zone {text!r}" + _close_matches(text))


def prose_zone(text: str) -> str | None:
    """The IANA zone of a place as prose names it ("UK time", "waktu Jakarta", "Sydney
    time"), else None: cheap, and raises nothing (a reader of free text asks it often)."""
    for pattern in _PROSE:
        match = pattern.match(" ".join(text.lower().split()))
        if match is not None:
            place_zone = _place_zone(match.group("place"))
            if place_zone is not None:
                return place_zone
    return None


def candidates_for(label: str) -> tuple[ZoneLabel, ...]:
    """The zones an ambiguous label may mean (empty for any other label)."""
    return AMBIGUOUS.get(label.strip().upper(), ())


_UPPER_WORDS = frozenset({"uk", "us"})


def place_spelling(place: str) -> str:
    """A place of :data:`PLACES` as prose writes it: ``uk`` → ``UK``, ``us eastern`` → ``US
    Eastern``, ``new zealand`` → ``New Zealand`` (the table keys are lower case for lookup)."""
    return " ".join(w.upper() if w in _UPPER_WORDS else w.capitalize() for w in place.split())


def _close_matches(text: str) -> str:
    names: dict[str, str] = {k.lower(): v.label for k, v in ABBREVIATIONS.items()}
    names.update({k.lower(): k for k in AMBIGUOUS})
    names.update({k: v for k, v in _iana().items() if "/" in v})
    names.update({f"{p} time": f"{place_spelling(p)} time" for p in PLACES})
    key = " ".join(text.lower().split())
    found: list[str] = []
    # A city written without its region ("Jakarta") or the parts swapped ("Jakarta/Asia").
    for part in [key, *re.split(r"[/\s]+", key)]:
        spaced = part.replace("_", " ")
        for near in difflib.get_close_matches(spaced, list(_cities()), n=2, cutoff=0.8):
            if _cities()[near] not in found:
                found.append(_cities()[near])
    for match in difflib.get_close_matches(key, list(names), n=3, cutoff=0.75):
        if names[match] not in found:
            found.append(names[match])
    if not found:
        return "; write an IANA name such as Asia/Jakarta or a label such as EDT, WIB, UTC"
    return " (did you mean " + " or ".join(f"“{name}”" for name in found[:3]) + "?)"


def format_offset(offset: timedelta) -> str:
    total = int(offset.total_seconds()) // 60
    sign = "+" if total >= 0 else "-"
    hours, minutes = divmod(abs(total), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def label_table() -> list[tuple[str, str, str]]:
    """Every known label with its zone and the offset it names, for help texts and the README."""
    rows = [
        (z.label, z.zone, "local time" if z.offset is None else "UTC" + format_offset(z.offset))
        for z in ABBREVIATIONS.values()
    ]
    for label, cands in AMBIGUOUS.items():
        for c in cands:
            assert c.offset is not None
            rows.append((label, c.zone, f"UTC{format_offset(c.offset)} ({c.place})"))
    return rows
