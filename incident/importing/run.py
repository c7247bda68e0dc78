"""``incident import``: read a sheet, build the incident, check it.

This module writes nothing: the command line writes the text it returns, atomically and only
when every row is good.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from schemas.models import DEFAULT_DISPLAY_ZONES

from ..claim_columns import COLUMNS
from ..loader import DEFAULT_MAX_BYTES, LoadError, read_bytes
from ..validate import display_path
from . import claims, timelinejs_sheet
from .build import (
    Draft,
    Imported,
    ImportOptions,
    finish,
    first_date,
    incident_fields,
    sheet_zones,
)
from .claims import ALIASES, REQUIRED
from .sheet import CellProblem, ImportFailed, check_header, read_sheet


def import_text(text: str, file: str, options: ImportOptions | None = None) -> Imported:
    """Incident YAML from CSV text; raises :class:`ImportFailed` with every bad cell."""
    options = options or ImportOptions()
    sheet = read_sheet(text, file)
    stem = Path(file).stem
    draft = Draft(file, incident_fields(options, stem, file))
    if timelinejs_sheet.is_timelinejs(sheet):
        problems = check_header(sheet, timelinejs_sheet.COLUMNS, {}, timelinejs_sheet.REQUIRED)
        if problems:
            raise ImportFailed(problems)
        timelinejs_sheet.read_timelinejs(sheet, draft)
        if draft.sheet_title and not options.title:
            draft.data["title"] = draft.sheet_title
        if draft.sheet_summary and not options.summary:
            draft.data["summary"] = draft.sheet_summary
    else:
        problems = check_header(sheet, COLUMNS, ALIASES, REQUIRED)
        if problems:
            raise ImportFailed(problems)
        claims.read_claims(sheet, draft)
    _place(draft, options)
    return finish(draft, _display_zones(draft, options))


def _display_zones(draft: Draft, options: ImportOptions) -> str | None:
    """Display zones from the sheet's own zones, most cited first, unless ``--zone`` gave
    them; what was done, in words for the command line to print."""
    if options.display_zones:
        return None
    zones = sheet_zones(draft.data.get("events", []), options.source_zone)
    if not zones:
        return (
            "no row names a zone: the display zones are the defaults, "
            + ", ".join(DEFAULT_DISPLAY_ZONES)
            + " (pass --zone to choose)"
        )
    draft.data = _with(draft.data, "display_zones", zones)
    draft.at(("display_zones",), 0, "")
    return (
        "display zones from the sheet's zones, most cited first: "
        + ", ".join(zones)
        + " (pass --zone to choose)"
    )


def _with(data: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    """``data`` with ``key`` set, in the place incident files give it (after source_zone)."""
    out: dict[str, Any] = {}
    for name, held in data.items():
        if name in ("key_moments", "sources", "events") and key not in out:
            out[key] = value
        out[name] = held
    out.setdefault(key, value)
    return out


def _place(draft: Draft, options: ImportOptions) -> None:
    """Put the incident's date (given, else the day of its earliest time) and keep the
    fields in the order incident files use."""
    date = options.date or first_date(draft.data.get("events", []), options.source_zone)
    if date is None:
        draft.error(
            0, "", "no-date", "no row gives a time to date the incident by: pass --date YYYY-MM-DD"
        )
        date = "1970-01-01"  # only so the other problems are found too; nothing is written
    data = draft.data
    order = [
        "id",
        "title",
        "summary",
        "platform",
        "date",
        "source_zone",
        "display_zones",
        "key_moments",
        "sources",
        "events",
    ]
    data["date"] = date
    draft.data = {k: data[k] for k in order if k in data}
    for key in ("id", "title", "summary", "platform", "date", "source_zone", "display_zones"):
        draft.at((key,), 0, "")


def import_file(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, options: ImportOptions | None = None
) -> Imported:
    """Import the sheet at ``path``; raises :class:`ImportFailed` with every bad cell.

    Writes nothing: the caller writes :attr:`Imported.text` (atomically) only on success.
    """
    shown = display_path(path)
    try:
        raw = read_bytes(path, max_bytes)
    except LoadError as exc:
        raise ImportFailed([CellProblem(shown, 0, "", "error", exc.code, exc.message)]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed(
            [
                CellProblem(
                    shown,
                    0,
                    "",
                    "error",
                    "encoding",
                    f"not UTF-8 (byte {exc.start}); save the sheet as CSV UTF-8",
                )
            ]
        ) from None
    return import_text(text, shown, options)
