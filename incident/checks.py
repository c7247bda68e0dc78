"""Checks that need the whole incident: zones, time placement and cross references.

Each finding carries the YAML path of the node it is about; :mod:`incident.validate` turns
paths into ``line:column``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from schemas.models import Claim, Incident, KeyMoments, TimeKind
from schemas.timespec import (
    Aliases,
    PlacedTime,
    TimeError,
    parse_duration,
    place_day,
    place_time,
)
from schemas.zones import UnknownZoneError, resolve_label

from .problems import Severity, YamlPath
from .relations import placement_order
from .suggest import closest
from .timeline import backward_spans, relative_time_problems


@dataclass(frozen=True)
class Finding:
    path: YamlPath
    severity: Severity
    code: str
    message: str
    on_key: bool = False  # point at the key rather than the value


def _error(path: YamlPath, code: str, message: str) -> Finding:
    return Finding(path, Severity.error, code, message)


def _warning(path: YamlPath, code: str, message: str) -> Finding:
    return Finding(path, Severity.warning, code, message)


def check_incident(incident: Incident) -> list[Finding]:
    return list(_check(incident))


def _check(incident: Incident) -> Iterator[Finding]:
    aliases: Aliases = ()
    good: list[tuple[str, str]] = []
    for label, zone in incident.zone_labels.items():
        try:
            good.append((label, resolve_label(zone).zone))
        except UnknownZoneError as exc:
            yield _error(("zone_labels", label), exc.code, str(exc))
    aliases = tuple(good)
    default_zone = incident.source_zone
    if default_zone is not None:
        try:
            resolve_label(default_zone, aliases)
        except UnknownZoneError as exc:
            yield _error(("source_zone",), exc.code, str(exc))
            default_zone = None
    for index, zone in enumerate(incident.display_zones):
        try:
            resolve_label(zone, aliases)
        except UnknownZoneError as exc:
            yield _error(("display_zones", index), exc.code, str(exc))

    source_ids: dict[str, int] = {}
    for index, source in enumerate(incident.sources):
        if source.id in source_ids:
            yield _error(
                ("sources", index, "id"),
                "duplicate-id",
                f"source id {source.id!r} is already used by sources[{source_ids[source.id]}]",
            )
        else:
            source_ids[source.id] = index
    event_ids: dict[str, int] = {}
    for index, event in enumerate(incident.events):
        if event.id in event_ids:
            yield _error(
                ("events", index, "id"),
                "duplicate-id",
                f"event id {event.id!r} is already used by events[{event_ids[event.id]}]",
            )
        else:
            event_ids[event.id] = index

    cited: set[str] = set()
    claim_sites: list[tuple[YamlPath, Claim]] = []
    for e_index, event in enumerate(incident.events):
        for c_index, claim in enumerate(event.claims):
            claim_sites.append((("events", e_index, "claims", c_index), claim))
        for c_index, claim in enumerate(event.ends):
            claim_sites.append((("events", e_index, "ends", c_index), claim))
    for k_index, cause in enumerate(incident.causes):
        for c_index, claim in enumerate(cause.claims):
            claim_sites.append((("causes", k_index, "claims", c_index), claim))

    for path, claim in claim_sites:
        cited.add(claim.source)
        if claim.source not in source_ids:
            yield _unknown_source((*path, "source"), claim.source, source_ids)
        elif claim.quote is None:
            yield _warning(path, "no-quote", "claim has no quote from its source")
        if claim.quote is not None and claim.translation is None:
            found = source_ids.get(claim.source)
            language = incident.sources[found].language if found is not None else "en"
            if not language.lower().startswith("en"):
                yield _warning(
                    (*path, "quote"),
                    "no-translation",
                    f"quote in {language!r} has no English translation",
                )
        if claim.time is not None:
            yield from _check_time(path, claim, default_zone, event_ids, incident, aliases)

    # A source another one rewrites (via: its id) is cited through that rewrite.
    for source in incident.sources:
        if source.id in cited and source.via is not None:
            cited.add(source.via)

    yield from _check_relative_cycles(incident)
    yield from _check_relative_range(incident)
    for span in backward_spans(incident):
        yield _error(
            ("events", span.event_index, "ends", span.end_index, "time"), "bad-range", span.message
        )

    for index, source in enumerate(incident.sources):
        if source.url is None and source.archive_url is None and source.note is None:
            yield _warning(
                ("sources", index),
                "no-url",
                f"source {source.id!r} has no url or archive_url, and no note says why",
            )
        if source.id not in cited:
            yield _warning(
                ("sources", index, "id"), "uncited-source", f"source {source.id!r} is never cited"
            )

    moments = incident.key_moments
    for name, event_id in moments.model_dump().items():
        if name == "t0":
            continue
        if event_id is not None and event_id not in event_ids:
            yield _unknown_moment(name, event_id, event_ids)
    if moments.t0 is not None and moments.t0 not in event_ids:
        names = [n for n in KeyMoments.model_fields if n != "t0"]
        if moments.t0 not in names:
            yield _error(
                ("key_moments", "t0"),
                "unknown-event",
                f"t0 {moments.t0!r} is neither a key moment ({', '.join(names)}) nor an event id"
                + _suggest(moments.t0, {*names, *event_ids}),
            )
        elif getattr(moments, moments.t0) is None:
            yield _error(
                ("key_moments", "t0"),
                "unknown-event",
                f"t0 names key moment {moments.t0}, which this incident does not give",
            )
    if moments.end is not None and moments.resolved is not None and moments.end != moments.resolved:
        yield _error(
            ("key_moments", "resolved"),
            "moment-conflict",
            f"resolved ({moments.resolved!r}) is another name for end ({moments.end!r}); "
            "give one of them",
        )


def _check_time(
    path: YamlPath,
    claim: Claim,
    default_zone: str | None,
    event_ids: dict[str, int],
    incident: Incident,
    aliases: Aliases = (),
) -> Iterator[Finding]:
    time = claim.time
    assert time is not None
    if time.kind is TimeKind.unknown:
        return
    if time.kind is TimeKind.day:
        assert time.on is not None
        try:
            place_day(time.on, time.part, time.zone, default_zone, aliases)
        except TimeError as exc:
            where = (
                "zone"
                if exc.code in ("unknown-zone", "ambiguous-zone") and time.zone is not None
                else "on"
            )
            yield _error((*path, "time", where), exc.code, exc.message)
        return
    if time.relative_to is not None:
        if time.relative_to not in event_ids:
            yield _unknown_relative((*path, "time", "relative_to"), time.relative_to, event_ids)
        elif time.relative_source is not None:
            target = incident.events[event_ids[time.relative_to]]
            if not any(
                c.source == time.relative_source
                and c.time is not None
                and c.time.kind is not TimeKind.unknown
                for c in target.claims
            ):
                yield _error(
                    (*path, "time", "relative_source"),
                    "unknown-source",
                    f"event {time.relative_to!r} has no timed claim from source "
                    f"{time.relative_source!r} to measure from",
                )
        first, last = time.offset, time.until_offset
        if first is not None and last is not None and parse_duration(last) < parse_duration(first):
            yield _error(
                (*path, "time", "until_offset"),
                "bad-range",
                f"until_offset {last} is before offset {first}: a range ends after it begins",
            )
        return
    findings, placed = _place_fields((*path, "time"), time, default_zone, aliases)
    yield from findings
    if len(placed) < sum(1 for field in ("at", "until") if getattr(time, field) is not None):
        return  # a located error above; nothing further can be compared
    start, end = placed.get("at"), placed.get("until")
    if time.kind is TimeKind.between and start and end and end.utc < start.utc:
        yield _error((*path, "time", "until"), "bad-range", "'until' is before 'at'")
    yield from _check_also(path, time, placed, default_zone, aliases)


def _place_fields(
    where: YamlPath, time: Any, default_zone: str | None, aliases: Aliases, *, warn: bool = True
) -> tuple[list[Finding], dict[str, PlacedTime]]:
    """Place a time's (or an ``also``'s) ``at`` and ``until`` once, for every check that
    compares them: what they became, and the located errors (and label warnings) on the way."""
    findings: list[Finding] = []
    placed: dict[str, PlacedTime] = {}
    for field in ("at", "until"):
        text = getattr(time, field)
        if text is None:
            continue
        try:
            placed[field] = place_time(text, time.zone, default_zone, aliases)
        except TimeError as exc:
            part = (
                "zone"
                if exc.code in ("unknown-zone", "ambiguous-zone") and time.zone is not None
                else field
            )
            findings.append(_error((*where, part), exc.code, exc.message))
            continue
        warning = placed[field].warning
        if warn and warning is not None:
            findings.append(_warning((*where, "zone"), "zone-label-mismatch", warning))
    return findings, placed


def _check_also(
    path: YamlPath,
    time: Any,
    placed: dict[str, PlacedTime],
    default_zone: str | None,
    aliases: Aliases,
) -> Iterator[Finding]:
    """The same moment stated in two zones ("11:39 a.m. ET (15:39 UTC)") must agree."""
    main = placed.get("at")
    if not time.also or main is None:
        return
    main_end = placed.get("until")
    for index, also in enumerate(time.also):
        where = (*path, "time", "also", index)
        findings, also_placed = _place_fields(where, also, default_zone, aliases, warn=False)
        yield from findings
        for field, at in also_placed.items():
            expected = main.utc if field == "at" else (main_end.utc if main_end else None)
            if expected is not None and at.utc != expected:
                yield _error(
                    (*where, field),
                    "zones-disagree",
                    f"{getattr(also, field)} {at.label} is {at.utc:%Y-%m-%d %H:%M} UTC, but the "
                    f"claim's {getattr(time, field)} {main.label} is {expected:%Y-%m-%d %H:%M} UTC",
                )


def _check_relative_cycles(incident: Incident) -> Iterator[Finding]:
    """An event whose time is relative to itself, through any chain, can never be placed."""
    _, loops = placement_order(incident)
    index_of = {event.id: i for i, event in enumerate(incident.events)}
    for loop in loops:
        yield _error(
            ("events", index_of[loop[0]], "id"),
            "relative-cycle",
            "times are relative to each other in a loop: " + " → ".join(loop),
        )


def _check_relative_range(incident: Incident) -> Iterator[Finding]:
    """Relative times are checked where they land, not only where they start: a chain of
    offsets can carry a time past any year the app and the export can place."""
    index_of = {event.id: i for i, event in enumerate(incident.events)}
    for problem in relative_time_problems(incident):
        path = ("events", index_of[problem.event_id], "claims", problem.claim_index, "time")
        yield _error((*path, "offset"), "time-range", problem.message)


def _unknown_source(path: YamlPath, source: str, known: dict[str, int] | set[str]) -> Finding:
    return _error(
        path,
        "unknown-source",
        f"claim cites source {source!r}, which is not in sources" + _suggest(source, known),
    )


def _unknown_relative(path: YamlPath, event_id: str, known: dict[str, int] | set[str]) -> Finding:
    return _error(
        path,
        "unknown-event",
        f"time is relative to event {event_id!r}, which does not exist" + _suggest(event_id, known),
    )


def _unknown_moment(name: str, event_id: str, known: dict[str, int] | set[str]) -> Finding:
    return _error(
        ("key_moments", name),
        "unknown-event",
        f"key moment {name} points at event {event_id!r}, which does not exist"
        + _suggest(event_id, known),
    )


def _suggest(name: str, known: dict[str, int] | set[str]) -> str:
    close = closest(name, list(known))
    return f" (did you mean {close!r}?)" if close else ""


def check_raw_references(data: dict[str, object]) -> list[Finding]:
    """Cross-reference checks on data that failed the models, so one run reports everything.

    Only what can be read safely from the raw mapping: claims citing unknown sources and key
    moments or relative times naming unknown events. Structural problems come from the models.
    """
    sources = _ids(data.get("sources"))
    events = _ids(data.get("events"))
    findings: list[Finding] = []
    for section in ("events", "causes"):
        items = data.get(section)
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            for key in ("claims", "ends"):
                claims = item.get(key)
                if isinstance(claims, list):
                    findings.extend(_raw_claims((section, i, key), claims, sources, events))
    moments = data.get("key_moments")
    if isinstance(moments, dict) and events is not None:
        for name, target in moments.items():
            if name == "t0":
                continue
            if isinstance(target, str) and target not in events:
                findings.append(_unknown_moment(name, target, events))
    return findings


def _raw_claims(
    where: YamlPath, claims: list[object], sources: set[str] | None, events: set[str] | None
) -> Iterator[Finding]:
    for j, claim in enumerate(claims):
        if not isinstance(claim, dict):
            continue
        source = claim.get("source")
        if isinstance(source, str) and sources is not None and source not in sources:
            yield _unknown_source((*where, j, "source"), source, sources)
        time = claim.get("time")
        target = time.get("relative_to") if isinstance(time, dict) else None
        if isinstance(target, str) and events is not None and target not in events:
            yield _unknown_relative((*where, j, "time", "relative_to"), target, events)


def _ids(items: object) -> set[str] | None:
    if not isinstance(items, list):
        return None
    return {
        item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)
    }
