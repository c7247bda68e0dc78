"""How an event's time is shown (shared by the app and the export): an instant or a range,
never a middle that no source named."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from incident import formatting
from incident.formatting import Shown, shown_clock, shown_since, shown_time
from incident.timeline import Interval, ResolvedClaim
from schemas.models import Claim, ClaimTime, TimeKind

NY = "America/New_York"
WIB = "Asia/Jakarta"


def at(hour: int, minute: int) -> datetime:
    """A New York wall time on 12 Aug 2024 (EDT) as UTC."""
    return datetime(2024, 8, 12, hour, minute, tzinfo=UTC) + timedelta(hours=4)


START = at(20, 0)


def claim(
    kind: TimeKind, nominal: datetime | None, lo: datetime | None, hi: datetime | None
) -> ResolvedClaim:
    time = ClaimTime.model_construct(kind=kind)
    return ResolvedClaim(
        claim=Claim.model_construct(source="ap", time=time),
        source=None,
        interval=Interval(lo, hi),
        nominal=nominal,
        zone=NY,
        label="EDT",
        values=None,
    )


def clock_of(shown: Shown, zone: str = NY, **kwargs: bool) -> str:
    options = {"with_day": False, "abbr": False, **kwargs}
    return shown_clock(shown, zone, "en", **options)


# --- shown_time ---------------------------------------------------------------------------


def test_an_exact_instant_has_no_mark() -> None:
    exact = claim(TimeKind.exact, at(20, 42), at(20, 42), at(20, 42))
    shown = shown_time(Interval(at(20, 42), at(20, 42)), [exact])
    assert shown == Shown("", at(20, 42), at(20, 42))
    assert clock_of(shown) == "20:42"
    assert clock_of(shown, abbr=True) == "20:42 EDT"
    assert clock_of(shown, with_day=True, abbr=True) == "Mon 12 Aug 2024 20:42 EDT"
    assert shown_since(shown, START) == "T+42m"


def test_about_shows_the_instant_the_sources_name_not_the_span() -> None:
    about = claim(TimeKind.about, at(20, 45), at(20, 40), at(20, 50))
    shown = shown_time(Interval(at(20, 40), at(20, 50)), [about, about])
    assert shown == Shown("~", at(20, 45), at(20, 45))
    assert clock_of(shown) == "~20:45"
    assert shown_since(shown, START) == "T~+45m"


def test_abouts_naming_different_instants_are_a_range() -> None:
    first = claim(TimeKind.about, at(20, 40), at(20, 35), at(20, 45))
    second = claim(TimeKind.about, at(20, 50), at(20, 45), at(20, 55))
    shown = shown_time(Interval(at(20, 45), at(20, 45), approximate=True), [first, second])
    assert shown.mark == "~"  # they meet in one minute: see the fuzzy-point test
    shown = shown_time(Interval(at(20, 35), at(20, 55)), [first, second])
    assert shown == Shown("–", at(20, 35), at(20, 55))
    assert clock_of(shown) == "20:35–20:55"


def test_after_and_before_show_their_bound() -> None:
    after = claim(TimeKind.after, at(20, 20), at(20, 20), at(20, 30))
    shown = shown_time(Interval(at(20, 20), at(20, 30)), [after])
    assert shown == Shown(">", at(20, 20), None)
    assert clock_of(shown) == ">20:20"
    assert shown_since(shown, START) == "T>+20m"

    before = claim(TimeKind.before, at(20, 0), None, at(20, 0))
    shown = shown_time(Interval(None, at(20, 0)), [before])
    assert shown == Shown("<", None, at(20, 0))
    assert clock_of(shown) == "<20:00"
    assert shown_since(shown, START) == "T<+0m"


def test_open_spans_show_their_one_bound_whatever_the_claims() -> None:
    assert shown_time(Interval(at(20, 20), None), []).mark == ">"
    assert shown_time(Interval(None, at(20, 20)), []).mark == "<"


def test_sources_that_disagree_are_a_range_never_a_middle() -> None:
    exact = claim(TimeKind.exact, at(20, 18), at(20, 18), at(20, 18))
    after = claim(TimeKind.after, at(20, 20), at(20, 20), at(20, 30))
    shown = shown_time(Interval(at(20, 13), at(20, 30)), [exact, after])
    assert shown == Shown("–", at(20, 13), at(20, 30))
    assert clock_of(shown) == "20:13–20:30"
    assert clock_of(shown, abbr=True) == "20:13–20:30 EDT"
    assert shown_since(shown, START) == "T+13m–30m"
    assert "20:21" not in clock_of(shown) and "22m" not in shown_since(shown, START)


def test_a_between_is_a_range() -> None:
    between = claim(TimeKind.between, at(19, 47), at(19, 47), at(22, 47))
    shown = shown_time(Interval(at(19, 47), at(22, 47)), [between])
    assert shown == Shown("–", at(19, 47), at(22, 47))
    assert clock_of(shown) == "19:47–22:47"
    assert shown_since(shown, START) == "T−13m–+2h47m"  # the sign kept where it changes


def test_a_range_across_midnight_dates_its_end() -> None:
    shown = Shown("–", at(23, 50), at(23, 50) + timedelta(minutes=20))
    assert clock_of(shown) == "23:50–Tue 13 Aug 2024 00:10"
    assert clock_of(shown, with_day=True) == "Mon 12 Aug 2024 23:50–Tue 13 Aug 2024 00:10"
    assert clock_of(shown, WIB) == "10:50–11:10"  # the same day in Jakarta


def test_fuzzy_claims_meeting_in_one_instant_are_about_that_instant() -> None:
    about = claim(TimeKind.about, at(20, 20), at(20, 15), at(20, 25))
    before = claim(TimeKind.before, at(20, 30), at(20, 25), at(20, 30))
    interval = Interval(at(20, 25), at(20, 25), approximate=True)
    assert not interval.is_point
    shown = shown_time(interval, [about, before])
    assert shown == Shown("~", at(20, 25), at(20, 25))
    assert clock_of(shown) == "~20:25"  # never shown as if a source stated it exactly
    assert shown_since(shown, START) == "T~+25m"


@pytest.mark.parametrize("interval", [None, Interval(None, None)])
def test_no_time(interval: Interval | None) -> None:
    shown = shown_time(interval, [])
    assert shown == Shown("?", None, None)
    assert shown.anchor is None
    assert clock_of(shown) == "?"
    assert shown_since(shown, START) == ""


def test_without_a_scheduled_start_there_is_no_offset() -> None:
    assert shown_since(Shown("", at(20, 42), at(20, 42)), None) == ""


def test_anchor_is_the_named_instant_or_a_ranges_start() -> None:
    assert Shown("–", at(20, 13), at(20, 30)).anchor == at(20, 13)
    assert Shown("<", None, at(20, 0)).anchor == at(20, 0)


def test_offsets_before_the_start_and_hours() -> None:
    assert shown_since(Shown("~", at(19, 50), at(19, 50)), START) == "T~−10m"
    assert shown_since(Shown("–", at(21, 13), at(21, 30)), START) == "T+1h13m–1h30m"
    assert formatting.since(timedelta(minutes=-5)) == "T−5m"


def test_indonesian_clock() -> None:
    shown = Shown("–", at(20, 13), at(20, 30))
    assert shown_clock(shown, WIB, "id", with_day=False, abbr=True) == "07.13–07.30 WIB"


def test_plural() -> None:
    assert formatting.plural(1, "claimed cause") == "1 claimed cause"
    assert formatting.plural(2, "claimed cause") == "2 claimed causes"
    assert formatting.plural(0, "source") == "0 sources"


def test_no_midpoint_helpers_remain() -> None:
    for name in ("interval_marker", "interval_clock", "since_start"):
        assert not hasattr(formatting, name)


def test_a_relative_time_with_no_offset_reads_as_words() -> None:
    from incident.formatting import stated_time
    from schemas.models import ClaimTime

    def words(kind: str, offset: str) -> str:
        return stated_time(ClaimTime(kind=kind, relative_to="conversation-starts", offset=offset))

    assert words("before", "0m") == "before conversation-starts"  # not "less than 0m after"
    assert words("exact", "0m") == "at conversation-starts"
    assert words("about", "PT0M") == "about conversation-starts"
    assert words("before", "15m") == "less than 15m after conversation-starts"
