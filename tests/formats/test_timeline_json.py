"""``--format json``: valid against its committed schema, stable, the reconstruction's figures."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from _formats_helpers import BUNDLED, hostile, load

from incident.export.timeline_json import render_timeline_json
from incident_samples import ROOT
from schemas.timeline_doc import TimelineDocument, timeline_json_schema

SCHEMA_PATH = ROOT / "schemas" / "timeline.schema.json"


def test_committed_schema_is_current() -> None:
    committed = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert committed == timeline_json_schema(), (
        "schemas/timeline.schema.json is stale: "
        "run `incident schema --output > schemas/timeline.schema.json`"
    )
    jsonschema.Draft202012Validator.check_schema(committed)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_exports_validate_against_the_committed_schema(path: Path) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    timeline = load(path)
    text = render_timeline_json(timeline, timeline.display_zones)
    data = json.loads(text)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert text == render_timeline_json(load(path), timeline.display_zones)  # deterministic
    # Keys in declared order, so diffs read line by line.
    assert list(data) == list(TimelineDocument.model_fields)
    assert [e["id"] for e in data["events"]] == [e.id for e in timeline.events]
    assert data["discrepancy_count"] == len(timeline.discrepancies)
    for event, item in zip(data["events"], timeline.events, strict=True):
        assert [z["zone"] for z in event["local"]] == list(timeline.display_zones)
        if item.interval is not None and item.interval.earliest is not None:
            assert event["interval"]["earliest"] == item.interval.earliest.isoformat()


def test_figures_are_the_reconstructions() -> None:
    timeline = load(next(p for p in BUNDLED if p.stem == "x-spaces-2024"))
    data = json.loads(render_timeline_json(timeline, timeline.display_zones))
    assert timeline.delay is not None and timeline.peak_audience is not None
    delay = next(d for d in data["durations"] if d["name"] == "delay")
    assert delay["low_seconds"] == timeline.delay.low.value.total_seconds()
    assert delay["high_seconds"] == timeline.delay.high.value.total_seconds()
    assert (delay["low_bound"], delay["high_bound"]) == (
        timeline.delay.low.bound,
        timeline.delay.high.bound,
    )
    peak = next(c for c in data["counts"] if c["name"] == "peak_audience")
    assert (peak["low"], peak["high"]) == (
        timeline.peak_audience.low.value,
        timeline.peak_audience.high.value,
    )
    assert data["scheduled_start"] == "2024-08-13T00:00:00+00:00"
    sched = next(e for e in data["events"] if e["id"] == "scheduled-start")
    assert sched["local"][1]["earliest"] == "2024-08-13T07:00:00+07:00"


def test_hostile_text_is_kept_as_data() -> None:
    timeline = hostile()
    data = json.loads(render_timeline_json(timeline, timeline.display_zones))
    assert data["incident"]["title"] == "<script>alert(1)</script>"
    assert data["events"][0]["title"] == "[bold red]x[/]"


def test_every_derived_duration_is_exported_with_its_hedges() -> None:
    timeline = load(next(p for p in BUNDLED if p.stem == "crowdstrike-2024"))
    data = json.loads(render_timeline_json(timeline, timeline.display_zones))
    assert timeline.durations, "the bundled incident derives durations"
    assert len(data["durations"]) == len(timeline.durations)
    for doc, derived in zip(data["durations"], timeline.durations, strict=True):
        assert (doc["name"], doc["start"], doc["end"]) == (
            derived.name,
            derived.start,
            derived.end,
        )
        assert doc["low_seconds"] == derived.figure.low.value.total_seconds()
        assert doc["high_seconds"] == derived.figure.high.value.total_seconds()
        assert (doc["low_bound"], doc["high_bound"]) == (
            derived.figure.low.bound,
            derived.figure.high.bound,
        )
    names = {d["name"] for d in data["durations"]}
    assert {"time_to_mitigate", "span"} <= names
    # A span says which event it measures; a stated length that cannot be true is named.
    sky = next(d for d in data["durations"] if d["start"] == "sky-news-off-air")
    assert sky["name"] == "span" and sky["end"] == "sky-news-off-air"
    assert (sky["low_bound"], sky["high_bound"]) == ("more_than", "about")
    assert "sky-d" in sky["contradicted_by"]
