"""One figure, one wording: an incident's delay reads the same, hedges included, in the list,
the timeline, compare and the export (one formatter, a compact and a long style)."""

from __future__ import annotations

from textual.widgets import Static
from tui_helpers import BUNDLED_DESANTIS, BUNDLED_X, make_app, ready, screen_text, shows, wait_for

from incident import formatting
from incident.export.markdown import render_postmortem
from incident.pipeline import open_incident
from incident.view_options import ViewOptions
from tui.screens.compare import CompareScreen
from tui.screens.incidents import IncidentListScreen
from tui.screens.timeline import TimelineScreen


def test_compact_and_long_keep_the_same_hedges() -> None:
    timeline = open_incident(BUNDLED_X).timeline
    assert timeline is not None and timeline.delay is not None
    assert formatting.duration_span(timeline.delay) == "about 40m to more than 54m"
    assert formatting.duration_span(timeline.delay, compact=True) == "~40m–>54m"


async def test_the_delay_reads_the_same_in_list_timeline_compare_and_export() -> None:
    timeline = open_incident(BUNDLED_X).timeline
    assert timeline is not None and timeline.delay is not None
    compact = formatting.duration_span(timeline.delay, compact=True)
    long = formatting.duration_span(timeline.delay)
    assert compact[0] in "~≥>≤<" and long.startswith(("about", "at least", "more than"))

    exported = render_postmortem(timeline, ViewOptions(), "x-spaces-2024")
    assert long in exported  # the export: the long style

    app = make_app(BUNDLED_X, BUNDLED_DESANTIS)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await shows(pilot, IncidentListScreen)
        assert compact in screen_text(pilot)  # the list

        await pilot.press("enter")
        screen = await shows(pilot, TimelineScreen)
        context = screen.query_one("#context", Static)
        await wait_for(pilot, lambda: compact in str(context.content), "the context line")
        assert f"delay {compact}" in screen_text(pilot)  # the timeline

        await pilot.press("c")
        await shows(pilot, CompareScreen)
        text = screen_text(pilot)
        assert "Delay to start" in text and compact in text  # compare
