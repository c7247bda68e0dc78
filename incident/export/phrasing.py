"""How a Markdown document phrases one incident: source names and citations, times in the
display zones, claims as their sources state them, and the derived figures.

Both documents (the post-mortem and the comparison) phrase incidents through :class:`Phrasing`.
Everything returned here is Markdown-safe: file text goes through :mod:`.escape`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pendulum

from schemas.models import Source, Stance, TimeKind
from schemas.timespec import parse_duration

from ..durations import DerivedDuration
from ..formatting import (
    BOUND_WORDS,
    Shown,
    abbreviation,
    amount,
    clock,
    count_span,
    day,
    duration,
    duration_span,
    interval_range,
    long_date,
    shown_clock,
    shown_time,
    stated_time,
)
from ..hedged import TIME_KIND_BOUND, CountFigure, DurationFigure
from ..timeline import Interval, ResolvedClaim, Timeline, TimelineEvent, moment_words
from . import escape
from .escape import FootnoteIds, inline, plain
from .zones import column_names, describe

# Common language codes (BCP 47 primary subtags) by their English names; any other code is
# shown alone. Every source's language is named the same way: "English (en)", "Japanese (ja)".
LANGUAGES = {
    "ar": "Arabic", "bn": "Bengali", "cs": "Czech", "da": "Danish", "de": "German",
    "el": "Greek", "en": "English", "es": "Spanish", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "he": "Hebrew", "hi": "Hindi", "hu": "Hungarian", "id": "Indonesian",
    "it": "Italian", "ja": "Japanese", "jv": "Javanese", "ko": "Korean", "ms": "Malay",
    "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian",
    "ru": "Russian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "th": "Thai",
    "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
    "zh": "Chinese", "und": "an undetermined language",
}  # fmt: skip
CLOCK_WORDS: dict[TimeKind | None, str] = {
    TimeKind.about: "about ",
    TimeKind.after: "after ",
    TimeKind.before: "before ",
}
MARK_WORDS = {"": "", "~": "about ", ">": "after ", "<": "before ", "d": ""}
STANCE_WORDS = {
    Stance.asserts: "asserts",
    Stance.disputes: "disputes",
    Stance.confirms: "confirms",
    Stance.reports: "reports",
}


@dataclass
class Phrasing:
    """One incident as a document phrases it: its timeline with the display zones, the locale
    of dates and the footnote labels of its sources."""

    timeline: Timeline
    zones: tuple[str, ...]
    locale: str
    notes: FootnoteIds = field(default_factory=FootnoteIds)
    _names: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _by_publisher: dict[str, list[Source]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        # Register every source in file order so labels do not depend on where it is cited.
        for source_id in self.timeline.sources:
            self.notes(source_id)
        for cause in self.timeline.causes:
            for claim in cause.claims:
                self.notes(claim.source)
        for item in self.timeline.events:
            for source_id in item.source_ids:
                self.notes(source_id)

    # -- sources -----------------------------------------------------------------------------

    def source_name(self, source_id: str) -> str:
        """The publisher; where sources share one, told apart by date, else by source id."""
        known = self._names.get(source_id)
        if known is None:
            known = self._names[source_id] = self._source_name(source_id)
        return known

    def _source_name(self, source_id: str) -> str:
        source = self.timeline.sources.get(source_id)
        if source is None:
            return inline(source_id)
        if not self._by_publisher:  # once: a scan per citation is quadratic in sources
            for each in self.timeline.sources.values():
                self._by_publisher.setdefault(each.publisher, []).append(each)
        same = self._by_publisher[source.publisher]
        if len(same) == 1:
            return inline(source.publisher)
        dates = [s.published for s in same]
        if None not in dates and len(set(dates)) == len(dates):
            return inline(f"{source.publisher} ({source.published})")
        if _slug(source.id) == _slug(source.publisher):
            return inline(source.publisher)  # the one whose id is the publisher's name
        return inline(f"{source.publisher} ({source.id})")

    def cite(self, source_id: str) -> str:
        """``Example Wire[^wire]``."""
        return self.source_name(source_id) + self.notes.ref(source_id)

    def refs(self, source_ids: Iterable[str]) -> str:
        return self.notes.refs(source_ids)

    def cite_list(self, claims: Iterable[ResolvedClaim]) -> str:
        return ", ".join(self.cite(s) for s in dict.fromkeys(c.source_id for c in claims))

    # -- times -------------------------------------------------------------------------------

    @property
    def moments(self) -> list[datetime]:
        found = [
            m
            for item in self.timeline.events
            if item.interval is not None
            for m in (item.interval.earliest, item.interval.latest)
            if m is not None
        ]
        if self.timeline.scheduled_start is not None:
            found.insert(0, self.timeline.scheduled_start)
        return found or [_noon(self.timeline.incident.date)]

    def zone_headings(self) -> list[str]:
        return column_names(self.zones, self.moments)

    def zone_descriptions(self) -> str:
        return ", ".join(inline(describe(z, self.moments)) for z in self.zones)

    def instant_all(self, moment: datetime) -> str:
        """The instant in every display zone, with its date:
        ``Monday, 12 August 2024 20:00 EDT · Tuesday, 13 August 2024 07:00 WIB`` (escaped)."""
        return plain(" · ".join(long_date(moment, zone, self.locale) for zone in self.zones))

    def interval_all(self, interval: Interval | None, claims: Sequence[ResolvedClaim] = ()) -> str:
        """An event's time in every display zone, dated: ``Mon 12 Aug 2024, about 20:45 EDT``.

        Worded like the timeline's marks (about, after, before, a range); escaped.
        """
        shown = shown_time(interval, claims)
        if shown.anchor is None:
            return "no time given"
        if shown.mark == "d":  # a day without a clock: its words, in its own zone
            return plain(shown_clock(shown, self.zones[0], self.locale, with_day=False, abbr=True))
        parts = []
        for zone in self.zones:
            if shown.mark == "–":
                assert interval is not None
                text = interval_range(interval, zone, self.locale)
                if not _spans_days(interval, zone):
                    text = f"{day(shown.anchor, zone, self.locale)}, {text}"
            else:
                moment = shown.anchor
                text = (
                    f"{day(moment, zone, self.locale)}, {MARK_WORDS[shown.mark]}"
                    f"{clock(moment, zone, self.locale)} {abbreviation(moment, zone)}"
                )
            parts.append(text)
        return plain(" · ".join(parts))

    def time_cells(
        self, rows: Sequence[Shown], *, abbr: Sequence[bool] | None = None
    ) -> list[list[str]]:
        """One cell per display zone for each row, the day shown on the first row and
        wherever it changes in that zone (escaped)."""
        last: list[str | None] = [None] * len(self.zones)
        out = []
        for shown in rows:
            cells = []
            for index, zone in enumerate(self.zones):
                anchor = shown.anchor
                today = None if anchor is None else day(anchor, zone)
                with_day = today is not None and today != last[index]
                if today is not None:
                    last[index] = today
                with_abbr = bool(abbr and abbr[index])
                cells.append(
                    plain(shown_clock(shown, zone, self.locale, with_day=with_day, abbr=with_abbr))
                )
            out.append(cells)
        return out

    # -- claims ------------------------------------------------------------------------------

    def event_title(self, event_id: str) -> str:
        item = self.timeline.by_id.get(event_id)
        return inline(item.event.title) if item is not None else inline(event_id)

    def stated(self, claim: ResolvedClaim) -> str:
        """The time as the source gave it (its own zone), and its own words if recorded."""
        time = claim.claim.time
        if time is not None and time.relative_to is not None and time.kind is not TimeKind.unknown:
            text = self._relative(claim)
        elif (
            time is not None
            and time.zone is None
            and time.kind is not TimeKind.unknown
            and claim.nominal is not None
            and claim.zone is not None
        ):
            # No zone in the source's words: read in the incident's zone, shown by its
            # abbreviation for the date (EDT) rather than an IANA name the source never wrote.
            text = CLOCK_WORDS.get(time.kind, "") + clock(claim.nominal, claim.zone)
            if time.kind is TimeKind.between and claim.interval and claim.interval.latest:
                text = f"between {text} and {clock(claim.interval.latest, claim.zone)}"
            text = plain(f"{text} {abbreviation(claim.nominal, claim.zone)}")
        else:
            text = plain(stated_time(time, claim))
        if time is not None and time.stated:
            text += " (" + escape.quoted(time.stated) + ")"
        return text

    def _relative(self, claim: ResolvedClaim) -> str:
        """``about 18m after “Scheduled start”``, ``15m before …``, ``before …`` (escaped)."""
        time = claim.claim.time
        assert time is not None and time.relative_to is not None and time.offset is not None
        target = "“" + self.event_title(time.relative_to) + "”"
        if time.relative_source is not None:
            target += f" as {self.source_name(time.relative_source)} times it"
        offset = parse_duration(time.offset)
        if time.kind is TimeKind.between and time.until_offset is not None:
            until = parse_duration(time.until_offset)
            return plain(f"between {_offset_words(offset)} and {_offset_words(until)} ") + target
        if offset == timedelta(0):
            word = {TimeKind.after: "after", TimeKind.before: "before"}.get(time.kind, "at")
            return plain(f"{'about at' if time.kind is TimeKind.about else word} ") + target
        later = offset > timedelta(0)
        lead = {
            TimeKind.exact: "",
            TimeKind.about: "about ",
            TimeKind.after: "more than " if later else "less than ",
            TimeKind.before: "less than " if later else "more than ",
        }.get(time.kind, "")
        return plain(f"{lead}{_offset_words(offset)} ") + target

    def value_text(self, claim: ResolvedClaim) -> str:
        value = claim.claim.value
        stated = claim.claim.duration
        if value is None and stated is not None:
            text = plain(BOUND_WORDS[stated.bound] + duration(parse_duration(stated.length)))
            if stated.stated:
                text += " (" + escape.quoted(stated.stated) + ")"
            return text
        if value is None:
            return "no figure given"
        text = inline(f"{BOUND_WORDS[value.bound]}{amount(value.amount)} {value.unit}")
        if value.stated:
            text += " (" + escape.quoted(value.stated) + ")"
        return text

    def stance(self, claim: ResolvedClaim) -> str:
        stance = claim.claim.stance
        return STANCE_WORDS[stance] if stance is not None else "says"

    # -- figures -----------------------------------------------------------------------------

    def delay_text(self, figure: DurationFigure | None) -> str | None:
        """``40m to 45m after the scheduled start (AP[^ap]: 42m · …)`` (escaped)."""
        start = self.timeline.scheduled_start
        if figure is None or start is None:
            return None
        per = " · ".join(
            f"{self.cite(c.source_id)}: "
            + plain(BOUND_WORDS[TIME_KIND_BOUND[c.kind]] + duration(c.nominal - start))
            for c in figure.claims
            if c.nominal is not None and c.kind is not None
        )
        return f"{plain(duration_span(figure))} after the scheduled start ({per})"

    def duration_text(self, d: DerivedDuration) -> str:
        """``1h18m from the first trouble to mitigation · stated: PM-APP[^pm-app]: at most 1h18m
        (“within 78 minutes”)`` (escaped); a statement that cannot be right says so."""
        if d.name == "span":
            text = plain(duration_span(d.figure))
        else:
            text = (
                f"{plain(duration_span(d.figure))} from {plain(moment_words(d.start))} "
                f"to {plain(moment_words(d.end))}"
            )
        said = []
        for c in d.stated:
            wrong = " — cannot be right" if c in d.contradicted_by else ""
            said.append(f"{self.cite(c.source_id)}: {self.value_text(c)}{wrong}")
        return text + (" · stated: " + " · ".join(said) if said else "")

    def audience_text(self, figure: CountFigure | None) -> str | None:
        if figure is None:
            return None
        per = " · ".join(f"{self.cite(c.source_id)}: {self.value_text(c)}" for c in figure.claims)
        return f"{plain(count_span(figure))} {inline(figure.unit)} ({per})"

    def moment_line(self, item: TimelineEvent) -> str:
        """**Title** — when, in every zone — who says so, as they said it."""
        if item.interval is None:
            cited = self.cite_list(item.claims)
            return f"**{inline(item.event.title)}** — no source gives a time ({cited})"
        per = " · ".join(f"{self.cite(c.source_id)}: {self.stated(c)}" for c in item.claims)
        when = self.interval_all(item.interval, item.claims)
        return f"**{inline(item.event.title)}** — {when} ({per})"


def _slug(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _offset_words(offset: timedelta) -> str:
    return f"{duration(abs(offset))} {'before' if offset < timedelta(0) else 'after'}"


def _noon(date_text: str) -> datetime:
    parsed = pendulum.parse(date_text + "T12:00:00+00:00")
    assert isinstance(parsed, datetime)
    return parsed


def _spans_days(interval: Interval, zone: str) -> bool:
    lo, hi = interval.earliest, interval.latest
    if lo is None or hi is None:
        return False
    return day(lo, zone) != day(hi, zone)


def long_day(date_text: str, locale: str) -> str:
    """``12 August 2024`` / ``12 Agustus 2024`` for a YYYY-MM-DD date."""
    parsed = pendulum.parse(date_text)
    assert isinstance(parsed, pendulum.DateTime | pendulum.Date)
    return parsed.format("D MMMM YYYY", locale=locale)


def language_name(tag: str) -> str:
    """``English (en)``, ``Japanese (ja)``, ``Portuguese (pt-BR)``: the name of a common code
    with the tag as written; any other tag alone."""
    name = LANGUAGES.get(tag.lower().split("-")[0])
    return inline(f"{name} ({tag})" if name else tag)


def join_words(items: Sequence[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
