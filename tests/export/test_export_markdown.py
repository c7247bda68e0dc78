"""The post-mortem: goldens, Markdown structure, escaping, honesty about gaps, determinism."""

from __future__ import annotations

import re

import pytest
from _export_helpers import (
    FIXTURES,
    check_golden,
    check_structure,
    commonmark,
    fixture,
    flatten,
    footnote_labels,
    load,
    rendered_text,
    tables,
)
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from incident.export.escape import inline
from incident.export.markdown import render_postmortem
from incident.export.phrasing import language_name
from incident.timeline import reconstruct
from incident.view_options import ViewOptions
from schemas.zones import UnknownZoneError

FIXTURE_NAMES = ["demo-stream", "hostile", "sparse"]


def _render(name: str, zones: list[str] | None = None, locale: str = "en") -> str:
    """The post-mortem with ``zones`` and ``locale`` read as the command line reads them."""
    path = f"tests/export/fixtures/{name}.yaml"
    options = ViewOptions.from_labels(zones, locale)
    return render_postmortem(fixture(name), options, source_path=path)


def _section(markdown: str, title: str) -> str:
    start = markdown.index(f"\n## {title}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else len(markdown)]


def _table_after(markdown: str, heading: str) -> list[list[str]]:
    part = markdown[markdown.index(heading) :]
    return tables(part)[0]


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_golden_default(name: str) -> None:
    check_golden(f"{name}.md", _render(name))


def test_golden_indonesian_with_zones() -> None:
    check_golden(
        "demo-stream.id.utc-wita.md", _render("demo-stream", zones=["UTC", "WITA"], locale="id")
    )


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_structure_holds(name: str) -> None:
    check_structure(_render(name))
    check_structure(_render(name, zones=["UTC", "Asia/Makassar", "EST"], locale="id"))


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_same_input_same_bytes(name: str) -> None:
    first = _render(name)
    again = render_postmortem(
        load(FIXTURES / f"{name}.yaml"), source_path=f"tests/export/fixtures/{name}.yaml"
    )
    assert first == again
    assert not re.search(r"generated (at|on)", first, re.I)


def test_header_says_what_it_is() -> None:
    text = _render("demo-stream")
    head = text[: text.index("## Summary")]
    assert "A reconstruction from **6 public sources**, not an official post-mortem" in head
    assert "**Data file:** tests/export/fixtures/demo-stream.yaml" in head
    assert "**Times shown in:** America/New\\_York (EDT), Asia/Jakarta (WIB)" in head


def test_key_figures_are_cited_and_ranges_stay_ranges() -> None:
    text = _render("demo-stream")
    rows = {row[0]: row for row in _table_after(text, "### Key figures")}
    assert rows["Scheduled start"][1].startswith(
        "Mon 12 Aug 2024, 20:00 EDT · Tue 13 Aug 2024, 07:00 WIB"
    )
    assert rows["Scheduled start"][2] == "[^wire] [^kabar]"
    # Two sources disagree on the start: the range, and each source as it said it.
    assert "20:42–20:53 EDT" in rows["Actual start"][1]
    assert "Example Wire: 20:42 EDT (“at 8:42 p.m.”)" in rows["Actual start"][1]
    assert "about 20:50 ET (“around 8:50 p.m. ET”)" in rows["Actual start"][1]
    assert rows["Delay"][1].startswith("42m to about 50m after the scheduled start")
    assert "Example Wire[^wire]: 42m" in rows["Delay"][1]
    assert "[^money-tv]: about 50m" in rows["Delay"][1]
    assert rows["Peak audience"][1].startswith("1.1M to about 1.3M listeners")
    assert "about 1.3M listeners (“about 1.3 million”)" in rows["Peak audience"][1]
    assert rows["End"][1] == "No source gives an end time."


def test_causes_name_who_claims_and_who_disputes() -> None:
    text = _section(_render("demo-stream"), "Root causes and trigger")
    assert "No cause is confirmed by the sources" in text
    assert "(disputed)" in text
    assert "- **Claimed by:** The chief executive" in text
    assert "- **Disputes:** Tech Daily[^tech-daily], Network Notes[^expert-blog]" in text
    assert "Network Notes[^expert-blog] disputes: “Traffic graphs show nothing" in text
    assert "Editor's note: The expert had no access to internal data." in text


def test_timeline_table_zones_dates_marks_and_sources() -> None:
    text = _render("demo-stream")
    table = _table_after(text, "## Timeline")
    assert table[0] == ["T+", "EDT", "WIB", "Event", "Actor", "Sources"]
    body = table[2:]
    assert body[0][:3] == ["T+0m", "Mon 12 Aug 2024 20:00", "Tue 13 Aug 2024 07:00"]
    assert body[1][:3] == ["T\\>+0m", "\\>20:00", "\\>07:00"]  # "shortly after 8 p.m."
    assert body[2][1] == "20:11"  # same day: no date repeated
    assert body[3][:3] == ["T+42m–53m", "20:42–20:53", "07:42–07:53"]
    assert body[3][3] == "Interview begins (sources disagree: time)"
    assert body[4][1] == "\\~21:00"
    # The EDT date changes on the 13th; the WIB date does not.
    views = next(row for row in body if row[3] == "Company claims total views")
    assert views[:3] == ["T\\<+16h00m", "Tue 13 Aug 2024 \\<12:00", "\\<23:00"]
    assert body[-1][:3] == ["", "?", "?"] and body[-1][3] == "Recording posted"
    assert body[3][5] == "[^wire] [^money-tv]"


def test_disagreements_show_each_source_as_stated() -> None:
    text = _section(_render("demo-stream"), "Where the sources disagree")
    assert "- **Interview begins** — time; they cannot all be right:" in text
    assert "  - Example Wire[^wire]: 20:42 EDT (“at 8:42 p.m.”)" in text
    assert "  - Money TV (2024-08-12)[^money-tv]: about 20:50 ET (“around 8:50 p.m. ET”)" in text
    assert "  - Money TV (2024-08-13)[^money-tv-update]: 1.1M listeners (“1.1 million”)" in text


def test_source_footnotes_have_everything_and_quotes() -> None:
    text = _render("demo-stream")
    wire = re.search(r"^\[\^wire\]:.*?(?=\n\n|\Z)", text, re.M | re.S)
    assert wire is not None
    note = wire.group(0)
    for part in (
        "**Example Wire**",
        "“Live audio interview starts 42 minutes late”",
        "by A. Reporter",
        "published 2024-08-12",
        "in English (en)",
        "<https://news.example.org/2024/08/12/audio-late>",
        "Copy consulted: <https://archive.example.org/web/20240813/https://news.example.org",
        "accessed 2024-08-14",
        "    - Interview begins: “The interview began at 8:42 p.m.”",
    ):
        assert part in note, part
    kabar = re.search(r"^\[\^kabar\]:.*?(?=\n\n|\Z)", text, re.M | re.S)
    assert kabar is not None
    assert "via Example Wire" in kabar.group(0)
    assert "(English: “The interview was scheduled for 07:00 WIB.”)" in kabar.group(0)
    assert "edited by B. Editor" in text
    _refs, defs = footnote_labels(text)
    assert defs == ["wire", "money-tv", "money-tv-update", "tech-daily", "expert-blog", "kabar"]


def test_audience_chart_only_from_metrics_per_unit() -> None:
    text = _section(_render("demo-stream"), "Figures over time")
    block = re.search(r"```mermaid\n(.*?)```", text, re.S)
    assert block is not None
    chart = block.group(1)
    assert chart.startswith("xychart-beta\n")
    assert 'x-axis ["~21:00", "21:00–22:00"]' in chart
    assert "line [900000, 1100000]" in chart  # lowest claim at each time
    assert "line [900000, 1300000]" in chart  # highest: the gap is the disagreement
    assert text.count("```mermaid") == 1  # views are a different unit, with one point: no chart
    assert "### Audience: views" in text and "at least 50M views" in text
    assert "(this source gives no time; shown at the event's time)" in text


def test_sparse_incident_says_what_is_missing() -> None:
    text = _render("sparse")
    for sentence in (
        "No source gives an end time.",
        "No source says when the trouble began.",
        "No source puts forward a cause.",
        "No source quantifies the impact.",
        "No source gives a figure.",
        "No source says when the trouble was first noticed.",
        "T+ counts from the first timed event, “Status page shows an outage”",
        "The sources do not disagree on any event's time or figures.",
        "No URL. Note: Read from a printed copy; no URL is known.",
    ):
        assert sentence in text, sentence
    # An outage with no schedule is not told by a missing schedule, delay or audience.
    for absent in ("scheduled start", "actual start", "Delay", "Peak audience"):
        assert absent not in text, absent
    table = _table_after(text, "## Timeline")
    assert table[0] == ["T+", "UTC", "WITA", "Event", "Actor", "Sources"]
    # No scheduled start: T+ still counts, from the first timed event.
    assert table[2][:3] == ["T\\~+0m", "Wed 24 May 2023 \\~12:00", "Wed 24 May 2023 \\~20:00"]


def test_lessons_are_derived_facts() -> None:
    text = _section(_render("demo-stream"), "Lessons learned")
    assert "Sources disagree on the time of “Interview begins”" in text
    assert "Sources disagree on the figures of “Peak audience”" in text
    assert "is disputed by Tech Daily and Network Notes" in text
    assert "No source gives a time for 1 event: “Recording posted”" in text
    for opinion in ("should", "must", "recommend", "failed to"):
        assert opinion not in text.lower()


HOSTILE_LITERALS = [
    "Pipe | in title second line <script>alert(1)</script> [^x] **bold** `code`",
    "[link](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "& &amp;",
    "␛[31mred␛[0m",
    "<U+202E>evil<U+202C>",
    "~~strike~~",
    "$x$",
    "Event | one with newline <script>alert(1)</script>",
    "Actor | [^x] <b>bold</b>",
    "[link](javascript:x) ``` fence and **bold** and ___",
    "“Quote with / newline | pipe and `tick` and [^s-one] and \\ backslash”",
    "Note with <!-- comment --> and | pipe",
    "“# Heading? / - list? / > quote? / 1. numbered / --- / ====”",
]


def test_hostile_text_shows_literally() -> None:
    text = _render("hostile")
    shown = rendered_text(text)
    for literal in HOSTILE_LITERALS:
        assert literal in shown, literal
    assert "\x1b" not in text and "\u202e" not in text and "\u200b" not in text


def test_hostile_tables_keep_their_shape() -> None:
    text = _render("hostile")
    timeline = _table_after(text, "## Timeline")
    assert [len(row) for row in timeline] == [6] * len(timeline)
    assert len(timeline) == 2 + 3  # header, rule, three events
    figures = _table_after(text, "### Key figures")
    assert [len(row) for row in figures] == [3] * 7
    # And the parser agrees: three rows of six cells under the timeline heading.
    tokens = flatten(commonmark().parse(text[text.index("## Timeline") :]))
    first_table: list[str] = []
    for token in tokens:
        first_table.append(token.type)
        if token.type == "table_close":
            break
    assert first_table.count("tr_open") == 4 and first_table.count("td_open") == 18


def test_hostile_links_only_to_sources() -> None:
    text = _render("hostile")
    hrefs = [
        str(t.attrs["href"]) for t in flatten(commonmark().parse(text)) if t.type == "link_open"
    ]
    assert "https://evil.example/a%7Cb%3Cc%3E%60d?x=1&y=%5B2%5D" in hrefs
    assert all(h.lower().startswith(("https://", "http://", "#")) for h in hrefs)
    # Footnote ids from s-two and s_two stay apart and all resolve.
    _refs, defs = footnote_labels(text)
    assert defs == ["s-one", "s-two", "s_two"]


def test_mermaid_block_gets_no_file_text() -> None:
    text = _render("hostile")
    block = re.search(r"```mermaid\n(.*?)```", text, re.S)
    assert block is not None
    assert '"listeners x"' in block.group(1)
    assert "<" not in block.group(1).replace("-->", "") and "|" not in block.group(1)


def test_zones_option() -> None:
    text = _render("demo-stream", zones=["UTC", "WITA", "WIT"])
    table = _table_after(text, "## Timeline")
    assert table[0][1:4] == ["UTC", "WITA", "WIT"]
    assert table[2][1:4] == [
        "Tue 13 Aug 2024 00:00",
        "Tue 13 Aug 2024 08:00",
        "Tue 13 Aug 2024 09:00",
    ]
    same = _table_after(
        _render("demo-stream", zones=["EDT", "ET", "America/New_York"]), "## Timeline"
    )
    assert same[0] == ["T+", "EDT", "Event", "Actor", "Sources"]  # one zone, one column
    with pytest.raises(UnknownZoneError):
        _render("demo-stream", zones=["Mars/Olympus"])
    with pytest.raises(ValueError):
        _render("demo-stream", locale="fr")


def test_indonesian_dates() -> None:
    text = _render("demo-stream", locale="id")
    assert "- **Date:** 12 Agustus 2024" in text
    assert "Sen 12 Agt 2024 20.00" in text
    assert "Senin, 12 Agustus 2024 20.00 EDT · Selasa, 13 Agustus 2024 07.00 WIB" in text


def _shape(markdown: str) -> list[tuple[int, int]]:
    return [(len(t), len(t[0])) for t in tables(markdown)]


_TEXT = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking a document is slow
)
@given(title=_TEXT, event=_TEXT, actor=_TEXT, quote=_TEXT, publisher=_TEXT, unit=_TEXT, note=_TEXT)
# A publisher that is one backslash: the export escapes it (``\\``), and the footnote reference
# after it is a real one, not an escaped ``\[^x]``.
@example(title="t", event="e", actor="a", quote="q", publisher="\\", unit="u", note="n")
def test_any_file_text_keeps_the_document_shape(
    title: str, event: str, actor: str, quote: str, publisher: str, unit: str, note: str
) -> None:
    """Whatever text the file holds, the document has the same tables and footnotes."""
    base = fixture("demo-stream")
    incident = base.incident
    events = list(incident.events)
    first = events[0]
    claim = first.claims[0].model_copy(update={"quote": quote, "note": note})
    events[0] = first.model_copy(
        update={"title": event, "actor": actor, "claims": [claim, *first.claims[1:]]}
    )
    peak = next(i for i, e in enumerate(events) if e.id == "early-count")
    value = events[peak].claims[0].value
    assert value is not None
    events[peak] = events[peak].model_copy(
        update={
            "claims": [
                events[peak]
                .claims[0]
                .model_copy(
                    update={"value": value.model_copy(update={"unit": "listeners " + unit})}
                )
            ]
        }
    )
    sources = [incident.sources[0].model_copy(update={"publisher": publisher})]
    changed = incident.model_copy(
        update={
            "title": title,
            "summary": note,
            "events": events,
            "sources": sources + list(incident.sources[1:]),
        }
    )
    text = render_postmortem(reconstruct(changed), source_path=title)
    check_structure(text)
    assert _shape(text)[:2] == _shape(_render("demo-stream"))[:2]  # key figures, timeline
    assert footnote_labels(text)[1] == footnote_labels(_render("demo-stream"))[1]


def test_an_events_end_claims_are_quoted_in_footnotes_and_cited_on_its_row() -> None:
    text = _render("example-cloud")
    quotes = text[text.index("[^uk-news]: ") :]
    assert (
        "- Uploads start failing (end): “Uploads worked again from 1.20am UK time on Friday.”"
        in quotes
    )
    row = next(line for line in text.splitlines() if "| Uploads start failing |" in line)
    assert row.endswith("| [^us-news] [^uk-news] · end: [^uk-news] |")


PHASE_MOMENTS = {
    "Detection": ("first_trouble", "detected", "acknowledged"),
    "Resolution": ("actual_start", "mitigated", "end", "resolved"),
}


@pytest.mark.parametrize("name", [*FIXTURE_NAMES, "example-cloud"])
def test_every_key_moment_named_is_in_its_phase_section(name: str) -> None:
    text = _render(name)
    timeline = fixture(name)
    for section, moments in PHASE_MOMENTS.items():
        body = _section(text, section)
        for moment in moments:
            item = timeline.moment(moment)
            if item is not None:
                assert f"**{inline(item.event.title)}**" in body, (section, moment)


def test_detection_and_resolution_name_detected_and_mitigated() -> None:
    text = _render("example-cloud")
    assert "- Detected: **Status page says engineers are investigating** — " in _section(
        text, "Detection"
    )
    assert "- Mitigated: **Engineers roll back the configuration change** — " in _section(
        text, "Resolution"
    )


def test_every_source_language_is_named_the_same_way() -> None:
    text = _render("example-cloud")
    assert "**Example Shimbun (JP)**; no publication date; in Japanese (ja). " in text
    assert "**Example Cloud Status**; no publication date; in English (en). " in text
    assert [language_name(t) for t in ("pt-BR", "und", "tlh", "ID")] == [
        "Portuguese (pt-BR)",
        "an undetermined language (und)",
        "tlh",
        "Indonesian (ID)",
    ]
