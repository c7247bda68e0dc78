"""How times, offsets and numbers read to a person: shared by the app and the export.

An event's time is shown through :class:`Shown` (:func:`shown_time`, :func:`shown_clock`,
:func:`shown_since`), the one place that decides between an instant and a range.

Everything returns plain strings; making them safe for a terminal or for Markdown is the view's
job, through the one pair every surface uses: :func:`visible` (control and invisible characters
made visible) and :func:`one_line` (that, on one line).
"""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta
from functools import lru_cache

import pendulum

from schemas.models import Bound, ClaimTime, TimeKind
from schemas.timespec import format_duration
from schemas.zones import timezone

from .hedged import CountFigure, DurationFigure, Hedged
from .timeline import DayWords, Interval, ResolvedClaim
from .timeline import Shown as Shown
from .timeline import shown_time as shown_time

# The clock readings below are pure functions of (instant, zone, locale), and an export or a
# screen asks for the same ones many times (an event with 20,000 claims names a few hundred
# instants): cached, each costs one pendulum conversion and one format, not one per mention.
_CACHE = 1 << 16


@lru_cache(maxsize=_CACHE)
def local(moment: datetime, zone: str) -> pendulum.DateTime:
    """The instant in ``zone`` (exact, DST-correct: pendulum's zone data)."""
    return pendulum.instance(moment).in_timezone(timezone(zone))


@lru_cache(maxsize=_CACHE)
def abbreviation(moment: datetime, zone: str) -> str:
    """EDT, EST, WIB…; zones whose data has no letters fall back to the UTC offset."""
    name = local(moment, zone).tzname() or ""
    if name and name[0] not in "+-":
        return name
    offset = local(moment, zone).utcoffset() or timedelta(0)
    total = int(offset.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    hours, minutes = divmod(abs(total), 60)
    return f"UTC{sign}{hours}" + (f":{minutes:02d}" if minutes else "")


@lru_cache(maxsize=_CACHE)
def clock(moment: datetime, zone: str, locale: str = "en") -> str:
    """``20:42`` (English) or ``20.42`` (Indonesian style)."""
    text = local(moment, zone).format("HH:mm")
    return text.replace(":", ".") if locale == "id" else text


@lru_cache(maxsize=_CACHE)
def day(moment: datetime, zone: str, locale: str = "en") -> str:
    """``Mon 12 Aug 2024`` / ``Sen 12 Agu 2024``."""
    return local(moment, zone).format("ddd D MMM YYYY", locale=locale)


def long_date(moment: datetime, zone: str, locale: str = "en") -> str:
    """``Tuesday, 13 August 2024 07:00 WIB`` / ``Selasa, 13 Agustus 2024 07.00 WIB``."""
    dt = local(moment, zone)
    fmt = "dddd, D MMMM YYYY HH.mm" if locale == "id" else "dddd, D MMMM YYYY HH:mm"
    return f"{dt.format(fmt, locale=locale)} {abbreviation(moment, zone)}"


def date_key(moment: datetime, zone: str) -> str:
    return local(moment, zone).format("YYYY-MM-DD")


def interval_range(interval: Interval | None, zone: str, locale: str = "en") -> str:
    """``20:40–20:50 EDT``, ``Mon 4 Oct 2021 23:27–Tue 5 Oct 2021 01:00 BST``, ``from 20:20
    EDT``, ``until 20:00 EDT``, ``20:42 EDT``."""
    if interval is None:
        return "no time given"
    lo, hi = interval.earliest, interval.latest
    if lo is not None and hi is not None:
        if lo == hi:
            return f"{clock(lo, zone, locale)} {abbreviation(lo, zone)}"
        same_day = date_key(lo, zone) == date_key(hi, zone)
        left, right = clock(lo, zone, locale), clock(hi, zone, locale)
        if not same_day:  # a range across midnight carries both dates, so it never reads back
            left = f"{day(lo, zone, locale)} {left}"
            right = f"{day(hi, zone, locale)} {right}"
        return f"{left}–{right} {abbreviation(hi, zone)}"
    if lo is not None:
        return f"from {clock(lo, zone, locale)} {abbreviation(lo, zone)}"
    assert hi is not None
    return f"until {clock(hi, zone, locale)} {abbreviation(hi, zone)}"


def _signed(delta: timedelta) -> str:
    minutes = round(delta.total_seconds() / 60)
    text = format_duration(timedelta(minutes=abs(minutes)))
    return ("−" if minutes < 0 else "+") + text


def since(delta: timedelta) -> str:
    """``T+42m``, ``T−5m``: an offset from the scheduled start that a source named."""
    return "T" + _signed(delta)


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 claimed cause``, ``2 claimed causes``, ``0 sources``."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


@lru_cache(maxsize=_CACHE)
def duration(delta: timedelta) -> str:
    return format_duration(timedelta(minutes=round(delta.total_seconds() / 60)))


def day_words(words: DayWords, locale: str = "en") -> str:
    """``Sat 20 Jul 2024 night``: a day (or part of one) a source named, never a made-up clock."""
    date = pendulum.parse(words.on)
    assert isinstance(date, pendulum.DateTime | pendulum.Date)
    text = pendulum.date(date.year, date.month, date.day).format("ddd D MMM YYYY", locale=locale)
    if words.part == "day":
        return text
    part = _PARTS_ID.get(words.part, words.part) if locale == "id" else words.part
    return f"{text} {part}"


_PARTS_ID = {
    "early": "dini hari",
    "morning": "pagi",
    "midday": "siang",
    "afternoon": "sore",
    "evening": "malam",
    "late": "larut malam",
    "night": "malam",
}


def shown_clock(shown: Shown, zone: str, locale: str, *, with_day: bool, abbr: bool) -> str:
    """``20:42``, ``~20:45``, ``>20:20``, ``<12:00``, ``20:42–20:53``, ``?`` (not escaped).

    A day without a clock reads as its words in its own zone (``Sat 20 Jul 2024 night PT``)
    whatever ``zone`` is: the source named a day there, not an hour.
    """
    anchor = shown.anchor
    if anchor is None:
        return "?"
    if shown.mark == "d" and shown.day is not None:
        label = (
            shown.day.label if "/" not in shown.day.label else abbreviation(anchor, shown.day.zone)
        )
        return f"{day_words(shown.day, locale)} {label}"
    if shown.mark == "–":
        assert shown.start is not None and shown.end is not None
        end = clock(shown.end, zone, locale)
        if day(shown.end, zone) != day(shown.start, zone):
            end = f"{day(shown.end, zone, locale)} {end}"
        text = f"{clock(shown.start, zone, locale)}–{end}"
    else:
        text = shown.mark + clock(anchor, zone, locale)
    if abbr:
        text += " " + abbreviation(anchor, zone)
    if with_day:
        text = f"{day(anchor, zone, locale)} {text}"
    return text


def shown_since(shown: Shown, scheduled: datetime | None) -> str:
    """``T+42m``, ``T~+48m``, ``T>+0m``, ``T<+16h00m``, ``T+42m–53m``, ``T+2d03h``; '' without
    an origin. ``scheduled`` is the timeline's T+0 (its ``origin``)."""
    if scheduled is None or shown.anchor is None:
        return ""
    if shown.mark in ("–", "d"):
        assert shown.start is not None and shown.end is not None
        lo = _signed(shown.start - scheduled)
        hi = _signed(shown.end - scheduled)
        if lo[0] == hi[0]:
            hi = hi[1:]
        return f"T{lo}–{hi}"
    return "T" + shown.mark + _signed(shown.anchor - scheduled)


BOUND_WORDS = {
    Bound.exact: "",
    Bound.about: "about ",
    Bound.at_least: "at least ",
    Bound.more_than: "more than ",
    Bound.at_most: "at most ",
    Bound.less_than: "less than ",
}


def amount(value: float) -> str:
    """``1.3M``, ``420k``, ``915k``, ``73M``, ``1B``, ``650``."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if value >= size:
            scaled = value / size
            text = f"{scaled:.2f}".rstrip("0").rstrip(".")
            return text + suffix
    return f"{value:g}"


BOUND_MARKS = {
    Bound.exact: "",
    Bound.about: "~",
    Bound.at_least: "≥",
    Bound.more_than: ">",
    Bound.at_most: "≤",
    Bound.less_than: "<",
}
"""The compact hedges, one character each (the app's legend and help name them)."""


def hedged_duration(end: Hedged[timedelta], *, compact: bool = False) -> str:
    """``about 40m``, ``more than 54m``, ``18m``; compact: ``~40m``, ``>54m``, ``18m``."""
    return (BOUND_MARKS if compact else BOUND_WORDS)[end.bound] + duration(end.value)


def duration_span(figure: DurationFigure, *, compact: bool = False) -> str:
    """The one wording of a duration, its hedges kept, in every view (not escaped).

    Long (the export, the detail pane): ``42m``, ``40m to 45m``, ``about 40m to more than 54m``.
    Compact (the list, compare, the timeline's context line): ``42m``, ``40m–45m``,
    ``~40m–>54m``. The same ends and hedges either way: an open bound never reads closed.
    """
    low = hedged_duration(figure.low, compact=compact)
    if figure.single:
        return low
    high = hedged_duration(figure.high, compact=compact)
    return f"{low}–{high}" if compact else f"{low} to {high}"


def hedged_amount(end: Hedged[float]) -> str:
    """``about 1.3M``, ``at least 915k``, ``650``."""
    return BOUND_WORDS[end.bound] + amount(end.value)


def count_span(figure: CountFigure) -> str:
    """``1.3M``, ``915k to about 1.4M`` (without the unit; not escaped)."""
    low = hedged_amount(figure.low)
    return low if figure.single else f"{low} to {hedged_amount(figure.high)}"


_RELATIVE_WORDS = {
    TimeKind.exact: "",
    TimeKind.about: "about ",
    TimeKind.after: "more than ",
    TimeKind.before: "less than ",
    TimeKind.between: "between ",
}


def _relative_words(time: ClaimTime) -> str:
    """``18m after scheduled-start``, ``about 15m before scheduled-start``,
    ``more than 20m after …``, ``between 10m and 20m after …``; with no offset,
    ``before conversation-starts``, ``at …``."""
    assert time.offset is not None and time.relative_to is not None
    offsets = [time.offset] + ([time.until_offset] if time.until_offset else [])
    if len(offsets) == 1 and not any(digit in offsets[0] for digit in "123456789"):
        # no offset at all: "before conversation-starts", not "less than 0m after …"
        word = {TimeKind.exact: "at", TimeKind.about: "about"}.get(time.kind, str(time.kind))
        return f"{word} {time.relative_to}"
    before = all(o.startswith("-") for o in offsets)
    amounts = " and ".join(o.lstrip("-") for o in offsets)
    if time.kind is TimeKind.before and before:
        prefix = "more than "  # less than 15m after, read backwards
    elif time.kind is TimeKind.after and before:
        prefix = "less than "
    else:
        prefix = _RELATIVE_WORDS[time.kind]
    return f"{prefix}{amounts} {'before' if before else 'after'} {time.relative_to}"


def stated_time(time: ClaimTime | None, claim: ResolvedClaim | None = None) -> str:
    """The time as its source gave it, in the source's own zone: ``about 20:45 ET``."""
    if time is None or time.kind is TimeKind.unknown:
        return "no time given"
    if time.kind is TimeKind.day:
        assert time.on is not None
        where = claim.label if claim is not None and claim.label else (time.zone or "")
        return f"{day_words(DayWords(time.on, time.part or 'day', '', ''))} {where}".strip()
    words = {
        TimeKind.exact: "",
        TimeKind.about: "about ",
        TimeKind.after: "after ",
        TimeKind.before: "before ",
        TimeKind.between: "between ",
    }[time.kind]
    if time.relative_to is not None:
        assert time.offset is not None
        return _relative_words(time)
    if claim is not None and claim.nominal is not None and claim.zone is not None:
        # Keep the label the source wrote (EDT, ET, PT); an IANA name reads better as EDT.
        label = (
            claim.label
            if claim.label and "/" not in claim.label
            else abbreviation(claim.nominal, claim.zone)
        )
        text = f"{words}{clock(claim.nominal, claim.zone)}"
        if time.kind is TimeKind.between and claim.interval and claim.interval.latest:
            text += f" and {clock(claim.interval.latest, claim.zone)}"
        return f"{text} {label}"
    at = (time.at or "")[11:16]
    return f"{words}{at} {time.zone or ''}".strip()


def visible(text: str) -> str:
    """Make control and invisible characters visible so file text cannot drive the terminal.

    C0 controls (but tab and newline) and DEL become their Unicode control pictures, C1 controls
    ``\\x..``; every other format character (Unicode category Cf: bidi overrides and marks,
    zero-width characters, the BOM) and the line and paragraph separators become
    ``<U+202E>``-style marks. Plain text passes through unchanged and fast.
    """
    if text.isprintable():
        return text
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if ch in "\n\t":
            out.append(ch)
        elif code < 0x20:
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("\u2421")
        elif 0x80 <= code <= 0x9F:
            out.append(f"\\x{code:02x}")
        elif unicodedata.category(ch) in _HIDDEN_CATEGORIES:
            out.append(f"<U+{code:04X}>")
        else:
            out.append(ch)
    return "".join(out)


_HIDDEN_CATEGORIES = frozenset({"Cf", "Zl", "Zp", "Co", "Cn", "Cs"})


def one_line(text: str | None, limit: int | None = None) -> str:
    """Text on one line, as every surface shows it (validate output, the app, the CLI).

    Control and invisible characters made visible as :func:`visible` does, tabs as spaces, line
    breaks as ``⏎``; with ``limit``, cut to that many characters ending in ``…``.
    """
    if not text:
        return ""
    out = visible(text.replace("\r\n", "\n").replace("\t", " ")).replace("\n", " ⏎ ")
    return out if limit is None or len(out) <= limit else out[: limit - 1] + "…"
