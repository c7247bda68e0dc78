"""Reconstruction: intervals, ordering, discrepancies and derived figures from claims."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from incident import formatting
from incident.timeline import DiscrepancyKind, Interval, Timeline, reconstruct
from incident.validate import check_file, check_text
from incident_samples import MINIMAL, ROOT


def timeline_of(text: str) -> Timeline:
    result = check_text(text)
    assert result.incident is not None, [p.render() for p in result.problems]
    return reconstruct(result.incident)


def at(hour: int, minute: int) -> datetime:
    """A New York wall time on 12 Aug 2024 (EDT) as UTC."""
    return datetime(2024, 8, 12, hour, minute, tzinfo=UTC) + timedelta(hours=4)


def with_events(events: str) -> str:
    return MINIMAL.split("events:\n")[0] + "events:\n" + events


SCHED = """\
  - id: sched
    title: Scheduled start
    kind: schedule
    claims:
      - {source: ap, quote: q, time: {kind: exact, at: "2024-08-12 20:00", zone: EDT}}
"""


def test_exact_and_about_overlap_narrow_to_the_exact_time_but_differ() -> None:
    timeline = timeline_of(MINIMAL)
    start = timeline.by_id["start"]
    assert start.interval == Interval(at(20, 42), at(20, 42))
    assert start.since_start == (timedelta(minutes=42), timedelta(minutes=42))
    (discrepancy,) = start.discrepancies
    assert discrepancy.kind is DiscrepancyKind.variance
    assert discrepancy.source_ids == ("ap", "cnbc")


def test_claims_that_cannot_both_be_true_are_a_conflict_and_span_both() -> None:
    timeline = timeline_of(
        with_events(
            SCHED
            + """\
  - id: post
    title: DDoS post
    kind: statement
    claims:
      - {source: ap, quote: q, time: {kind: exact, at: "2024-08-12 20:18", zone: EDT}}
      - {source: cnbc, quote: q, time: {kind: after, at: "2024-08-12 20:20", zone: ET, margin: 10m}}
"""
        ).replace("actual_start: start", "actual_start: post")
    )
    post = timeline.by_id["post"]
    assert post.discrepancies[0].kind is DiscrepancyKind.conflict
    assert post.interval == Interval(at(20, 18), at(20, 30))


def test_one_open_ended_claim_does_not_unbound_a_conflicting_event() -> None:
    timeline = timeline_of(
        with_events(
            SCHED
            + """\
  - id: post
    title: DDoS post
    kind: statement
    claims:
      - {source: ap, quote: q, time: {kind: exact, at: "2024-08-12 20:18", zone: EDT}}
      - {source: cnbc, quote: q, time: {kind: after, relative_to: sched, offset: 20m}}
"""
        ).replace("actual_start: start", "actual_start: post")
    )
    assert timeline.by_id["post"].interval == Interval(at(20, 18), at(20, 20))
    timeline = timeline_of(
        with_events(
            SCHED
            + """\
  - id: post
    title: DDoS post
    kind: statement
    claims:
      - {source: ap, quote: q, time: {kind: exact, at: "2024-08-12 20:18", zone: EDT}}
      - {source: ap, quote: q, time: {kind: about, at: "2024-08-12 20:35", zone: EDT}}
      - {source: cnbc, quote: q, time: {kind: after, relative_to: sched, offset: 20m}}
"""
        ).replace("actual_start: start", "actual_start: post")
    )
    assert timeline.by_id["post"].interval == Interval(at(20, 18), at(20, 40))


def test_fuzzy_claims_meeting_in_one_minute_are_not_shown_as_exact() -> None:
    timeline = timeline_of(
        with_events(
            SCHED
            + """\
  - id: go
    title: Speaks
    kind: milestone
    claims:
      - {source: ap, quote: q, time: {kind: about, relative_to: sched, offset: 20m}}
      - {source: cnbc, quote: q, time: {kind: before, relative_to: sched, offset: 30m, margin: 5m}}
"""
        ).replace("actual_start: start", "actual_start: go")
    )
    go = timeline.by_id["go"]
    assert go.interval is not None and go.interval.earliest == at(20, 25)
    assert not go.interval.is_point
    shown = formatting.shown_time(go.interval, go.claims)
    assert shown == formatting.Shown("~", at(20, 25), at(20, 25))
    clock = formatting.shown_clock(shown, "America/New_York", "en", with_day=False, abbr=False)
    assert clock == "~20:25"


def test_relative_source_measures_from_that_sources_claim() -> None:
    timeline = timeline_of(
        with_events(
            SCHED
            + """\
  - id: post
    title: DDoS post
    kind: statement
    claims:
      - {source: ap, quote: q, time: {kind: exact, at: "2024-08-12 20:18", zone: EDT}}
      - {source: cnbc, quote: q, time: {kind: after, at: "2024-08-12 20:20", zone: ET}}
  - id: proceed
    title: Proceed post
    kind: statement
    claims:
      - source: ap
        quote: nine minutes later
        time: {kind: exact, relative_to: post, relative_source: ap, offset: 9m}
"""
        ).replace("actual_start: start", "actual_start: post")
    )
    assert timeline.by_id["proceed"].interval == Interval(at(20, 27), at(20, 27))


def test_relative_source_without_a_timed_claim_is_an_error() -> None:
    text = with_events(
        SCHED
        + """\
  - id: later
    title: Later
    kind: statement
    claims:
      - {source: ap, quote: q, time: {kind: exact, relative_to: sched, relative_source: cnbc, offset: 9m}}
"""
    ).replace("actual_start: start", "actual_start: later")
    codes = [p.code for p in check_text(text).problems]
    assert "unknown-source" in codes


def test_events_are_ordered_by_time_and_untimed_ones_follow_their_predecessor() -> None:
    timeline = timeline_of(
        with_events(
            """\
  - id: late
    title: Late
    kind: observation
    claims:
      - {source: ap, quote: q, time: {kind: exact, at: "2024-08-12 21:00", zone: EDT}}
  - id: untimed
    title: No time
    kind: observation
    claims:
      - {source: ap, quote: q, time: {kind: unknown}}
"""
            + SCHED
            + """\
  - id: start
    title: Start
    kind: milestone
    claims:
      - {source: cnbc, quote: q, time: {kind: about, at: "2024-08-12 20:45", zone: ET}}
"""
        )
    )
    assert [e.id for e in timeline.events] == ["sched", "start", "late", "untimed"]
    anchors = [e.interval.anchor for e in timeline.events if e.interval is not None]
    assert anchors == sorted(anchors)


def test_delay_is_derived_from_the_actual_start_claims() -> None:
    timeline = timeline_of(MINIMAL)
    assert timeline.scheduled_start == at(20, 0)
    assert timeline.delay is not None
    assert (timeline.delay.low.value, timeline.delay.high.value) == (
        timedelta(minutes=42),
        timedelta(minutes=45),
    )


def test_numbers_that_cannot_both_hold_conflict() -> None:
    timeline = timeline_of(
        with_events(
            SCHED
            + """\
  - id: start
    title: Start
    kind: milestone
    claims:
      - {source: ap, quote: q, value: {amount: 915000, unit: listeners}}
      - {source: cnbc, quote: q, value: {amount: 1000000, unit: listeners, bound: at_least}}
"""
        ).replace("actual_start: start", "peak_audience: start")
    )
    (discrepancy,) = timeline.by_id["start"].discrepancies
    assert (discrepancy.aspect, discrepancy.kind) == ("value", DiscrepancyKind.conflict)
    assert timeline.peak_audience is not None
    assert (timeline.peak_audience.low.value, timeline.peak_audience.high.value) == (
        915000,
        1000000,
    )


@pytest.mark.parametrize(
    ("name", "scheduled_utc", "wib"),
    [
        ("x-spaces-2024.yaml", datetime(2024, 8, 13, 0, 0, tzinfo=UTC), "Tue 13 Aug 2024 07:00"),
        ("desantis-2023.yaml", datetime(2023, 5, 24, 22, 0, tzinfo=UTC), "Thu 25 May 2023 05:00"),
    ],
)
def test_bundled_incidents_reconstruct(name: str, scheduled_utc: datetime, wib: str) -> None:
    result = check_file(ROOT / "incidents" / name)
    assert result.incident is not None
    timeline = reconstruct(result.incident)
    assert timeline.scheduled_start == scheduled_utc
    start = timeline.scheduled_start
    shown = f"{formatting.day(start, 'Asia/Jakarta')} {formatting.clock(start, 'Asia/Jakarta')}"
    assert shown == wib
    assert formatting.abbreviation(start, "America/New_York") == "EDT"
    assert timeline.delay is not None and timeline.peak_audience is not None
    assert any(e.disputed for e in timeline.events)


def test_x_spaces_keeps_the_disagreements_the_reports_have() -> None:
    timeline = reconstruct(check_file(Path(ROOT / "incidents" / "x-spaces-2024.yaml")).incident)  # type: ignore[arg-type]
    start = timeline.moment("actual_start")
    assert start is not None
    stated = {formatting.stated_time(c.claim.time, c) for c in start.claims}
    assert "20:42 EDT" in stated or "20:42 ET" in stated
    assert any(s.startswith("about 20:45") for s in stated)
    ddos = timeline.moment("acknowledged")
    assert ddos is not None and ddos.disputed
    assert timeline.delay is not None
    assert timeline.delay.low.value == timedelta(minutes=40)
