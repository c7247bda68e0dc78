"""The pieces behind the views: rows, search index, chart, compare, safety, and scale."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import BUNDLED_X, DESANTIS, SPACES, make_app, ready, screen_text, wait_for

from incident.pipeline import open_incident
from incident.timeline import Timeline
from tui import rows
from tui.audience_chart import audience_chart
from tui.comparison_text import compare_view
from tui.detail_text import discrepancy_words
from tui.figures import audience_text, delay_text
from tui.safe import cell, clean, one_line
from tui.screens.timeline import TimelineScreen
from tui.search import EventFilter, EventIndex
from tui.timeline_view import TimelineView


def timeline(path: Path) -> Timeline:
    loaded = open_incident(path)
    assert loaded.timeline is not None, loaded.problems
    return loaded.timeline


def test_day_marker_where_the_date_changes_in_a_zone() -> None:
    tl = timeline(SPACES)
    columns = rows.Columns(120, ("America/New_York", "Asia/Jakarta"))
    texts = []
    previous = None
    for item in tl.events:
        texts.append(rows.row(item, previous, columns).plain)
        previous = rows.moment_of(item) or previous
    assert "▸Mon" in texts[0] and "▸Tue" in texts[0]  # the first row names its day
    assert all("▸" not in t for t in texts[1:])  # 20:00 EDT–22:42 EDT stays Monday / Tuesday
    utc = rows.Columns(120, ("UTC",), rows.needs(tl.events, ("UTC",), "en"))
    first = rows.row(tl.events[0], None, utc).plain
    assert "00:00 UTC ▸Tue" in first


def test_day_marker_when_new_york_crosses_midnight() -> None:
    tl = timeline(SPACES)
    late = tl.by_id["end"]  # after 22:42 EDT, i.e. after 02:42 UTC Tuesday
    columns = rows.Columns(120, ("Asia/Jakarta", "UTC"))
    before = rows.moment_of(tl.by_id["scheduled"])
    text = rows.row(late, before, columns).plain
    assert ">09:42 WIB" in text and ">02:42 UTC" in text
    assert "▸" not in text  # both already Tuesday at 00:00 UTC
    text = rows.row(late, None, columns).plain
    assert text.count("▸Tue") == 2


def test_marks_for_disagreement_are_characters() -> None:
    tl = timeline(SPACES)
    assert rows.flag(tl.by_id["start"]) == "!!"  # 20:42 vs about 20:45: no overlap
    assert rows.flag(tl.by_id["ddos-post"]) == "!"  # overlapping, different figures
    assert rows.flag(tl.by_id["end"]) == ""


def test_rows_fit_the_width_exactly() -> None:
    tl = timeline(SPACES)
    for width in (60, 80, 100, 160, 240):
        for zones in (("America/New_York", "Asia/Jakarta"), ("UTC",)):
            columns = rows.Columns(width, zones)
            head = rows.header(columns)
            line = rows.row(tl.events[3], None, columns)
            assert line.cell_len == head.cell_len
            assert line.cell_len <= max(width, 60 + 16)


def test_discrepancy_in_words() -> None:
    tl = timeline(SPACES)
    (time_disagreement,) = tl.by_id["start"].discrepancies
    assert discrepancy_words(time_disagreement) == (
        "AP: 20:42 EDT · CNBC (early version): about 20:45 ET · "
        "Tribunnews: about 40m after scheduled"
    )
    value = next(d for d in tl.by_id["peak"].discrepancies if d.aspect == "value")
    assert discrepancy_words(value) == (
        "AP: about 1.3M listeners · The Verge: about 1.4M listeners · "
        "CNBC (early version): 915k listeners"
    )


def test_index_narrows_as_you_type_and_widens_back() -> None:
    index = EventIndex(timeline(SPACES))
    fresh = {q: EventIndex(timeline(SPACES)).matching(q) for q in ("c", "co", "con", "x")}
    assert index.matching("c") == fresh["c"]
    assert index.matching("co") == fresh["co"]
    assert index.matching("con") == fresh["con"]
    assert index.matching("c") == fresh["c"]  # deleting a character widens again
    assert index.matching("x") == fresh["x"]
    metric = EventFilter("kind", "metric")
    with_filter = index.matching("x", metric)
    assert set(with_filter) < set(fresh["x"])
    assert index.matching("x") == fresh["x"]  # dropping the filter widens again


def test_index_choices_cover_kinds_sources_and_tags() -> None:
    index = EventIndex(timeline(SPACES))
    described = [c.describe() for c in index.choices()]
    assert "kind=metric" in described
    assert "source=tribun" in described
    assert "tag=outage" in described


def test_clean_makes_controls_visible() -> None:
    assert clean("a\x1b[31mb\x07") == "a␛[31mb␇"
    assert one_line("one\ntwo") == "one ⏎ two"
    assert clean("x\u202ey\u200b") == "x<U+202E>y<U+200B>"
    assert clean(None) == ""
    assert cell("abcdef", 4).plain == "abc…"
    assert cell("ab", 4, left=False).plain == "  ab"


def test_figures_as_text() -> None:
    tl = timeline(SPACES)
    assert delay_text(tl.delay) == "~40m–~45m"  # the hedges kept
    assert audience_text(tl.peak_audience) == "915k–1.4M listeners"
    assert delay_text(None) == "unknown"


def test_chart_without_figures_says_so() -> None:
    tl = timeline(DESANTIS)
    text = audience_chart(tl, 80, 20, "America/New_York").plain
    assert "Audience: listeners · 2 claims" in text
    assert "A " in text and "B " in text


def test_compare_puts_both_on_one_axis() -> None:
    text = compare_view(timeline(SPACES), timeline(DESANTIS), 120, ("America/New_York",)).plain
    axis = [line for line in text.splitlines() if line.startswith(("X Spaces", "Twitter Spaces"))]
    assert len(axis) == 2
    # T+0 is the same column on both rows
    assert axis[0].index("S", 16) == axis[1].index("S", 16) == 16
    # B (actual start) comes later on the X Spaces row: 41m against 26m
    assert axis[0].index("B", 16) > axis[1].index("B", 16)
    assert "T+0" in text


def _big_incident(path: Path, events: int) -> Path:
    lines = [
        "id: big",
        "title: Big",
        "summary: Many events.",
        "platform: X",
        'date: "2024-08-12"',
        "source_zone: EDT",
        "key_moments: {scheduled_start: e0}",
        "sources:",
        '  - {id: ap, publisher: AP, url: "https://example.com/a", language: en}',
        "events:",
    ]
    for i in range(events):
        minute = i % 1440
        day = 12 + i // 1440
        lines += [
            f"  - id: e{i}",
            f"    title: Event number {i}",
            "    kind: observation",
            "    claims:",
            "      - source: ap",
            f"        quote: quote {i}",
            f'        time: {{kind: exact, at: "2024-08-{day} {minute // 60:02d}:{minute % 60:02d}"}}',
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def test_many_events_no_widget_per_event(tmp_path: Path) -> None:
    big = _big_incident(tmp_path / "big.yaml", 3000)
    app = make_app(big)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, TimelineScreen)
        view = app.screen.query_one(TimelineView)
        assert view.row_count == 3000
        assert len(app.screen.query("*")) < 60
        await pilot.press("end")
        await wait_for(pilot, lambda: view.cursor == 2999, "the last row")
        assert view.selected is not None and view.selected.id == "e2999"
        assert "Event number 2999" in screen_text(pilot)
        await pilot.press("pageup")
        await wait_for(pilot, lambda: view.cursor < 2999, "a page up")
        await pilot.press("slash", "2", "9", "9", "9")
        await wait_for(pilot, lambda: view.row_count == 1, "the search applied")
        assert [view.timeline.events[p].id for p in view.positions] == ["e2999"]


def test_loading_reports_each_step() -> None:
    from tui.data import load_paths

    steps: list[str] = []
    loaded = load_paths([SPACES, SPACES.parent / "invalid"], steps.append)
    assert [entry.ok for entry in loaded] == [True, False]
    assert steps[0] == "Reading and checking spaces.yaml…"
    assert steps[1] == "Rebuilding the timeline of spaces.yaml (8 events)…"
    assert steps[2] == "Reading and checking broken.yaml…"
    assert len(steps) == 3  # an invalid file is not rebuilt


def test_chart_caps_the_lettered_claims(tmp_path: Path) -> None:
    lines = [
        "id: many-figures",
        "title: Many figures",
        "summary: Many audience figures.",
        "platform: X",
        'date: "2024-08-12"',
        "source_zone: EDT",
        "sources:",
        '  - {id: ap, publisher: AP, url: "https://example.com/a", language: en}',
        "events:",
    ]
    for i in range(100):
        lines += [
            f"  - id: m{i}",
            f"    title: Count {i}",
            "    kind: metric",
            "    claims:",
            "      - source: ap",
            f"        quote: {1000 + i} listeners",
            f'        time: {{kind: exact, at: "2024-08-12 20:{i % 60:02d}"}}',
            f"        value: {{amount: {1000 + i}, unit: listeners}}",
        ]
    path = tmp_path / "many.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = audience_chart(timeline(path), 100, 30, "America/New_York").plain
    assert "first 62 of 100" in text
    assert text.count(" — Count ") == 62


# --- times: an instant or a range, the way the export shows them ----------------------------


def test_rows_show_a_range_where_sources_disagree_never_a_middle() -> None:
    tl = timeline(SPACES)
    start = tl.by_id["start"]  # 20:35–20:47 EDT: the sources disagree
    zones = ("America/New_York", "Asia/Jakarta")
    need = rows.needs(tl.events, zones, "en")
    narrow = rows.row(start, None, rows.Columns(80, zones, need)).plain
    assert "20:35–20:47 EDT ▸Mon" in narrow  # both ends, at every width
    assert "WIB" not in narrow  # 80 columns: one zone; the context line and pane have both
    wide = rows.row(start, None, rows.Columns(140, zones, need)).plain
    assert "20:35–20:47 EDT" in wide and "07:35–07:47 WIB" in wide
    assert "T+35m–47m" in wide
    for text in (narrow, wide):
        assert "~20:41" not in text and "T~" not in text
        assert "▸Mon" in text  # the day marker stands at the range's start


def test_a_column_takes_what_its_cells_need() -> None:
    tl = timeline(DESANTIS)
    points = [item for item in tl.events if rows.shown(item).mark != "–"]
    need = rows.needs(points, ("America/New_York",), "en")
    assert need.clock < rows.CLOCK_MAX  # no range: no room kept for one
    assert rows.needs(tl.events, ("America/New_York",), "en").clock == rows.CLOCK_MAX
    assert rows.Columns(120, ("UTC",), need).zone < rows.Columns(120, ("UTC",)).zone


FOUR = ("America/New_York", "Asia/Jakarta", "UTC", "Europe/London")


def test_titles_keep_their_room_at_every_width_and_zone_count() -> None:
    for path in (SPACES, DESANTIS):
        tl = timeline(path)
        need = rows.needs(tl.events, FOUR, "en")
        for width in (80, 100, 120, 140, 160, 200):
            for count in (1, 2, 3, 4):
                columns = rows.Columns(width, FOUR[:count], need)
                assert columns.title >= rows.MIN_TITLE, (path.name, width, count)
                if width < rows.NARROW:
                    assert columns.zones == FOUR[:1] and columns.title >= rows.NARROW_TITLE
                if width >= 120:
                    assert columns.zones == FOUR[:count]  # four zones still fit at 120
                line = rows.row(tl.events[3], None, columns)
                assert line.cell_len == rows.header(columns).cell_len == width


def test_a_wider_window_never_shrinks_the_title() -> None:
    tl = timeline(SPACES)
    zones = ("America/New_York", "Asia/Jakarta")
    need = rows.needs(tl.events, zones, "en")
    layouts = [rows.Columns(width, zones, need) for width in range(60, 241)]
    assert min(c.title for c in layouts if c.width >= 80) >= rows.MIN_TITLE
    full = [c for c in layouts if c.width >= 160]  # every column at its full size from here
    assert all(c.kind == 12 and c.actor == 22 and c.zones == zones for c in full)
    assert [c.title for c in full] == list(range(full[0].title, full[0].title + len(full)))


def test_compact_clock_and_since() -> None:
    tl = timeline(SPACES)
    when = rows.shown(tl.by_id["peak"])  # 21:35–21:50 EDT
    ny = "America/New_York"
    assert rows.compact_clock(when, ny, "en", 11) == "21:35–21:50"
    assert rows.compact_clock(when, ny, "en", 8) == "21:35–50"
    assert rows.compact_clock(when, ny, "en", 6) == "21:35–"
    assert rows.compact_clock(when, ny, "id", 8) == "21.35–50"
    assert rows.aligned_clock(when, ny, "en", 11) == "21:35–21:50"
    assert rows.aligned_clock(rows.shown(tl.by_id["scheduled"]), ny, "en", 8) == "   20:00"
    scheduled = tl.scheduled_start
    assert rows.compact_since(when, scheduled, 13) == "T+1h35m–1h50m"
    assert rows.compact_since(when, scheduled, 9) == "T+1h35m–"
    assert rows.scheduled_start(tl.by_id["peak"]) == scheduled


def test_rows_stay_aligned_at_every_width() -> None:
    tl = timeline(SPACES)
    zones = ("America/New_York", "Asia/Jakarta")
    for width in (80, 100, 120, 140, 200):
        columns = rows.Columns(width, zones)
        head = rows.header(columns).plain
        if "Asia/Jakarta" not in columns.zones:
            assert width < rows.NARROW
            continue
        column = head.index("Jakarta")
        previous = None
        for item in tl.events:
            text = rows.row(item, previous, columns).plain
            previous = rows.moment_of(item) or previous
            assert text[column - 1] == " ", (width, text)  # nothing spills into the next zone
            assert text[: head.index("T+")].rstrip().endswith(("EDT", "WIB", "Tue", "given")), text


def test_detail_says_between_for_a_range() -> None:
    from tui.detail_text import event_detail, when_lines

    tl = timeline(SPACES)
    start = tl.by_id["start"]
    lines = when_lines(start, ("America/New_York", "Asia/Jakarta"), "en")
    assert lines == [
        "between Monday, 12 August 2024 20:35 and 20:47 EDT (sources disagree)",
        "between Tuesday, 13 August 2024 07:35 and 07:47 WIB (sources disagree)",
    ]
    text = event_detail(start, tl, ("America/New_York",)).plain
    assert "From scheduled start: T+35m–47m" in text
    assert "about" not in text.split("From scheduled start")[0].split("When:")[1]
    listeners = when_lines(tl.by_id["listeners-early"], ("America/New_York",), "en")
    assert listeners[0].startswith("about Monday, 12 August 2024 20:50 EDT")


def test_the_app_folds_text_with_the_same_function_as_validate() -> None:
    from incident import formatting
    from tui import safe

    assert safe.one_line is formatting.one_line


def test_a_day_without_a_clock_keeps_its_own_zone_label_in_every_column() -> None:
    # "on Saturday night" said in Chicago time (an IANA source zone): the UTC column must not
    # call it "night UTC"; the words are the source's, in its zone (CDT).
    from datetime import UTC, datetime

    from incident.timeline import DayWords, Shown

    start = datetime(2024, 6, 22, 23, 0, tzinfo=UTC)  # 18:00 CDT
    end = datetime(2024, 6, 23, 11, 0, tzinfo=UTC)  # 06:00 CDT the next day
    words = DayWords("2024-06-22", "night", "America/Chicago", "America/Chicago")
    when = Shown("d", start, end, words)
    columns = rows.Columns(160, ("UTC", "America/Chicago"))
    text = rows._zone_cell(when, None, "UTC", "en", columns, rows.RowStyles()).plain
    assert "CDT" in text and "UTC" not in text


def test_a_long_timeline_gets_the_widest_columns_unmeasured() -> None:
    tl = timeline(DESANTIS)
    points = [item for item in tl.events if rows.shown(item).mark != "–"]
    assert rows.needs(points, ("UTC",), "en").clock < rows.CLOCK_MAX
    many = points * (rows.NEEDS_SCAN // len(points) + 1)
    widest = rows.needs(many, ("UTC",), "en")  # no scan of 100,000 rows
    assert (widest.clock, widest.since) == (rows.CLOCK_MAX, rows.SINCE_MAX)
    assert widest.label == 3  # measured on a few instants at any length: "UTC"


def test_the_label_column_fits_the_widest_abbreviation_of_the_zones() -> None:
    tl = timeline(SPACES)
    assert rows.label_need(tl.events, ("America/New_York", "Asia/Jakarta")) == 3
    assert rows.label_need(tl.events, ("Australia/Sydney",)) == 4  # AEST / AEDT
    assert rows.label_need(tl.events, ("Asia/Kathmandu",)) == len("UTC+5:45")
    need = rows.needs(tl.events, ("Asia/Kathmandu",), "en")
    columns = rows.Columns(160, ("Asia/Kathmandu",), need)
    first = rows.row(tl.events[0], None, columns).plain
    assert "UTC+5:45 ▸Tue" in first  # whole, and a gap before the day


def test_the_chart_names_only_the_other_units_and_this_units_untimed_figures() -> None:
    from incident.pipeline import open_incident
    from tui.audience_chart import audience_chart, chart_units

    tl = open_incident(BUNDLED_X).timeline
    assert tl is not None
    units = chart_units(tl)
    assert len(units) > 1
    for index, unit in enumerate(units):
        text = audience_chart(tl, 120, 40, "UTC", "en", index).plain
        others = [u for u in units if u != unit]
        assert f"Also charted in other units: {', '.join(others)}" in text
        untimed = text.partition("No time given:")[2]
        for point in tl.metrics:
            if point.when is None and point.unit in units and point.unit != unit:
                assert point.unit not in untimed, (unit, point.unit)
