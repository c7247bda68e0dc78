"""From the data a sheet gives to incident YAML text, checked by the validator itself.

The data is written as YAML and checked with :func:`incident.validate.check_text` — the same
checks ``incident validate`` runs — and every problem found is traced back from its YAML path
to the sheet's row and column. Only a sheet with no errors gives text; warnings come with it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import yaml

from schemas.timespec import TimeError, place_time
from schemas.zones import UnknownZoneError, resolve_label

from ..formatting import local
from ..loader import parse
from ..problems import YamlPath
from ..validate import check_text
from .sheet import CellProblem, ImportFailed

Where = tuple[int, str]  # (row, column as the sheet names it)


@dataclass(frozen=True)
class ImportOptions:
    """Incident-level fields a sheet has no column for (None: derived or a plain default)."""

    id: str | None = None
    title: str | None = None
    summary: str | None = None
    platform: str | None = None
    date: str | None = None
    source_zone: str | None = None
    display_zones: tuple[str, ...] = ()


@dataclass(frozen=True)
class Imported:
    text: str  # the incident YAML
    warnings: list[CellProblem]
    events: int
    claims: int  # rows: claims and end claims
    zones_note: str | None = None  # where the display zones came from, when not from --zone


@dataclass
class Draft:
    """An incident being built from a sheet, with where each value came from."""

    file: str
    data: dict[str, Any]
    where: dict[YamlPath, Where] = field(default_factory=dict)
    problems: list[CellProblem] = field(default_factory=list)
    first: dict[tuple[str, str], int] = field(default_factory=dict)  # row an id first appears
    sheet_title: str | None = None  # what a sheet says of the incident itself (TimelineJS's
    sheet_summary: str | None = None  # title row), used unless the options say otherwise

    def at(self, path: YamlPath, row: int, column: str) -> None:
        self.where[path] = (row, column)

    def error(self, row: int, column: str, code: str, message: str) -> None:
        self.problems.append(CellProblem(self.file, row, column, "error", code, message))

    def locate(self, path: YamlPath) -> Where:
        for end in range(len(path), -1, -1):
            found = self.where.get(path[:end])
            if found is not None:
                return found
        return (0, "")


def slug(text: str, limit: int = 56) -> str:
    """An id from any text: ``The conversation begins`` → ``the-conversation-begins``."""
    out = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].strip("-")
    return out or "item"


def incident_fields(options: ImportOptions, stem: str, file: str) -> dict[str, Any]:
    """The incident's own fields, from the options, else plain defaults that say what they are."""
    data: dict[str, Any] = {
        "id": options.id or slug(stem, 64),
        "title": options.title or stem,
        "summary": options.summary or f"Imported from {file} by incident import.",
        "platform": options.platform or "not stated",
    }
    if options.source_zone:
        data["source_zone"] = options.source_zone
    if options.display_zones:
        data["display_zones"] = list(options.display_zones)
    return data


def first_date(events: Sequence[dict[str, Any]], source_zone: str | None) -> str | None:
    """The date of the earliest time any claim gives, in the source zone (else the claim's)."""
    found: list[tuple[datetime, str]] = []
    for event in events:
        for claim in event.get("claims", []):
            time = claim.get("time") or {}
            at = time.get("at") if isinstance(time, dict) else None
            if not isinstance(at, str):
                continue
            try:
                placed = place_time(at, time.get("zone"), source_zone)
            except (TimeError, ValueError):
                continue
            found.append((placed.utc, placed.zone))
    if not found:
        return None
    moment, zone = min(found)
    if source_zone:
        with contextlib.suppress(UnknownZoneError):
            zone = resolve_label(source_zone).zone
    return local(moment, zone).format("YYYY-MM-DD")


# How many display zones an import derives from the sheet (the app's header has room for three).
DERIVED_ZONES = 3
_UTC_NAMES = frozenset({"Etc/GMT", "Etc/UTC", "Etc/UCT", "Etc/Zulu", "GMT", "UTC"})


def sheet_zones(events: Sequence[dict[str, Any]], source_zone: str | None) -> list[str]:
    """The zones the sheet's times are read in, as IANA names, most cited first (ties in the
    order they first appear): what a reader of these sources reads the times in."""
    counts: dict[str, int] = {}
    for event in events:
        for claim in [*event.get("claims", []), *event.get("ends", [])]:
            time = claim.get("time")
            if not isinstance(time, dict):
                continue
            label = time.get("zone") or (source_zone if time.get("at") else None)
            if not isinstance(label, str):
                continue
            try:
                zone = resolve_label(label).zone
            except UnknownZoneError:
                continue
            zone = "UTC" if zone in _UTC_NAMES else zone
            counts[zone] = counts.get(zone, 0) + 1
    ranked = sorted(counts, key=lambda z: -counts[z])  # stable: ties keep first appearance
    return ranked[:DERIVED_ZONES]


NUMBER_STARTS = frozenset("0123456789-+.")


# libyaml's emitter when PyYAML has it (as the loader uses its parser): ten times faster.
_Base: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_Base):  # type: ignore[misc, valid-type]
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # PyYAML quotes what its YAML 1.1 rules would read as another type; the project reads
    # YAML 1.2 (``0o17`` is a number there), so anything number-like is quoted as well.
    style = '"' if value[:1] in NUMBER_STARTS else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class Flow(dict[str, Any]):
    """A small mapping written on one line: ``time: {kind: exact, at: "2024-08-12 20:42"}``."""


def _represent_flow(dumper: yaml.SafeDumper, value: Flow) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(Flow, _represent_flow)


def to_yaml(data: dict[str, Any], file: str) -> str:
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    note = f"# Imported from {_comment(file)} by `incident import`; check with `incident validate`."
    return f"{note}\n{body}"


def _comment(text: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def finish(draft: Draft, zones_note: str | None = None) -> Imported:
    """Check the draft as ``incident validate`` would; raise :class:`ImportFailed` on errors."""
    text = to_yaml(draft.data, draft.file)
    errors = list(draft.problems)
    warnings: list[CellProblem] = []
    result = check_text(text, draft.file)
    for problem in result.problems:
        row, column = draft.locate(problem.yaml_path)
        message = problem.message
        if problem.code == "no-zone":
            message += "; name it in a zone column, or pass --source-zone for the whole sheet"
        cell = CellProblem(draft.file, row, column, str(problem.severity), problem.code, message)
        (errors if problem.severity == "error" else warnings).append(cell)
    if errors:
        raise ImportFailed(_unique(errors))
    if parse(text).data != draft.data:  # the text must say exactly what the sheet said
        raise AssertionError("the YAML written does not read back as the data it was made from")
    events = draft.data.get("events", [])
    claims = sum(len(e.get("claims", [])) + len(e.get("ends", [])) for e in events)
    return Imported(text, sorted(_unique(warnings)), len(events), claims, zones_note)


def _unique(problems: list[CellProblem]) -> list[CellProblem]:
    seen: set[tuple[int, str, str]] = set()
    out = []
    for p in problems:
        key = (p.row, p.column, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
