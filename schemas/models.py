"""The incident file format as pydantic models: the contract every file is checked against.

Structure and types live here; checks that need the whole incident (zones, cross references,
time placement) live in :mod:`incident.checks`, so each error can carry the exact path of the
YAML node it is about. Nothing here knows about terminals or Markdown.
"""

from __future__ import annotations

import math
import re
from datetime import timedelta
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from .timespec import (
    DATE_PATTERN,
    DURATION_PATTERN,
    MARGIN_PATTERN,
    WALL_TIME_PATTERN,
    parse_date,
    parse_duration,
    parse_wall_time,
)

SCHEMA_ID = "https://github.com/incident-timeline/incident/schemas/incident.schema.json"

Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$"),
    Field(description="Lower-case id: letters, digits, '-' and '_', at most 64 characters."),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=10_000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=500)]


def _check_wall_time(value: str) -> str:
    parse_wall_time(value)  # raises TimeError (a ValueError) with a reason
    return value


def _check_duration(value: str) -> str:
    parse_duration(value)
    return value


def _check_margin(value: str) -> str:
    if parse_duration(value) < timedelta(0):
        raise ValueError(
            f"a margin is how far the time may lie from what the source says, so it cannot be "
            f"negative: write {value.strip().lstrip('-')!r}, not {value!r}"
        )
    return value


def _check_date(value: str) -> str:
    parse_date(value)  # raises TimeError (a ValueError) with a reason
    return value


_URL_BAD = re.compile(r"[\s\x00-\x1f\x7f]")  # spaces (any Unicode space) and controls


def _check_url(value: str) -> str:
    scheme = value.split(":", 1)[0].lower()
    if scheme not in ("http", "https") or not value.lower().startswith(scheme + "://"):
        raise ValueError(f"only http:// and https:// URLs are allowed, not {scheme}:")
    if _URL_BAD.search(value):
        raise ValueError("a URL may not contain spaces or control characters")
    if len(value.split("://", 1)[1].split("/", 1)[0]) == 0:
        raise ValueError("the URL has no host")
    return value


WallTimeText = Annotated[
    str,
    StringConstraints(pattern=WALL_TIME_PATTERN),
    AfterValidator(_check_wall_time),
    Field(
        description="ISO 8601 with an offset ('2024-08-12T20:42:00-04:00') or a wall-clock "
        "time ('2024-08-12 20:42') read in the claim's zone, else the incident's.",
        examples=["2024-08-12 20:42", "2024-08-12T20:42:00-04:00"],
    ),
]
DurationText = Annotated[
    str,
    StringConstraints(pattern=DURATION_PATTERN, min_length=2),
    AfterValidator(_check_duration),
    Field(description="A duration such as '18m', '1h30m', '90s' or '-5m'.", examples=["18m"]),
]
MarginText = Annotated[
    str,
    StringConstraints(pattern=DURATION_PATTERN, min_length=2),
    AfterValidator(_check_margin),
    Field(
        description="A distance in time, zero or more: '5m', '1h30m'.",
        examples=["10m"],
        json_schema_extra={"pattern": MARGIN_PATTERN},
    ),
]
Url = Annotated[
    str,
    StringConstraints(pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://\S+$", max_length=2048),
    AfterValidator(_check_url),
]
DateText = Annotated[
    str,
    StringConstraints(pattern=DATE_PATTERN),
    AfterValidator(_check_date),
    Field(description="A calendar date, YYYY-MM-DD.", json_schema_extra={"format": "date"}),
]
Language = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"),
    Field(description="BCP 47 language tag: en, id, en-US."),
]


def _check_zone_text(value: str) -> str:
    if not value.strip() or any(not ch.isprintable() for ch in value):
        raise ValueError("a zone is a name such as 'Asia/Jakarta', 'WIB' or 'UK time'")
    return value


ZoneName = Annotated[
    str,
    StringConstraints(min_length=1, max_length=64),
    AfterValidator(_check_zone_text),
    Field(
        description="An IANA zone name (America/New_York, Asia/Jakarta), a label as the source "
        "wrote it (EDT, ET, PT, IST, AEST, WIB, UTC…) or a place as prose names it ('UK time', "
        "'Eastern time', 'waktu Jakarta'); see the README for the table of labels."
    ),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class TimeKind(StrEnum):
    exact = "exact"  # "At 8:42 p.m."
    about = "about"  # "about 9:40", "around 8:45"
    after = "after"  # "shortly after 8:20", "more than 20 minutes after"
    before = "before"  # "before 8 p.m.", "almost 30 minutes"
    between = "between"  # "between 7:47 PM and 10:47 PM"
    day = "day"  # "on Saturday night", "late Monday", "Minggu (23/6) pagi": a day, no clock
    unknown = "unknown"  # the source gives no time


class DayPart(StrEnum):
    """Which part of a day a source names; the README says which hours each means."""

    day = "day"  # 00:00-24:00
    early = "early"  # 00:00-06:00
    morning = "morning"  # 06:00-12:00
    midday = "midday"  # 11:00-15:00
    afternoon = "afternoon"  # 12:00-18:00
    evening = "evening"  # 18:00-24:00
    late = "late"  # 18:00-24:00
    night = "night"  # 18:00-06:00 the next day


class AlsoStated(Strict):
    """The same moment as the source also states it in another zone: "(15:39 UTC)"."""

    at: WallTimeText
    until: WallTimeText | None = None
    zone: ZoneName | None = None


class ClaimTime(Strict):
    """A time as one source states it.

    Absolute (``at``, and ``until`` for ``between``) or relative to another event
    (``relative_to`` and ``offset``, and ``until_offset`` for ``between``).
    """

    kind: TimeKind = Field(description="How precise the source is.")
    at: WallTimeText | None = None
    until: WallTimeText | None = Field(None, description="End of a 'between' range.")
    relative_to: Identifier | None = Field(
        None, description="Event id this time is measured from ('eighteen minutes into')."
    )
    relative_source: Identifier | None = Field(
        None,
        description="Measure from what this source said of the relative_to event, not from the "
        "event's combined time ('nine minutes later' after Boing Boing's 8:18).",
    )
    offset: DurationText | None = Field(None, description="Offset from relative_to.")
    until_offset: DurationText | None = Field(None, description="End offset for 'between'.")
    on: DateText | None = Field(
        None, description="For kind 'day': the day the source names, in the claim's zone."
    )
    part: DayPart | None = Field(
        None, description="For kind 'day': the part of the day (morning, night…); default day."
    )
    zone: ZoneName | None = Field(
        None, description="The zone the source spoke in, as written (EDT, ET, PT, WIB…)."
    )
    also: list[AlsoStated] = Field(
        default_factory=list,
        description="The same time as the source also states it in other zones; must agree.",
    )
    margin: MarginText | None = Field(
        None,
        description="For 'about': how far either side (default 5m). For 'after'/'before': "
        "how far the window reaches ('shortly after' = 10m); unbounded if absent.",
    )
    stated: ShortText | None = Field(
        None, description="The time in the source's own words: 'At 8:42 p.m.'."
    )

    @model_validator(mode="after")
    def _fields_fit_kind(self) -> Self:
        absolute = self.at is not None
        relative = self.relative_to is not None or self.offset is not None
        if self.kind is TimeKind.day:
            if self.on is None:
                raise ValueError("a time of kind 'day' needs 'on' (the day, YYYY-MM-DD)")
            if absolute or relative or self.until or self.until_offset or self.margin:
                raise ValueError("a time of kind 'day' takes 'on', 'part' and 'zone' only")
            if self.also:
                raise ValueError("'also' goes with a clock time, not a day")
            return self
        if self.on is not None or self.part is not None:
            raise ValueError("'on' and 'part' belong to kind 'day'")
        if self.also and not absolute:
            raise ValueError("'also' goes with 'at': the same time stated in another zone")
        if self.kind is TimeKind.unknown:
            if absolute or relative or self.until or self.until_offset:
                raise ValueError("a time of kind 'unknown' takes no at/offset/until")
            return self
        if absolute and relative:
            raise ValueError("give either 'at' or 'relative_to' with 'offset', not both")
        if not absolute and not relative:
            raise ValueError(f"a time of kind '{self.kind}' needs 'at' or 'relative_to'+'offset'")
        if relative and (self.relative_to is None or self.offset is None):
            raise ValueError("a relative time needs both 'relative_to' and 'offset'")
        if self.kind is TimeKind.between:
            if absolute and self.until is None:
                raise ValueError("a time of kind 'between' needs 'until'")
            if relative and self.until_offset is None:
                raise ValueError("a relative time of kind 'between' needs 'until_offset'")
        elif self.until is not None or self.until_offset is not None:
            raise ValueError("'until' and 'until_offset' belong to kind 'between'")
        if self.relative_source is not None and self.relative_to is None:
            raise ValueError("'relative_source' goes with 'relative_to'")
        if relative and self.zone is not None:
            raise ValueError("a relative time has no zone of its own")
        if self.kind in (TimeKind.exact, TimeKind.between) and self.margin is not None:
            raise ValueError(f"a time of kind '{self.kind}' takes no margin")
        return self


class Bound(StrEnum):
    exact = "exact"
    about = "about"
    at_least = "at_least"
    more_than = "more_than"
    at_most = "at_most"
    less_than = "less_than"


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("a count must be a finite number")
    return value


# strict: a number written as a number. `true` is not 1 and "1300000" is text, as the JSON
# Schema says ("type": "number"); an integer is still a number.
Amount = Annotated[
    float, Field(ge=0, le=1e13, allow_inf_nan=False, strict=True), AfterValidator(_finite)
]


class Counts(StrEnum):
    """What a figure counts, so Impact can group it (see ``incident.impact``)."""

    audience = "audience"  # listeners, viewers, views
    affected = "affected"  # users, customers, devices, flights affected
    reports = "reports"  # outage reports (Downdetector)
    money = "money"  # losses, fines, costs
    share_price = "share_price"  # a share price or a market value
    percent = "percent"  # a share of something
    duration = "duration"  # a length of time stated as a number of hours or minutes
    other = "other"


class ClaimValue(Strict):
    """A number a source states: listeners, views, minutes of delay."""

    amount: Amount
    unit: ShortText = Field(description="What is counted: listeners, views, minutes…")
    bound: Bound = Field(Bound.exact, description="How the source bounds it.")
    stated: ShortText | None = Field(None, description="The number in the source's words.")
    counts: Counts | None = Field(
        None, description="What kind of figure it is; read from the unit when absent."
    )


class DurationName(StrEnum):
    """The durations derived from key moments (the README gives each one's start and end)."""

    delay = "delay"
    time_to_detect = "time_to_detect"
    time_to_acknowledge = "time_to_acknowledge"
    time_to_mitigate = "time_to_mitigate"
    time_to_resolve = "time_to_resolve"
    impact_length = "impact_length"
    span = "span"  # the event's own span, from its start to its end


class StatedDuration(Strict):
    """A length of time as a source states it: "7 hours and 11 minutes", "nearly six hours"."""

    length: MarginText = Field(description="'6h', '7h11m', 'PT7H11M', '2d'.")
    bound: Bound = Field(Bound.exact, description="How the source bounds it.")
    of: DurationName = Field(
        DurationName.span,
        description="Which derived duration it states; checked against it (a contradiction is "
        "a discrepancy).",
    )
    stated: ShortText | None = Field(None, description="The duration in the source's words.")


class Stance(StrEnum):
    asserts = "asserts"
    disputes = "disputes"
    confirms = "confirms"
    reports = "reports"


class Claim(Strict):
    """What one source says: a verbatim quote, and the time and number it gives."""

    source: Identifier = Field(description="The id of a source in this file.")
    quote: Text | None = Field(None, description="Verbatim, in the source's language.")
    translation: Text | None = Field(None, description="English translation of the quote.")
    time: ClaimTime | None = None
    value: ClaimValue | None = None
    duration: StatedDuration | None = Field(
        None, description="A length of time the source states: '7h11m', 'PT7H11M', '6h'."
    )
    stance: Stance | None = Field(None, description="For causes: what the source does with it.")
    note: Text | None = Field(None, description="Editor's note on this claim.")


class EventKind(StrEnum):
    schedule = "schedule"
    observation = "observation"
    statement = "statement"
    action = "action"
    metric = "metric"
    milestone = "milestone"


class Event(Strict):
    id: Identifier
    title: ShortText
    kind: EventKind
    actor: ShortText | None = None
    tags: list[Identifier] = Field(default_factory=list)
    claims: list[Claim] = Field(min_length=1)
    ends: list[Claim] = Field(
        default_factory=list,
        description="For an event that lasts: claims of when it ended, each cited. The event is "
        "then a span from its claims' time to these.",
    )
    note: Text | None = None


def _check_snapshot_path(value: str) -> str:
    parts = value.split("/")
    if value.startswith("/") or "\\" in value or ":" in value:
        raise ValueError(f"{value!r} must be a relative path with '/' between folders")
    if any(part in ("", ".", "..") for part in parts):
        raise ValueError(f"{value!r} may not contain empty, '.' or '..' parts")
    return value


SnapshotPath = Annotated[
    str,
    StringConstraints(min_length=1, max_length=300, pattern=r"^[A-Za-z0-9._/-]+$"),
    AfterValidator(_check_snapshot_path),
    Field(
        description="The stored text, relative to the incident file's folder and inside it: "
        "'<incident-id>/sources/<source-id>.txt'.",
        examples=["x-spaces-2024/sources/kontan.txt"],
    ),
]


class Snapshot(Strict):
    """A stored copy of the text that was read, so quotes can be checked against it."""

    path: SnapshotPath
    sha256: Annotated[
        str,
        StringConstraints(pattern=r"^[0-9a-f]{64}$"),
        Field(description="SHA-256 of the stored file's bytes, lower-case hex."),
    ]
    captured: DateText = Field(description="When the copy was stored.")


class Source(Strict):
    id: Identifier
    publisher: ShortText
    title: ShortText | None = None
    url: Url | None = Field(
        None, description="Where the source can be read; omit only if unknown, and say so in note."
    )
    published: DateText | None = Field(None, description="Publication date, if known.")
    author: ShortText | None = None
    editor: ShortText | None = None
    language: Language
    via: ShortText | None = Field(
        None, description="The outlet whose report this one rewrites (a source id or a name)."
    )
    archive_url: Url | None = Field(
        None, description="A stored copy (archive or mirror) that was consulted."
    )
    accessed: DateText | None = Field(None, description="When it was read.")
    snapshot: Snapshot | None = Field(
        None, description="A stored copy of the text that was read; quotes are checked against it."
    )
    note: Text | None = None


class CauseStatus(StrEnum):
    claimed = "claimed"
    disputed = "disputed"
    confirmed = "confirmed"


class Cause(Strict):
    id: Identifier
    summary: ShortText
    claimed_by: ShortText = Field(description="Who put the cause forward.")
    status: CauseStatus
    claims: list[Claim] = Field(min_length=1)


class KeyMoments(Strict):
    """Named moments, each an event id; ``t0`` names the T+ origin (a moment name or an event id).

    Without ``t0``, T+ counts from the scheduled start, else the first trouble (impact start),
    else the first timed event. ``resolved`` is another name for ``end``: give either, or both
    naming the same event.
    """

    t0: Identifier | None = Field(
        None,
        description="What T+ counts from: a key moment's name (first_trouble) or an event id.",
    )
    scheduled_start: Identifier | None = None
    first_trouble: Identifier | None = Field(None, description="Impact start: the first trouble.")
    detected: Identifier | None = None
    acknowledged: Identifier | None = None
    actual_start: Identifier | None = None
    peak_audience: Identifier | None = None
    mitigated: Identifier | None = None
    end: Identifier | None = Field(None, description="Resolved: the impact is over.")
    resolved: Identifier | None = Field(None, description="Another name for 'end'.")


DEFAULT_DISPLAY_ZONES = ["America/New_York", "Asia/Jakarta"]


class Incident(Strict):
    """One incident: its sources, the events they report, and what is claimed to have caused it."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={"$id": SCHEMA_ID, "title": "Incident timeline"},
    )

    id: Identifier
    title: ShortText
    summary: Text
    platform: ShortText
    date: DateText = Field(description="The day of the incident in its source zone.")
    source_zone: ZoneName | None = Field(
        None, description="The zone the sources speak in; wall times without a zone use it."
    )
    display_zones: list[ZoneName] = Field(
        default_factory=lambda: list(DEFAULT_DISPLAY_ZONES), min_length=1, max_length=6
    )
    zone_labels: dict[ZoneName, ZoneName] = Field(
        default_factory=dict,
        description="What a label means in this incident: {IST: Asia/Kolkata}. Settles an "
        "ambiguous label, and reads any label as that zone's local time.",
        max_length=64,
    )
    key_moments: KeyMoments = Field(default_factory=KeyMoments)
    causes: list[Cause] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
    events: list[Event] = Field(min_length=1)

    @property
    def aliases(self) -> tuple[tuple[str, str], ...]:
        """``zone_labels`` as the hashable pairs the zone functions take."""
        return tuple(self.zone_labels.items())


def json_schema() -> dict[str, Any]:
    """The JSON Schema of an incident file (draft 2020-12), as published in schemas/."""
    schema = Incident.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
