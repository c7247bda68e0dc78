"""TimelineJS's own spreadsheet template, exported as CSV → incident data.

Columns as the template has them: Year, Month, Day, Time, End Year, End Month, End Day,
End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail,
Type, Group, Background (and Link). Each row becomes an event (its Headline the title, its
Text the event's note) with one claim whose source is the row's Media Credit; the time is
Year-Month-Day Time, read in the import's zone, ``between`` the start and End when the row has
an end, and ``between`` the day's first and last minute when it gives no Time. A Group that is
an event kind (schedule, observation, statement, action, metric, milestone) is the kind; any
other Group is kept as a tag and the kind is ``observation``. The ``title`` row gives the
incident's title and summary; ``era`` rows are not events and are left out.
"""

from __future__ import annotations

import calendar
import re
from typing import Any

from schemas.models import EventKind

from .build import Draft, Flow, slug
from .sheet import Row, Sheet

COLUMNS = (
    "year",
    "month",
    "day",
    "time",
    "end_year",
    "end_month",
    "end_day",
    "end_time",
    "display_date",
    "headline",
    "text",
    "media",
    "media_credit",
    "media_caption",
    "media_thumbnail",
    "type",
    "group",
    "background",
    "link",
)
REQUIRED = ("year", "headline", "media_credit")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?$")
KINDS = {k.value for k in EventKind}


def is_timelinejs(sheet: Sheet) -> bool:
    return "headline" in sheet.columns and "year" in sheet.columns


def read_timelinejs(sheet: Sheet, draft: Draft) -> None:
    draft.data["sources"] = []
    draft.data["events"] = []
    sources: dict[str, dict[str, Any]] = {}
    used: set[str] = set()
    for row in sheet.rows:
        kind = row.get("type").lower()
        if kind == "title":
            if row.get("headline"):
                draft.sheet_title = draft.sheet_title or row.get("headline")
            if row.get("text"):
                draft.sheet_summary = draft.sheet_summary or row.get("text")
            continue
        if kind == "era":
            continue
        _row(sheet, draft, row, sources, used)


def _row(
    sheet: Sheet, draft: Draft, row: Row, sources: dict[str, dict[str, Any]], used: set[str]
) -> None:
    headline = row.get("headline")
    credit = row.get("media_credit")
    if not headline:
        draft.error(
            row.number,
            sheet.shown("headline"),
            "missing-field",
            "a row needs a Headline: it is the event's title",
        )
    if not credit:
        draft.error(
            row.number,
            sheet.shown("media_credit"),
            "missing-field",
            "a row needs a Media Credit: it names the source of the event",
        )
    if not headline or not credit:
        return
    source_id = slug(credit)
    if source_id not in sources:
        source: dict[str, Any] = {"id": source_id, "publisher": credit, "language": "und"}
        index = len(draft.data["sources"])
        draft.data["sources"].append(source)
        sources[source_id] = source
        draft.at(("sources", index), row.number, sheet.shown("media_credit"))
    event_id = slug(headline)
    base, n = event_id, 2
    while event_id in used:
        event_id = f"{base}-{n}"
        n += 1
    used.add(event_id)
    group = row.get("group")
    event: dict[str, Any] = {"id": event_id, "title": headline}
    event["kind"] = group.lower() if group.lower() in KINDS else "observation"
    if group and group.lower() not in KINDS:
        event["tags"] = [slug(group)]
    claim: dict[str, Any] = {"source": source_id}
    time = _time(sheet, draft, row)
    if time is not None:
        claim["time"] = Flow(time)
    event["claims"] = [claim]
    if row.get("text"):
        event["note"] = row.cells["text"]
    index = len(draft.data["events"])
    draft.data["events"].append(event)
    path = ("events", index)
    draft.at(path, row.number, sheet.shown("headline"))
    draft.at((*path, "title"), row.number, sheet.shown("headline"))
    draft.at((*path, "kind"), row.number, sheet.shown("group"))
    draft.at((*path, "tags"), row.number, sheet.shown("group"))
    draft.at((*path, "note"), row.number, sheet.shown("text"))
    draft.at((*path, "claims", 0), row.number, sheet.shown("media_credit"))
    for field in ("time", "time.at", "time.zone"):
        draft.at((*path, "claims", 0, *field.split(".")), row.number, sheet.shown("time"))
    draft.at((*path, "claims", 0, "time", "until"), row.number, sheet.shown("end_time"))


def _time(sheet: Sheet, draft: Draft, row: Row) -> dict[str, Any] | None:
    start = _moment(sheet, draft, row, "")
    if start is None:
        return None
    has_end = any(row.get(f"end_{part}") for part in ("year", "month", "day", "time"))
    end = _moment(sheet, draft, row, "end_", default=row) if has_end else None
    if has_end and end is None:
        return None
    first, last = start
    time: dict[str, Any] = {}
    if end is not None:
        time = {"kind": "between", "at": first, "until": end[1]}
    elif first == last:
        time = {"kind": "exact", "at": first}
    else:
        time = {"kind": "between", "at": first, "until": last}
    if row.get("display_date"):
        time["stated"] = row.get("display_date")
    return time


def _moment(
    sheet: Sheet, draft: Draft, row: Row, prefix: str, default: Row | None = None
) -> tuple[str, str] | None:
    """The first and last minute a row's date and time name: ``('2024-08-12 20:42', same)``,
    or a whole day or month when it is all the row gives."""

    def cell(part: str) -> str:
        value = row.get(prefix + part)
        if not value and default is not None and part != "time":
            value = default.get(part)
        return value

    parts: dict[str, int] = {}
    for part, low, high in (("year", 1900, 2199), ("month", 1, 12), ("day", 1, 31)):
        text = cell(part)
        if not text:
            if part == "year":
                draft.error(
                    row.number,
                    sheet.shown(prefix + part),
                    "missing-field",
                    f"{prefix + part}: a row needs a year",
                )
                return None
            break
        try:
            number = int(text)
        except ValueError:
            number = -1
        if not low <= number <= high:
            draft.error(
                row.number,
                sheet.shown(prefix + part),
                "value",
                f"{prefix + part}: {text!r} is not a number from {low} to {high}",
            )
            return None
        parts[part] = number
    year, month, day = parts["year"], parts.get("month"), parts.get("day")
    if month is None:
        return f"{year:04d}-01-01 00:00", f"{year:04d}-12-31 23:59"
    last_day = calendar.monthrange(year, month)[1]
    if day is None:
        return f"{year:04d}-{month:02d}-01 00:00", f"{year:04d}-{month:02d}-{last_day} 23:59"
    if day > last_day:
        draft.error(
            row.number,
            sheet.shown(prefix + "day"),
            "value",
            f"{prefix}day: {year:04d}-{month:02d} has no day {day}",
        )
        return None
    date = f"{year:04d}-{month:02d}-{day:02d}"
    text = cell("time")
    if not text:
        return f"{date} 00:00", f"{date} 23:59"
    match = _TIME.match(text)
    hour = int(match.group(1)) if match else -1
    minute = int(match.group(2)) if match else -1
    second = int(match.group(3) or 0) if match else -1
    if match and match.group(4):
        pm = match.group(4).lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0) if 1 <= hour <= 12 else -1
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        draft.error(
            row.number,
            sheet.shown(prefix + "time"),
            "value",
            f"{prefix}time: {text!r} is not a time such as 20:42, 20:42:05 or 8:42 PM",
        )
        return None
    clock = f"{date} {hour:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
    return clock, clock
