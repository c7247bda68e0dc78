"""Figures and hedges carried by the words: the checks, the data defects they catch."""

from __future__ import annotations

from pathlib import Path

import pytest

from incident.problems import Problem
from incident.validate import check_file, check_text
from incident.wording import bound_of, stated_numbers

REPO = Path(__file__).resolve().parents[2]
OLD = Path(__file__).parent / "fixtures" / "pre-correction"
WORDING_CODES = {
    "figure-not-in-quote",
    "bare-number-quote",
    "bound-disagrees-with-words",
    "time-disagrees-with-words",
}


def wording_problems(path: Path) -> list[Problem]:
    return [p for p in check_file(path).problems if p.code in WORDING_CODES]


def line_of(path: Path, text: str, after: str = "") -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines[start:], start + 1) if text in line)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("More than 700,000 users had joined", [700_000]),
        ("some 1.3 million people", [1_300_000]),
        ("sekitar 1,3 juta orang", [1_300_000]),
        ("sekitar 420.000.", [420_000]),
        ("Setidaknya satu juta orang", [1_000_000]),
        ("ran relatively smoothly for more than an hour.", [1]),
        ("two and a half hours", [2.5]),
        ("a two-hour ramble", [2]),
        ("now ~1 billion", [1_000_000_000]),
        ("20.1% of the vote", [20.1]),
    ],
)
def test_numbers_the_words_state(text: str, values: list[float]) -> None:
    assert [n.value for n in stated_numbers(text) if not n.vague] == values


def test_a_few_hundred_thousand_is_no_figure() -> None:
    assert all(n.vague for n in stated_numbers("a few hundred thousand"))


@pytest.mark.parametrize(
    ("before", "bounds"),
    [
        ("More than ", {"more_than", "at_least"}),
        ("had a high of about ", {"about"}),
        ("Setidaknya ", {"at_least"}),
        ("now ~", {"about"}),
        ("a total of ", {"exact"}),
        ("", {"exact"}),
    ],
)
def test_the_words_before_a_number_bound_it(before: str, bounds: set[str]) -> None:
    assert {str(b) for b in bound_of(before)[0]} == bounds


def test_each_listed_defect_is_flagged_on_the_files_as_they_were() -> None:
    x = OLD / "x-spaces-2024.yaml"
    d = OLD / "desantis-2023.yaml"
    found = {(Path(p.file).name, p.line, p.code) for p in wording_problems(x) + wording_problems(d)}
    assert found == {
        # audience-830 / mashable: a million for "a few hundred thousand"
        ("x-spaces-2024.yaml", line_of(x, "amount: 1000000, unit: users"), "figure-not-in-quote"),
        # conversation-starts / mashable: a margin on "just over"
        ("x-spaces-2024.yaml", line_of(x, "offset: 54m, margin: 2m"), "time-disagrees-with-words"),
        # audience-at-start / verge: the bare number as the quote
        ("x-spaces-2024.yaml", line_of(x, 'quote: "915,000"'), "bare-number-quote"),
        # peak-audience / reuters-id: 1.3 million on "sekitar 45 menit"
        (
            "x-spaces-2024.yaml",
            line_of(x, "amount: 1300000, unit: listeners, bound: more_than"),
            "figure-not-in-quote",
        ),
        # conversation-length / sa: "more than" on "a two-hour ramble"
        (
            "x-spaces-2024.yaml",
            line_of(x, "bound: more_than, stated: two-hour"),
            "bound-disagrees-with-words",
        ),
        # desantis peak-audience / wrap: 650,000 on "At its height"
        ("desantis-2023.yaml", line_of(d, "amount: 650000"), "figure-not-in-quote"),
    }


def test_the_messages_show_what_the_words_say() -> None:
    messages = [p.message for p in wording_problems(OLD / "x-spaces-2024.yaml")]
    assert any("'a few hundred thousand'" in m for m in messages)
    assert any(
        "imply {kind: after, relative_to: scheduled-start, offset: 54m}" in m and "margin 2m" in m
        for m in messages
    )
    assert any("means bound exact" in m for m in messages)


@pytest.mark.parametrize("name", ["x-spaces-2024.yaml", "desantis-2023.yaml"])
def test_the_corrected_files_have_none(name: str) -> None:
    assert wording_problems(REPO / "incidents" / name) == []


def test_corrected_notes_say_only_what_is_known() -> None:
    x = (REPO / "incidents" / "x-spaces-2024.yaml").read_text(encoding="utf-8")
    d = (REPO / "incidents" / "desantis-2023.yaml").read_text(encoding="utf-8")
    assert "A second X staffer" not in x  # the reporting says "a staffer"
    assert '"developing story" version without it' not in x  # contradicted the source entry
    assert "USA Today" in d.split("id: desantis-speaks")[1].split("claims:")[0]
    assert "up to about 700,000" in d and "from about 18 minutes" in d


TIME_TEMPLATE = """id: t
title: T
summary: S.
platform: X
date: "2024-08-12"
source_zone: America/New_York
key_moments: {{scheduled_start: start}}
sources:
  - {{id: s, publisher: S, language: en, url: "https://example.com/"}}
events:
  - id: start
    title: Start
    kind: schedule
    claims:
      - source: s
        quote: scheduled for 8 p.m.
        time: {{kind: exact, at: "2024-08-12 20:00"}}
  - id: e
    title: E
    kind: observation
    claims:
      - source: s
        quote: "{quote}"
        time: {time}
"""


@pytest.mark.parametrize(
    ("quote", "time", "fragment"),
    [
        ("around 8:45 pm E.T.", '{kind: exact, at: "2024-08-12 20:45", zone: ET}', "kind exact"),
        ("At 8:42 p.m.", '{kind: exact, at: "2024-08-12 08:42"}', "at 08:42"),
        ("At 8:42 p.m. PT", '{kind: exact, at: "2024-08-12 20:42", zone: ET}', "zone ET"),
        ("Shortly after 8:20 p.m.", '{kind: after, at: "2024-08-12 20:20"}', "no margin"),
        ("20.42 (00.42 GMT Rabu)", '{kind: exact, at: "2024-08-13 00:42", zone: GMT}', "Tuesday"),
        (
            "Eighteen minutes into a talk that was supposed to start at 8",
            "{kind: exact, relative_to: start, offset: 20m, stated: Eighteen minutes into}",
            "offset 20m",
        ),
    ],
)
def test_a_time_that_disagrees_with_its_words_is_a_warning(
    quote: str, time: str, fragment: str
) -> None:
    result = check_text(TIME_TEMPLATE.format(quote=quote, time=time), "t.yaml")
    found = [p for p in result.problems if p.code == "time-disagrees-with-words"]
    assert len(found) == 1 and fragment in found[0].message, [p.render() for p in result.problems]
    assert found[0].line == 24  # the time: of the second event


@pytest.mark.parametrize(
    ("time", "warns"),
    [
        ('{kind: exact, at: "2024-08-13 07:00", zone: WIB}', False),
        ('{kind: exact, at: "2024-08-13 07:00+07:00"}', False),
        ('{kind: exact, at: "2024-08-13 07:00", zone: ET}', True),
    ],
)
def test_an_offset_in_the_words_is_checked_against_the_placed_offset(
    time: str, warns: bool
) -> None:
    result = check_text(TIME_TEMPLATE.format(quote="pukul 07.00 GMT+7", time=time), "t.yaml")
    found = [p for p in result.problems if p.code == "time-disagrees-with-words"]
    assert bool(found) is warns, [p.render() for p in result.problems]
    if warns:
        assert "offset -04:00 (ET)" in found[0].message


@pytest.mark.parametrize(
    ("quote", "time", "warns"),
    [
        # A place in prose is a zone the words name, compared with the claim's zone.
        ("about 10.10pm Tokyo time", '{kind: about, at: "2025-03-20 22:10", zone: GMT}', True),
        ("10.10pm Tokyo time", '{kind: exact, at: "2025-03-20 22:10", zone: JST}', False),
        ("1.20am UK time", '{kind: exact, at: "2025-03-21 01:20", zone: UK time}', False),
        # UK time is GMT in March before the clocks change, BST in July.
        ("1.20am UK time", '{kind: exact, at: "2025-03-21 01:20", zone: GMT}', False),
        ("1.20am UK time", '{kind: exact, at: "2025-07-21 01:20", zone: GMT}', True),
        ("pukul 20.45 waktu Jakarta", '{kind: exact, at: "2024-08-12 20:45", zone: ET}', True),
    ],
)
def test_a_prose_zone_in_the_words_is_checked(quote: str, time: str, warns: bool) -> None:
    result = check_text(TIME_TEMPLATE.format(quote=quote, time=time), "t.yaml")
    found = [p for p in result.problems if p.code == "time-disagrees-with-words"]
    assert bool(found) is warns, [p.render() for p in result.problems]


def test_an_end_claims_stated_words_are_checked() -> None:
    fixture = REPO / "tests/export/fixtures/example-cloud.yaml"
    text = fixture.read_text(encoding="utf-8")
    good = check_text(text, "x.yaml")
    assert not [p for p in good.problems if p.code in WORDING_CODES]
    bad = text.replace(
        'zone: UK time, stated: "1.20am UK time"', 'zone: PT, stated: "1.20am UK time"'
    )
    found = [p for p in check_text(bad, "x.yaml").problems if p.code in WORDING_CODES]
    assert [p.yaml_path for p in found] == [("events", 0, "ends", 0, "time")]


@pytest.mark.parametrize(
    ("quote", "time", "warns"),
    [
        # One time in two zones: either reading is the file's.
        ("02:30 CET (01:30 GMT)", '{kind: exact, at: "2024-01-15 02:30", zone: CET}', False),
        ("02:30 CET (01:30 GMT)", '{kind: exact, at: "2024-01-15 01:30", zone: GMT}', False),
        ("11:39 a.m. ET (15:39 UTC)", '{kind: exact, at: "2024-08-12 15:39", zone: UTC}', False),
        # The weekday in the brackets is the bracketed clock's, not the first one's.
        ("20.42 (00.42 GMT Selasa)", '{kind: exact, at: "2024-08-12 20:42", zone: ET}', False),
        # A real mismatch still warns: neither clock is the file's.
        ("02:30 CET (01:30 GMT)", '{kind: exact, at: "2024-01-15 03:30", zone: CET}', True),
        ("11:39 a.m. ET (15:39 UTC)", '{kind: exact, at: "2024-08-12 14:39", zone: UTC}', True),
    ],
)
def test_a_time_stated_in_two_zones_matches_either(quote: str, time: str, warns: bool) -> None:
    result = check_text(TIME_TEMPLATE.format(quote=quote, time=time), "t.yaml")
    found = [p for p in result.problems if p.code == "time-disagrees-with-words"]
    assert bool(found) is warns, [p.render() for p in result.problems]


@pytest.mark.parametrize(
    "stated",
    ["Minggu 23/6 pagi", "Minggu (23/6) pagi", "this morning", "Sunday morning", "23/6 pagi"],
)
def test_a_day_part_is_not_compared_as_a_clock(stated: str) -> None:
    time = f'{{kind: day, on: "2024-06-23", part: morning, zone: WIB, stated: "{stated}"}}'
    result = check_text(TIME_TEMPLATE.format(quote=stated, time=time), "t.yaml")
    assert not [p for p in result.problems if p.code in WORDING_CODES], [
        p.render() for p in result.problems
    ]


@pytest.mark.parametrize(
    ("stated", "warns"),
    [
        ("minggu lalu pukul 20.00 WIB", False),  # "last week", not Sunday
        ("Senin minggu ini pukul 20.00 WIB", True),  # Monday this week: the 7th is a Wednesday
        ("Minggu (4/8) pukul 20.00 WIB", True),  # Sunday
    ],
)
def test_minggu_as_week_is_not_a_sunday(stated: str, warns: bool) -> None:
    time = f'{{kind: exact, at: "2024-08-07 20:00", zone: WIB, stated: "{stated}"}}'
    result = check_text(TIME_TEMPLATE.format(quote="x", time=time), "t.yaml")
    found = [p for p in result.problems if p.code == "time-disagrees-with-words"]
    assert bool(found) is warns, [p.render() for p in result.problems]
    if warns:
        assert "a date that is a Wednesday" in found[0].message


def test_a_figure_in_a_quote_is_not_read_as_a_clock() -> None:
    # "3.15 million" is not 03:15: a morning claim whose quote gives a figure has no clock.
    time = '{kind: day, on: "2024-08-12", part: morning}'
    quote = "This morning 3.15 million users could not log in"
    result = check_text(TIME_TEMPLATE.format(quote=quote, time=time), "t.yaml")
    assert not [p for p in result.problems if p.code in WORDING_CODES], [
        p.render() for p in result.problems
    ]


def test_a_clock_beside_a_date_written_with_a_slash_still_counts() -> None:
    time = '{kind: exact, at: "2024-06-23 08:00", zone: WIB, stated: "Minggu 23/6 pukul 07.00 WIB"}'
    result = check_text(TIME_TEMPLATE.format(quote="x", time=time), "t.yaml")
    found = [p for p in result.problems if p.code == "time-disagrees-with-words"]
    assert len(found) == 1 and "at 08:00" in found[0].message


def test_a_time_that_agrees_with_its_words_passes() -> None:
    time = '{kind: after, at: "2024-08-12 20:20", margin: 10m}'
    result = check_text(TIME_TEMPLATE.format(quote="Shortly after 8:20 p.m.", time=time))
    assert not [p for p in result.problems if p.code in WORDING_CODES]
