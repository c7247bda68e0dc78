"""Zone modes: the choices of display zones that ``z`` cycles through, built from the incident's
display zones (or the ``--zone`` flags): all of them together, each alone, then UTC once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from incident.view_options import DEFAULT_ZONE, DisplayZone, short_name

UTC = DisplayZone(DEFAULT_ZONE, DEFAULT_ZONE)


@dataclass(frozen=True)
class ZoneMode:
    """One choice of display zones: what it is called and the zones it shows, in order."""

    name: str
    display: tuple[DisplayZone, ...]

    @property
    def zones(self) -> tuple[str, ...]:
        """The IANA names, for the views."""
        return tuple(z.zone for z in self.display)

    @property
    def heading(self) -> str:
        """For a subtitle, named as the rows' column headings are: ``zone: Jakarta``;
        ``zones: UTC · Jakarta · Sydney``."""
        names = [short_name(zone.zone) for zone in self.display]
        return ("zone: " if len(names) == 1 else "zones: ") + " · ".join(names)

    @property
    def first_heading(self) -> str:
        """For a page that gives its times in one zone, the first: ``zone: New York``."""
        return f"zone: {short_name(self.display[0].zone)}"

    def describe(self) -> str:
        """``New York (America/New_York)``; ``both (America/New_York, Asia/Jakarta)``."""
        return f"{self.name} ({', '.join(self.zones)})"


def zone_modes(display: Sequence[DisplayZone]) -> list[ZoneMode]:
    """All the display zones together (when there are several), each alone, then UTC unless
    it is one of them."""
    chosen = tuple(display) or (UTC,)
    modes: list[ZoneMode] = []
    if len(chosen) > 1:
        modes.append(ZoneMode("both" if len(chosen) == 2 else f"all {len(chosen)}", chosen))
    modes.extend(ZoneMode(zone.label, (zone,)) for zone in chosen)
    if all(zone.zone != UTC.zone for zone in chosen):
        modes.append(ZoneMode(UTC.label, (UTC,)))
    return modes
