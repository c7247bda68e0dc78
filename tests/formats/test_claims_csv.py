"""The claims sheet: export, import, round trips, located errors, formula injection."""

from __future__ import annotations

from pathlib import Path

import pytest
from _formats_helpers import (
    BUNDLED,
    HOSTILE_STRINGS,
    bad_zone_sheet,
    hostile_yaml,
    load,
    sheet,
    table,
)

from incident.cells import guard, unguard
from incident.claim_columns import COLUMNS
from incident.importing.build import ImportOptions
from incident.importing.run import import_file, import_text
from incident.importing.sheet import ImportFailed
from incident.timeline import reconstruct
from incident.validate import check_text


def claims_of(yaml_text: str) -> list[tuple[object, ...]]:
    """Every event, claim and end claim with its placed time: what a round trip must keep."""
    result = check_text(yaml_text, "x.yaml")
    assert result.incident is not None, [p.render() for p in result.problems]
    timeline = reconstruct(result.incident)
    out: list[tuple[object, ...]] = []
    for item in sorted(timeline.events, key=lambda e: e.position):
        e = item.event
        out.append((e.id, e.title, e.kind, e.actor, tuple(e.tags), e.note, item.interval))
        out.append(("end", item.end))
        marked = [("claim", c) for c in item.claims] + [("end", c) for c in item.end_claims]
        for which, c in marked:
            time = c.claim.time
            shape = None if time is None else time.model_dump(exclude={"zone"})
            out.append(
                (
                    which,
                    c.claim.source,
                    c.claim.quote,
                    c.claim.translation,
                    c.claim.value,
                    c.claim.stance,
                    c.claim.note,
                    shape,
                    c.interval,
                    c.nominal,
                )
            )
    return out


SPAN_FIXTURE = Path(__file__).resolve().parent.parent / "export/fixtures/example-cloud.yaml"


@pytest.mark.parametrize("path", [*BUNDLED, SPAN_FIXTURE], ids=lambda p: p.stem)
def test_csv_yaml_csv_round_trips_every_bundled_incident(path: Path, tmp_path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    first = sheet(original)
    source = tmp_path / "claims.csv"
    source.write_text(first, encoding="utf-8", newline="")
    imported = import_file(source)
    assert not [w for w in imported.warnings if w.severity == "error"]
    written = imported.text
    assert check_text(written, "incident.yaml").ok
    assert sheet(written) == first  # CSV → YAML → CSV
    assert claims_of(written) == claims_of(original)  # same events, claims and times
    timeline = load(path)
    assert imported.claims == sum(len(e.claims) + len(e.end_claims) for e in timeline.events)
    assert len(table(first)) == imported.claims + 1


def test_end_claims_are_rows_marked_in_the_ends_column_and_come_back_as_ends() -> None:
    text = sheet(SPAN_FIXTURE.read_text(encoding="utf-8"))
    rows = [dict(zip(table(text)[0], r, strict=True)) for r in table(text)[1:]]
    ends = [r for r in rows if r["ends"]]
    assert [(r["event"], r["ends"], r["stated"]) for r in ends] == [
        ("first-errors", "yes", "1.20am UK time")
    ]
    imported = check_text(import_text(text, "claims.csv").text, "x.yaml").incident
    assert imported is not None
    (end,) = imported.events[0].ends
    assert end.quote == "Uploads worked again from 1.20am UK time on Friday."
    with pytest.raises(ImportFailed) as failed:
        import_text(text.replace(",yes,", ",maybe,"), "claims.csv")
    assert [p.render()[:27] for p in failed.value.problems] == ["claims.csv:4:ends: error[va"]


def test_display_zones_come_from_the_sheets_zones_most_cited_first() -> None:
    text = sheet(SPAN_FIXTURE.read_text(encoding="utf-8"))
    imported = import_text(text, "claims.csv")
    incident = check_text(imported.text, "x.yaml").incident
    assert incident is not None
    # UTC 3 + GMT 1, then PT 2 and JST 2 in the order they first appear; UK time 1 is left.
    assert incident.display_zones == ["UTC", "America/Los_Angeles", "Asia/Tokyo"]
    assert imported.zones_note is not None and "most cited first" in imported.zones_note
    chosen = import_text(text, "claims.csv", ImportOptions(display_zones=("Europe/London",)))
    assert "display_zones:\n- Europe/London\n" in chosen.text and chosen.zones_note is None


def test_a_sheet_with_no_zone_says_the_display_zones_are_the_defaults() -> None:
    text = "event,source,publisher,time\nstart,ap,AP,\n"
    imported = import_text(text, "claims.csv", ImportOptions(date="2024-08-12"))
    assert "display_zones" not in imported.text
    assert imported.zones_note is not None
    assert "defaults, America/New_York, Asia/Jakarta" in imported.zones_note


def test_a_bad_zone_in_row_7_is_located() -> None:
    with pytest.raises(ImportFailed) as failed:
        import_text(bad_zone_sheet(), "claims.csv")
    lines = [p.render() for p in failed.value.problems]
    assert [line for line in lines if line.startswith("claims.csv:7:zone: error[")], lines


def test_every_bad_cell_is_reported_with_its_column_name() -> None:
    text = (
        "Event,Source ID,Publisher,URL,Quote,Stated time,Zone,Hedge,Figure\n"
        "start,ap,AP,https://example.com/a,At 8:42,2024-08-12 20:42,EDT,exact,\n"
        "start,cnbc,CNBC,ftp://example.com,around 8:45,2024-08-12 20:45,ET,roughly,\n"
        "end,ap,,,,2024-13-40 25:00,EDT,,lots\n"
    )
    with pytest.raises(ImportFailed) as failed:
        import_text(text, "claims.csv")
    found = {(p.row, p.column) for p in failed.value.problems if p.severity == "error"}
    assert {(3, "URL"), (3, "Hedge"), (4, "Stated time"), (4, "Figure")} <= found
    for problem in failed.value.problems:
        assert problem.render().startswith(f"claims.csv:{problem.row}:{problem.column}: ")


def test_unknown_and_missing_columns_are_named() -> None:
    with pytest.raises(ImportFailed) as failed:
        import_text("evnt,publisher\nx,AP\n", "claims.csv")
    lines = [p.render() for p in failed.value.problems]
    assert (
        "claims.csv:1:evnt: error[unknown-column]: unknown column 'evnt' (did you mean 'event'?)"
        in lines
    )
    assert any("claims.csv:1:source: error[missing-column]" in line for line in lines)


def test_a_newsroom_sheet_with_only_the_issue_columns_imports() -> None:
    text = (
        "event,source id,publisher,URL,quote,translation,stated time,zone,hedge,figure\n"
        "The interview begins,ap,AP,https://example.com/a,At 8:42 p.m.,,2024-08-12 20:42,EDT,,\n"
        "The interview begins,cnbc-id,CNBC Indonesia,https://example.com/b,sekitar pukul 8:45,around 8:45,2024-08-12 20:45,ET,about,\n"
    )
    imported = import_text(text, "claims.csv", ImportOptions(title="Test"))
    result = check_text(imported.text, "x.yaml")
    assert result.ok and result.incident is not None
    event = result.incident.events[0]
    assert (event.id, event.title, len(event.claims)) == (
        "the-interview-begins",
        "The interview begins",
        2,
    )
    assert result.incident.date == "2024-08-12"
    assert event.claims[1].translation == "around 8:45"


def test_cells_are_guarded_against_formulas_and_read_back() -> None:
    text = sheet(hostile_yaml())
    for record in table(text):
        for cell in record:
            assert not cell or cell[0] not in "=+-@\t\r", cell
    assert table(text)[0] == list(COLUMNS)
    for value in ("=1+1", "+1", "-5m", "@x", "\tx", "'=x", "'tis", "plain", ""):
        assert unguard(guard(value)) == value
    imported = import_text(text, "hostile.csv")
    assert sheet(imported.text) == text
    # The same, but the ESC of a YAML "\e" comes back as the visible ␛ the sheet shows.
    assert "\x1b" not in text
    assert claims_of(imported.text) == claims_of(hostile_yaml().replace("\\e", "␛"))
    result = check_text(imported.text, "x.yaml")
    assert result.incident is not None
    assert result.incident.events[1].title == HOSTILE_STRINGS[4]


TIMELINEJS_SHEET = (
    "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,"
    "Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n"
    '2024,,,,,,,,,An outage,"A <b>summary</b>",,,,,title,,\n'
    '2024,8,12,8:42 PM,,,,,8:42 p.m.,The interview begins,"<script>x</script>",,AP,,,,milestone,\n'
    '2024,8,12,20:18,,,,,,"=HYPERLINK(""http://x"",""y"")",,,Boing Boing,,,,Statements,\n'
    "2024,8,12,,,,,,,A whole day,,,AP,,,,,\n"
    "2024,8,12,19:47,2024,8,12,22:47,,A window,,,Downdetector,,,,,\n"
    "2024,8,1,,2024,8,20,,,An era,,,,,,era,,\n"
)


def test_timelinejs_template_rows_become_events_with_one_claim() -> None:
    imported = import_text(TIMELINEJS_SHEET, "tl.csv", ImportOptions(source_zone="EDT"))
    result = check_text(imported.text, "x.yaml")
    assert result.ok and result.incident is not None, [p.render() for p in result.problems]
    incident = result.incident
    assert incident.title == "An outage" and incident.summary == "A <b>summary</b>"
    assert [e.title for e in incident.events] == [
        "The interview begins",
        '=HYPERLINK("http://x","y")',
        "A whole day",
        "A window",
    ]
    assert [s.publisher for s in incident.sources] == ["AP", "Boing Boing", "Downdetector"]
    first = incident.events[0]
    assert first.kind == "milestone" and first.note == "<script>x</script>"
    assert first.claims[0].time is not None and first.claims[0].time.at == "2024-08-12 20:42"
    assert incident.events[1].tags == ["statements"]
    window = incident.events[3].claims[0].time
    assert window is not None and (window.kind, window.until) == ("between", "2024-08-12 22:47")


def test_timelinejs_template_errors_are_located() -> None:
    bad = TIMELINEJS_SHEET.replace("8:42 PM", "25:00").replace(",Boing Boing,", ",,")
    with pytest.raises(ImportFailed) as failed:
        import_text(bad, "tl.csv", ImportOptions(source_zone="EDT"))
    lines = [p.render() for p in failed.value.problems]
    assert any(line.startswith("tl.csv:3:Time: error[value]") for line in lines), lines
    assert any(line.startswith("tl.csv:4:Media Credit: error[missing-field]") for line in lines)


def test_the_extra_column_carries_claim_fields_as_json_and_bad_json_is_located() -> None:
    header = "event,source,publisher,time,zone,hedge,extra\n"
    good = (
        header
        + 'start,ap,AP,2024-08-12 20:45,EDT,about,"{""time"": {""margin"": ""10m""}, ""note"": ""n""}"\n'
    )
    result = check_text(import_text(good, "claims.csv").text, "x.yaml")
    assert result.incident is not None
    claim = result.incident.events[0].claims[0]
    assert claim.time is not None and (claim.time.margin, claim.note) == ("10m", "n")
    with pytest.raises(ImportFailed) as failed:
        import_text(header + "start,ap,AP,2024-08-12 20:45,EDT,about,{oops\n", "claims.csv")
    assert [p.render()[:28] for p in failed.value.problems] == ["claims.csv:2:extra: error[va"]


def test_a_sheet_with_visible_controls_imports_and_exports_the_same() -> None:
    yaml_text = hostile_yaml().replace('publisher: "+1+1"', 'publisher: "+1+1\\a\\e[0m"')
    assert yaml_text != hostile_yaml()
    text = sheet(yaml_text)
    assert "\x1b" not in text and "\x07" not in text
    assert "'+1+1␇␛[0m" in text  # the formula guard still applies to the visible form
    imported = import_text(text, "controls.csv")
    assert sheet(imported.text) == text  # the visible form is kept, never turned back
