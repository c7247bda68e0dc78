"""Placing written times on the UTC line: zones, labels, DST gaps and folds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pendulum
import pytest

from schemas.timespec import TimeError, format_duration, parse_duration, place_time
from schemas.zones import UnknownZoneError, resolve_label


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "zone", "expected_wib"),
    [
        ("2024-08-12 20:00", "EDT", "2024-08-13 07:00"),
        ("2024-08-12 20:42", "America/New_York", "2024-08-13 07:42"),
        ("2023-05-24 18:00", "EDT", "2023-05-25 05:00"),
        ("2024-01-21 15:00", "EST", "2024-01-22 03:00"),
        ("2023-05-24 15:30", "PT", "2023-05-25 05:30"),
        ("2024-08-13 07:00", "WIB", "2024-08-13 07:00"),
    ],
)
def test_conversion_to_wib_is_exact(text: str, zone: str, expected_wib: str) -> None:
    placed = place_time(text, zone, None)
    wib = pendulum.instance(placed.utc).in_timezone("Asia/Jakarta")
    assert wib.format("YYYY-MM-DD HH:mm") == expected_wib
    assert wib.tzname() == "WIB"


def test_edt_label_is_kept_as_written() -> None:
    placed = place_time("2024-08-12 20:00", "EDT", "UTC")
    assert placed.label == "EDT"
    assert placed.zone == "America/New_York"
    assert placed.utc == utc(2024, 8, 13, 0, 0)


def test_incident_zone_is_the_fallback() -> None:
    assert place_time("2024-08-12 20:00", None, "America/New_York").utc == utc(2024, 8, 13)


def test_time_without_any_zone_is_an_error() -> None:
    with pytest.raises(TimeError) as info:
        place_time("2024-08-12 20:00", None, None)
    assert info.value.code == "no-zone"


def test_explicit_offset_needs_no_zone() -> None:
    placed = place_time("2024-08-12T20:00:00-04:00", None, None)
    assert placed.utc == utc(2024, 8, 13)


def test_offset_contradicting_label_is_an_error() -> None:
    with pytest.raises(TimeError) as info:
        place_time("2024-08-12T20:00:00-05:00", "EDT", None)
    assert info.value.code == "offset-contradicts-zone"


def test_offset_contradicting_iana_zone_on_that_date_is_an_error() -> None:
    with pytest.raises(TimeError) as info:
        place_time("2024-08-12T20:00:00-05:00", "America/New_York", None)
    assert info.value.code == "offset-contradicts-zone"
    assert "-04:00" in info.value.message


def test_est_in_may_is_read_as_local_time_and_warned() -> None:
    # Audacy wrote "6:20 p.m. EST" on 24 May 2023, when New York was on EDT.
    placed = place_time("2023-05-24 18:20", "EST", None)
    assert placed.utc == utc(2023, 5, 24, 22, 20)
    assert placed.warning is not None and "EST" in placed.warning


def test_spring_forward_gap_is_an_error() -> None:
    with pytest.raises(TimeError) as info:
        place_time("2024-03-10 02:30", "America/New_York", None)
    assert info.value.code == "nonexistent-time"


def test_fall_back_fold_needs_an_offset() -> None:
    with pytest.raises(TimeError) as info:
        place_time("2024-11-03 01:30", "ET", None)
    assert info.value.code == "ambiguous-time"


@pytest.mark.parametrize(("label", "hour"), [("EDT", 5), ("EST", 6)])
def test_fold_is_resolved_by_a_label_that_names_the_offset(label: str, hour: int) -> None:
    assert place_time("2024-11-03 01:30", label, None).utc == utc(2024, 11, 3, hour, 30)


def test_fold_is_resolved_by_an_explicit_offset() -> None:
    assert place_time("2024-11-03T01:30:00-05:00", "ET", None).utc == utc(2024, 11, 3, 6, 30)


@pytest.mark.parametrize(
    "text",
    ["0000-01-01 00:00", "2024-06-30 23:59:60", "2024-02-30 10:00", "2024-08-12 25:00", "noon"],
)
def test_impossible_times_are_errors(text: str) -> None:
    with pytest.raises(TimeError):
        place_time(text, "UTC", None)


def test_far_future_with_big_offset_is_refused_not_overflowed() -> None:
    with pytest.raises(TimeError) as info:
        place_time("9999-12-31T23:59+14:00", None, None)
    assert info.value.code == "time-range"


@pytest.mark.parametrize("label", ["XYZ", "Mars/Olympus", "../../etc/passwd", ""])
def test_unknown_zones_are_refused(label: str) -> None:
    with pytest.raises(UnknownZoneError):
        resolve_label(label)


@pytest.mark.parametrize(
    ("text", "minutes"), [("18m", 18), ("1h30m", 90), ("-5m", -5), ("2h", 120), ("90s", 1.5)]
)
def test_durations(text: str, minutes: float) -> None:
    assert parse_duration(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize("text", ["", "-", "5", "m", "1x"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


def test_duration_round_trip() -> None:
    for minutes in (0, 1, 42, 60, 61, 125):
        text = format_duration(timedelta(minutes=minutes))
        assert parse_duration(text) == timedelta(minutes=minutes)
