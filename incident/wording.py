"""Figures and hedges carried by the words: a claim's number and time checked against its quote.

- A number claim must find its figure in its quote ("some 1.3 million", "sekitar 1,3 juta",
  "At least one million"); a quote that states no such number, or that is nothing but the
  number, is a warning. The words before the number say how it is bounded ("more than" →
  ``more_than``, "some"/"sekitar" → ``about``, none → ``exact``); a bound the words do not give
  is a warning.
- A time is read from its ``stated`` text (or its quote, when nothing is stated) by
  :mod:`incident.phrases`; a hedge, clock, a.m./p.m., zone, date or margin that disagrees is a
  warning showing the ``time:`` the words imply. Words the reader cannot read are not judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from schemas.models import Bound, Claim, ClaimTime, ClaimValue, Incident, TimeKind
from schemas.timespec import TimeError, parse_duration, parse_wall_time, place_time
from schemas.zones import UnknownZoneError, format_offset, resolve_label

from .checks import Finding
from .formatting import one_line
from .marks import claim_sites
from .phrases import Reading, Unreadable, read_phrase
from .problems import Severity, YamlPath

_SCALES = {
    "hundred": 1e2, "ratus": 1e2, "thousand": 1e3, "ribu": 1e3, "million": 1e6, "juta": 1e6,
    "billion": 1e9, "miliar": 1e9, "milyar": 1e9, "trillion": 1e12, "triliun": 1e12,
}  # fmt: skip
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "satu": 1, "dua": 2, "tiga": 3,
    "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10,
    "sejuta": 1e6, "seribu": 1e3, "seratus": 1e2,
}  # fmt: skip
_SCALE_WORDS = "|".join(_SCALES)
_DIGITS = r"\d{1,3}(?:[,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_STATED_NUMBER = re.compile(
    rf"(?<![\w.,])(?P<num>{_DIGITS}|{'|'.join(_WORD_NUMBERS)}|an?(?=[\s-]+(?:hour|minute|{_SCALE_WORDS})))"
    rf"(?P<half>\s+and\s+a\s+half)?"
    rf"(?:[\s-]*(?P<scale>{_SCALE_WORDS})\b)?",
    re.IGNORECASE,
)  # fmt: skip
_VAGUE = re.compile(r"\b(a few|few|several|many|some few|beberapa|ratusan|ribuan|jutaan)\s*$", re.I)
_BOUND_WORDS: list[tuple[str, frozenset[Bound]]] = sorted(
    [
        (w, frozenset({Bound.more_than, Bound.at_least}))
        for w in ("more than", "over", "upwards of", "lebih dari", "above", "in excess of")
    ]
    + [
        (w, frozenset({Bound.at_least}))
        for w in ("at least", "setidaknya", "sedikitnya", "minimal")
    ]
    + [
        (w, frozenset({Bound.about}))
        for w in (
            "about", "around", "some", "roughly", "approximately", "an estimated", "~",
            "sekitar", "kira-kira", "sekira", "hampir", "nearly", "almost",
        )
    ]
    + [
        (w, frozenset({Bound.less_than, Bound.at_most}))
        for w in ("less than", "under", "fewer than", "kurang dari", "just under")
    ]
    + [
        (w, frozenset({Bound.at_most}))
        for w in ("at most", "up to", "as many as", "paling banyak", "hingga")
    ],
    key=lambda item: -len(item[0]),
)  # fmt: skip
# "nearly"/"almost" N: below N but close, so about or a bound from above.
_CLOSE_BELOW = frozenset({Bound.about, Bound.less_than, Bound.at_most})
# Anything that could be a clock reading: '8:42', '20.42', '8 p.m.', 'pukul 8'.
_CLOCKISH = re.compile(r"\d[:.]\d\d|\d\s*[ap]\.?\s?m\b|\bpukul\b|o'clock", re.IGNORECASE)


@dataclass(frozen=True)
class StatedNumber:
    value: float
    start: int
    end: int
    vague: bool  # "a few hundred thousand"


def stated_numbers(text: str) -> list[StatedNumber]:
    """Every number the words state, with its scale ("1,3 juta" = 1,300,000)."""
    found: list[StatedNumber] = []
    for m in _STATED_NUMBER.finditer(text):
        raw = m.group("num").lower()
        value = _word_or_digits(raw)
        if value is None:
            continue
        if m.group("half"):
            value += 0.5
        scale = m.group("scale")
        vague = False
        if scale is not None:
            value *= _SCALES[scale.lower()]
            vague = raw in ("a", "an") and _VAGUE.search(text[: m.start()]) is not None
            if _VAGUE.search(text[: m.start()] + " ") and raw in ("a", "an", "hundred"):
                vague = True
        elif raw in ("a", "an"):
            value = 1.0
        found.append(StatedNumber(value, m.start(), m.end(), vague))
    # "a few hundred thousand": 'few' before a bare scale word
    for m in re.finditer(
        rf"\b(a few|few|several|beberapa)\s+(?:{_SCALE_WORDS})(?:\s+(?:{_SCALE_WORDS}))*\b",
        text,
        re.I,
    ):
        found.append(StatedNumber(float("nan"), m.start(), m.end(), True))
    return found


def _word_or_digits(raw: str) -> float | None:
    if raw in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[raw])
    if raw in ("a", "an"):
        return 1.0
    if not raw[0].isdigit():
        return None
    groups = re.fullmatch(r"(\d{1,3})((?:[,.]\d{3})+)([.,]\d+)?", raw)
    if groups:  # 700,000 / 420.000 / 1.234,5
        whole = groups.group(1) + re.sub(r"[,.]", "", groups.group(2))
        fraction = (groups.group(3) or "").replace(",", ".")
        return float(whole + fraction)
    return float(raw.replace(",", "."))


def bound_of(words_before: str) -> tuple[frozenset[Bound], str | None]:
    """The bounds the words just before a number allow, and the hedge that says so."""
    tail = " ".join(words_before.lower().split()[-4:])
    tail = re.sub(r"\b(of|a|the|had|were|was|there|high|total)\s*$", "", tail).strip()
    for phrase, bounds in _BOUND_WORDS:
        if tail.endswith(phrase) and (
            len(tail) == len(phrase) or not tail[-len(phrase) - 1].isalnum() or phrase == "~"
        ):
            if phrase in ("nearly", "almost", "hampir"):
                return _CLOSE_BELOW, phrase
            return bounds, phrase
    return frozenset({Bound.exact}), None


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def check_wording(incident: Incident) -> list[Finding]:
    return list(_check(incident))


def _check(incident: Incident) -> Iterator[Finding]:
    # An end claim's ``stated`` words say its time as any claim's do (its quote is not read:
    # it often tells the whole span, "between 04:09 and 05:27", of which the claim is the end).
    ends = (
        (("events", e_index, "ends", c_index), claim)
        for e_index, event in enumerate(incident.events)
        for c_index, claim in enumerate(event.ends)
        if claim.time is not None and claim.time.stated is not None
    )
    for path, claim in (*claim_sites(incident), *ends):
        if claim.value is not None and claim.quote is not None:
            yield from _check_value(path, claim.quote, claim.value)
        if claim.time is not None:
            yield from _check_time(path, claim, claim.time, incident)


def _check_value(path: YamlPath, quote: str, value: ClaimValue) -> Iterator[Finding]:
    numbers = stated_numbers(quote)
    where = (*path, "value", "amount")
    shown = _amount(value.amount)
    matching = [n for n in numbers if not n.vague and _same(n.value, value.amount)]
    if not matching:
        vague = sorted((n for n in numbers if n.vague), key=lambda n: n.start)
        if vague:
            words = quote[vague[0].start : vague[0].end]
            said = f"it says only {words!r}, which no single figure stands for"
        elif numbers:
            said = "it states " + ", ".join(repr(quote[n.start : n.end]) for n in numbers[:3])
        else:
            said = "it states no number"
        yield Finding(
            where,
            Severity.warning,
            "figure-not-in-quote",
            f"the quote does not carry the figure {shown}: {said}; quote the words that "
            "give it, or drop the value",
        )
        return
    number = matching[0]
    rest = (quote[: number.start] + quote[number.end :]).strip(" \"'“”‘’.,;:!?")
    if not re.search(r"\w{2,}", rest):
        yield Finding(
            (*path, "quote"),
            Severity.warning,
            "bare-number-quote",
            f"the quote is only the number {quote.strip()!r}: quote the words that say what "
            "was counted, and when",
        )
    bounds, hedge = bound_of(quote[: number.start])
    if value.bound not in bounds:
        implied = " or ".join(sorted(str(b) for b in bounds))
        words = f"{hedge!r}" if hedge else "no hedge"
        yield Finding(
            (*path, "value", "bound"),
            Severity.warning,
            "bound-disagrees-with-words",
            f"bound {value.bound} is not what the words say: {words} before "
            f"{quote[number.start : number.end]!r} means bound {implied}",
        )


def _amount(amount: float) -> str:
    return f"{amount:,.0f}" if amount == int(amount) else f"{amount:,}"


def _check_time(
    path: YamlPath, claim: Claim, time: ClaimTime, incident: Incident
) -> Iterator[Finding]:
    words = time.stated if time.stated is not None else claim.quote
    if words is None or (time.stated is None and not _CLOCKISH.search(words)):
        return  # in a whole quote only a clock time counts: most quotes have none
    reading = read_phrase(words)
    if isinstance(reading, Unreadable) or reading.kind is TimeKind.unknown:
        return
    if time.stated is None and reading.at is None:
        return  # in a whole quote, only a clock time is taken as the claim's time
    if time.kind is TimeKind.unknown:
        return  # the file does not place it: nothing to contradict
    differences = list(_differences(reading, time, incident))
    if not differences or any(
        not any(_differences(other, time, incident)) for other in reading.restated
    ):
        return  # one time stated in two zones: either reading may be the file's
    scheduled = incident.key_moments.scheduled_start
    day = None
    if time.at is not None:
        try:
            day = parse_wall_time(time.at).local.date()
        except TimeError:
            day = None
    implied = _flow(reading.block(day, scheduled, incident.key_moments.actual_start))
    yield Finding(
        (*path, "time"),
        Severity.warning,
        "time-disagrees-with-words",
        one_line(
            f"the words {words!r} imply {implied}, but the time has " + "; ".join(differences),
            limit=600,
        ),
    )


def _flow(block: dict[str, object]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in block.items()) + "}"


def _differences(reading: Reading, time: ClaimTime, incident: Incident) -> Iterator[str]:
    if reading.kind is not time.kind:
        yield f"kind {time.kind} (the words say {reading.kind})"
    if reading.relative != (time.relative_to is not None):
        yield "an absolute time" if reading.relative else "a relative time"
        return
    if reading.relative:
        assert reading.offset is not None and time.offset is not None
        offset = parse_duration(time.offset)
        if offset != reading.offset:
            yield f"offset {time.offset}"
        anchor = getattr(incident.key_moments, reading.anchor) if reading.anchor else None
        if anchor is not None and time.relative_to != anchor:
            assert reading.anchor is not None
            said = reading.anchor.replace("_", " ")
            yield f"relative_to {time.relative_to} (the words measure from the {said})"
    else:
        for name, clock in (("at", reading.at), ("until", reading.until)):
            text = getattr(time, name)
            if clock is None or text is None:
                continue
            try:
                local = parse_wall_time(text).local
            except TimeError:
                continue
            if not clock.allows(local.hour, local.minute):
                yield f"{name} {local:%H:%M}"
            if reading.weekday is not None and name == "at" and local.weekday() != reading.weekday:
                yield f"a date that is a {local:%A}"
            written = reading.on_day(local.date())
            if written is not None and name == "at" and local.date() != written:
                yield f"date {local.date().isoformat()}"
        if reading.utc_offset is not None:
            yield from _offset_difference(reading.utc_offset, time, incident)
        elif reading.zone is not None:
            yield from _zone_difference(reading.zone, time, incident)
    if time.kind in (TimeKind.after, TimeKind.before):
        margin = parse_duration(time.margin) if time.margin else None
        if margin != reading.margin:
            yield f"margin {time.margin}" if time.margin else "no margin"


def _offset_difference(said: timedelta, time: ClaimTime, incident: Incident) -> Iterator[str]:
    """An offset in the words ("GMT+7"): the file's time must be placed at that offset."""
    if time.at is None:
        return
    try:
        local = parse_wall_time(time.at).local
        placed = place_time(time.at, time.zone, incident.source_zone, incident.aliases)
    except TimeError:
        return
    actual = local - placed.utc.replace(tzinfo=None)
    if actual != said:
        yield f"offset {format_offset(actual)} ({time.zone or incident.source_zone or 'UTC'})"


def _zone_difference(words: str, time: ClaimTime, incident: Incident) -> Iterator[str]:
    file_zone = time.zone or incident.source_zone
    if file_zone is None:
        return
    try:
        said, placed = resolve_label(words), resolve_label(file_zone)
    except UnknownZoneError:
        return
    if said.zone != placed.zone or (
        said.offset is not None and placed.offset is not None and said.offset != placed.offset
    ):
        if said.place == said.label and _same_instant(words, time, incident):
            return  # a place in prose ("UK time") read at the file's time: GMT in winter
        yield f"zone {file_zone}"


def _same_instant(words: str, time: ClaimTime, incident: Incident) -> bool:
    """Whether the claim's wall time names the same instant read in the zone the words name
    as in the zone the file gives it."""
    if time.at is None:
        return False
    try:
        in_words = place_time(time.at, words, None)
        in_file = place_time(time.at, time.zone, incident.source_zone, incident.aliases)
    except (TimeError, UnknownZoneError):
        return False
    return in_words.utc == in_file.utc
