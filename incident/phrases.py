"""Read a time as news writes it ("around 8:45 pm E.T.", "Tak lama setelah pukul 8:20 malam").

The reader turns an English or Indonesian phrase into what it says about a time: how hedged
(exact, about, after, before, between), the clock reading (with a.m./p.m. or the Indonesian
part of the day), the zone label, a weekday or date, and for relative phrases ("Eighteen
minutes into…", "sekitar 45 menit") the offset and, where the words name it, what it is
measured from. Hedges map to the conventions of ``incidents/README.md``: "shortly after" and
"just before" reach 10 minutes, "almost"/"nearly" 5, "over"/"more than" have no upper bound.

Where the words do not settle something it says so and never guesses: a clock without
a.m./p.m. ("6:08") keeps both readings, and a phrase with no clock or duration is unreadable.
Dates written with a month name are read by dateparser (English and Indonesian).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from schemas.models import TimeKind
from schemas.timespec import format_duration
from schemas.zones import ABBREVIATIONS, format_offset, prose_zone

SHORT_MARGIN = timedelta(minutes=10)  # "shortly after", "just before"
ALMOST_MARGIN = timedelta(minutes=5)  # "almost", "nearly"

_ABOUT = (
    "at around", "at about", "by around", "by about", "around", "about", "approximately",
    "roughly", "some", "circa", "ca", "~", "sekitar", "sekira", "kira-kira", "lebih kurang",
    "kurang lebih",
)  # fmt: skip
_SHORTLY_AFTER = (
    "shortly after", "just after", "soon after", "not long after", "tak lama setelah",
    "tidak lama setelah", "tak lama sesudah", "sesaat setelah", "segera setelah",
)  # fmt: skip
_AFTER = (
    "after", "later than", "more than", "over", "just over", "upwards of", "setelah",
    "sesudah", "lebih dari", "lewat",
)  # fmt: skip
_JUST_BEFORE = (
    "just before", "shortly before", "sesaat sebelum", "tak lama sebelum", "menjelang",
)  # fmt: skip
_BEFORE = ("before", "by", "until", "sebelum", "hingga", "sampai")
_ALMOST = ("almost", "nearly", "just under", "not quite", "hampir", "nyaris")
_EXACT = ("at", "as of", "pada", "on")

_HEDGES: list[tuple[str, TimeKind, timedelta | None]] = sorted(
    [(w, TimeKind.about, None) for w in _ABOUT]
    + [(w, TimeKind.after, SHORT_MARGIN) for w in _SHORTLY_AFTER]
    + [(w, TimeKind.after, None) for w in _AFTER]
    + [(w, TimeKind.before, SHORT_MARGIN) for w in _JUST_BEFORE]
    + [(w, TimeKind.before, None) for w in _BEFORE]
    + [(w, TimeKind.before, ALMOST_MARGIN) for w in _ALMOST]
    + [(w, TimeKind.exact, None) for w in _EXACT],
    key=lambda h: -len(h[0]),
)

_UNITS = {
    "minute": 60, "minutes": 60, "min": 60, "mins": 60, "menit": 60,
    "hour": 3600, "hours": 3600, "jam": 3600, "second": 1, "seconds": 1, "detik": 1,
}  # fmt: skip
_FORWARD = ("into", "after", "past", "later", "setelah", "sesudah", "kemudian", "lagi")
_BACKWARD = ("before", "earlier", "ahead of", "sebelum", "sebelumnya")
_SCHEDULED = (
    "scheduled start", "planned start", "supposed to start", "supposed to begin",
    "scheduled to start", "scheduled to begin", "was due to", "start time",
    "dijadwalkan", "jadwal",
)  # fmt: skip

_EN_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_ID_DIGITS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9,
}  # fmt: skip

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
}  # fmt: skip
_MONTHS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "januari", "februari", "maret", "mei", "juni", "juli", "agustus",
    "agu", "agt", "oktober", "okt", "desember", "des",
)  # fmt: skip

ZONE_WORDS = {
    "et": "ET", "edt": "EDT", "est": "EST", "pt": "PT", "pdt": "PDT", "pst": "PST",
    "ct": "CT", "cdt": "CDT", "cst": "CST", "mt": "MT", "mdt": "MDT", "mst": "MST",
    "wib": "WIB", "wita": "WITA", "wit": "WIT", "utc": "UTC", "gmt": "GMT",
    "eastern": "ET", "pacific": "PT", "central": "CT", "mountain": "MT",
}  # fmt: skip
# Every other label the zone table knows (CET, BST, AEST, JST…), as it spells them; not "Z",
# which is a letter in prose.
for _key, _label in ABBREVIATIONS.items():
    if len(_key) >= 3:
        ZONE_WORDS.setdefault(_key.lower(), _label.label)

_ID_NUMBER_WORD = r"(?:se(?:puluh|belas|ratus)|(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)(?:\s+(?:belas|puluh))?)"  # noqa: E501
_EN_NUMBER_WORD = r"(?:(?:twenty|thirty|forty|fifty|sixty)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|an|a)"  # noqa: E501
_NUMBER = rf"(?:\d+(?:[.,]5)?|{_EN_NUMBER_WORD}|{_ID_NUMBER_WORD}(?:\s+{_ID_NUMBER_WORD})*)"
_DURATION = re.compile(
    rf"(?<![\w:.])(?P<n>{_NUMBER})(?:\s+and\s+a\s+half)?[\s-]*(?P<unit>{'|'.join(_UNITS)})\b"
)
# A figure is not a clock: "3.15 million", "2.30 persen".
_SCALE = (
    r"(?!\s*(?:million|billion|trillion|thousand|juta|ribu|miliar|milyar|triliun"
    r"|percent|per cent|persen|%))"
)
_CLOCK = re.compile(  # not a number of a date written 23/6 ("Minggu 23/6 pagi")
    r"(?<![\w.,:/])(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?(?![\d,/]|\.\d)"
    + _SCALE
    + r"\s*(?P<ampm>am|pm|a\s?m|p\s?m)?(?![a-z])"
    r"(?:\s*(?P<part>pagi|siang|sore|malam|dini hari))?"
)
_ZONE_ALTERNATIVES = "|".join(sorted(ZONE_WORDS, key=len, reverse=True))
_ZONE = re.compile(r"^\s*\(?\s*(?P<z>" + _ZONE_ALTERNATIVES + r")\b")
# "GMT+7", "UTC+07:00", "GMT -4", "UTC+5:30": an offset written after GMT or UTC.
_OFFSET_TAIL = re.compile(r"^\s?(?P<sign>[+-])\s?(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?(?!\d)")
_OFFSET = re.compile(r"\b(?:gmt|utc)\s?[+-]\s?\d{1,2}(?::?\d{2})?(?!\d)")
_BEGAN = re.compile(
    r"\b(before|after|sebelum|setelah|sesudah)\s+(?:the\s+)?(?:[\w-]+\s+){1,3}?"
    r"(?:began|begun|started|begins|starts|dimulai|mulai)\b"
)
_BETWEEN = re.compile(r"\b(between|antara|from)\b")
_JOIN = re.compile(r"^\s*(and|dan|to|until|till|hingga|sampai|-)\s*$")


@dataclass(frozen=True)
class Clock:
    """A clock reading; ``hours`` holds every hour the words allow (two when a.m./p.m. is not
    stated), the first being the one a 24-hour reading gives."""

    hours: tuple[int, ...]
    minute: int
    text: str

    @property
    def settled(self) -> bool:
        return len(self.hours) == 1

    def allows(self, hour: int, minute: int) -> bool:
        return minute == self.minute and hour in self.hours

    def shown(self) -> str:
        return " or ".join(f"{h:02d}:{self.minute:02d}" for h in self.hours)


@dataclass(frozen=True)
class Reading:
    """What a phrase says about a time."""

    kind: TimeKind
    at: Clock | None = None
    until: Clock | None = None
    zone: str | None = None  # a label: ET, EDT, PT, WIB, GMT…
    utc_offset: timedelta | None = None  # "GMT+7": the offset written after GMT or UTC
    weekday: int | None = None  # 0 = Monday
    day: date | None = None  # a date written with a month name
    year_given: bool = True  # False: "18 July" gave no year, so ``day``'s year means nothing
    margin: timedelta | None = None
    offset: timedelta | None = None  # relative phrases
    anchor: str | None = None  # the key moment the words measure from: scheduled_start…
    notes: tuple[str, ...] = field(default=())
    # The same time stated again in another zone ("02:30 CET (01:30 GMT)"): each other reading,
    # so a check can accept a time that matches any of them.
    restated: tuple[Reading, ...] = field(default=())

    @property
    def relative(self) -> bool:
        return self.offset is not None

    def on_day(self, near: date | None) -> date | None:
        """The date written, its year taken from ``near`` when the words give none (never
        from the day the check runs)."""
        if self.day is None or self.year_given or near is None:
            return self.day
        try:
            return self.day.replace(year=near.year)
        except ValueError:  # 29 February written without a year, in a year without one
            return None

    def weekday_date(self, on: date) -> date | None:
        """The day a weekday named without a date means, read beside ``on`` (the day of the
        clock, as ``--date`` gives it): the most recent such day no later than the day after
        ``on``. Reports look back ("on Monday" beside a Friday is four days earlier, never
        three days later), and a clock restated in another zone may already be on the next
        day ("20.42 (00.42 GMT Selasa)" beside a Monday). None when the words name no
        weekday, or give the date itself."""
        if self.weekday is None or self.day is not None:
            return None
        latest = on + timedelta(days=1)
        return latest - timedelta(days=(latest.weekday() - self.weekday) % 7)

    def block(
        self,
        on: date | None = None,
        scheduled_start: str | None = None,
        actual_start: str | None = None,
    ) -> dict[str, Any]:
        """The ``time:`` mapping the words imply (clock times on ``on``, or the date written)."""
        out: dict[str, Any] = {"kind": str(self.kind)}
        if self.kind is TimeKind.unknown:
            return out
        if self.offset is not None:
            named = {"scheduled_start": scheduled_start, "actual_start": actual_start}
            out["relative_to"] = named.get(self.anchor or "") or (
                f"<{self.anchor.replace('_', ' ')}>" if self.anchor else "<event>"
            )
            out["offset"] = format_duration(self.offset)
        else:
            day = self.on_day(on) or on
            if on is not None:
                day = self.weekday_date(on) or day
            for key, clock in (("at", self.at), ("until", self.until)):
                if clock is None:
                    continue
                when = clock.shown() if day is None else f"{day.isoformat()} {clock.shown()}"
                if self.utc_offset is not None and day is not None and clock.settled:
                    when += format_offset(self.utc_offset)  # "GMT+7": the time carries it
                out[key] = when
            if self.zone is not None and (self.utc_offset is None or "at" not in out):
                out["zone"] = self.zone
        if self.margin is not None:
            out["margin"] = format_duration(self.margin)
        return out


@dataclass(frozen=True)
class Unreadable:
    reason: str


def _clean(text: str) -> str:
    out = text.lower().replace("\u00a0", " ").replace("’", "'")
    out = re.sub(r"\b([ap])\.\s?m\.?", r"\1m", out)
    out = re.sub(r"\b([ecmp])\.\s?t\.?", r"\1t", out)
    out = re.sub(r"(\d)(am|pm)\b", r"\1 \2", out)
    return re.sub(r"\s+", " ", out).strip(" .,;:")


def _number(text: str) -> float | None:
    words = text.replace("-", " ").split()
    if not words:
        return None
    if words[0][0].isdigit():
        return float(words[0].replace(",", "."))
    if all(w in _EN_NUMBERS for w in words):
        return float(sum(_EN_NUMBERS[w] for w in words))
    total = 0
    i = 0
    while i < len(words):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word == "sepuluh":
            total += 10
        elif word == "sebelas":
            total += 11
        elif word == "seratus":
            total += 100
        elif word in _ID_DIGITS and nxt == "belas":
            total += 10 + _ID_DIGITS[word]
            i += 1
        elif word in _ID_DIGITS and nxt == "puluh":
            total += 10 * _ID_DIGITS[word]
            i += 1
        elif word in _ID_DIGITS:
            total += _ID_DIGITS[word]
        else:
            return None
        i += 1
    return float(total)


def _hedge(prefix: str) -> tuple[TimeKind, timedelta | None, str] | None:
    """The hedge the words before a time end with, if any."""
    words = re.sub(r"\b(pukul|jam|the|a)\s*$", "", prefix.strip(" ,(")).strip()
    words = re.sub(r"\b(pukul)\s*$", "", words).strip()
    for phrase, kind, margin in _HEDGES:
        ends = words.endswith(" " + phrase) or (phrase == "~" and words.endswith("~"))
        if words == phrase or ends:
            return kind, margin, phrase
    return None


def _clock(match: re.Match[str], after: str) -> Clock | None:
    hour = int(match.group("h"))
    minute = int(match.group("m") or 0)
    ampm = (match.group("ampm") or "").replace(" ", "")
    part = match.group("part")
    if hour > 24 or minute > 59:
        return None
    text = match.group(0).strip()
    if ampm:
        if hour == 0 or hour > 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
        return Clock((hour,), minute, text)
    if part is not None:
        if (part in ("sore", "malam") and 5 <= hour < 12) or (part == "siang" and 1 <= hour <= 4):
            hour += 12
        elif part == "malam" and hour == 12:
            hour = 0
        return Clock((hour,), minute, text)
    if match.group("m") is None and not re.match(r"^\s*o'clock", after):
        return None  # a bare number is not a clock
    if hour >= 13 or hour == 0 or match.group("h").startswith("0") or hour == 24:
        return Clock((hour % 24,), minute, text)
    other = 0 if hour == 12 else hour + 12
    return Clock((hour, other), minute, text)


# A place as prose names it after a clock, read through the same table the validator reads
# ``zone:`` with: "UK time", "Tokyo time", "Central European time", "waktu Jakarta".
_PROSE_TIME = re.compile(
    r"^\s*\(?\s*(?P<z>(?:[a-z]+\s+){1,3}?(?:standard\s+|daylight\s+|summer\s+)?time)\b"
)
_PROSE_WAKTU = re.compile(r"^\s*\(?\s*(?P<z>waktu(?:\s+[a-z]+){1,3})")


def _prose_zone(text: str) -> str | None:
    """The prose zone right after a clock, lower case as read ("uk time"), if it names one."""
    candidates = []
    m = _PROSE_TIME.match(text)
    if m is not None:
        candidates.append(m.group("z"))
    w = _PROSE_WAKTU.match(text)
    if w is not None:
        words = w.group("z").split()
        candidates += [" ".join(words[:n]) for n in range(len(words), 1, -1)]
    return next((words for words in candidates if prose_zone(words) is not None), None)


def _zone_after(text: str) -> str | None:
    m = _ZONE.match(text)
    prose = _prose_zone(text)
    # "Eastern time" is ET as before; "Central European time" is more than "Central".
    if prose is not None and (m is None or len(prose.split()) > len(m.group("z").split()) + 1):
        return prose
    return ZONE_WORDS[m.group("z")] if m else None


def _as_written(reading: Reading, text: str) -> Reading:
    """The reading with a prose zone spelled as the phrase spells it ("UK time", not "uk
    time"), so the ``time:`` block carries the words a reader wrote."""
    zone = reading.zone
    if zone is not None and " " in zone:
        pattern = r"\s+".join(re.escape(part) for part in zone.split())
        found = re.search(pattern, text, re.IGNORECASE)
        if found is not None:
            zone = " ".join(found.group(0).split())
    restated = tuple(_as_written(r, text) for r in reading.restated)
    return replace(reading, zone=zone, restated=restated)


def _offset_after(text: str) -> timedelta | None:
    """The offset of "GMT+7" / "UTC-04:00" right after a clock (None for a plain zone)."""
    m = _ZONE.match(text)
    if m is None or m.group("z") not in ("gmt", "utc"):
        return None
    o = _OFFSET_TAIL.match(text[m.end() :])
    if o is None:
        return None
    size = timedelta(hours=int(o.group("h")), minutes=int(o.group("m") or 0))
    return -size if o.group("sign") == "-" else size


# "minggu" is Sunday, but also "week": "minggu lalu" (last week), "minggu ini" (this week).
_WEEK = re.compile(
    r"\bminggu\s+(?:ini|lalu|depan|kemarin|sebelumnya|berikutnya|pertama|kedua|ketiga|keempat"
    r"|terakhir|ke-?\w+)\b"
)


@lru_cache(maxsize=4096)
def _weekday_and_day(text: str) -> tuple[int | None, date | None, bool]:
    words = re.findall(r"[a-z']+", _WEEK.sub(" ", text))
    weekday = next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)
    day: date | None = None
    month = re.search(
        r"\b(\d{1,2}\s+(?:" + "|".join(_MONTHS) + r")\.?(?:\s+\d{4})?|(?:"
        + "|".join(_MONTHS) + r")\.?\s+\d{1,2}(?:,?\s+\d{4})?)\b",
        text,
    )  # fmt: skip
    year_given = True
    if month is not None:
        day = _parse_date(month.group(0))
        year_given = re.search(r"\d{4}", month.group(0)) is not None
    return weekday, day, year_given


def _parse_date(text: str) -> date | None:
    import dateparser  # imported here: it is slow to import and only dates need it

    parsed = dateparser.parse(
        text,
        languages=["en", "id"],
        settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"]},
    )
    return parsed.date() if isinstance(parsed, datetime) else None


@lru_cache(maxsize=8192)
def read_phrase(text: str) -> Reading | Unreadable:
    """What ``text`` says about a time, or why it cannot be read."""
    reading = _read(text)
    return _as_written(reading, text) if isinstance(reading, Reading) else reading


def _read(text: str) -> Reading | Unreadable:
    clean = _clean(text)
    if not clean:
        return Unreadable("the phrase is empty")
    weekday, day, year_given = _weekday_and_day(clean)
    duration = _DURATION.search(clean)
    clocks: list[tuple[re.Match[str], Clock]] = []
    offsets = [o.span() for o in _OFFSET.finditer(clean)]  # "UTC+07:00" holds no clock
    for m in _CLOCK.finditer(clean):
        if any(start <= m.start() < end for start, end in offsets):
            continue
        clock = _clock(m, clean[m.end() :])
        if clock is not None:
            clocks.append((m, clock))
    first_clock = clocks[0][0].start() if clocks else len(clean) + 1
    if duration is not None and duration.start() < first_clock:
        return _relative(clean, duration)
    if not clocks:
        began = _BEGAN.search(clean)
        if began is not None:
            kind = TimeKind.before if began.group(1) in ("before", "sebelum") else TimeKind.after
            return Reading(kind, offset=timedelta(0), anchor="actual_start")
        if weekday is not None or day is not None:
            return Reading(
                TimeKind.unknown,
                weekday=weekday,
                day=day,
                year_given=year_given,
                notes=("no clock time",),
            )
        return Unreadable(f"no clock time or duration in {text!r}")
    between = _BETWEEN.search(clean[:first_clock])
    if between is not None and len(clocks) >= 2:
        (m1, c1), (m2, c2) = clocks[0], clocks[1]
        if _JOIN.match(clean[m1.end() : m2.start()]) or _zone_joined(clean[m1.end() : m2.start()]):
            tail = clean[m2.end() :] if _zone_after(clean[m2.end() :]) else clean[m1.end() :]
            return Reading(
                TimeKind.between,
                at=c1,
                until=c2,
                zone=_zone_after(tail),
                utc_offset=_offset_after(tail),
                weekday=weekday,
                day=day,
                year_given=year_given,
            )
    chosen = clocks[0]
    notes: list[str] = []
    if len(clocks) > 1:
        zoned = [(m, c) for m, c in clocks if _zone_after(clean[m.end() :]) is not None]
        if zoned and _zone_after(clean[chosen[0].end() :]) is None:
            chosen = zoned[0]
            notes.append(f"read the clock that names its zone, {chosen[1].text!r}")
    match, clock = chosen
    hedge = _hedge(clean[: clocks[0][0].start()])
    kind, margin = (hedge[0], hedge[1]) if hedge else (TimeKind.exact, None)
    if not clock.settled:
        notes.append(f"a.m. or p.m. is not stated: {clock.shown()}")
    restated: tuple[Reading, ...] = ()
    zones = [_zone_after(clean[m.end() :]) for m, _ in clocks]
    if (
        len(clocks) == 2
        and any(zones)
        and _restates(clean[clocks[0][0].end() : clocks[1][0].start()])
    ):
        # One time in two zones: the other clock is another reading of the same moment. A
        # weekday or date written inside the brackets belongs to the bracketed clock only.
        other_match, other = clocks[1] if chosen is clocks[0] else clocks[0]
        own = clean[: clocks[1][0].start()] if other_match is clocks[0][0] else clean
        other_weekday, other_day, other_year = _weekday_and_day(own)
        restated = (
            Reading(
                kind,
                at=other,
                zone=_zone_after(clean[other_match.end() :]),
                utc_offset=_offset_after(clean[other_match.end() :]),
                weekday=other_weekday,
                day=other_day,
                year_given=other_year,
                margin=margin,
            ),
        )
    return Reading(
        kind,
        at=clock,
        zone=_zone_after(clean[match.end() :]),
        utc_offset=_offset_after(clean[match.end() :]),
        weekday=weekday,
        day=day,
        year_given=year_given,
        margin=margin,
        notes=tuple(notes),
        restated=restated,
    )


_RESTATES = re.compile(r"^\s*(?:\(|\[|/|or|atau|=)\s*$")


def _restates(between: str) -> bool:
    """Whether the words between two clocks make the second a restatement of the first in
    another zone: at most a zone (and offset), then a bracket, slash or "or" ("ET (")."""
    m = _ZONE.match(between)
    if m is not None:
        between = between[m.end() :]
        offset = _OFFSET_TAIL.match(between)
        if offset is not None:
            between = between[offset.end() :]
    return _RESTATES.match(between) is not None


def _zone_joined(text: str) -> bool:
    """'7:47 PM ET and 10:47 PM ET': a zone, then the joining word."""
    m = _ZONE.match(text)
    return m is not None and _JOIN.match(text[m.end() :]) is not None


def _relative(clean: str, duration: re.Match[str]) -> Reading | Unreadable:
    amount = _number(duration.group("n"))
    if amount is None:
        return Unreadable(f"cannot read the number {duration.group('n')!r}")
    if "and a half" in duration.group(0):
        amount += 0.5
    offset = timedelta(seconds=amount * _UNITS[duration.group("unit")])
    rest = clean[duration.end() :]
    direction = re.match(r"^\s*(\w+(?: of)?)", rest)
    word = direction.group(1) if direction else ""
    if word in _BACKWARD:
        offset = -offset
    hedge = _hedge(clean[: duration.start()])
    kind, margin = (hedge[0], hedge[1]) if hedge else (TimeKind.exact, None)
    if kind is TimeKind.exact and hedge is not None and hedge[2] in _EXACT:
        kind = TimeKind.exact
    anchor = "scheduled_start" if any(p in rest for p in _SCHEDULED) else None
    notes: tuple[str, ...] = ()
    if word not in _FORWARD and word not in _BACKWARD:
        notes = ("the words do not say what the duration is measured from",)
    return Reading(kind, margin=margin, offset=offset, anchor=anchor, notes=notes)
