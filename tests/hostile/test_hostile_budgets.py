"""Memory and time bounded by the input for the shapes that used to explode (issue 9).

The full-size costs (a 64 MiB flow list, one event with 20,000 claims) are measured by
``benchmarks/bench_hardening.py``; these tests check the mechanisms on inputs small enough to be
fast: the loader's value budget, the chunked read, and the linear discrepancy check.
"""

from __future__ import annotations

import itertools
import random
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from incident.loader import LoadError, parse, read_bytes
from incident.timeline import Interval, ValueRange, _all_overlap_times, _all_overlap_values


def test_a_flow_list_over_the_value_budget_is_refused_before_it_is_built() -> None:
    """A million-item flow list under a 10,000-value budget: refused, in a few MB."""
    text = "id: [" + "1," * 1_000_000 + "1]\n"
    tracemalloc.start()
    try:
        with pytest.raises(LoadError) as caught:
            parse(text, max_values=10_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.code == "too-many-values"
    assert (caught.value.line, caught.value.column) == (1, 1)
    assert peak < 16 * 1024 * 1024, f"peak {peak:,} bytes"


def test_explicitly_tagged_values_count_against_the_budget() -> None:
    """A tagged node is built without asking for its tag: each '!' is counted up front."""
    text = "id: [" + "!!str a," * 2_000 + "a]\n"
    with pytest.raises(LoadError) as caught:
        parse(text, max_values=1_000)
    assert caught.value.code == "too-many-values"


def test_the_budget_counts_every_value() -> None:
    """The mapping, its key, the list and its 1,000 items: 1,003 values."""
    text = "id: [" + "1," * 999 + "1]\n"
    assert parse(text, max_values=1_003).data == {"id": [1] * 1000}
    with pytest.raises(LoadError):
        parse(text, max_values=1_002)


def test_the_read_stops_at_the_limit_and_at_the_first_nul(tmp_path: Path) -> None:
    grown = tmp_path / "grown.yaml"
    grown.write_bytes(b"a" * 5000)
    with pytest.raises(LoadError) as caught:
        read_bytes(grown, 4096)
    assert caught.value.code == "too-large"
    sparse = tmp_path / "sparse.yaml"
    sparse.write_bytes(b"id: x\n")
    with sparse.open("r+b") as handle:
        handle.truncate(1 << 30)
    tracemalloc.start()
    try:
        raw = read_bytes(sparse, 2 << 30)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert raw.startswith(b"id: x\n\x00")
    assert len(raw) <= 1 << 20
    assert peak < 8 * 1024 * 1024, f"peak {peak:,} bytes"


# -- discrepancies: the linear check says exactly what comparing every pair says


T0 = datetime(2024, 8, 12, 20, 0, tzinfo=UTC)


def _random_interval(rng: random.Random) -> Interval:
    lo = None if rng.random() < 0.2 else T0 + timedelta(minutes=rng.randint(0, 20))
    hi = None if rng.random() < 0.2 else T0 + timedelta(minutes=rng.randint(0, 20))
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return Interval(lo, hi)


def _random_range(rng: random.Random) -> ValueRange:
    low = None if rng.random() < 0.25 else float(rng.randint(0, 6))
    high = None if rng.random() < 0.25 else float(rng.randint(0, 6))
    if low is not None and high is not None and low > high:
        low, high = high, low
    return ValueRange(low, high, rng.random() < 0.3, rng.random() < 0.3)


def _pairwise(items: list[Interval] | list[ValueRange]) -> bool:
    return all(a.overlaps(b) for a, b in itertools.combinations(items, 2))  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", range(20))
def test_linear_overlap_check_agrees_with_every_pair(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        size = rng.randint(1, 7)
        intervals = [_random_interval(rng) for _ in range(size)]
        assert _all_overlap_times(intervals) == _pairwise(intervals), intervals
        ranges = [_random_range(rng) for _ in range(size)]
        ranges = [r for r in ranges if r.overlaps(r)]  # a range that holds some number
        assert _all_overlap_values(ranges) == _pairwise(ranges), ranges
