"""Counts and durations as distinct figure types whose ends keep the sources' hedges, and
numbers whose bounds decide whether two claims can both hold."""

from __future__ import annotations

from datetime import timedelta

import pytest

from incident import formatting
from incident.hedged import DurationFigure, Hedged, common_bound, hedged_range
from incident.timeline import DiscrepancyKind, Timeline, ValueRange, reconstruct, value_range
from incident.validate import check_text
from incident_samples import MINIMAL
from schemas.models import Bound

MILLION = 1_000_000.0


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (Bound.more_than, Bound.exact, False),  # "more than 1M" is not "exactly 1M"
        (Bound.at_least, Bound.exact, True),  # "at least 1M" includes 1M
        (Bound.less_than, Bound.exact, False),
        (Bound.at_most, Bound.exact, True),
        (Bound.more_than, Bound.less_than, False),
        (Bound.more_than, Bound.at_most, False),
        (Bound.at_least, Bound.at_most, True),  # they meet at 1M
        (Bound.at_least, Bound.less_than, False),
        (Bound.more_than, Bound.more_than, True),
        (Bound.exact, Bound.exact, True),
        (Bound.about, Bound.more_than, True),  # about 1M reaches above 1M
    ],
)
def test_open_bounds_decide_whether_the_same_number_overlaps(
    a: Bound, b: Bound, overlap: bool
) -> None:
    left, right = value_range(MILLION, a), value_range(MILLION, b)
    assert left.overlaps(right) is overlap
    assert right.overlaps(left) is overlap


def test_ranges_apart_or_across_each_other() -> None:
    assert not ValueRange(1.0, 2.0).overlaps(ValueRange(3.0, 4.0))
    assert ValueRange(1.0, 3.0).overlaps(ValueRange(2.0, 4.0))
    assert ValueRange(None, None).overlaps(ValueRange(5.0, 5.0))
    assert ValueRange(2.0, None, open_low=True).overlaps(ValueRange(1.0, 3.0))


def _with_start_claims(claims: str, moment: str = "actual_start") -> str:
    head = MINIMAL.split("events:\n")[0].replace("actual_start: start", f"{moment}: start")
    return (
        head
        + """events:
  - id: sched
    title: Scheduled start
    kind: schedule
    claims:
      - {source: ap, quote: q, time: {kind: exact, at: "2024-08-12 20:00", zone: EDT}}
  - id: start
    title: Start
    kind: milestone
    claims:
"""
        + claims
    )


def _timeline(text: str) -> Timeline:
    result = check_text(text)
    assert result.incident is not None, [p.render() for p in result.problems]
    return reconstruct(result.incident)


def test_more_than_and_exactly_the_same_number_are_a_conflict() -> None:
    timeline = _timeline(
        _with_start_claims(
            """\
      - {source: ap, quote: q, value: {amount: 1000000, unit: listeners, bound: more_than}}
      - {source: cnbc, quote: q, value: {amount: 1000000, unit: listeners}}
""",
            "peak_audience",
        )
    )
    (discrepancy,) = timeline.by_id["start"].discrepancies
    assert (discrepancy.aspect, discrepancy.kind) == ("value", DiscrepancyKind.conflict)


def test_at_least_and_exactly_the_same_number_only_vary() -> None:
    timeline = _timeline(
        _with_start_claims(
            """\
      - {source: ap, quote: q, value: {amount: 1000000, unit: listeners, bound: at_least}}
      - {source: cnbc, quote: q, value: {amount: 1000000, unit: listeners}}
""",
            "peak_audience",
        )
    )
    (discrepancy,) = timeline.by_id["start"].discrepancies
    assert discrepancy.kind is DiscrepancyKind.variance


def test_the_delay_keeps_each_ends_hedge() -> None:
    timeline = _timeline(
        _with_start_claims(
            """\
      - {source: ap, quote: q, time: {kind: about, at: "2024-08-12 20:40", zone: EDT}}
      - {source: cnbc, quote: q, time: {kind: after, at: "2024-08-12 20:54", zone: EDT}}
"""
        )
    )
    delay = timeline.delay
    assert isinstance(delay, DurationFigure)
    assert delay.low == Hedged(timedelta(minutes=40), Bound.about)
    assert delay.high == Hedged(timedelta(minutes=54), Bound.more_than)
    assert formatting.duration_span(delay) == "about 40m to more than 54m"


def test_the_peak_audience_keeps_each_ends_bound() -> None:
    timeline = _timeline(
        _with_start_claims(
            """\
      - {source: ap, quote: q, value: {amount: 915000, unit: listeners, bound: at_least}}
      - {source: cnbc, quote: q, value: {amount: 1300000, unit: listeners, bound: about}}
""",
            "peak_audience",
        )
    )
    peak = timeline.peak_audience
    assert peak is not None and peak.unit == "listeners"
    assert formatting.count_span(peak) == "at least 915k to about 1.3M"


def test_an_end_named_exactly_by_one_source_and_hedged_by_another_reads_exact() -> None:
    assert common_bound([Bound.about, Bound.exact]) is Bound.exact
    assert common_bound([Bound.about, Bound.about]) is Bound.about
    ends = hedged_range([(timedelta(minutes=5), Bound.about)])
    assert ends is not None
    figure = DurationFigure(*ends)
    assert figure.single and formatting.duration_span(figure) == "about 5m"
    assert hedged_range([]) is None
