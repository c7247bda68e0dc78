"""Pilot tests: every key of issue 3, the invalid file, mouse, locale and the command palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.command import CommandList, CommandPalette
from textual.widgets import DataTable, Input, OptionList, Static
from tui_helpers import (
    DESANTIS,
    FIXTURES,
    INVALID,
    SPACES,
    make_app,
    ready,
    screen_text,
    shows,
    wait_for,
)

from incident_cli import main
from tui.app import INCIDENT_ACTIONS, IncidentApp
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


def notified(app: IncidentApp, words: str) -> bool:
    return any(words in str(n.message) for n in app._notifications)


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
        assert "~40m–~45m" in text  # delay of the Spaces fixture
        assert "915k–1.4M" in text  # peak audience range
        assert "~25m–26m" in text
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
        await shows(pilot, TimelineScreen)
        keys = ("/ Search", "f Filter", "d Disagree", "z Zone", "e Export", "q Quit", "? Help")

        def footer() -> str:
            return screen_text(pilot).rstrip("\n").splitlines()[-1]

        await wait_for(pilot, lambda: all(key in footer() for key in keys), "the timeline's keys")
        await pilot.press("question_mark")
        await shows(pilot, HelpScreen)
        help_text = str(app.screen.query_one("#help-text", Static).render())
        for hidden in (
            "Copy the selected event",
            "The figures sources give (audience, reports, cancellations…) over time",
            "Compare with",
        ):
            assert hidden in help_text  # kept out of the footer, still listed in ? (and ctrl+p)
        assert "20:13–20:30" in help_text  # the legend for ranges


async def test_enter_opens_and_escape_goes_back() -> None:
    app = make_app(SPACES, DESANTIS)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("j", "enter")
        timeline = await shows(pilot, TimelineScreen)
        assert timeline.timeline.incident.id == "desantis-fixture"
        await pilot.press("escape")
        listed = await shows(pilot, IncidentListScreen)
        await pilot.press("k")
        await wait_for(pilot, lambda: listed.highlighted_row == 0, "the first row highlighted")
        await pilot.press("enter")
        timeline = await shows(pilot, TimelineScreen)
        assert timeline.timeline.incident.id == "spaces-fixture"


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
        await shows(pilot, IncidentListScreen)
        await pilot.press("enter")  # Enter on the invalid row shows the errors again
        await shows(pilot, ErrorsScreen)
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
        assert "20:35–20:47 EDT" in text  # sources disagree: a range (both ends), not a middle
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

        def detail_text() -> str:
            return str(app.screen.query_one("#detail-text", Static).render())

        await wait_for(pilot, lambda: "Conversation finally starts" in detail_text(), "its detail")
        detail = detail_text()
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
        detail = await shows(pilot, DetailScreen)
        assert detail.item.id == "peak"
        assert "The Verge: about 1.4M listeners" in screen_text(pilot)
        await pilot.press("escape")
        await shows(pilot, TimelineScreen)


async def test_mouse_click_selects_and_double_click_opens() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.click(TimelineView, offset=(10, 3))  # line 0 is the column header
        await wait_for(pilot, lambda: selected_id(app) == "ddos-post", "the clicked row selected")
        await pilot.double_click(TimelineView, offset=(10, 4))
        detail = await shows(pilot, DetailScreen)
        assert detail.item.id == "start"


async def test_z_cycles_the_display_zones() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(TimelineView)
        assert view.zones == ("America/New_York", "Asia/Jakarta")
        for zones in (
            ("America/New_York",),
            ("Asia/Jakarta",),
            ("UTC",),
            ("America/New_York", "Asia/Jakarta"),
        ):
            await pilot.press("z")
            await wait_for(pilot, lambda zones=zones: view.zones == zones, f"zones {zones}")
        await pilot.press("z", "z", "z")
        await wait_for(pilot, lambda: app.screen.sub_title == "zone: UTC", "the UTC zone mode")
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
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        await pilot.press("slash")
        search = screen.query_one("#search", Input)
        await wait_for(pilot, lambda: search.has_focus, "the search box focused")

        async def typed(*keys: str) -> int:
            await pilot.press(*keys)
            await wait_for(pilot, lambda: screen.query_text == search.value, "the search applied")
            return len(timeline_ids(app))

        counts = [await typed("c"), await typed("o", "n", "v")]
        counts.append(await typed("e", "r", "s", "a", "t", "i", "o", "n", "space", "f"))
        assert search.value == "conversation f"
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
        await wait_for(pilot, lambda: view.has_focus, "the rows focused")
        assert timeline_ids(app) == ["start"]
        await pilot.press("slash", "escape")
        await wait_for(pilot, lambda: len(timeline_ids(app)) == 8, "the search cleared")
        assert isinstance(app.screen, TimelineScreen)


async def test_keys_typed_right_after_slash_go_to_the_search() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        # all queued at once, as a fast typist or a paste delivers them ("s" must not open
        # the sources view); pilot.press would wait for idle between keys
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        search = screen.query_one("#search", Input)
        for key, char in [("slash", "/"), *((c, c) for c in "starts")]:
            app.post_message(events.Key(key, char))
        await wait_for(pilot, lambda: screen.query_text == "starts", "the six letters searched")
        assert app.screen is screen  # "s" did not open the sources
        assert search.value == "starts"
        assert timeline_ids(app) == ["start"]
        await pilot.press("slash")  # a "/" in the box is text, not the search key
        await wait_for(pilot, lambda: search.value == "starts/", "the / typed into the box")


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
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        await pilot.press("slash", *[("space" if ch == " " else ch) for ch in query])
        await wait_for(pilot, lambda: screen.query_text == query, "the search applied")
        assert timeline_ids(app) == expected
        if not expected:
            detail = str(app.screen.query_one("#detail-text", Static).render())
            assert "No event matches" in detail


async def choose_filter(pilot: object, label: str) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("f")
    dialog = await shows(pilot, FilterDialog)
    options = dialog.query_one(OptionList)
    prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    index = next(i for i, p in enumerate(prompts) if p.strip(" ●") == label)
    options.highlighted = index
    await pilot.press("enter")
    screen = await shows(pilot, TimelineScreen)
    wanted = None if label.startswith("(") else label.replace(": ", "=")
    await wait_for(
        pilot,
        lambda: (screen.event_filter and screen.event_filter.describe()) == wanted,
        f"the filter {label!r} applied",
    )


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
        await wait_for(pilot, lambda: timeline_ids(app) == ["peak"], "only the peak shown")


async def test_d_jumps_to_the_next_disagreement_and_wraps() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        for expected in ["ddos-post", "start", "peak", "ddos-post"]:
            await pilot.press("d")
            await wait_for(pilot, lambda e=expected: selected_id(app) == e, f"a jump to {expected}")


async def test_d_says_so_when_nothing_disagrees() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await choose_filter(pilot, "tag: end")
        await pilot.press("d")
        await wait_for(pilot, lambda: notified(app, "No event in view"), "the notification")


async def test_y_copies_the_selected_citation() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("j", "j", "j", "y")
        await wait_for(pilot, lambda: bool(app.clipboard), "the citation copied")
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
        await shows(pilot, SourcesScreen)
        text = screen_text(pilot)
        for publisher in ("AP", "CNBC (early version)", "The Verge", "Tribunnews"):
            assert publisher in text
        assert "backs 5 events" in text  # AP
        assert "!! 20:35–20:47 EDT Conversation finally starts" in text  # a range, not ~20:41
        assert "cause: disputes “A massive distributed denial-of-service attack”" in text
        await pilot.press("escape")
        await shows(pilot, TimelineScreen)


async def test_g_draws_the_audience_chart() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("g")
        await shows(pilot, ChartScreen)
        text = screen_text(pilot)
        assert "Audience: listeners · 4 claims" in text  # one unit with a time: no unit key
        assert " A  ~20:50 EDT  more than 1M listeners  CNBC (early version)" in text
        assert "D  ~21:40 EDT  915k listeners" in text
        assert "░" in text  # the sources disagree about the peak
        assert "more than 1B views  Tribunnews" in text  # no time: listed, not plotted


async def test_u_on_the_chart_switches_to_the_next_counted_unit() -> None:
    app = make_app(Path(__file__).parents[2] / "incidents" / "crowdstrike-2024.yaml")
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("g")
        await pilot.pause()
        first = screen_text(pilot)
        await pilot.press("u")
        await pilot.pause()
        second = screen_text(pilot)
        assert "(1 of " in first and "u: next" in first  # flights, share price, percentages…
        assert "(2 of " in second and first.splitlines()[1] != second.splitlines()[1]


async def test_c_compares_two_incidents_on_a_shared_axis() -> None:
    app = make_app(SPACES, DESANTIS)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("c")  # from the list: the highlighted incident
        await shows(pilot, CompareScreen)
        text = screen_text(pilot)
        assert "Delay to start" in text
        assert "~40m–~45m" in text and "~25m–26m" in text
        assert "915k–1.4M listeners" in text and "300k–600k listeners" in text
        assert "[disputed] A massive distributed denial-of-service attack" in text
        assert "The Verge disputes" in text
        assert "T+0" in text


async def test_c_needs_a_second_incident() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: notified(app, "two incidents"), "the notification")
        assert isinstance(app.screen, TimelineScreen)


async def test_help_lists_every_key() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 60)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await shows(pilot, HelpScreen)
        text = screen_text(pilot)
        for words in (
            "Search titles, quotes and actors",
            "Filter by kind, source or tag",
            "Jump to the next event whose sources disagree",
            "Cycle display zones",
            "Export this incident to Markdown",
            "Copy the selected event's citation",
            "Compare with another incident",
            "The figures sources give (audience, reports, cancellations…) over time",
            "Every source and the events it backs",
        ):
            assert words in text
        await pilot.press("escape")
        await shows(pilot, TimelineScreen)


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
        ):
            assert title in titles
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Zone (z)")
        await command.callback()
        view = app.screen.query_one(TimelineView)
        await wait_for(pilot, lambda: view.zones == ("America/New_York",), "the next zone mode")


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("chart", "Chart (g)"),
        ("zone", "Zone (z)"),
        ("sources", "Sources (s)"),
        ("compare", "Compare (c)"),
        ("export", "Export (e)"),
    ],
)
async def test_palette_opened_on_a_timeline_finds_its_commands(typed: str, title: str) -> None:
    """While the palette is open it is the screen in front: the commands that need an incident
    must still be offered (they are checked against app state, not the palette)."""
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        palette = await shows(pilot, CommandPalette)
        await pilot.press(*typed)
        commands = palette.query_one(CommandList)

        def prompts() -> list[str]:
            return [
                str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)
            ]

        await wait_for(pilot, lambda: any(title in p for p in prompts()), f"{title} offered")
        if typed != "chart":
            return
        commands.highlighted = next(i for i, p in enumerate(prompts()) if title in p)
        await pilot.press("enter")
        chart = await shows(pilot, ChartScreen)
        assert chart.entry is app.entries[0]


async def test_actions_are_checked_before_the_list_is_up() -> None:
    """The footer can ask ``check_action`` before the incident list has its table (under load
    this crashed at start-up with NoMatches): what s/g/c/e/z act on is app state, and the list
    answers from its own state, not from its widgets."""
    app = make_app(SPACES, DESANTIS)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        listed = IncidentListScreen(app.entries)
        app.push_screen(listed)  # in front now; composed only once the app runs again
        assert app.screen is listed and not listed.is_mounted
        assert listed.current_incident is app.entries[0]
        assert all(app.check_action(action, ()) for action in INCIDENT_ACTIONS)
        await shows(pilot, IncidentListScreen)
        assert app.incident is app.entries[0]


async def test_an_invalid_row_hides_what_needs_an_incident() -> None:
    app = make_app(FIXTURES)  # desantis, hostile, invalid, spaces
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        listed = app.screen
        assert isinstance(listed, IncidentListScreen)
        assert listed.active_bindings["s"].enabled
        await pilot.press("j", "j")
        await wait_for(pilot, lambda: listed.highlighted_row == 2, "the invalid row highlighted")
        assert app.incident is None
        assert not any(app.check_action(action, ()) for action in INCIDENT_ACTIONS)
        bindings = listed.active_bindings
        assert not bindings["s"].enabled and not bindings["e"].enabled  # dimmed in the footer
        await pilot.press("s")  # nothing to show the sources of
        await pilot.press("j")
        await wait_for(pilot, lambda: app.incident is app.entries[3], "the Spaces row in front")
        assert app.screen is listed


async def test_screens_behind_follow_the_zone_mode() -> None:
    app = make_app(SPACES, DESANTIS)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert "20:00 EDT" in screen_text(pilot)
        await pilot.press("enter")
        timeline = await shows(pilot, TimelineScreen)
        await pilot.press("z", "z")  # Jakarta alone
        await wait_for(pilot, lambda: timeline.view.zones == ("Asia/Jakarta",), "Jakarta alone")
        await pilot.press("escape")
        await shows(pilot, IncidentListScreen)
        text = screen_text(pilot)
        assert "07:00 WIB" in text and "20:00 EDT" not in text


async def test_q_quits() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("q")
        await wait_for(pilot, lambda: not app.is_running, "the app to end")
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
        await shows(pilot, TimelineScreen)
        text = screen_text(pilot)
        assert "07.00 WIB ▸Sel" in text


# --- export --------------------------------------------------------------------------------


async def _export(pilot: object, path: Path) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("e")
    dialog = await shows(pilot, ExportDialog)
    field = dialog.query_one(Input)
    assert field.value == "spaces-fixture.md"
    field.value = str(path)
    await pilot.press("enter")
    await wait_for(pilot, lambda: pilot.app.screen is not dialog, "the export dialog to close")


async def test_e_exports_to_the_path_asked_for(tmp_path: Path) -> None:
    pytest.importorskip("incident.export.markdown")
    target = tmp_path / "post-mortem.md"
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await _export(pilot, target)
        await wait_for(pilot, lambda: notified(app, "Wrote"), "the export")
        assert isinstance(app.screen, TimelineScreen)
        assert target.exists()
        assert "Musk–Trump X Space (test fixture)" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(("answer", "overwritten"), [("n", False), ("escape", False), ("y", True)])
async def test_e_asks_before_overwriting(tmp_path: Path, answer: str, overwritten: bool) -> None:
    pytest.importorskip("incident.export.markdown")
    target = tmp_path / "existing.md"
    target.write_text("keep me\n", encoding="utf-8")
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await _export(pilot, target)
        await shows(pilot, ConfirmDialog)
        await pilot.press(answer)
        outcome = "Wrote" if overwritten else "Not written"
        await wait_for(pilot, lambda: notified(app, outcome), f"the notification {outcome!r}")
        assert isinstance(app.screen, TimelineScreen)
        content = target.read_text(encoding="utf-8")
        assert (content != "keep me\n") is overwritten


async def test_e_escape_cancels(tmp_path: Path) -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        dialog = await shows(pilot, ExportDialog)
        field = dialog.query_one(Input)
        field.value = ""
        await pilot.press("o", "u", "t", "slash", "s", "q")  # typed into the path, not commands
        await wait_for(pilot, lambda: field.value == "out/sq", "the path typed")
        assert app.screen is dialog and app.is_running
        await pilot.press("escape")
        await shows(pilot, TimelineScreen)


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
        listed = app.screen
        assert isinstance(listed, IncidentListScreen)
        await pilot.press("j", "j", "j")  # the Spaces fixture
        await wait_for(pilot, lambda: listed.highlighted_row == 3, "the fourth row highlighted")
        await pilot.press("c")
        dialog = await shows(pilot, PickIncidentDialog)
        titles = [e.title for e in dialog.entries]
        assert len(titles) == 2 and not any("Musk" in t for t in titles)  # valid others only
        await pilot.press("enter")  # the first: DeSantis
        compare = await shows(pilot, CompareScreen)
        assert compare.first.title.startswith("Musk")
        assert compare.second.title.startswith("DeSantis")


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


async def test_an_invalid_files_own_screen_hides_what_needs_an_incident() -> None:
    from tui.screens.errors import ErrorsScreen

    app = make_app(INVALID)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await shows(pilot, ErrorsScreen)
        await wait_for(pilot, lambda: "s" not in screen.active_bindings, "s hidden")
        assert "e" not in screen.active_bindings
        assert "Sources" not in screen_text(pilot).splitlines()[-1]
