"""Search and filter over a timeline's events, fast enough to run on every keystroke.

Each event gets one lower-case haystack (title, actor, quotes, translations) built once; a query
is a substring test over those strings. A query that extends the previous one only searches the
previous matches, so typing narrows an ever smaller list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from incident.timeline import Timeline

FilterField = Literal["kind", "source", "tag"]


@dataclass(frozen=True)
class EventFilter:
    """Keep events of one kind, backed by one source, or carrying one tag."""

    field: FilterField
    value: str

    def describe(self) -> str:
        return f"{self.field}={self.value}"


class EventIndex:
    """Precomputed per-event search data for one timeline (positions in ``timeline.events``)."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        haystacks: list[str] = []
        kinds: list[str] = []
        sources: list[frozenset[str]] = []
        tags: list[frozenset[str]] = []
        for item in timeline.events:
            event = item.event
            parts = [event.title, event.actor or ""]
            for claim in event.claims:
                parts.append(claim.quote or "")
                parts.append(claim.translation or "")
            haystacks.append("\n".join(parts).casefold())
            kinds.append(str(event.kind))
            sources.append(frozenset(c.source for c in event.claims))
            tags.append(frozenset(event.tags))
        self.haystacks = haystacks
        self.kinds = kinds
        self.sources = sources
        self.tags = tags
        self._all = list(range(len(haystacks)))
        self._last: tuple[str, EventFilter | None, list[int]] | None = None

    def __len__(self) -> int:
        return len(self.haystacks)

    def choices(self) -> list[EventFilter]:
        """Every filter that would keep at least one event: kinds, sources, tags."""
        kinds = sorted(set(self.kinds))
        sources = sorted(self.timeline.sources)
        tags = sorted({t for group in self.tags for t in group})
        return (
            [EventFilter("kind", k) for k in kinds]
            + [EventFilter("source", s) for s in sources]
            + [EventFilter("tag", t) for t in tags]
        )

    def _filtered(self, flt: EventFilter | None) -> list[int]:
        if flt is None:
            return self._all
        if flt.field == "kind":
            kinds = self.kinds
            return [i for i in self._all if kinds[i] == flt.value]
        groups = self.sources if flt.field == "source" else self.tags
        value = flt.value
        return [i for i in self._all if value in groups[i]]

    def matching(self, query: str, flt: EventFilter | None = None) -> list[int]:
        """Positions of the events that contain ``query`` (any case) and pass ``flt``."""
        needle = query.casefold()
        last = self._last
        if last is not None and last[1] == flt and needle.startswith(last[0]):
            pool = last[2]
        else:
            pool = self._filtered(flt)
        if needle:
            hay = self.haystacks
            found = [i for i in pool if needle in hay[i]]
        else:
            found = pool
        self._last = (needle, flt, found)
        return found
