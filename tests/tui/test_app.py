"""Pilot tests: every key of issue 3, the invalid file, mouse, locale and the command palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import DataTable, Input, OptionList, Static
from tui_helpers import DESANTIS, FIXTURES, INVALID, SPACES, make_app, ready, screen_text

from incident_cli import main
from tui.app import IncidentApp
from tui.screens.chart import ChartScreen
from tui.screens.compare import CompareScreen
from tui.screens.detail import DetailScreen
from tui.screens.dialogs import ConfirmDialog, ExportDialog, FilterDialog
from tui.screens.errors import ErrorsScreen
from tui.screens.help import HelpScreen, key_table
from tui.screens.incidents import IncidentListScreen
from tui.screens.sources import SourcesScreen
from tui.screens.timeline import TimelineScreen
from tui.timeline_view import TimelineView


def timeline_ids(app: IncidentApp) -> list[str]:
    view = app.screen.query_one(TimelineView)
    return [view.timeline.events[p].id for p in view.positions]


def selected_id(app: IncidentApp) -> str | None:
    item = app.screen.query_one(TimelineView).selected
    return None if item is None else item.id


# --- incident list -------------------------------------------------------------------------


async def test_list_shows_every_file_with_its_figures() -> None:
    app = make_app(FIXTURES)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, IncidentListScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 4  # desantis, hostile, invalid/broken, spaces
        text = screen_text(pilot)
        assert "40m–45m" in text  # delay of the Spaces fixture
        assert "915k–1.4M" in text  # peak audience range
        assert "25m–26m" in text
        assert "✗ invalid" in text
        assert "20:00 EDT" in text and "07:00 WIB" in text


async def test_list_summary_counts_in_words() -> None:
    app = make_app(DESANTIS, SPACES)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        summary = str(app.screen.query_one("#summary", Static).render())
        assert "· 1 claimed cause\n" in summary  # not "1 claimed causes"
        assert "events · " in summary


async def test_footer_keeps_quit_and_help_visible_at_80_columns() -> None:
    app = make_app(SPACES, DESANTIS)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert "q Quit" in screen_text(pilot) and "? Help" in screen_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        footer = screen_text(pilot).rstrip("\n").splitlines()[-1]
        for key in ("/ Search", "f Filter", "d Disagree", "z Zone", "e Export", "q Quit", "? Help"):
            assert key in footer, footer
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = str(app.screen.query_one("#help-text", Static).render())
        for hidden in ("Copy the selected event", "Audience figures over time", "Compare with"):
            assert hidden in help_text  # kept out of the footer, still listed in ? (and ctrl+p)
        assert "20:13–30" in help_text  # the legend for ranges


async def test_enter_opens_and_escape_goes_back() -> None:
    app = make_app(SPACES, DESANTIS)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.timeline.incident.id == "desantis-fixture"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, IncidentListScreen)
        await pilot.press("k", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.timeline.incident.id == "spaces-fixture"


async def test_invalid_file_opens_to_its_errors() -> None:
    app = make_app(INVALID)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, ErrorsScreen)
        text = screen_text(pilot)
        assert "broken.yaml:1:5: error[value]" in text
        assert "broken.yaml:10:11: error[value]: kind: 'nonsense'" in text
        assert "Traceback" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, IncidentListScreen)
        await pilot.press("enter")  # Enter on the invalid row shows the errors again
        await pilot.pause()
        assert isinstance(app.screen, ErrorsScreen)
        assert app.is_running


async def test_missing_path_is_an_error_entry_not_a_crash(tmp_path: Path) -> None:
    app = make_app(tmp_path / "nope.yaml")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, ErrorsScreen)
        assert "no such file or folder" in screen_text(pilot)


# --- timeline ------------------------------------------------------------------------------


async def test_rows_in_reconstructed_order_with_both_zones() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert timeline_ids(app) == [
            "trouble",  # only known to be before 20:00: before what happened at 20:00
            "scheduled",
            "ddos-post",
            "start",
            "listeners-early",
            "peak",
            "end",
            "views",
        ]
        text = screen_text(pilot)
        assert "20:00 EDT ▸Mon" in text  # the day in New York
        assert "07:00 WIB ▸Tue" in text  # is the next day in Jakarta
        assert "~20:50 EDT" in text  # about the instant the source names
        assert "20:35–47 EDT" in text  # sources disagree: a range, not a middle
        assert "~20:41" not in text  # (the middle no source named)
        assert "T+35m–47m" in text
        assert ">22:42 EDT" in text  # bounded
        assert "<20:00 EDT" in text
        assert "T>+2h42m" in text
        assert "!! " in text  # a conflict mark, not colour alone


async def test_arrows_and_jk_move_the_cursor() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert selected_id(app) == "trouble"
        await pilot.press("j", "j")
        assert selected_id(app) == "ddos-post"
        await pilot.press("down")
        assert selected_id(app) == "start"
        await pilot.press("k")
        assert selected_id(app) == "ddos-post"
        await pilot.press("up", "up", "up")  # stops at the top
        assert selected_id(app) == "trouble"
        await pilot.press("end")
        assert selected_id(app) == "views"
        await pilot.press("home")
        assert selected_id(app) == "trouble"


async def test_detail_pane_follows_the_cursor_and_names_the_disagreement() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("j", "j", "j")  # "Conversation finally starts"
        await pilot.pause()
        detail = str(app.screen.query_one("#detail-text", Static).render())
        assert "Conversation finally starts" in detail
        assert "AP: 20:42 EDT · CNBC (early version): about 20:45 ET" in detail
        assert "“The conversation began at 8:42 p.m.”" in detail
        assert "Translation: “the interview was 40 minutes late”" in detail
        assert "via Reuters" in detail
        assert "by Rebecca Picciotto" in detail
        assert "https://www.nbcnewyork.com/" in detail
        assert "“about 8:45 p.m. ET” → about 20:45 ET" in detail
        assert "20:43–20:47 EDT" in detail  # the interval the stated time became


async def test_enter_opens_the_event_on_its_own_screen() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("j", "j", "j", "j", "j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.item.id == "peak"
        assert "The Verge: about 1.4M listeners" in screen_text(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)


async def test_mouse_click_selects_and_double_click_opens() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.click(TimelineView, offset=(10, 3))  # line 0 is the column header
        await pilot.pause()
        assert selected_id(app) == "ddos-post"
        await pilot.double_click(TimelineView, offset=(10, 4))
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.item.id == "start"


async def test_z_cycles_the_display_zones() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(TimelineView)
        assert view.zones == ("America/New_York", "Asia/Jakarta")
        seen = []
        for _ in range(4):
            await pilot.press("z")
            await pilot.pause()
            seen.append(view.zones)
        assert seen == [
            ("America/New_York",),
            ("Asia/Jakarta",),
            ("UTC",),
            ("America/New_York", "Asia/Jakarta"),
        ]
        await pilot.press("z", "z", "z")
        await pilot.pause()
        text = screen_text(pilot)
        assert "00:00 UTC ▸Tue" in text
        assert "EDT" not in text.split("────")[0]
        assert app.screen.sub_title == "zone: UTC"


async def test_zone_option_replaces_the_display_zones() -> None:
    app = make_app(SPACES, zones=["UTC", "PT"])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(TimelineView)
        assert view.zones == ("UTC", "America/Los_Angeles")
        assert "17:00 PDT" in screen_text(pilot)


async def test_search_filters_as_you_type_and_escape_clears() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        search = app.screen.query_one("#search", Input)
        assert search.has_focus
        await pilot.press("c")
        counts = [len(timeline_ids(app))]
        await pilot.press("o", "n", "v")
        counts.append(len(timeline_ids(app)))
        await pilot.press("e", "r", "s", "a", "t", "i", "o", "n", " ", "f")
        counts.append(len(timeline_ids(app)))
        assert counts[0] > counts[1] > counts[2]
        assert timeline_ids(app) == ["start"]  # "Conversation finally starts"
        view = app.screen.query_one(TimelineView)
        marked = [
            seg.text
            for seg in view.render_line(1)
            if seg.style is not None and seg.style.underline and seg.style.bold
        ]
        assert marked == ["Conversation f"]  # the match is marked in the row
        await pilot.press("enter")  # keeps the search, back to the rows
        assert app.screen.query_one(TimelineView).has_focus
        assert timeline_ids(app) == ["start"]
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert len(timeline_ids(app)) == 8
        assert isinstance(app.screen, TimelineScreen)


async def test_keys_typed_right_after_slash_go_to_the_search() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        # all queued at once, as a fast typist or a paste delivers them ("s" must not open
        # the sources view); pilot.press would wait for idle between keys
        for key, char in [("slash", "/"), *((c, c) for c in "starts")]:
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.query_one("#search", Input).value == "starts"
        assert timeline_ids(app) == ["start"]
        await pilot.press("slash")  # a "/" in the box is text, not the search key
        assert app.screen.query_one("#search", Input).value == "starts/"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("DOWNDETECTOR", ["trouble"]),  # actor, any case
        ("tuned in", ["listeners-early"]),  # quote
        ("terlambat", ["start"]),  # quote in Indonesian
        ("40 minutes late", ["start"]),  # translation
        ("nothing like this", []),
    ],
)
async def test_search_reads_titles_quotes_and_actors(query: str, expected: list[str]) -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *[("space" if ch == " " else ch) for ch in query])
        await pilot.pause()
        assert timeline_ids(app) == expected
        if not expected:
            detail = str(app.screen.query_one("#detail-text", Static).render())
            assert "No event matches" in detail


async def choose_filter(pilot: object, label: str) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("f")
    await pilot.pause()
    assert isinstance(pilot.app.screen, FilterDialog)
    options = pilot.app.screen.query_one(OptionList)
    prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    index = next(i for i, p in enumerate(prompts) if p.strip(" ●") == label)
    options.highlighted = index
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("kind: metric", ["listeners-early", "peak", "views"]),
        ("source: tribun", ["scheduled", "start", "views"]),
        ("tag: outage", ["trouble", "ddos-post"]),
    ],
)
async def test_f_filters_by_kind_source_or_tag(label: str, expected: list[str]) -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await choose_filter(pilot, label)
        assert timeline_ids(app) == expected
        assert f"filter {label.replace(': ', '=')}" in screen_text(pilot)
        await choose_filter(pilot, "(show all events)")
        assert len(timeline_ids(app)) == 8


async def test_filter_and_search_combine() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await choose_filter(pilot, "kind: metric")
        await pilot.press("slash", "p", "e", "a", "k")
        await pilot.pause()
        assert timeline_ids(app) == ["peak"]


async def test_d_jumps_to_the_next_disagreement_and_wraps() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        jumps = []
        for _ in range(4):
            await pilot.press("d")
            jumps.append(selected_id(app))
        assert jumps == ["ddos-post", "start", "peak", "ddos-post"]


async def test_d_says_so_when_nothing_disagrees() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await choose_filter(pilot, "tag: end")
        await pilot.press("d")
        await pilot.pause()
        assert any("No event in view" in str(n.message) for n in app._notifications)


async def test_y_copies_the_selected_citation() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("j", "j", "j", "y")
        await pilot.pause()
        copied = app.clipboard
        assert copied.startswith("Conversation finally starts (20:35–20:47 EDT)")
        assert "- AP, “Elon Musk's Trump interview marred by technical glitches”" in copied
        assert "Rebecca Picciotto, 2024-08-13" in copied
        assert "https://m.tribunnews.com/" in copied


# --- other views ---------------------------------------------------------------------------


async def test_s_lists_every_source_with_the_events_it_backs() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        text = screen_text(pilot)
        for publisher in ("AP", "CNBC (early version)", "The Verge", "Tribunnews"):
            assert publisher in text
        assert "backs 5 events" in text  # AP
        assert "! 20:35–20:47 Conversation finally starts" in text  # a range, not ~20:41
        assert "cause: disputes “A massive distributed denial-of-service attack”" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)


async def test_g_draws_the_audience_chart() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ChartScreen)
        text = screen_text(pilot)
        assert "Audience: listeners · 4 claims" in text
        assert " A  ~20:50 EDT  more than 1M listeners  CNBC (early version)" in text
        assert "D  ~21:40 EDT  915k listeners" in text
        assert "░" in text  # the sources disagree about the peak
        assert "more than 1B views  Tribunnews" in text  # no time: listed, not plotted


async def test_c_compares_two_incidents_on_a_shared_axis() -> None:
    app = make_app(SPACES, DESANTIS)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("c")  # from the list: the highlighted incident
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        text = screen_text(pilot)
        assert "Delay to start" in text
        assert "40m–45m" in text and "25m–26m" in text
        assert "915k–1.4M listeners" in text and "300k–600k listeners" in text
        assert "[disputed] A massive distributed denial-of-service attack" in text
        assert "The Verge disputes" in text
        assert "T+0" in text


async def test_c_needs_a_second_incident() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert any("two incidents" in str(n.message) for n in app._notifications)


async def test_help_lists_every_key() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 50)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(pilot)
        for words in (
            "Search titles, quotes and actors",
            "Filter by kind, source or tag",
            "Jump to the next event whose sources disagree",
            "Cycle display zones",
            "Export this incident to Markdown",
            "Copy the selected event's citation",
            "Compare with another incident",
            "Audience figures over time",
            "Every source and the events it backs",
        ):
            assert words in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)


def test_every_binding_has_an_id_and_a_tooltip() -> None:
    for _group, bindings in key_table():
        for binding in bindings:
            if binding.action:
                assert binding.id, binding
                if binding.show:
                    assert binding.tooltip, binding


async def test_command_palette_offers_every_action() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in (
            "Search (/)",
            "Filter (f)",
            "Disagree (d)",
            "Copy (y)",
            "Zone (z)",
            "Sources (s)",
            "Chart (g)",
            "Compare (c)",
            "Export (e)",
            "Help (?)",
            "Quit (q)",
        ):
            assert title in titles
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Zone (z)")
        await command.callback()
        await pilot.pause()
        assert app.screen.query_one(TimelineView).zones == ("America/New_York",)


async def test_q_quits() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code in (0, None)


def test_open_refuses_an_unknown_zone(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["open", "--zone", "Mars/Olympus", str(SPACES)]) == 2
    assert "unknown time zone 'Mars/Olympus'" in capsys.readouterr().err


# --- locale --------------------------------------------------------------------------------


async def test_locale_id_writes_dates_the_indonesian_way() -> None:
    app = make_app(SPACES, DESANTIS, locale="id")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        # the Spaces fixture is highlighted first
        text = screen_text(pilot)
        assert "Selasa, 13 Agustus 2024 07.00 WIB" in text
        assert "Senin, 12 Agustus 2024 20.00 EDT" in text
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(pilot)
        assert "07.00 WIB ▸Sel" in text


# --- export --------------------------------------------------------------------------------


async def _export(pilot: object, path: Path) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ExportDialog)
    field = pilot.app.screen.query_one(Input)
    assert field.value == "spaces-fixture.md"
    field.value = str(path)
    await pilot.press("enter")
    await pilot.pause()


async def test_e_exports_to_the_path_asked_for(tmp_path: Path) -> None:
    pytest.importorskip("incident.export.markdown")
    target = tmp_path / "post-mortem.md"
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await _export(pilot, target)
        assert isinstance(app.screen, TimelineScreen)
        assert target.exists()
        assert "Musk–Trump X Space (test fixture)" in target.read_text(encoding="utf-8")
        assert any("Wrote" in str(n.message) for n in app._notifications)


@pytest.mark.parametrize(("answer", "overwritten"), [("n", False), ("escape", False), ("y", True)])
async def test_e_asks_before_overwriting(tmp_path: Path, answer: str, overwritten: bool) -> None:
    pytest.importorskip("incident.export.markdown")
    target = tmp_path / "existing.md"
    target.write_text("keep me\n", encoding="utf-8")
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await _export(pilot, target)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press(answer)
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        content = target.read_text(encoding="utf-8")
        assert (content != "keep me\n") is overwritten
        if not overwritten:
            assert any("Not written" in str(n.message) for n in app._notifications)


async def test_e_escape_cancels(tmp_path: Path) -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        field = app.screen.query_one(Input)
        field.value = ""
        await pilot.press("o", "u", "t", "slash", "s", "q")  # typed into the path, not commands
        assert field.value == "out/sq"
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)


async def test_export_failure_is_a_message_not_a_crash(tmp_path: Path) -> None:
    pytest.importorskip("incident.export.markdown")
    target = tmp_path / "no-such-folder" / "deeper" / "out.md"
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await _export(pilot, target)
        assert app.is_running
        assert isinstance(app.screen, TimelineScreen)
        assert any(n.severity == "error" or "Wrote" in str(n.message) for n in app._notifications)


async def test_no_arguments_opens_the_bundled_incidents() -> None:
    from incident.bundled import default_incident_paths

    paths = default_incident_paths()
    if not any(p.glob("*.yaml") for p in paths if p.is_dir()):
        pytest.skip("no bundled incidents yet")
    app = make_app(*paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, IncidentListScreen)
        assert len(app.entries) >= 2
        assert all(entry.ok for entry in app.entries), [e.problems for e in app.entries]
        text = screen_text(pilot)
        assert "X Spaces" in text or "Musk" in text
        assert "DeSantis" in text


async def test_c_asks_which_incident_when_there_are_several() -> None:
    from tui.screens.dialogs import PickIncidentDialog

    app = make_app(FIXTURES)  # desantis, hostile, invalid, spaces
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("j", "j", "j")  # the Spaces fixture
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, PickIncidentDialog)
        titles = [e.title for e in app.screen.entries]
        assert len(titles) == 2 and not any("Musk" in t for t in titles)  # valid others only
        await pilot.press("enter")  # the first: DeSantis
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.first.title.startswith("Musk")
        assert app.screen.second.title.startswith("DeSantis")


async def test_loading_screen_names_each_step() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        loading = app.screen_stack[0].query_one("#loading-text", Static)
        assert "Loading 1 path(s)" in str(loading.render()) or "spaces.yaml" in str(
            loading.render()
        )
        await ready(pilot)
        assert str(loading.render()) == "Rebuilding the timeline of spaces.yaml (8 events)…"
        assert isinstance(app.screen, TimelineScreen)
