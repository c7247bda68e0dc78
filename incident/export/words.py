"""Plain words for the data formats (TimelineJS, Timesketch, JSON, CSV): not escaped.

The Markdown documents escape as they go (:mod:`.phrasing`); these formats each escape for their
own medium (HTML for TimelineJS slides, nothing for JSON and CSV), so the words are built here
once, as plain text, from the reconstructed timeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from schemas.models import Source, TimeKind

from ..formatting import (
    BOUND_WORDS,
    abbreviation,
    amount,
    clock,
    day,
    shown_clock,
    shown_time,
    stated_time,
    visible,
)
from ..timeline import ResolvedClaim, Shown, Timeline, TimelineEvent
from .escape import fold

MARK_WORDS = {"": "", "~": "about ", ">": "after ", "<": "before ", "–": "", "?": "", "d": ""}
HEDGE_WORDS: dict[TimeKind | None, str] = {
    TimeKind.exact: "",
    TimeKind.about: "about",
    TimeKind.after: "after",
    TimeKind.before: "before",
    TimeKind.between: "between",
    TimeKind.day: "on the day",
    TimeKind.unknown: "no time",
    None: "no time",
}


def text(value: str) -> str:
    """File text on one line with invisible and control characters made visible."""
    return visible(fold(value))


def source_name(timeline: Timeline, source_id: str) -> str:
    """The publisher; told apart by date, else by id, where sources share a publisher."""
    source = timeline.sources.get(source_id)
    if source is None:
        return text(source_id)
    same = [s for s in timeline.sources.values() if s.publisher == source.publisher]
    if len(same) == 1:
        return text(source.publisher)
    dates = [s.published for s in same]
    if None not in dates and len(set(dates)) == len(dates):
        return text(f"{source.publisher} ({source.published})")
    return text(f"{source.publisher} ({source.id})")


def source_of(timeline: Timeline, claim: ResolvedClaim) -> Source | None:
    return timeline.sources.get(claim.source_id)


def shown(item: TimelineEvent) -> Shown:
    return shown_time(item.interval, item.claims)


def display_date(when: Shown, zones: Sequence[str], locale: str = "en") -> str:
    """``about 20:45 EDT · 07:45 WIB Tue``: the hedge once, each zone's clock, and the weekday
    where a zone's date differs from the first zone's. ``time unknown`` without a time."""
    anchor = when.anchor
    if anchor is None:
        return "time unknown"
    if when.mark == "d":  # a day a source named, in its own zone: the same words everywhere
        return shown_clock(when, zones[0], locale, with_day=False, abbr=True)
    parts = []
    first_day = day(anchor, zones[0])
    for index, zone in enumerate(zones):
        clock_text = shown_clock(when, zone, locale, with_day=False, abbr=True)
        if when.mark in ("~", ">", "<"):
            clock_text = clock_text[1:]
        if index and day(anchor, zone) != first_day:
            clock_text += " " + day(anchor, zone, locale).split()[0]
        parts.append(clock_text)
    return MARK_WORDS[when.mark] + " · ".join(parts)


def display_span(when: Shown, end: Shown, zones: Sequence[str], locale: str = "en") -> str:
    """A span, zone by zone: ``about 04:09 → 05:27 UTC · 11:09 → 12:27 WIB``. Each end keeps its
    hedge; the end's weekday is shown where it falls on another day than the start in that
    zone, the start's where a zone's date differs from the first zone's."""
    anchor = when.anchor
    if anchor is None:
        return "time unknown"
    end_at = end.anchor
    parts = []
    first_day = day(anchor, zones[0])
    for index, zone in enumerate(zones):
        start_label = _label(when, zone)
        end_label = "" if end_at is None else _label(end, zone)
        start = [_hedged_clock(when, zone, locale)]
        if start_label and start_label != end_label:
            start.append(start_label)
        if index and day(anchor, zone) != first_day:
            start.append(day(anchor, zone, locale).split()[0])
        if end_at is None:
            parts.append(" ".join([*start, "→ ?"]))
            continue
        finish = [_hedged_clock(end, zone, locale)]
        if end.mark != "d" and day(end_at, zone) != day(anchor, zone):
            finish.insert(0, day(end_at, zone, locale).split()[0])
        if end_label:
            finish.append(end_label)
        parts.append(" ".join(start) + " → " + " ".join(finish))
    return " · ".join(parts)


def _hedged_clock(when: Shown, zone: str, locale: str) -> str:
    """One end of a span in one zone, its hedge in words: ``about 20:45``, ``20:42–20:53``; a
    day a source named in its own words and zone."""
    if when.mark == "d":
        return shown_clock(when, zone, locale, with_day=False, abbr=True)
    text = shown_clock(when, zone, locale, with_day=False, abbr=False)
    if when.mark in ("~", ">", "<"):
        text = MARK_WORDS[when.mark] + text[1:]
    return text


def _label(when: Shown, zone: str) -> str:
    """The zone's abbreviation at that end ('' for a day in words, which carries its own)."""
    if when.mark == "d" or when.anchor is None:
        return ""
    return abbreviation(when.anchor, zone)


def day_heading(moment: datetime, zone: str, locale: str = "en") -> str:
    """``Mon 12 Aug 2024``."""
    return day(moment, zone, locale)


def claim_time(claim: ResolvedClaim, *, with_words: bool = True) -> str:
    """The time as the source gave it, in its own zone: ``about 20:45 ET``; its own words
    in quotes after it when recorded."""
    time = claim.claim.time
    if (
        time is not None
        and time.zone is None
        and time.relative_to is None
        and time.kind is not TimeKind.unknown
        and claim.nominal is not None
        and claim.zone is not None
    ):
        words = {TimeKind.about: "about ", TimeKind.after: "after ", TimeKind.before: "before "}
        said = words.get(time.kind, "") + clock(claim.nominal, claim.zone)
        if time.kind is TimeKind.between and claim.interval and claim.interval.latest:
            said = f"between {said} and {clock(claim.interval.latest, claim.zone)}"
        said += " " + abbreviation(claim.nominal, claim.zone)
    else:
        said = stated_time(time, claim)
    if with_words and time is not None and time.stated:
        said += f" (“{text(time.stated)}”)"
    return said


def figure(claim: ResolvedClaim) -> str | None:
    """``about 1.3M listeners (“1.3 million”)``, or None without a figure."""
    value = claim.claim.value
    if value is None:
        return None
    said = f"{BOUND_WORDS[value.bound]}{amount(value.amount)} {text(value.unit)}"
    if value.stated:
        said += f" (“{text(value.stated)}”)"
    return said


def disagreement(timeline: Timeline, item: TimelineEvent) -> list[str]:
    """One line per discrepancy, source by source: nothing is averaged away."""
    out = []
    for found in item.discrepancies:
        what = {"time": "time", "duration": "duration"}.get(found.aspect, "figures")
        how = (
            "they cannot all be right"
            if found.kind == "conflict"
            else "they overlap but name different " + ("times" if what == "time" else "figures")
        )
        said = "; ".join(
            f"{source_name(timeline, c.source_id)}: "
            + (claim_time(c) if found.aspect == "time" else (figure(c) or "no figure"))
            for c in found.claims
        )
        out.append(f"Sources disagree on the {what} ({how}): {said}")
    return out
