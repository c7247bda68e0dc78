"""The time-phrase reader, as a table: news phrasing in, the ``time:`` block it implies out."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from incident.phrases import Reading, Unreadable, read_phrase

D = date(2024, 8, 12)
REPO = Path(__file__).resolve().parents[2]

# Every phrase the issue lists, and others in the same shapes.
TABLE: list[tuple[str, dict[str, Any]]] = [
    ("At 8:42 p.m.", {"kind": "exact", "at": "2024-08-12 20:42"}),
    ("around 8:45 pm E.T.", {"kind": "about", "at": "2024-08-12 20:45", "zone": "ET"}),
    ("Shortly after 8:20 p.m.", {"kind": "after", "at": "2024-08-12 20:20", "margin": "10m"}),
    (
        "just before 3:30 p.m. PT",
        {"kind": "before", "at": "2024-08-12 15:30", "zone": "PT", "margin": "10m"},
    ),
    (
        "Between 7:47 PM and 10:47 PM ET",
        {"kind": "between", "at": "2024-08-12 19:47", "until": "2024-08-12 22:47", "zone": "ET"},
    ),
    (
        "Eighteen minutes into a conversation that was supposed to start at 8 p.m.",
        {"kind": "exact", "relative_to": "<scheduled start>", "offset": "18m"},
    ),
    (
        "just over 54 minutes past the planned start",
        {"kind": "after", "relative_to": "<scheduled start>", "offset": "54m"},
    ),
    ("sekitar pukul 22.45 WIB", {"kind": "about", "at": "2024-08-12 22:45", "zone": "WIB"}),
    (
        "Tak lama setelah pukul 8:20 malam",
        {"kind": "after", "at": "2024-08-12 20:20", "margin": "10m"},
    ),
    ("pukul 05.27 pagi WIB", {"kind": "exact", "at": "2024-08-12 05:27", "zone": "WIB"}),
    ("20.42 (00.42 GMT Selasa)", {"kind": "exact", "at": "2024-08-13 00:42", "zone": "GMT"}),
    ("nine minutes later", {"kind": "exact", "relative_to": "<event>", "offset": "9m"}),
    ("around 15 minutes before", {"kind": "about", "relative_to": "<event>", "offset": "-15m"}),
    ("Sekitar delapan belas menit", {"kind": "about", "relative_to": "<event>", "offset": "18m"}),
    ("lebih dari 20 menit", {"kind": "after", "relative_to": "<event>", "offset": "20m"}),
    (
        "almost 30 minutes",
        {"kind": "before", "relative_to": "<event>", "offset": "30m", "margin": "5m"},
    ),
    (
        "about 20 minutes after the scheduled start",
        {"kind": "about", "relative_to": "<scheduled start>", "offset": "20m"},
    ),
    (
        "sebelum wawancara dimulai",
        {"kind": "before", "relative_to": "<actual start>", "offset": "0m"},
    ),
    ("by 6:20 p.m. EST", {"kind": "before", "at": "2024-08-12 18:20", "zone": "EST"}),
    ("8:35 p.m. Eastern", {"kind": "exact", "at": "2024-08-12 20:35", "zone": "ET"}),
    ("pukul 8 malam ET", {"kind": "exact", "at": "2024-08-12 20:00", "zone": "ET"}),
    ("pukul 07.00 WIB", {"kind": "exact", "at": "2024-08-12 07:00", "zone": "WIB"}),
    ("By around 9:40 p.m.", {"kind": "about", "at": "2024-08-12 21:40"}),
    (
        "Selasa, 13 Agustus 2024 pukul 07.00 WIB",
        {"kind": "exact", "at": "2024-08-13 07:00", "zone": "WIB"},
    ),
    # An offset after GMT/UTC is the time's own: written into ``at``, no zone label beside it.
    ("pukul 20.00 GMT+7", {"kind": "exact", "at": "2024-08-12 20:00+07:00"}),
    ("at 4:09 a.m. (UTC-04:00)", {"kind": "exact", "at": "2024-08-12 04:09-04:00"}),
    ("around 10 p.m. GMT+5:30", {"kind": "about", "at": "2024-08-12 22:00+05:30"}),
    ("Aug 13", {"kind": "unknown"}),
    ("Minggu 23/6 pagi", {"kind": "unknown"}),  # a date and a part of the day, not 06:00
    ("Selasa 2/7 malam", {"kind": "unknown"}),
    ("02:30 CET (01:30 GMT)", {"kind": "exact", "at": "2024-08-12 02:30", "zone": "CET"}),
    ("By 9 p.m., 1.30 million had tuned in", {"kind": "before", "at": "2024-08-12 21:00"}),
    ("Sunday afternoon", {"kind": "unknown"}),
    # A place as prose names it, read through the zone table the validator reads, as written.
    ("1.20am UK time", {"kind": "exact", "at": "2024-08-12 01:20", "zone": "UK time"}),
    ("about 10.10pm Tokyo time", {"kind": "about", "at": "2024-08-12 22:10", "zone": "Tokyo time"}),
    (
        "10:31 p.m. Central European Time",
        {"kind": "exact", "at": "2024-08-12 22:31", "zone": "Central European Time"},
    ),
    (
        "pukul 20.45 waktu Jakarta",
        {"kind": "exact", "at": "2024-08-12 20:45", "zone": "waktu Jakarta"},
    ),
    ("1.20am Eastern time", {"kind": "exact", "at": "2024-08-12 01:20", "zone": "ET"}),
    ("9pm local time", {"kind": "exact", "at": "2024-08-12 21:00"}),
]


@pytest.mark.parametrize(("phrase", "block"), TABLE, ids=[p for p, _ in TABLE])
def test_phrase_reads_as_the_block_it_implies(phrase: str, block: dict[str, Any]) -> None:
    reading = read_phrase(phrase)
    assert isinstance(reading, Reading), reading
    assert reading.block(D) == block


@pytest.mark.parametrize(
    "phrase",
    ["earlier today", "Saat malam berlangsung", "", "the stream", "8 million", "3.15 million"],
)
def test_unreadable_phrases_say_so(phrase: str) -> None:
    assert isinstance(read_phrase(phrase), Unreadable)


@pytest.mark.parametrize(
    ("phrase", "shown"),
    [("6:08", "06:08 or 18:08"), ("at 8:18 ET", "08:18 or 20:18"), ("12:30", "12:30 or 00:30")],
)
def test_am_or_pm_not_stated_keeps_both_readings(phrase: str, shown: str) -> None:
    reading = read_phrase(phrase)
    assert isinstance(reading, Reading) and reading.at is not None
    assert not reading.at.settled and reading.at.shown() == shown
    assert any("a.m. or p.m." in note for note in reading.notes)


def test_names_the_event_ids_it_is_given() -> None:
    reading = read_phrase("Eighteen minutes into a conversation that was supposed to start at 8")
    assert isinstance(reading, Reading)
    assert reading.block(D, scheduled_start="scheduled-start")["relative_to"] == "scheduled-start"


def _stated_times() -> list[tuple[str, dict[str, Any]]]:
    found: dict[str, dict[str, Any]] = {}
    for path in sorted((REPO / "incidents").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for group in (*data["events"], *data.get("causes", [])):
            for claim in group["claims"]:
                time = claim.get("time") or {}
                if "stated" in time:
                    found[time["stated"]] = {k: v for k, v in time.items() if k != "stated"}
    return sorted(found.items())


# Phrases the reader cannot read, and why that is right: no clock time or duration in them.
UNREADABLE_BUNDLED = {"earlier today", "Saat malam berlangsung"}


@pytest.mark.parametrize(("stated", "time"), _stated_times(), ids=lambda v: str(v)[:40])
def test_every_bundled_stated_text_reads_as_the_time_the_file_carries(
    stated: str, time: dict[str, Any]
) -> None:
    reading = read_phrase(stated)
    if stated in UNREADABLE_BUNDLED:
        assert isinstance(reading, Unreadable) and time["kind"] == "unknown"
        return
    assert isinstance(reading, Reading), reading
    if reading.kind.value == "unknown" or time["kind"] == "unknown":
        # A date or weekday without a clock; or, for Kontan's "sebelum acara dimulai" on the
        # load test, a bound the file keeps as unknown on purpose (its note says why).
        assert time["kind"] == "unknown" or reading.kind.value == "unknown"
        return
    on = date.fromisoformat(time["at"][:10]) if "at" in time else D
    block = reading.block(on, scheduled_start="scheduled-start")
    expected = dict(time)
    expected.pop("relative_source", None)
    if block.get("relative_to") in ("<event>", "<actual start>"):
        block["relative_to"] = expected.get("relative_to")  # the words do not name the event
    for key in ("at", "until"):
        clock = getattr(reading, key)
        if clock is not None and not clock.settled:  # a.m./p.m. unstated: the file picks one
            assert clock.allows(int(expected[key][11:13]), int(expected[key][14:16]))
            block[key] = expected[key]
    if "zone" in block and "zone" not in expected:
        pytest.fail(f"{stated!r} names zone {block['zone']} but the file gives none")
    assert block == expected


def test_a_date_without_a_year_takes_the_incident_s_year_not_today_s() -> None:
    reading = read_phrase("Mar 4, 09:22 PST")
    assert not isinstance(reading, Unreadable)
    assert reading.block(date(2019, 3, 4))["at"] == "2019-03-04 09:22"
    written = read_phrase("4 March 2019 at 09:22")
    assert not isinstance(written, Unreadable)
    assert written.block(date(2024, 1, 1))["at"] == "2019-03-04 09:22"
