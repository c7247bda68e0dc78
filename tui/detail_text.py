"""What the detail pane says about one event: every claim with its source, the quote and its
translation, the time as stated and the interval it became, and the disagreements in words.

Builds ``rich.text.Text`` from plain strings only; every piece of file text goes through
:mod:`tui.safe` first.
"""

from __future__ import annotations

import re
from datetime import datetime

from rich.text import Text

from incident import formatting
from incident.marks import ClaimEvidence, Mark
from incident.timeline import (
    Discrepancy,
    DiscrepancyKind,
    Interval,
    ResolvedClaim,
    Timeline,
    TimelineEvent,
)
from schemas.models import Source
from schemas.timespec import parse_duration

from .safe import clean, one_line

BOLD = "bold"
DIM = "dim"
ITALIC = "italic"


def publisher(claim: ResolvedClaim) -> str:
    source = claim.source
    return one_line(source.publisher) if source is not None else one_line(claim.source_id)


def claim_figure(claim: ResolvedClaim) -> str:
    """The number a claim states, in words: ``about 1.3M listeners``."""
    value = claim.claim.value
    stated = claim.claim.duration
    if value is None and stated is not None:  # a length of time the source states
        length = formatting.duration(parse_duration(stated.length))
        return f"{formatting.BOUND_WORDS[stated.bound]}{length}"
    if value is None:
        return ""
    words = formatting.BOUND_WORDS[value.bound]
    return f"{words}{formatting.amount(value.amount)} {one_line(value.unit)}"


OPENING_QUOTES = "“\"„«‘'‚‹「『"
CLOSING_QUOTES = "”\"“»’'‹›」』"


def quoted(text: str) -> str:
    """``“text”``, unless the text already carries its own quotation marks (a source that
    quoted someone): then as it is, never ``““…””``."""
    stripped = text.strip()
    if len(stripped) >= 2 and stripped[0] in OPENING_QUOTES and stripped[-1] in CLOSING_QUOTES:
        return text
    return f"“{text}”"


def discrepancy_words(discrepancy: Discrepancy) -> str:
    """``AP: 20:42 EDT · CNBC (early version): about 20:45 ET``."""
    parts: list[str] = []
    for claim in discrepancy.claims:
        if discrepancy.aspect == "time":
            said = one_line(formatting.stated_time(claim.claim.time, claim))
        else:
            said = claim_figure(claim)
        parts.append(f"{publisher(claim)}: {said}")
    return " · ".join(parts)


def discrepancy_heading(discrepancy: Discrepancy) -> str:
    what = {"time": "time", "duration": "duration"}.get(discrepancy.aspect, "figure")
    if discrepancy.kind is DiscrepancyKind.conflict:
        return f"!! Sources disagree on the {what} (they cannot all be right)"
    return f"!  Sources give different {what}s (their ranges overlap)"


def when_lines(item: TimelineEvent, zones: tuple[str, ...], locale: str) -> list[str]:
    """``Monday, 12 August 2024 20:42 EDT``, ``about …``, ``after …``, ``before …`` or, for a
    range, ``between Monday, 12 August 2024 20:13 and 20:30 EDT (sources disagree)``: one line
    per zone, never a middle that no source named."""
    when = formatting.shown_time(item.interval, item.claims)
    disagree = any(d.aspect == "time" for d in item.discrepancies)
    return _moment_lines(when, item.interval, disagree, zones, locale)


def until_lines(item: TimelineEvent, zones: tuple[str, ...], locale: str) -> list[str]:
    """When an event that lasts ended, worded as :func:`when_lines` words its start."""
    end = item.shown_end
    if end is None:
        return []
    return _moment_lines(end, item.end, False, zones, locale)


def _moment_lines(
    when: formatting.Shown,
    interval: Interval | None,
    disagree: bool,
    zones: tuple[str, ...],
    locale: str,
) -> list[str]:
    moment = when.anchor
    if moment is None:
        return ["no time given by any source"]
    if when.mark == "d":  # a day without a clock, as its source named it
        return [formatting.shown_clock(when, zones[0], locale, with_day=False, abbr=True)]
    if when.mark == "–":
        assert when.start is not None and when.end is not None
        why = " (sources disagree)" if disagree else ""
        return [f"between {_span(when.start, when.end, zone, locale)}{why}" for zone in zones]
    prefix = {"": "", "~": "about ", ">": "after ", "<": "before "}[when.mark]
    out: list[str] = []
    for zone in zones:
        line = prefix + formatting.long_date(moment, zone, locale)
        spread = interval is not None and interval.earliest != interval.latest
        if spread and interval is not None:  # the window "about" or "after" stands for
            line += f"  ({formatting.interval_range(interval, zone, locale)})"
        out.append(line)
    return out


def _span(start: datetime, end: datetime, zone: str, locale: str) -> str:
    """``Monday, 12 August 2024 20:13 and 20:30 EDT``; the end dated when it is another day,
    each end with its own abbreviation when they differ (a clock change)."""
    first = formatting.long_date(start, zone, locale)
    last = formatting.long_date(end, zone, locale)
    start_abbr = formatting.abbreviation(start, zone)
    if start_abbr == formatting.abbreviation(end, zone):
        first = first.removesuffix(" " + start_abbr)
    if formatting.date_key(start, zone) == formatting.date_key(end, zone):
        last = f"{formatting.clock(end, zone, locale)} {formatting.abbreviation(end, zone)}"
    return f"{first} and {last}"


def source_line(source: Source | None, source_id: str) -> list[str]:
    """Publisher, title, author, date, language, via; then the URL on its own line."""
    if source is None:
        return [f"{one_line(source_id)} (not among the file's sources)"]
    head = [one_line(source.publisher)]
    if source.title:
        head.append(f"“{one_line(source.title)}”")
    if source.author:
        head.append(f"by {one_line(source.author)}")
    if source.editor:
        head.append(f"ed. {one_line(source.editor)}")
    head.append(source.published or "date unknown")
    head.append(f"lang {one_line(source.language)}")
    if source.via:
        head.append(f"via {one_line(source.via)}")
    lines = [" · ".join(head)]
    lines.append(one_line(source.url) if source.url else "no URL")
    if source.archive_url:
        lines.append("copy consulted: " + one_line(source.archive_url))
    if source.note:
        lines.append("note: " + one_line(source.note))
    return lines


def _claim_interval(claim: ResolvedClaim, zones: tuple[str, ...], locale: str) -> str:
    if claim.interval is None:
        return "no interval"
    return " / ".join(formatting.interval_range(claim.interval, z, locale) for z in zones)


def event_detail(
    item: TimelineEvent, timeline: Timeline, zones: tuple[str, ...], locale: str = "en"
) -> Text:
    event = item.event
    out = Text(end="")
    out.append(one_line(event.title) + "\n", style=BOLD)
    facts = [str(event.kind)]
    if event.actor:
        facts.append(one_line(event.actor))
    count = len(item.source_ids)
    facts.append(f"{count} source{'s' if count != 1 else ''}")
    if event.tags:
        facts.append("tags: " + ", ".join(event.tags))
    facts.append(f"id {event.id}")
    out.append(" · ".join(facts) + "\n", style=DIM)
    for line in when_lines(item, zones, locale):
        out.append("When: ", style=BOLD)
        out.append(line + "\n")
    if item.shown_end is not None:  # an event that lasts: its cited end, and its length
        for line in until_lines(item, zones, locale):
            out.append("Until: ", style=BOLD)
            out.append(line + "\n")
        span = timeline.duration("span", item.id)
        if span is not None:
            out.append("Lasts: ", style=BOLD)
            out.append(formatting.duration_span(span.figure) + "\n")
    since = formatting.shown_since(
        formatting.shown_time(item.interval, item.claims), timeline.origin
    )
    if since:
        out.append(f"From {timeline.origin_name.removeprefix('the ')}: ", style=BOLD)
        out.append(since + "\n")
    for derived in timeline.durations:  # the durations that end at this event
        if derived.name != "span" and timeline.moment(derived.end) is item:
            out.append(f"{derived.label}: ", style=BOLD)
            out.append(formatting.duration_span(derived.figure) + "\n")
    if event.note:
        out.append("Note: ", style=BOLD)
        out.append(clean(event.note) + "\n")
    for discrepancy in item.discrepancies:
        out.append(discrepancy_heading(discrepancy) + "\n", style=BOLD)
        out.append("   " + discrepancy_words(discrepancy) + "\n")
    for number, claim in enumerate(item.claims, 1):
        _claim(out, number, claim, timeline, zones, locale)
    for number, claim in enumerate(item.end_claims, len(item.claims) + 1):
        _claim(out, number, claim, timeline, zones, locale, role="End")
    return out


def _claim(
    out: Text,
    number: int,
    claim: ResolvedClaim,
    timeline: Timeline,
    zones: tuple[str, ...],
    locale: str,
    role: str = "",
) -> None:
    """One claim behind the event: its source, quote, mark, time as stated, figure, notes;
    ``role`` says what it backs when it is not the start (``End``)."""
    out.append(f"\n{number}. ", style=BOLD)
    if role:
        out.append(f"{role} · ", style=BOLD)
    lines = source_line(claim.source, claim.source_id)
    out.append(lines[0] + "\n", style=BOLD)
    for extra in lines[1:]:
        out.append("   " + extra + "\n", style=DIM)
    quote = claim.claim.quote
    if quote:
        out.append("   " + quoted(clean(quote)).replace("\n", "\n    ") + "\n", style=ITALIC)
        _evidence(out, timeline.evidence.of(claim.claim))
    if claim.claim.translation:
        out.append("   Translation: ", style=DIM)
        out.append(quoted(clean(claim.claim.translation)) + "\n")
    time = claim.claim.time
    if time is not None:
        out.append("   Time as stated: ", style=DIM)
        stated = f"“{one_line(time.stated)}” → " if time.stated else ""
        out.append(stated + one_line(formatting.stated_time(time, claim)))
        # "about", "after", "before", "between" are already in the words; say "exact" too
        out.append(" (exact)\n" if time.kind == "exact" else "\n")
        out.append("   Became: ", style=DIM)
        out.append(_claim_interval(claim, zones, locale) + "\n")
    if claim.claim.value is not None:
        out.append("   Figure: ", style=DIM)
        stated_value = claim.claim.value.stated
        extra = f" (“{one_line(stated_value)}”)" if stated_value else ""
        out.append(claim_figure(claim) + extra + "\n")
    if claim.claim.stance is not None:
        out.append(f"   Stance: {claim.claim.stance}\n", style=DIM)
    if claim.warning:
        out.append("   Warning: " + one_line(claim.warning) + "\n", style=BOLD)
    if claim.claim.note:
        out.append("   Note: " + one_line(claim.claim.note) + "\n", style=DIM)


PASSAGE_CONTEXT = 70  # characters of the stored copy shown either side of the quote


def _evidence(out: Text, evidence: ClaimEvidence) -> None:
    """The claim's mark and, where there is one, the stored copy's passage around the quote."""
    if evidence.mark is Mark.unchecked:
        out.append("   Unchecked: no stored copy of this source\n", style=DIM)
        return
    if evidence.mark is Mark.verified:
        out.append("   ✓ Verified in the stored copy: ", style=BOLD)
    else:
        score = f" ({evidence.score:.0f}% alike)" if evidence.score is not None else ""
        out.append(f"   ✗ Not found in the stored copy; closest passage{score}: ", style=BOLD)
    if not evidence.passage:
        out.append("\n")
        return
    before = _flat(evidence.before)[-PASSAGE_CONTEXT:].lstrip()
    after = _flat(evidence.after)[:PASSAGE_CONTEXT].rstrip()
    out.append(("…" if before and not before.startswith("…") else "") + before, style=DIM)
    out.append(_flat(evidence.passage), style=BOLD)
    out.append(after + ("…" if after and not after.endswith("…") else "") + "\n", style=DIM)


def _flat(text: str) -> str:
    """Stored text on one line, its controls made visible (it is another person's text)."""
    return one_line(re.sub(r"\s+", " ", text))


def citation(item: TimelineEvent, zone: str | None = None) -> str:
    """Plain-text citation of an event and every source behind it (for the clipboard)."""
    shown = formatting.shown_time(item.interval, item.claims)
    when = ""
    if shown.anchor is not None and zone is not None:
        when = f" ({formatting.shown_clock(shown, zone, 'en', with_day=False, abbr=True)})"
    lines = [one_line(item.event.title) + when]
    seen: set[str] = set()
    for claim in (*item.claims, *item.end_claims):
        if claim.source_id in seen:
            continue
        seen.add(claim.source_id)
        source = claim.source
        if source is None:
            lines.append(f"- {one_line(claim.source_id)}")
            continue
        parts = [one_line(source.publisher)]
        if source.title:
            parts.append(f"“{one_line(source.title)}”")
        if source.author:
            parts.append(one_line(source.author))
        if source.published:
            parts.append(source.published)
        text = "- " + ", ".join(parts)
        if source.url:
            text += ". " + one_line(source.url)
        lines.append(text)
    return "\n".join(lines)
