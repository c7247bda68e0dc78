"""Timesketch JSONL and CSV: mandatory fields, UTC datetimes in order, text that stays text."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from _formats_helpers import BUNDLED, HOSTILE_STRINGS, hostile, load

from incident.export.timesketch import FIELDS, render_csv, render_jsonl, timesketch_rows
from incident.formatting import visible

MANDATORY = ("message", "datetime", "timestamp_desc")


def parse_rows(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_row_has_timesketch_fields_and_utc_datetimes(path: Path) -> None:
    timeline = load(path)
    rows = timesketch_rows(timeline)
    parsed = parse_rows(render_jsonl(rows))
    claims = [c for e in timeline.events for c in (*e.claims, *e.end_claims)]
    timed = sum(1 for c in claims if c.interval is not None)
    untimed = sum(1 for c in claims if c.interval is None)
    assert len(parsed) == timed and rows.untimed == untimed
    for row in parsed:
        assert list(row) == list(FIELDS)
        for field in MANDATORY:
            assert isinstance(row[field], str) and row[field], field
        moment = datetime.fromisoformat(str(row["datetime"]))
        assert moment.utcoffset() == timedelta(0)
        desc = str(row["timestamp_desc"])
        stated = datetime.fromisoformat(str(row["stated_datetime"]))
        end = str(row["message"]).startswith(f"{row['event_title']} (end) — ")
        assert desc.startswith("end: ") == end
        if desc.removeprefix("end: ").startswith("stated by "):
            assert stated == moment
        else:
            what = "end" if end else "event"
            assert desc.startswith(f"{'end: ' if end else ''}{what} time, reconstructed (")
            assert stated != moment


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_rows_follow_reconstruction_order(path: Path) -> None:
    timeline = load(path)
    parsed = parse_rows(render_jsonl(timesketch_rows(timeline)))
    order = [e.id for e in timeline.events]
    starts = [r for r in parsed if not str(r["timestamp_desc"]).startswith("end: ")]
    events = [str(r["event_id"]) for r in starts]
    # Events in reconstructed order, each one's rows together (an end row sits at the event's
    # end), and the datetimes Timesketch sorts by never go back: its view is the
    # reconstruction's order.
    assert events == sorted(events, key=order.index)
    times = [datetime.fromisoformat(str(r["datetime"])) for r in parsed]
    assert times == sorted(times)
    for event_id in dict.fromkeys(events):
        stated = [str(r["stated_datetime"]) for r in starts if r["event_id"] == event_id]
        assert stated == sorted(stated)


def test_timestamp_desc_says_who_and_how() -> None:
    timeline = load(next(p for p in BUNDLED if p.stem == "x-spaces-2024"))
    parsed = parse_rows(render_jsonl(timesketch_rows(timeline)))
    sched = [r for r in parsed if r["event_id"] == "scheduled-start"]
    assert {str(r["timestamp_desc"]) for r in sched} == {
        "stated by ABC News",
        "stated by Kontan",
        "stated by CNBC (Indonesian text)",
        "stated by Tribunnews",
    }
    assert {r["datetime"] for r in sched} == {"2024-08-13T00:00:00+00:00"}
    # Where the sources disagree, the row sits at the reconstructed time and says whose it is not.
    start = {str(r["source_id"]): r for r in parsed if r["event_id"] == "conversation-starts"}
    assert start["ap"]["timestamp_desc"] == "event time, reconstructed (ABC News: 20:42 EDT)"
    assert start["ap"]["stated_datetime"] == "2024-08-13T00:42:00+00:00"
    assert (
        start["ap"]["interval_start"] == start["ap"]["interval_end"] == "2024-08-13T00:42:00+00:00"
    )
    assert start["cnbc-id"]["timestamp_desc"] == (
        "event time, reconstructed (CNBC (Indonesian text): about 20:45 ET)"
    )


def test_hostile_text_stays_text_and_csv_cells_are_not_formulas() -> None:
    rows = timesketch_rows(hostile())
    assert rows.untimed == 1
    jsonl = render_jsonl(rows)
    assert "\x1b" not in jsonl
    joined = " ".join(str(v) for r in parse_rows(jsonl) for v in r.values())
    for index in (0, 3, 4, 5, 6, 7, 8):  # every string the rows carry
        assert visible(HOSTILE_STRINGS[index]) in joined
    table = list(csv.reader(io.StringIO(render_csv(rows), newline="")))
    assert table[0] == list(FIELDS)
    assert len(table) == len(rows.rows) + 1
    for record in table[1:]:
        for cell in record:
            assert not cell or cell[0] not in "=+-@\t\r", cell
    assert any(cell == "'" + HOSTILE_STRINGS[4] for r in table for cell in r)


def test_an_events_end_claims_are_rows_at_its_end_that_say_so() -> None:
    fixture = Path(__file__).resolve().parent.parent / "export/fixtures/example-cloud.yaml"
    parsed = parse_rows(render_jsonl(timesketch_rows(load(fixture))))
    ends = [r for r in parsed if str(r["timestamp_desc"]).startswith("end: ")]
    assert [(r["event_id"], r["datetime"], r["timestamp_desc"]) for r in ends] == [
        ("first-errors", "2025-03-21T01:20:00+00:00", "end: stated by Example Gazette (UK)")
    ]
    assert ends[0]["quote"] == "Uploads worked again from 1.20am UK time on Friday."
