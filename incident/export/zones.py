"""Display zones for an export: ``--zone`` labels (IANA names, EDT/ET, WIB…) read as IANA zones."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from schemas.zones import UnknownZoneError, resolve_label

from ..formatting import abbreviation


def display_zones(labels: Sequence[str] | None, default: Sequence[str]) -> tuple[str, ...]:
    """The IANA zones to show, in order, without repeats (EDT and ET are one column).

    ``labels`` as the user wrote them; ``default`` (IANA names) when none are given.
    Raises :class:`UnknownZoneError` naming the label, for the caller to report.
    """
    if not labels:
        chosen = list(default) or ["UTC"]
    else:
        chosen = []
        for label in labels:
            if not label.strip():
                raise UnknownZoneError("empty time zone name")
            chosen.append(resolve_label(label).zone)
    return tuple(dict.fromkeys(chosen))


def check_labels(labels: Sequence[str] | None) -> None:
    """Raise :class:`UnknownZoneError` for the first label that is not a zone."""
    display_zones(labels, ())


def varies(zone: str, moments: Sequence[datetime]) -> bool:
    """Whether the zone's abbreviation changes over these moments (a DST switch)."""
    return len({abbreviation(m, zone) for m in moments}) > 1


def column_names(zones: Sequence[str], moments: Sequence[datetime]) -> list[str]:
    """Short column headings: the abbreviation in use (``EDT``), or the IANA name when the
    abbreviation changes over the incident or two columns would share one."""
    names: list[str] = []
    for zone in zones:
        abbrs = list(dict.fromkeys(abbreviation(m, zone) for m in moments))
        names.append(abbrs[0] if len(abbrs) == 1 else zone)
    for index, name in enumerate(names):
        if names.count(name) > 1:
            names[index] = zones[index]
    return names


def describe(zone: str, moments: Sequence[datetime]) -> str:
    """``America/New_York (EDT)``; ``UTC`` alone; several abbreviations joined by '/'."""
    abbrs = list(dict.fromkeys(abbreviation(m, zone) for m in moments))
    if not abbrs or abbrs == [zone]:
        return zone
    return f"{zone} ({'/'.join(abbrs)})"
