"""Zone modes come from the incident's display zones (or --zone): all together, each alone,
then UTC once — for any set of zones, not a fixed list."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import SPACES, make_app, ready, shows, wait_for

from incident.view_options import DisplayZone, ViewOptions
from tui.timeline_view import TimelineView
from tui.zone_modes import zone_modes

FOUR = ("UTC", "America/Los_Angeles", "America/New_York", "Asia/Jakarta")


def test_modes_are_all_together_each_alone_then_utc_once() -> None:
    names = [m.zones for m in zone_modes([DisplayZone.of(z) for z in FOUR])]
    assert names == [FOUR, *((z,) for z in FOUR)]  # UTC is already one of them
    two = zone_modes([DisplayZone.of("Europe/London"), DisplayZone.of("Asia/Jakarta")])
    assert [(m.name, m.zones) for m in two] == [
        ("both", ("Europe/London", "Asia/Jakarta")),
        ("London", ("Europe/London",)),
        ("WIB", ("Asia/Jakarta",)),
        ("UTC", ("UTC",)),
    ]
    assert [m.zones for m in zone_modes([DisplayZone.of("UTC")])] == [("UTC",)]


def test_labels_are_what_the_person_typed() -> None:
    options = ViewOptions.from_labels(["Europe/London", "WIB", "ET", "EDT"])
    assert [(z.zone, z.label) for z in options.zones] == [
        ("Europe/London", "Europe/London"),
        ("Asia/Jakarta", "WIB"),
        ("America/New_York", "ET"),  # EDT is the same column
    ]


def _four_zone_incident(tmp_path: Path) -> Path:
    text = SPACES.read_text(encoding="utf-8")
    old = "display_zones: [America/New_York, WIB]"
    assert old in text
    path = tmp_path / "four-zones.yaml"
    path.write_text(text.replace(old, f"display_zones: [{', '.join(FOUR)}]"), encoding="utf-8")
    return path


async def test_z_shows_each_of_four_display_zones_alone_and_all_together(tmp_path: Path) -> None:
    app = make_app(_four_zone_incident(tmp_path))
    async with app.run_test(size=(160, 40)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(TimelineView)
        assert view.zones == FOUR
        seen = []
        for _ in range(len(FOUR) + 1):
            before = view.zones
            await pilot.press("z")
            await wait_for(pilot, lambda before=before: view.zones != before, "the next zone mode")
            seen.append(view.zones)
        assert seen == [*((z,) for z in FOUR), FOUR]


async def test_zone_flags_cycle_through_their_own_zones() -> None:
    app = make_app(SPACES, zones=["Europe/London", "WIB"])
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(TimelineView)
        assert view.zones == ("Europe/London", "Asia/Jakarta")
        seen = []
        for _ in range(4):
            before = view.zones
            await pilot.press("z")
            await wait_for(pilot, lambda before=before: view.zones != before, "the next zone mode")
            seen.append(view.zones)
        assert seen == [
            ("Europe/London",),
            ("Asia/Jakarta",),
            ("UTC",),
            ("Europe/London", "Asia/Jakarta"),
        ]
        assert app.screen.sub_title == "zones: London · Jakarta"


async def test_help_names_the_zones_z_cycles_through(tmp_path: Path) -> None:
    from textual.widgets import Static

    from tui.screens.help import HelpScreen

    app = make_app(_four_zone_incident(tmp_path))
    async with app.run_test(size=(120, 60)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        help_screen = await shows(pilot, HelpScreen)  # mounted, not only pushed
        text = str(help_screen.query_one("#help-text", Static).render())
        assert "▸ all 4 (UTC, America/Los_Angeles, America/New_York, Asia/Jakarta)" in text
        for line in ("Los Angeles (America/Los_Angeles)", "WIB (Asia/Jakarta)", "UTC (UTC)"):
            assert line in text
