"""Issue 10 at the format level: zone labels as the news writes them, durations as sources state
them, days without a clock, spans, key moments for any incident, validation that keeps going."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from incident.problems import Severity
from incident.suggest import closest
from incident.validate import FileResult, check_text
from incident_samples import MINIMAL
from schemas.timespec import TimeError, format_duration, parse_duration, place_day, place_time
from schemas.zones import ABBREVIATIONS, AmbiguousZoneError, UnknownZoneError, resolve_label


def problems(result: FileResult) -> list[str]:
    return [p.render() for p in result.problems]


def errors(result: FileResult) -> list[str]:
    return [p.render() for p in result.problems if p.severity is Severity.error]


# --- zone labels ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "ET",
        "EDT",
        "EST",
        "CT",
        "CDT",
        "CST",
        "MT",
        "MDT",
        "MST",
        "PT",
        "PDT",
        "PST",
        "AKT",
        "HST",
        "UTC",
        "GMT",
        "Z",
        "BST",
        "CET",
        "CEST",
        "EET",
        "EEST",
        "MSK",
        "GST",
        "PKT",
        "SGT",
        "HKT",
        "JST",
        "KST",
        "AEST",
        "AEDT",
        "ACST",
        "AWST",
        "NZST",
        "NZDT",
        "WIB",
        "WITA",
        "WIT",
    ],
)
def test_every_label_of_the_issue_is_in_the_table(label: str) -> None:
    assert label in ABBREVIATIONS
    resolved = resolve_label(label)
    # The label's zone carries the offset the label names at some time of a year.
    if resolved.offset is not None:
        offsets = {
            place_time(f"2024-{month:02d}-15 12:00", resolved.zone, None).utc
            - datetime(2024, month, 15, 12, tzinfo=UTC)
            for month in (1, 7)
        }
        assert -resolved.offset in offsets


def test_ist_without_a_mapping_lists_india_ireland_and_israel() -> None:
    with pytest.raises(AmbiguousZoneError) as raised:
        resolve_label("IST")
    message = str(raised.value)
    assert "India" in message and "Ireland" in message and "Israel" in message
    with pytest.raises(TimeError) as placed:
        place_time("2024-07-19 10:30", "IST", None)
    assert placed.value.code == "ambiguous-zone"


def test_ist_with_a_mapping_or_an_offset_converts_exactly() -> None:
    aliases = (("IST", "Asia/Kolkata"),)
    placed = place_time("2024-07-19 10:30", "IST", None, aliases)
    assert placed.utc == datetime(2024, 7, 19, 5, 0, tzinfo=UTC)
    assert placed.label == "IST"
    by_offset = place_time("2024-07-19T10:30+05:30", "IST", None)
    assert by_offset.utc == placed.utc and by_offset.zone == "Asia/Kolkata"
    dublin = place_time("2024-07-19T10:30+01:00", "IST", None)
    assert dublin.zone == "Europe/Dublin"


@pytest.mark.parametrize(
    ("label", "zone"),
    [
        ("UK time", "Europe/London"),
        ("waktu Jakarta", "Asia/Jakarta"),
        ("Eastern time", "America/New_York"),
        ("Sydney time", "Australia/Sydney"),
        ("Pacific Time", "America/Los_Angeles"),
    ],
)
def test_labels_as_prose_are_kept_as_written(label: str, zone: str) -> None:
    resolved = resolve_label(label)
    assert (resolved.label, resolved.zone) == (label, zone)


def test_unknown_zone_gets_close_matches_and_no_regex() -> None:
    with pytest.raises(UnknownZoneError) as raised:
        resolve_label("Jakarta/Asia")
    assert "Asia/Jakarta" in str(raised.value)
    with pytest.raises(UnknownZoneError) as typo:
        resolve_label("Asia/Jakrta")
    assert "Asia/Jakarta" in str(typo.value)


@pytest.mark.parametrize(
    ("label", "suggestion"),
    [
        ("UK tme", "(did you mean “UK time”?)"),
        ("Jakarta/Asia", "(did you mean “Asia/Jakarta”?)"),
        ("us eastrn time", "“US Eastern time”"),
        ("new zeland time", "“New Zealand time”"),
    ],
)
def test_a_zone_suggestion_is_quoted_as_the_table_spells_it(label: str, suggestion: str) -> None:
    with pytest.raises(UnknownZoneError) as raised:
        resolve_label(label)
    assert suggestion in str(raised.value)


def test_a_zone_that_is_not_one_is_an_unknown_zone_with_a_close_match() -> None:
    text = MINIMAL.replace("source_zone: America/New_York", "source_zone: New York")
    result = check_text(text, "m.yaml")
    found = [p for p in result.problems if p.code == "unknown-zone"]
    assert found and "America/New_York" in found[0].message, problems(result)
    assert "[" not in found[0].message  # no regular expression


def test_one_rule_for_labels_wrong_for_their_date() -> None:
    # EST in October and BST in January are read as their zone's local time, with a warning.
    est = place_time("2024-10-15 12:00", "EST", None)
    assert est.warning is not None and est.utc.hour == 16
    bst = place_time("2024-01-15 12:00", "BST", None)
    assert bst.warning is not None and bst.utc.hour == 12
    # GMT names the UTC line itself (as Reuters writes it in August): never wrong for a date.
    gmt = place_time("2024-07-15 12:00", "GMT", None)
    assert gmt.warning is None and gmt.utc.hour == 12


def test_a_mapping_settles_a_label_wrong_for_its_date() -> None:
    text = MINIMAL.replace(
        "source_zone: America/New_York\n",
        "source_zone: America/New_York\nzone_labels: {EST: America/New_York}\n",
    ).replace("zone: EDT}\n  - id: start", "zone: EST}\n  - id: start")
    text = text.replace("to start at 8 p.m. EDT", "to start at 8 p.m. EST")
    result = check_text(text, "m.yaml")
    assert result.ok and not result.problems, problems(result)


def test_ist_in_a_file_needs_a_mapping() -> None:
    text = MINIMAL.replace("zone: ET}", "zone: IST}")
    result = check_text(text, "m.yaml")
    assert any("ambiguous-zone" in p and "Israel" in p for p in errors(result)), problems(result)
    mapped = text.replace(
        "source_zone: America/New_York\n",
        "source_zone: America/New_York\nzone_labels: {IST: Asia/Kolkata}\n",
    )
    assert check_text(mapped, "m.yaml").ok


def test_uk_time_in_a_file_is_accepted() -> None:
    text = MINIMAL.replace(
        'at: "2024-08-12 20:45", zone: ET', 'at: "2024-08-13 01:45", zone: UK time'
    )
    result = check_text(text, "m.yaml")
    assert result.ok, problems(result)


def test_a_claim_may_state_the_same_moment_in_two_zones() -> None:
    good = MINIMAL.replace(
        'at: "2024-08-12 20:42", zone: EDT}',
        'at: "2024-08-12 20:42", zone: EDT, also: [{at: "2024-08-13 00:42", zone: UTC}]}',
    )
    assert check_text(good, "m.yaml").ok
    bad = good.replace('"2024-08-13 00:42"', '"2024-08-13 00:52"')
    result = check_text(bad, "m.yaml")
    assert any("zones-disagree" in p for p in errors(result)), problems(result)


# --- durations --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("6h", 360), ("7h11m", 431), ("PT7H11M", 431), ("P2D", 2880), ("2d6h", 3240), ("P3W", 30240)],
)
def test_durations_as_sources_state_them(text: str, minutes: int) -> None:
    assert parse_duration(text) == timedelta(minutes=minutes)


def test_long_durations_read_in_days() -> None:
    assert format_duration(timedelta(days=21)) == "21d"
    assert format_duration(timedelta(days=2, hours=5)) == "2d05h"
    assert format_duration(timedelta(hours=7, minutes=11)) == "7h11m"


def test_a_stated_duration_validates() -> None:
    text = MINIMAL.replace(
        "        quote: around 8:45 pm E.T.\n",
        "        quote: around 8:45 pm E.T.\n"
        "        duration: {length: PT7H11M, bound: about, of: delay, stated: 7 hours and 11 minutes}\n",
    )
    assert check_text(text, "m.yaml").ok


# --- days without a clock ---------------------------------------------------------------------


def test_saturday_night_is_an_interval_in_its_zone() -> None:
    placed = place_day("2024-07-20", "night", "PT", None)
    assert placed.start == datetime(2024, 7, 21, 1, 0, tzinfo=UTC)  # 18:00 PDT
    assert placed.end == datetime(2024, 7, 21, 13, 0, tzinfo=UTC)  # 06:00 PDT the next day


def test_a_day_claim_validates() -> None:
    text = MINIMAL.replace(
        '{kind: about, at: "2024-08-12 20:45", zone: ET}',
        "{kind: day, on: 2024-08-12, part: night, zone: ET, stated: on Monday night}",
    )
    result = check_text(text, "m.yaml")
    assert result.ok, problems(result)


def test_a_day_claim_takes_no_clock() -> None:
    text = MINIMAL.replace(
        '{kind: about, at: "2024-08-12 20:45", zone: ET}',
        '{kind: day, on: 2024-08-12, at: "2024-08-12 20:45"}',
    )
    assert not check_text(text, "m.yaml").ok


# --- key moments, spans, validation that keeps going ------------------------------------------


def test_no_scheduled_start_is_no_warning() -> None:
    text = MINIMAL.replace(
        "key_moments: {scheduled_start: sched, actual_start: start}",
        "key_moments: {first_trouble: start, t0: first_trouble}",
    )
    result = check_text(text, "m.yaml")
    assert result.ok and not result.problems, problems(result)


def test_t0_must_name_a_moment_or_an_event() -> None:
    text = MINIMAL.replace(
        "key_moments: {scheduled_start: sched, actual_start: start}",
        "key_moments: {scheduled_start: sched, t0: detected}",
    )
    assert any("t0" in p for p in errors(check_text(text, "m.yaml")))
    text = text.replace("t0: detected", "t0: nowhere")
    assert any("neither a key moment" in p for p in errors(check_text(text, "m.yaml")))


def test_an_event_may_end() -> None:
    text = MINIMAL + (
        "    ends:\n"
        "      - source: cnbc\n"
        "        quote: it ended at 10:47 pm\n"
        '        time: {kind: exact, at: "2024-08-12 22:47", zone: ET}\n'
    )
    assert check_text(text, "m.yaml").ok
    bad = text.replace(
        "      - source: cnbc\n        quote: it ended",
        "      - source: cnbcc\n        quote: it ended",
    )
    assert any("cnbcc" in p for p in errors(check_text(bad, "m.yaml")))


def test_via_counts_as_citing() -> None:
    text = MINIMAL.replace(
        '  - {id: cnbc, publisher: CNBC, url: "https://example.com/b", language: en}\n',
        '  - {id: cnbc, publisher: CNBC, url: "https://example.com/b", language: en, via: fortune}\n'
        '  - {id: fortune, publisher: Fortune, url: "https://example.com/f", language: en}\n',
    )
    result = check_text(text, "m.yaml")
    assert not any("uncited-source" in p for p in problems(result)), problems(result)


def test_did_you_mean_ranks_ids_as_a_person_mistypes_them() -> None:
    known = ["outage-reports", "outage-start", "ddos-post"]
    assert closest("outage-begins", known) == "outage-start"
    assert closest("cnbcc", ["cnbc", "ap"]) == "cnbc"
    assert closest("zzz", known) is None


# --- reconstruction: T+0, spans, durations, days ----------------------------------------------

from incident.formatting import duration_span, shown_clock, shown_since  # noqa: E402
from incident.timeline import aligned_origin, reconstruct  # noqa: E402
from incident_samples import ROOT  # noqa: E402


def _timeline(text: str):  # type: ignore[no-untyped-def]
    result = check_text(text, "m.yaml")
    assert result.incident is not None and result.ok, problems(result)
    return reconstruct(result.incident)


OUTAGE = MINIMAL.replace(
    "key_moments: {scheduled_start: sched, actual_start: start}",
    "key_moments: {first_trouble: start, mitigated: fix}",
) + (
    "  - id: fix\n"
    "    title: Fix deployed\n"
    "    kind: action\n"
    "    claims:\n"
    "      - source: ap\n"
    "        quote: fixed after about an hour\n"
    '        time: {kind: about, at: "2024-08-12 21:45", zone: ET}\n'
    "      - source: cnbc\n"
    "        quote: the fix came in under an hour\n"
    "        duration: {length: 1h, bound: less_than, of: time_to_mitigate}\n"
    "  - id: dns\n"
    "    title: DNS back\n"
    "    kind: observation\n"
    "    claims:\n"
    "      - source: ap\n"
    "        quote: DNS back at 21:20 UTC\n"
    '        time: {kind: exact, at: "2024-08-13 01:20", zone: UTC}\n'
    "    ends:\n"
    "      - source: ap\n"
    "        quote: reconnected as of 21:28 UTC\n"
    '        time: {kind: exact, at: "2024-08-13 01:28", zone: UTC}\n'
    "      - source: cnbc\n"
    "        quote: it took nearly six hours\n"
    "        duration: {length: 6h, bound: at_most}\n"
    "  - id: weekend\n"
    "    title: Users still report trouble\n"
    "    kind: observation\n"
    "    claims:\n"
    "      - source: cnbc\n"
    "        quote: on Saturday night\n"
    "        time: {kind: day, on: 2024-08-17, part: night, zone: ET, stated: on Saturday night}\n"
)


def test_without_a_scheduled_start_t_plus_counts_from_the_first_trouble() -> None:
    t = _timeline(OUTAGE)
    assert t.scheduled_start is None and t.origin_name == "the first trouble (impact start)"
    start = t.by_id["start"]
    assert shown_since(start.shown, t.origin).startswith("T")
    assert all(shown_since(e.shown, t.origin) for e in t.events if e.interval is not None)


def test_a_span_is_shown_as_a_span_with_its_length() -> None:
    t = _timeline(OUTAGE)
    dns = t.by_id["dns"]
    assert dns.is_span and dns.shown_end is not None
    assert shown_clock(dns.shown_end, "UTC", "en", with_day=False, abbr=False) == "01:28"
    span = t.duration("span", "dns")
    assert span is not None and duration_span(span.figure) == "8m"
    assert not dns.discrepancies  # "at most 6h" is true of 8 minutes


def test_derived_durations_keep_their_hedges_and_stated_ones_are_checked() -> None:
    t = _timeline(OUTAGE)
    mitigate = t.duration("time_to_mitigate")
    assert mitigate is not None
    # 20:42 exact and about 20:45 at the start, about 21:45 at the end: hedges kept per end.
    assert duration_span(mitigate.figure) == "about 1h00m to about 1h03m"
    fix = t.by_id["fix"]
    assert not fix.discrepancies  # about 1h vs less than 1h: they meet
    wrong = OUTAGE.replace("{length: 1h, bound: less_than", "{length: 10m, bound: less_than")
    fix = _timeline(wrong).by_id["fix"]
    assert [d.aspect for d in fix.discrepancies] == ["duration"]


def test_a_derived_duration_is_never_negative() -> None:
    # A detection "before 20:40" against a first trouble the sources put at 20:42 and about
    # 20:45: the pairs would give minus minutes; a time to detect is never below zero.
    early = OUTAGE.replace(
        "key_moments: {first_trouble: start, mitigated: fix}",
        "key_moments: {first_trouble: start, detected: seen, mitigated: fix}",
    ) + (
        "  - id: seen\n"
        "    title: Monitoring notices\n"
        "    kind: observation\n"
        "    claims:\n"
        "      - source: ap\n"
        "        quote: noticed before 8:40 p.m.\n"
        '        time: {kind: before, at: "2024-08-12 20:40", zone: ET}\n'
    )
    detect = _timeline(early).duration("time_to_detect")
    assert detect is not None
    assert detect.figure.low.value == timedelta(0)
    assert "-" not in duration_span(detect.figure)


def test_saturday_night_shows_as_words_and_sorts_within_its_day() -> None:
    t = _timeline(OUTAGE)
    weekend = t.by_id["weekend"]
    assert weekend.shown.mark == "d"
    assert shown_clock(weekend.shown, "Asia/Jakarta", "en", with_day=False, abbr=True) == (
        "Sat 17 Aug 2024 night ET"
    )
    assert t.events[-1].id == "weekend"  # after everything on the 12th and 13th
    assert shown_since(weekend.shown, t.origin).startswith("T+4d")  # T+ in days


def test_compare_aligns_on_a_moment_both_have() -> None:
    t = _timeline(OUTAGE)
    at, words = aligned_origin(t, "mitigated")
    assert at is not None and words == "mitigation"
    with pytest.raises(ValueError, match="scheduled start"):
        aligned_origin(t, "scheduled_start")


def test_the_third_bundled_incident_passes_strict_with_t_plus_on_every_timed_row() -> None:
    result = check_text((ROOT / "incidents" / "crowdstrike-2024.yaml").read_text(), "c.yaml")
    assert result.ok and not result.problems, problems(result)
    assert result.incident is not None
    t = reconstruct(result.incident)
    assert t.scheduled_start is None and t.origin is not None
    timed = [e for e in t.events if e.interval is not None]
    assert timed and all(shown_since(e.shown, t.origin) for e in timed)
    assert any(e.is_span for e in t.events)
    mitigate = t.duration("time_to_mitigate")
    assert mitigate is not None and duration_span(mitigate.figure) == "1h18m"


def test_impact_groups_figures_by_what_they_count() -> None:
    from incident.impact import counts_of_unit
    from schemas.models import Counts

    assert counts_of_unit("users") is Counts.affected  # not an audience
    assert counts_of_unit("listeners") is Counts.audience
    assert counts_of_unit("outage reports") is Counts.reports
    assert counts_of_unit("percent of the listeners") is Counts.percent
    assert counts_of_unit("US dollars per share") is Counts.share_price
    assert counts_of_unit("hours") is Counts.duration


def test_a_range_across_midnight_carries_its_end_date() -> None:
    from incident.formatting import interval_range
    from incident.timeline import Interval

    span = Interval(
        datetime(2021, 10, 4, 22, 27, tzinfo=UTC), datetime(2021, 10, 5, 0, 0, tzinfo=UTC)
    )
    assert interval_range(span, "UTC") == "Mon 4 Oct 2021 22:27–Tue 5 Oct 2021 00:00 UTC"
    assert interval_range(span, "Europe/London") == (
        "Mon 4 Oct 2021 23:27–Tue 5 Oct 2021 01:00 BST"
    )


def test_a_structural_error_keeps_the_event_count_and_the_other_checks() -> None:
    from incident.report import summary
    from incident.validate import Report

    text = MINIMAL.replace("kind: schedule", "kind: [schedule]").replace(
        "      - source: cnbc\n", "      - source: cnbcc\n"
    )
    result = check_text(text, "m.yaml")
    assert result.incident is None and result.event_count == 2
    codes = {p.code for p in result.problems}
    assert "unknown-source" in codes, problems(result)
    assert "2 events" in summary(Report([result], result.problems), strict=False)


def test_a_contradicted_stated_duration_exports_as_a_disagreement() -> None:
    # The claim's model holds lists, so the export must not hash claims to match them up.
    from incident.export.markdown import render_postmortem

    wrong = OUTAGE.replace("{length: 1h, bound: less_than", "{length: 10m, bound: less_than")
    text = render_postmortem(_timeline(wrong))
    section = text.split("## Where the sources disagree", 1)[1]
    assert "less than 10m" in section and "Derived from the claims: about 1h00m" in section


def test_a_span_that_ends_before_it_starts_is_refused() -> None:
    backwards = OUTAGE.replace(
        'quote: reconnected as of 21:28 UTC\n        time: {kind: exact, at: "2024-08-13 01:28"',
        'quote: reconnected as of 21:28 UTC\n        time: {kind: exact, at: "2024-08-13 01:08"',
    )
    assert backwards != OUTAGE
    result = check_text(backwards, "m.yaml")
    assert "bad-range" in [p.code for p in result.problems], problems(result)
    assert not result.ok
