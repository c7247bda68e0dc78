"""The claims sheet (one row per claim, the columns ``incident export --format csv`` writes)
→ incident data.

Only ``event`` and ``source`` are required. ``event`` may be an id or a short title: a title
becomes the event's title and its id is made from it. Event and source columns may repeat on
every row of their event or source, or be left blank after the first; a value that differs from
an earlier row's is an error. Where the sheet is silent: ``kind`` is ``observation``,
``language`` is ``und`` (undetermined, BCP 47), ``hedge`` is ``exact`` when a time is given.
"""

from __future__ import annotations

import json
from typing import Any

from ..claim_columns import END_MARK, EVENT_COLUMNS, SOURCE_COLUMNS, SOURCE_FIELDS
from .build import Draft, Flow, slug
from .sheet import Row, Sheet

ALIASES = {
    "event_id": "event",
    "event_title": "title",
    "headline": "title",
    "event_kind": "kind",
    "source_id": "source",
    "stated_time": "time",
    "at": "time",
    "amount": "figure",
    "source_url": "url",
    "link": "url",
}
REQUIRED = ("event", "source")
_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_")
EVENT_FIELDS = {"event": "id", "event_note": "note"}
TIME_COLUMNS = (
    "time",
    "until",
    "on",
    "part",
    "relative_to",
    "relative_source",
    "offset",
    "until_offset",
    "zone",
    "margin",
    "stated",
)
TIME_FIELDS = {"time": "at"}


def is_id(text: str) -> bool:
    return 0 < len(text) <= 64 and set(text) <= _ID_CHARS and text[0] not in "-_"


def read_claims(sheet: Sheet, draft: Draft) -> None:
    events: dict[str, dict[str, Any]] = {}
    sources: dict[str, dict[str, Any]] = {}
    positions: dict[int, int] = {}  # id(event dict) → its index in events
    draft.data["key_moments"] = {}
    draft.data["sources"] = []
    draft.data["events"] = []
    for row in sheet.rows:
        count = len(draft.data["events"])
        event = _event(sheet, draft, row, events)
        if event is not None and len(draft.data["events"]) > count:
            positions[id(event)] = count  # a new event, at the end of the list
        source_id = _source(sheet, draft, row, sources)
        if event is None or source_id is None:
            continue
        index = positions[id(event)]
        key = _list_of(sheet, draft, row)
        if key is None:
            continue
        claims = event["claims"] if key == "claims" else event.setdefault("ends", [])
        claim_path = ("events", index, key, len(claims))
        claims.append(_claim(sheet, draft, row, source_id, claim_path))
    if not draft.data["key_moments"]:
        del draft.data["key_moments"]


def _list_of(sheet: Sheet, draft: Draft, row: Row) -> str | None:
    """Which of the event's lists the row's claim joins: ``ends`` when its ``ends`` cell says
    ``yes`` (a claim of when the event ended), ``claims`` when blank; None (an error) else."""
    mark = row.get("ends").lower()
    if not mark:
        return "claims"
    if mark == END_MARK:
        return "ends"
    draft.error(
        row.number,
        sheet.shown("ends"),
        "value",
        f"ends: {row.get('ends')!r} is not {END_MARK!r} (write {END_MARK} on a claim of when "
        "the event ended, or leave it blank)",
    )
    return None


def _same(
    sheet: Sheet,
    draft: Draft,
    row: Row,
    column: str,
    known: Any,
    value: Any,
    what: str,
    first: int,
) -> None:
    if value and known != value:
        draft.error(
            row.number,
            sheet.shown(column),
            "inconsistent",
            f"{what} has {column} {known!r} in row {first}, {value!r} here",
        )


def _event(
    sheet: Sheet, draft: Draft, row: Row, events: dict[str, dict[str, Any]]
) -> dict[str, Any] | None:
    name = row.get("event")
    if not name:
        draft.error(row.number, sheet.shown("event"), "missing-field", "every row needs an event")
        return None
    event_id = name if is_id(name) else slug(name)
    title = row.get("title") or name
    values: dict[str, Any] = {
        "id": event_id,
        "title": title,
        "kind": row.get("kind") or "observation",
    }
    if row.get("actor"):
        values["actor"] = row.get("actor")
    tags = [t.strip() for t in row.get("tags").split(",") if t.strip()]
    if tags:
        values["tags"] = tags
    event = events.get(event_id)
    if event is None:
        event = {**values, "claims": []}
        if row.get("event_note"):
            event["note"] = row.get("event_note")
        index = len(draft.data["events"])
        draft.data["events"].append(event)
        events[event_id] = event
        draft.first[("event", event_id)] = row.number
        for column in EVENT_COLUMNS:
            draft.at(
                ("events", index, EVENT_FIELDS.get(column, column)), row.number, sheet.shown(column)
            )
        draft.at(("events", index), row.number, sheet.shown("event"))
    else:
        first = draft.first[("event", event_id)]
        for column in ("title", "kind", "actor", "event_note"):
            field = EVENT_FIELDS.get(column, column)
            if row.get(column):
                _same(
                    sheet,
                    draft,
                    row,
                    column,
                    event.get(field),
                    row.get(column),
                    f"event {event_id!r}",
                    first,
                )
        if tags:
            _same(sheet, draft, row, "tags", event.get("tags"), tags, f"event {event_id!r}", first)
    for moment in (m.strip() for m in row.get("key_moment").split(",")):
        if not moment:
            continue
        moments = draft.data["key_moments"]
        if moment in moments and moments[moment] != event_id:
            draft.error(
                row.number,
                sheet.shown("key_moment"),
                "inconsistent",
                f"key moment {moment!r} is already event {moments[moment]!r}",
            )
            continue
        moments[moment] = event_id
        draft.at(("key_moments", moment), row.number, sheet.shown("key_moment"))
    return event


def _source(sheet: Sheet, draft: Draft, row: Row, sources: dict[str, dict[str, Any]]) -> str | None:
    source_id = row.get("source")
    if not source_id:
        draft.error(row.number, sheet.shown("source"), "missing-field", "every row needs a source")
        return None
    if not is_id(source_id):
        source_id = slug(source_id)
    values = {SOURCE_FIELDS.get(c, c): row.get(c) for c in SOURCE_COLUMNS if row.get(c)}
    values["id"] = source_id
    source = sources.get(source_id)
    if source is None:
        source = {"id": source_id}
        source["publisher"] = values.get("publisher") or row.get("source")
        for column in SOURCE_COLUMNS[2:]:
            field = SOURCE_FIELDS.get(column, column)
            if values.get(field):
                source[field] = values[field]
        source.setdefault("language", "und")
        index = len(draft.data["sources"])
        draft.data["sources"].append(source)
        sources[source_id] = source
        draft.first[("source", source_id)] = row.number
        for column in SOURCE_COLUMNS:
            draft.at(
                ("sources", index, SOURCE_FIELDS.get(column, column)),
                row.number,
                sheet.shown(column),
            )
        draft.at(("sources", index), row.number, sheet.shown("source"))
    else:
        for column in SOURCE_COLUMNS[1:]:
            field = SOURCE_FIELDS.get(column, column)
            if row.get(column):
                _same(
                    sheet,
                    draft,
                    row,
                    column,
                    source.get(field),
                    row.get(column),
                    f"source {source_id!r}",
                    draft.first[("source", source_id)],
                )
    return source_id


def _claim(
    sheet: Sheet, draft: Draft, row: Row, source_id: str, path: tuple[Any, ...]
) -> dict[str, Any]:
    claim: dict[str, Any] = {"source": source_id}
    draft.at(path, row.number, sheet.shown("source"))
    draft.at((*path, "source"), row.number, sheet.shown("source"))
    for column in ("quote", "translation"):
        if row.get(column):
            claim[column] = row.cells[column]  # verbatim, spaces and all
            draft.at((*path, column), row.number, sheet.shown(column))
    time: dict[str, Any] = {}
    hedge = row.get("hedge")
    given = {c: row.get(c) for c in TIME_COLUMNS if row.get(c)}
    if hedge or given:
        time["kind"] = hedge or ("exact" if set(given) - {"stated", "zone"} else "unknown")
        for column, cell in given.items():
            time[TIME_FIELDS.get(column, column)] = cell
            draft.at(
                (*path, "time", TIME_FIELDS.get(column, column)), row.number, sheet.shown(column)
            )
        draft.at((*path, "time"), row.number, sheet.shown("hedge" if hedge else next(iter(given))))
        draft.at((*path, "time", "kind"), row.number, sheet.shown("hedge"))
        claim["time"] = Flow(time)
    figure = row.get("figure")
    value_given = {
        c: row.get(c) for c in ("unit", "bound", "counts", "figure_stated") if row.get(c)
    }
    if figure or value_given:
        value: dict[str, Any] = {}
        amount = _number(figure)
        if amount is None:
            draft.error(
                row.number,
                sheet.shown("figure"),
                "value",
                f"figure: {figure!r} is not a number (write 1300000, not 1.3 million)",
            )
        else:
            value["amount"] = amount
        if row.get("unit"):
            value["unit"] = row.get("unit")
        if row.get("bound"):
            value["bound"] = row.get("bound")
        if row.get("counts"):
            value["counts"] = row.get("counts")
        if row.get("figure_stated"):
            value["stated"] = row.get("figure_stated")
        for column, field in (
            ("figure", "amount"),
            ("unit", "unit"),
            ("bound", "bound"),
            ("counts", "counts"),
            ("figure_stated", "stated"),
        ):
            draft.at((*path, "value", field), row.number, sheet.shown(column))
        draft.at((*path, "value"), row.number, sheet.shown("figure"))
        claim["value"] = Flow(value)
    for column in ("stance", "note"):
        if row.get(column):
            claim[column] = row.get(column)
            draft.at((*path, column), row.number, sheet.shown(column))
    if row.get("extra"):
        _merge_extra(sheet, draft, row, claim, path)
    return claim


def _merge_extra(
    sheet: Sheet, draft: Draft, row: Row, claim: dict[str, Any], path: tuple[Any, ...]
) -> None:
    """The ``extra`` column: claim fields no other column holds, as a JSON object."""
    column = sheet.shown("extra")
    try:
        extra = json.loads(row.get("extra"))
    except ValueError as exc:
        draft.error(row.number, column, "value", f"extra: not JSON ({exc})")
        return
    if not isinstance(extra, dict):
        draft.error(row.number, column, "value", "extra: not a JSON object of claim fields")
        return
    for name, value in extra.items():
        held = claim.get(name)
        if isinstance(held, dict) and isinstance(value, dict):
            merged = Flow({**held, **value})
            claim[name] = merged
        else:
            claim[name] = Flow(value) if isinstance(value, dict) else value
        draft.at((*path, name), row.number, column)
        if isinstance(value, dict):
            for key in value:
                draft.at((*path, name, key), row.number, column)


def _number(text: str) -> int | float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return (
        int(value) if value.is_integer() and "e" not in text.lower() and "." not in text else value
    )
