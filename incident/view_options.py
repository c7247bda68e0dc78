"""How a person asked to see incidents: display zones and the language of dates.

Resolved once, at the edge (the command line), and handed ready-made to the app and the export,
which never read a zone label again: a :class:`DisplayZone` already holds its IANA zone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from schemas.zones import ABBREVIATIONS, UnknownZoneError, resolve_label, timezone

from .timeline import Timeline

LOCALES = ("en", "id")
"""The languages dates can be written in: the one list every surface offers."""

DEFAULT_ZONE = "UTC"


@dataclass(frozen=True)
class DisplayZone:
    """An IANA zone to show times in, and what to call it."""

    zone: str
    label: str

    @classmethod
    def of(cls, zone: str) -> DisplayZone:
        """An IANA zone under the name people use for it (see :func:`zone_label`)."""
        return cls(zone, zone_label(zone))


def short_name(zone: str) -> str:
    """``America/New_York`` → ``New York``; ``UTC`` stays ``UTC``."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


_WINTER = datetime(2001, 1, 15, 12, tzinfo=UTC)
_SUMMER = datetime(2001, 7, 15, 12, tzinfo=UTC)


@cache
def zone_label(zone: str) -> str:
    """``WIB`` for Asia/Jakarta (a zone whose offset never changes and which has a label of
    its own), else the place: ``New York`` for America/New_York (EDT half the year, EST the
    other half)."""
    offsets = {timezone(zone).utcoffset(moment) for moment in (_WINTER, _SUMMER)}
    if len(offsets) == 1:
        offset = offsets.pop()
        for known in ABBREVIATIONS.values():
            if known.zone == zone and known.offset == offset:
                return known.label
    return short_name(zone)


@dataclass(frozen=True)
class ViewOptions:
    """Display zones (empty: each incident's own ``display_zones``) and the date locale."""

    zones: tuple[DisplayZone, ...] = ()
    locale: str = "en"

    def __post_init__(self) -> None:
        if self.locale not in LOCALES:
            raise ValueError(f"unknown locale {self.locale!r} (use {' or '.join(LOCALES)})")

    @classmethod
    def from_labels(cls, labels: Sequence[str] | None = None, locale: str = "en") -> ViewOptions:
        """Options from what a person typed: IANA names or labels such as EDT, ET, WIB.

        Labels naming one zone (EDT and ET) give one column, in the order first written.
        Raises :class:`UnknownZoneError` naming the first label that is not a zone, and
        ValueError for a locale not in :data:`LOCALES`.
        """
        chosen: dict[str, DisplayZone] = {}
        for label in labels or ():
            if not label.strip():
                raise UnknownZoneError("empty time zone name")
            zone = resolve_label(label).zone
            chosen.setdefault(zone, DisplayZone(zone, label.strip()))
        return cls(tuple(chosen.values()), locale)

    def display_zones(self, timeline: Timeline) -> tuple[DisplayZone, ...]:
        """The zones to show this incident in: the chosen ones, else the incident's own."""
        if self.zones:
            return self.zones
        own = tuple(dict.fromkeys(timeline.display_zones)) or (DEFAULT_ZONE,)
        return tuple(DisplayZone.of(zone) for zone in own)

    def zone_names(self, timeline: Timeline) -> tuple[str, ...]:
        """The IANA names of :meth:`display_zones`."""
        return tuple(z.zone for z in self.display_zones(timeline))

    def with_zones(self, zones: Sequence[DisplayZone]) -> ViewOptions:
        """The same locale with other zones (the app's current zone mode, for its export)."""
        return ViewOptions(tuple(zones), self.locale)
