"""The reconstructed timeline as a JSON document (``incident export --format json``).

The contract for programs that read the reconstruction: its JSON Schema is generated from these
models and committed as ``schemas/timeline.schema.json``. Keys come out in the order they are
declared here, so two exports of changed incidents diff line by line. Instants are ISO 8601:
``utc`` with ``+00:00``, and once per display zone with that zone's offset. Nothing here knows
how the document is filled in (that is :mod:`incident.export.timeline_json`).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .models import Bound, Cause, ClaimTime, ClaimValue, Source

TIMELINE_SCHEMA_ID = "https://github.com/incident-timeline/incident/schemas/timeline.schema.json"


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalTime(_Doc):
    """An instant or span in one display zone."""

    zone: str = Field(description="IANA zone name.")
    earliest: str | None = Field(description="ISO 8601 with this zone's offset; null if open.")
    latest: str | None = Field(description="ISO 8601 with this zone's offset; null if open.")
    shown: str = Field(description="How the timeline shows it: '~20:45 EDT', '20:42–20:53 EDT'.")


class Span(_Doc):
    """A span on the UTC line; an open side is null ('shortly after 8:20', no window)."""

    earliest: str | None = Field(description="ISO 8601 in UTC, or null when open.")
    latest: str | None = Field(description="ISO 8601 in UTC, or null when open.")
    approximate: bool = Field(
        description="A single instant only because fuzzy claims meet there, not one a source named."
    )


class ResolvedClaimDoc(_Doc):
    source: str = Field(description="Source id.")
    quote: str | None
    translation: str | None
    stance: str | None
    note: str | None
    time: ClaimTime | None = Field(description="The time as the source states it (as in the file).")
    stated: str = Field(description="The time in words, in the source's zone: 'about 20:45 ET'.")
    nominal: str | None = Field(description="The instant the source names, in UTC.")
    zone: str | None = Field(description="IANA zone the source's clock is read in.")
    interval: Span | None = Field(description="The span the claim's time becomes; null: no time.")
    value: ClaimValue | None
    value_range: list[float | None] | None = Field(
        description="[low, high] the figure stands for ('about' is ±10 %); null ends are open."
    )


class DiscrepancyDoc(_Doc):
    aspect: Literal["time", "value", "duration"]
    kind: Literal["conflict", "variance"] = Field(
        description="conflict: the claims cannot all be true; variance: they overlap but name "
        "different figures."
    )
    sources: list[str] = Field(description="Ids of the sources whose claims disagree.")
    claims: list[int] = Field(
        description="Indexes of those claims in the event's claims followed by its end_claims."
    )


class EventDoc(_Doc):
    id: str
    title: str
    kind: str
    actor: str | None
    tags: list[str]
    note: str | None
    file_position: int = Field(description="Index of the event in the incident file.")
    mark: Literal["", "~", ">", "<", "–", "?", "d"] = Field(
        description="'' one instant · '~' about · '>' after · '<' before · '–' a range · "
        "'?' no time · 'd' a day or part of a day without a clock."
    )
    interval: Span | None
    local: list[LocalTime] = Field(description="The interval in each display zone.")
    since_start_seconds: list[int | None] | None = Field(
        description="[earliest, latest] seconds from the scheduled start; null without one."
    )
    claims: list[ResolvedClaimDoc]
    end_claims: list[ResolvedClaimDoc] = Field(
        default_factory=list,
        description="For an event that lasts (a span): the claims of when it ended.",
    )
    discrepancies: list[DiscrepancyDoc]


class DurationDoc(_Doc):
    """A duration the reconstruction derives from the claims at its two ends, as a range whose
    ends keep their hedges ("about 40m" to "more than 54m")."""

    name: str = Field(
        description="What is measured: 'delay' (scheduled → actual start), 'time_to_detect', "
        "'time_to_acknowledge', 'time_to_mitigate', 'time_to_resolve', 'impact_length', or "
        "'span' (an event with ends: from its start to its end)."
    )
    label: str = Field(description="The words for it, e.g. 'Time to mitigate'.")
    start: str = Field(description="The key moment it runs from; for a span, the event id.")
    end: str = Field(description="The key moment it runs to; for a span, the event id.")
    low_seconds: int | None
    low_bound: Bound = Field(description="How the sources bound the low end.")
    high_seconds: int | None
    high_bound: Bound = Field(description="How the sources bound the high end.")
    sources: list[str] = Field(description="The sources whose times it is derived from.")
    stated_by: list[str] = Field(description="Sources that state this duration in words.")
    contradicted_by: list[str] = Field(
        description="Of those, the ones whose stated duration cannot be true of the derived one."
    )


class CountDoc(_Doc):
    name: str = Field(description="What is counted, e.g. 'peak_audience'.")
    low: float | None
    low_bound: Bound = Field(description="How the sources bound the low end.")
    high: float | None
    high_bound: Bound = Field(description="How the sources bound the high end.")
    unit: str
    sources: list[str]


class IncidentDoc(_Doc):
    id: str
    title: str
    summary: str
    platform: str
    date: str
    source_zone: str | None
    display_zones: list[str] = Field(description="IANA zones the document gives times in.")


class TimelineDocument(_Doc):
    """A reconstructed incident timeline, as ``incident export --format json`` writes it."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={"$id": TIMELINE_SCHEMA_ID, "title": "Reconstructed incident timeline"},
    )

    format: Literal["incident-timeline"] = "incident-timeline"
    version: Literal[1] = 1
    incident: IncidentDoc
    scheduled_start: str | None = Field(description="T+0, in UTC; null without one.")
    key_moments: dict[str, str] = Field(description="Moment name → event id.")
    durations: list[DurationDoc]
    counts: list[CountDoc]
    events: list[EventDoc] = Field(description="In reconstructed order.")
    discrepancy_count: int
    sources: list[Source]
    causes: list[Cause]


def timeline_json_schema() -> dict[str, Any]:
    """The JSON Schema of the exported timeline (draft 2020-12), as committed in schemas/."""
    schema = TimelineDocument.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
