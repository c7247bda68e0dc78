"""How an export names its display zones: column headings and descriptions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from ..formatting import abbreviation


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
