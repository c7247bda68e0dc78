"""One incident's timeline: the rows, a status line, the detail pane and the search box."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Static

from incident import formatting
from incident.timeline import Timeline, TimelineEvent

from .. import rows
from ..data import Loaded
from ..detail_text import citation, event_detail
from ..figures import delay_text
from ..header import TitleHeader
from ..safe import one_line
from ..search import EventFilter, EventIndex
from ..timeline_view import TimelineView
from ..wrapped_text import WrappedText
from .base import AppScreen, footer
from .dialogs import CLEAR_FILTER, FilterDialog

LEGENDS = (  # the status line's key to the rows, the longest that fits (help has them all)
    "!! conflict · ! variance · ~about >after <before · 20:13–20:30 range · 21:20→21:28 lasts"
    " · ▸ new day",
    "!! conflict · ! variance · ~about >after <before · ? legend",
    "? legend",
)
DETAIL_SHARE = 0.4  # of the width, for the detail pane beside the rows
DETAIL_MIN = 40


class TimelineScreen(AppScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "back",
            "Back",
            show=False,  # the footer is full at 80 columns; ? and the palette list it
            id="timeline.back",
            tooltip="Clear the search, then the filter, then go back to the incident list",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            id="timeline.search",
            tooltip="Search titles, quotes and actors as you type",
            # Checked before the key reaches a widget, so the keys typed right after "/" go
            # to the search box and are not read as commands (s, g, c...).
            priority=True,
        ),
        Binding(
            "f", "filter", "Filter", id="timeline.filter", tooltip="Filter by kind, source or tag"
        ),
        Binding(
            "d",
            "next_disagreement",
            "Disagree",
            id="timeline.next_disagreement",
            tooltip="Jump to the next event whose sources disagree",
        ),
        Binding(
            "p",
            "toggle_detail",
            "Pane",
            show=False,  # the footer is full at 80 columns; ? and the palette list it
            id="timeline.toggle_detail",
            tooltip="Hide the detail pane to give the rows the whole screen, or show it again",
        ),
        Binding(
            "y",
            "copy_citation",
            "Copy",
            show=False,  # kept out of the footer so q and ? fit at 80 columns
            id="timeline.copy",
            tooltip="Copy the selected event's citation (OSC 52)",
        ),
    ]

    DEFAULT_CSS = """
    TimelineScreen #body { height: 1fr; }
    TimelineScreen.-no-detail #detail { display: none; }
    TimelineScreen.-wide #body { layout: horizontal; }
    TimelineScreen #rows { height: 1fr; }
    TimelineScreen.-narrow #rows { height: 3fr; }
    TimelineScreen #context { height: 1; padding: 0 1; color: $text-accent; }
    TimelineScreen #status { height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    TimelineScreen #detail { height: 2fr; border-top: solid $primary; padding: 0 1; }
    TimelineScreen.-wide #detail {
        height: 1fr; width: 40%; border-top: none; border-left: solid $primary;
    }
    TimelineScreen #search {
        display: none; border: none; height: 1; padding: 0 1;
        background: $boost;
    }
    """

    def __init__(self, entry: Loaded) -> None:
        super().__init__()
        assert entry.timeline is not None
        self.entry = entry
        self.timeline: Timeline = entry.timeline
        self._index: EventIndex | None = entry.index
        self.query_text = ""
        self.event_filter: EventFilter | None = None
        self.show_detail = True  # p hides the pane (the rows take the whole screen)

    @property
    def current_incident(self) -> Loaded | None:
        return self.entry

    @property
    def index(self) -> EventIndex:
        """The search index; built in a worker after first paint, or now if asked for first."""
        if self._index is None:
            self._index_ready(EventIndex(self.timeline))
        assert self._index is not None
        return self._index

    @work(thread=True, exclusive=True, group="index")
    def _build_index(self) -> None:
        index = EventIndex(self.timeline)
        self.app.call_from_thread(self._index_ready, index)

    def _index_ready(self, index: EventIndex) -> None:
        if self._index is None:
            self._index = index
            self.entry.index = index

    @property
    def view(self) -> TimelineView:
        return self.query_one(TimelineView)

    def compose(self) -> ComposeResult:
        app = self.incident_app
        mode = app.zone_mode(self.timeline)
        yield TitleHeader()
        search = Input(
            placeholder="search titles, quotes, actors (Enter keeps, Esc clears)", id="search"
        )
        search.cursor_blink = app.cursor_blink
        with Vertical(id="body"):
            with Vertical(id="rows"):
                yield Static(id="context", markup=False)
                yield TimelineView(self.timeline, mode.zones, app.locale, id="timeline")
                yield search
                yield Static(id="status", markup=False)
            with VerticalScroll(id="detail"):
                yield WrappedText(id="detail-text")
        yield footer()

    def on_mount(self) -> None:
        self.title = one_line(self.timeline.incident.title)
        self._update_subtitle()
        self._place_detail()
        self.view.focus()
        self._show(self.view.selected)
        if self._index is None:
            self._build_index()

    def on_resize(self) -> None:
        self._place_detail()

    def detail_beside(self, width: int) -> bool:
        """The detail pane goes beside the rows only where the rows keep every display zone and
        a readable title (``rows.NARROW_TITLE``); else below them."""
        side = max(DETAIL_MIN, int(width * DETAIL_SHARE))
        # the pane's border and the scrollbar; laid out as it would be beside the pane
        columns = self.view.columns(width - side - 3, least=rows.NARROW_TITLE)
        return columns.zones == self.view.zones and columns.title >= rows.NARROW_TITLE

    def _place_detail(self) -> None:
        beside = self.detail_beside(self.size.width)
        least = rows.NARROW_TITLE if beside and self.show_detail else 0
        if self.view.least != least:
            self.view.least = least
            self.view.refresh()
        self.set_class(beside, "-wide")
        self.set_class(not beside, "-narrow")
        self.set_class(not self.show_detail, "-no-detail")
        self.call_after_refresh(self._refit_status)

    def action_toggle_detail(self) -> None:
        self.show_detail = not self.show_detail
        self._place_detail()
        self.view.refresh()

    def show_entry(self, entry: Loaded) -> None:
        """Show ``entry`` (its file read again) in place of the timeline shown: the same
        search, filter and pane, the same event selected if it is still there, the same
        scroll. Nothing is built again but the rows' data, so a save shows at once."""
        assert entry.timeline is not None
        view = self.view
        scroll_y = view.scroll_offset.y
        self.entry = entry
        self.timeline = entry.timeline
        self._index = entry.index
        self.title = one_line(self.timeline.incident.title)
        view.set_timeline(self.timeline)  # keeps the selected event
        if self.query_text or self.event_filter is not None:
            self._apply()  # keeps it too, where the search and filter still show it
        elif self._index is None:
            self._build_index()
        view.scroll_to(y=scroll_y, animate=False, immediate=True)
        view.move_to(view.cursor)  # in view, if the scroll alone does not show it
        self._place_detail()
        self._show(view.selected)

    def _update_subtitle(self) -> None:
        """The zones shown; where the rows have room for fewer of them (below 100 columns),
        which ones the rows show (the context line and the detail pane show every zone)."""
        mode = self.incident_app.zone_mode(self.timeline)
        heading = mode.heading
        if self.is_mounted and self.view.size.width:
            shown = self.view.columns().zones
            if len(shown) < len(mode.zones):  # "rows: UTC · also Jakarta · Sydney"
                rest = [rows.zone_name(zone) for zone in mode.zones if zone not in shown]
                heading = "rows: " + " · ".join(rows.zone_name(zone) for zone in shown)
                heading += " · also " + " · ".join(rest)
        self.sub_title = heading

    # --- the selected event ---------------------------------------------------------------

    @on(TimelineView.Highlighted)
    def _highlighted(self, message: TimelineView.Highlighted) -> None:
        self._show(message.item)

    @on(TimelineView.Opened)
    def _opened(self, message: TimelineView.Opened) -> None:
        from .detail import DetailScreen

        self.app.push_screen(DetailScreen(self.entry, message.item))

    def _show(self, item: TimelineEvent | None) -> None:
        detail = self.query_one("#detail-text", Static)
        mode = self.incident_app.zone_mode(self.timeline)
        if item is None:
            detail.update(Text("No event matches the search and filter."))
        else:
            detail.update(event_detail(item, self.timeline, mode.zones, self.incident_app.locale))
        self.query_one("#detail", VerticalScroll).scroll_home(animate=False)
        self.query_one("#context", Static).update(self.context_line(item))
        self._update_status()

    def context_line(self, item: TimelineEvent | None) -> Text:
        """The selected event's day in every display zone (``Mon 12 Aug EDT · Tue 13 Aug
        WIB``), or that it has no time, and the delay to the start, hedges kept."""
        mode = self.incident_app.zone_mode(self.timeline)
        moment = None if item is None else rows.moment_of(item)
        if item is None:
            parts = []
        elif moment is None:
            parts = [f"{rows.NO_TIME}: kept where the file puts it"]
        else:
            locale = self.incident_app.locale
            parts = [
                " · ".join(
                    formatting.local(moment, zone).format("ddd D MMM", locale=locale)
                    + " "
                    + formatting.abbreviation(moment, zone)
                    for zone in mode.zones
                )
            ]
        if self.timeline.delay is not None:
            parts.append(f"delay {delay_text(self.timeline.delay)}")
        return Text("  │  ".join(parts), no_wrap=True, overflow="ellipsis")

    def _refit_status(self) -> None:
        """The legend that fits the rows' width, once the layout has it."""
        if self.is_attached and self.query("#status"):
            self._update_status()
            self._update_subtitle()

    def _update_status(self) -> None:
        view = self.view
        total = len(self.timeline.events)
        parts = [
            f"{view.row_count} of {total} events" if view.row_count != total else f"{total} events"
        ]
        if view.row_count:
            parts.insert(0, f"{view.cursor + 1}/{view.row_count}")
        if self.query_text:
            parts.append(f"search “{one_line(self.query_text)}”")
        if self.event_filter is not None:
            gone = (
                not view.row_count
                and self._index is not None
                and self.event_filter not in self._index.choices()
            )
            shown = one_line(self.event_filter.describe())
            parts.append(
                f"filter {shown}" + (" (no longer in the file; Esc clears)" if gone else "")
            )
        status = self.query_one("#status", Static)
        width = status.content_region.width or self.app.size.width
        text = " · ".join(parts)
        for legend in LEGENDS:
            if cell_len(text) + 3 + cell_len(legend) <= width:
                text = f"{text} · {legend}"
                break
        status.update(Text(text, no_wrap=True, overflow="ellipsis"))

    # --- search and filter ------------------------------------------------------------------

    def _apply(self) -> None:
        self.view.set_positions(
            self.index.matching(self.query_text, self.event_filter), highlight=self.query_text
        )
        self._update_status()

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus:  # "/" typed in the box is part of the search
            search.insert_text_at_cursor("/")
            return
        search.display = True
        self.set_focus(search)  # now, not via call_later: the next key must reach the box

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._apply()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        if not event.value:
            event.input.display = False
        self.set_focus(self.view)

    def action_back(self) -> None:
        """Esc unwinds one step at a time: the search, then the filter, then back."""
        search = self.query_one("#search", Input)
        if search.has_focus or self.query_text or search.display:
            search.value = ""
            search.display = False
            self.query_text = ""
            self.set_focus(self.view)
            self._apply()
            return
        if self.event_filter is not None:
            self.event_filter = None
            self._apply()
            return
        super().action_back()

    def action_filter(self) -> None:
        def chosen(result: EventFilter | str | None) -> None:
            if result is None or (result != CLEAR_FILTER and not isinstance(result, EventFilter)):
                return
            self.event_filter = result if isinstance(result, EventFilter) else None
            self._apply()

        self.app.push_screen(FilterDialog(self.index.choices(), self.event_filter), chosen)

    def action_next_disagreement(self) -> None:
        view = self.view
        positions = view.positions
        events = self.timeline.events
        count = len(positions)
        for step in range(1, count + 1):
            row = (view.cursor + step) % count
            if events[positions[row]].disputed:
                view.move_to(row)
                return
        self.notify("No event in view has disagreeing sources.", markup=False)

    def action_copy_citation(self) -> None:
        item = self.view.selected
        if item is None:
            self.notify("Nothing selected to copy.", markup=False, severity="warning")
            return
        mode = self.incident_app.zone_mode(self.timeline)
        self.incident_app.copy_citation(citation(item, mode.zones[0]))

    def zones_changed(self) -> None:
        mode = self.incident_app.zone_mode(self.timeline)
        self.view.set_zones(mode.zones)
        self._place_detail()
        self._update_subtitle()
        self._show(self.view.selected)
