"""TimelineJS3 JSON: the format TimelineJS reads, and file text that stays text."""

from __future__ import annotations

import json
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from _formats_helpers import BUNDLED, HOSTILE_STRINGS, Html, hostile, load

from incident.export.timelinejs import render_timelinejs, timelinejs_document
from incident.formatting import visible
from incident.timeline import reconstruct
from incident.validate import check_text as check_incident_text

# Date parts as TimelineJS's TL.Date reads them (a number, or a string of digits), and ranges.
DATE_PARTS = {
    "year": (-(10**9), 10**9),
    "month": (1, 12),
    "day": (1, 31),
    "hour": (0, 23),
    "minute": (0, 59),
    "second": (0, 59),
    "millisecond": (0, 999),
}
OUR_TAGS = {"p", "strong", "em", "a", "ul", "li"}


def check_date(date: Any) -> None:
    assert isinstance(date, dict)
    assert "year" in date, "TimelineJS needs a year in every date"
    assert set(date) <= set(DATE_PARTS) | {"display_date", "format"}
    for part, (low, high) in DATE_PARTS.items():
        if part in date:
            value = date[part]
            assert isinstance(value, int) and not isinstance(value, bool)
            assert low <= value <= high, (part, value)


def check_text(text: Any, *, headline_required: bool) -> None:
    assert isinstance(text, dict) and set(text) <= {"headline", "text"}
    if headline_required:
        assert isinstance(text.get("headline"), str) and text["headline"]


def check_document(doc: dict[str, Any]) -> None:
    """TimelineJS3's JSON format: title slide, events with start_date and text, eras."""
    assert set(doc) <= {"title", "events", "eras", "scale"}
    assert isinstance(doc["events"], list) and doc["events"]
    check_text(doc["title"]["text"], headline_required=True)
    ids = [e["unique_id"] for e in doc["events"]]
    assert len(ids) == len(set(ids))
    for event in doc["events"]:
        assert set(event) <= {
            "start_date",
            "end_date",
            "display_date",
            "text",
            "media",
            "group",
            "background",
            "autolink",
            "unique_id",
        }
        check_date(event["start_date"])
        if "end_date" in event:
            check_date(event["end_date"])
            start = tuple(event["start_date"].get(p, 0) for p in DATE_PARTS)
            end = tuple(event["end_date"].get(p, 0) for p in DATE_PARTS)
            assert start <= end
        check_text(event["text"], headline_required=True)
        assert isinstance(event["display_date"], str) and event["display_date"]
        assert isinstance(event["group"], str)
    for era in doc.get("eras", []):
        check_date(era["start_date"])
        check_date(era["end_date"])
        check_text(era["text"], headline_required=True)


def fragments(doc: dict[str, Any]) -> list[str]:
    out = [doc["title"]["text"]["headline"], doc["title"]["text"]["text"]]
    for item in [*doc["events"], *doc.get("eras", [])]:
        out += [item["text"]["headline"], item["text"].get("text", "")]
        out.append(item.get("display_date", ""))
    return out


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_incidents_are_timelinejs3_documents(path: Path) -> None:
    timeline = load(path)
    text = render_timelinejs(timeline, timeline.display_zones)
    doc = json.loads(text)
    check_document(doc)
    timed = [e for e in timeline.events if e.interval is not None]
    assert [e["unique_id"] for e in doc["events"]] == [e.id for e in timed]
    for fragment in fragments(doc):
        assert {tag for tag, _ in Html(fragment).tags} <= OUR_TAGS


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_slides_keep_disagreements_and_every_claim(path: Path) -> None:
    timeline = load(path)
    doc = timelinejs_document(timeline, timeline.display_zones)
    slides = {e["unique_id"]: e for e in doc["events"]}
    for item in timeline.events:
        if item.id not in slides:
            continue
        html = Html(slides[item.id]["text"]["text"])
        assert [t for t, _ in html.tags].count("li") == len(item.claims) + len(item.end_claims)
        if item.discrepancies:
            assert "Sources disagree" in html.text


def test_display_date_carries_the_hedge_and_both_zones() -> None:
    path = next(p for p in BUNDLED if p.stem == "x-spaces-2024")
    timeline = load(path)
    doc = timelinejs_document(timeline, timeline.display_zones)
    sched = next(e for e in doc["events"] if e["unique_id"] == "scheduled-start")
    assert sched["display_date"] == "20:00 EDT · 07:00 WIB Tue"
    assert sched["start_date"] == {
        "year": 2024,
        "month": 8,
        "day": 12,
        "hour": 20,
        "minute": 0,
        "second": 0,
    }
    assert any(e["display_date"].startswith("about ") for e in doc["events"])
    assert [era["text"]["headline"] for era in doc["eras"]] == ["Waiting for the start"]


def test_hostile_text_stays_text() -> None:
    timeline = hostile()
    doc = timelinejs_document(timeline, timeline.display_zones)
    check_document(doc)
    seen = " ".join(Html(f).text for f in fragments(doc))
    for fragment in fragments(doc):
        tags = Html(fragment).tags
        assert {tag for tag, _ in tags} <= OUR_TAGS
        for tag, attrs in tags:
            assert tag == "a" or not attrs
            for name, value in attrs:
                assert name == "href" and value is not None and value.startswith("https://")
    for hostile_text in HOSTILE_STRINGS:
        assert visible(hostile_text) in seen, hostile_text
    assert "\x1b" not in json.dumps(doc)
    # The untimed event cannot sit on the axis; the title slide names it.
    assert "untimed" not in [e["unique_id"] for e in doc["events"]]
    assert unescape(doc["title"]["text"]["text"]).count(visible(HOSTILE_STRINGS[9])) == 1


SPAN_YAML = """\
id: spans
title: Spans
summary: Events that last.
platform: Example
date: "2024-08-12"
source_zone: America/New_York
display_zones: [America/New_York, Asia/Jakarta]
sources:
  - {id: ap, publisher: AP, url: "https://example.com/a", language: en}
events:
  - id: outage
    title: The stream is down
    kind: observation
    claims:
      - source: ap
        quote: "The stream went down at 9:20 p.m."
        time: {kind: exact, at: "2024-08-12 21:20"}
    ends:
      - source: ap
        quote: "and came back around 9:28 p.m."
        time: {kind: about, at: "2024-08-12 21:28"}
  - id: overnight
    title: The site is read-only
    kind: observation
    claims:
      - source: ap
        quote: "From 11:50 p.m."
        time: {kind: exact, at: "2024-08-12 23:50"}
    ends:
      - source: ap
        quote: "until between 12:10 and 12:30 a.m."
        time: {kind: between, at: "2024-08-13 00:10", until: "2024-08-13 00:30"}
  - id: open-end
    title: Nobody knows when it ended
    kind: observation
    claims:
      - source: ap
        quote: "At 10 p.m."
        time: {kind: exact, at: "2024-08-12 22:00"}
    ends:
      - source: ap
        quote: "It ended at some point."
"""


def _parts(year: int, month: int, day: int, hour: int, minute: int) -> dict[str, int]:
    return {"year": year, "month": month, "day": day, "hour": hour, "minute": minute, "second": 0}


def test_a_span_gets_its_cited_end_as_end_date() -> None:
    result = check_incident_text(SPAN_YAML, "spans.yaml")
    assert result.incident is not None, [p.render() for p in result.problems]
    timeline = reconstruct(result.incident)
    doc = timelinejs_document(timeline, timeline.display_zones)
    check_document(doc)
    slides = {e["unique_id"]: e for e in doc["events"]}
    outage = slides["outage"]
    # The start's zone and convention: date parts in the first display zone.
    assert outage["start_date"] == _parts(2024, 8, 12, 21, 20)
    assert outage["end_date"] == _parts(2024, 8, 12, 21, 28)
    assert outage["display_date"] == "21:20 → about 21:28 EDT · 08:20 Tue → about 08:28 WIB"
    # An end the sources leave as a range: the slide covers all of it; past midnight the
    # end names its day.
    overnight = slides["overnight"]
    assert overnight["start_date"] == _parts(2024, 8, 12, 23, 50)
    assert overnight["end_date"] == _parts(2024, 8, 13, 0, 30)
    assert overnight["display_date"].startswith("23:50 → Tue 00:10–00:30 EDT · ")
    # No source dates the end: no end_date, and the words say it is unknown.
    open_end = slides["open-end"]
    assert "end_date" not in open_end
    assert open_end["display_date"] == "22:00 EDT → ? · 09:00 WIB Tue → ?"


def test_a_span_slide_quotes_and_cites_its_end_claims() -> None:
    fixture = Path(__file__).resolve().parent.parent / "export/fixtures/example-cloud.yaml"
    timeline = load(fixture)
    doc = timelinejs_document(timeline, timeline.display_zones)
    slide = next(e for e in doc["events"] if e["unique_id"] == "first-errors")
    html = Html(slide["text"]["text"])
    assert "When it ended:" in html.text
    assert "“Uploads worked again from 1.20am UK time on Friday.”" in html.text
    links = [dict(attrs).get("href") for tag, attrs in html.tags if tag == "a"]
    assert links.count("https://uk.example.com/news/cloud-outage") == 2


SPAN_FIXTURE = Path(__file__).resolve().parent.parent / "export/fixtures/example-cloud.yaml"


@pytest.mark.parametrize("path", [*BUNDLED, SPAN_FIXTURE], ids=lambda p: p.stem)
def test_only_an_event_with_ends_gets_an_end_date(path: Path) -> None:
    timeline = load(path)
    doc = timelinejs_document(timeline, timeline.display_zones)
    by_id = {item.id: item for item in timeline.events}
    for slide in doc["events"]:
        if "end_date" in slide:
            assert by_id[slide["unique_id"]].is_span, slide["unique_id"]


def test_a_disagreement_is_a_point_with_its_range_in_words() -> None:
    timeline = load(SPAN_FIXTURE)
    doc = timelinejs_document(timeline, timeline.display_zones)
    slide = next(e for e in doc["events"] if e["unique_id"] == "status-investigating")
    assert "end_date" not in slide
    assert slide["start_date"] == _parts(2025, 3, 20, 15, 31)
    assert slide["display_date"].startswith("15:31–15:50 PDT · ")
