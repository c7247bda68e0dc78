"""The side-by-side comparison: golden, structure, footnotes kept apart, honest gaps."""

from __future__ import annotations

import pytest
from _export_helpers import check_golden, check_structure, fixture, footnote_labels, tables

from incident.export.compare import render_comparison
from incident.view_options import ViewOptions
from schemas.zones import UnknownZoneError


def test_golden_demo_vs_sparse() -> None:
    text = render_comparison(fixture("demo-stream"), fixture("sparse"))
    check_structure(text)
    check_golden("compare-demo-stream-sparse.md", text)


def test_same_source_ids_in_both_get_separate_footnotes() -> None:
    text = render_comparison(fixture("demo-stream"), fixture("demo-stream"))
    check_structure(text)
    _refs, defs = footnote_labels(text)
    assert "a-wire" in defs and "b-wire" in defs
    assert len(defs) == 12


def test_hostile_comparison_keeps_shape() -> None:
    text = render_comparison(fixture("hostile"), fixture("demo-stream"), ViewOptions(locale="id"))
    check_structure(text)
    for table in tables(text):
        assert len({len(row) for row in table}) == 1


def test_key_figures_side_by_side_and_gaps_said_plainly() -> None:
    text = render_comparison(fixture("demo-stream"), fixture("sparse"))
    rows = {row[0]: row for row in tables(text)[0]}
    assert rows["Figure"][1:] == [
        "A: Example Corp live audio event starts late",
        "B: A brief outage reported by one blog",
    ]
    assert rows["Delay"][1].startswith("42m to about 50m after the scheduled start")
    assert rows["Delay"][2] == "Cannot be computed from the sources."
    assert rows["End"][1:] == ["No source gives an end time."] * 2
    assert rows["Claimed causes"][2] == "No source puts forward a cause."
    assert rows["Sources"][1:] == ["6", "1"]


def test_timelines_merge_on_t_plus() -> None:
    text = render_comparison(fixture("demo-stream"), fixture("demo-stream"))
    table = tables(text[text.index("## Timelines side by side") :])[0]
    body = table[2:]
    # Same incident twice: each A row is followed by its B twin at the same T+.
    assert [row[0] for row in body[0:2]] == ["T+0m", "T+0m"]
    assert body[0][1].startswith("Mon 12 Aug 2024 20:00 EDT — Interview scheduled")
    assert body[0][2] == "" and body[1][1] == ""
    assert body[1][2].startswith("Mon 12 Aug 2024 20:00 EDT — Interview scheduled")
    # The untimed event stays right after its predecessor in its own incident.
    assert "Company claims total views" in body[-4][1] and "Recording posted" in body[-3][1]
    assert "Company claims total views" in body[-2][2] and "Recording posted" in body[-1][2]


def test_unknown_zone_raises() -> None:
    with pytest.raises(UnknownZoneError):
        render_comparison(
            fixture("sparse"), fixture("sparse"), ViewOptions.from_labels(["Atlantis"])
        )


def test_sections_nest_by_structure_not_by_rendered_headings() -> None:
    from incident.export.section import Section

    inner = Section("Audience over time", (Section("Listeners", ("a table",)), "a note"))
    assert Section("A: first", inner.body).blocks(3) == [
        "### A: first",
        "#### Listeners",
        "a table",
        "a note",
    ]
    assert inner.blocks() == ["## Audience over time", "### Listeners", "a table", "a note"]


def test_compare_takes_the_source_list_and_not_the_editors_notes() -> None:
    text = render_comparison(fixture("demo-stream"), fixture("sparse"))
    sources = text[text.index("\n## Sources\n") :]
    assert "Editor's notes" not in sources
    assert sources.count("\n### ") == 2
