"""The timeline: a Line API ScrollView that renders only the visible rows.

No widget per event: ``render_line`` formats the row under each screen line on demand and keeps
the result in an LRU cache, so a 100,000-event incident opens and scrolls as fast as a small one.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from incident.timeline import Timeline, TimelineEvent

from . import rows

LOOK_BACK = 64  # rows searched upwards for the previous timed event (day markers)


class TimelineView(ScrollView, can_focus=True):
    """Rows of one timeline, filtered to ``positions``, with a cursor."""

    DEFAULT_CSS = """
    TimelineView {
        background: $surface;
        height: 1fr;
        scrollbar-gutter: stable;
    }
    TimelineView > .timeline--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
    }
    TimelineView:focus > .timeline--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    TimelineView > .timeline--disputed {
        color: $text-warning;
        text-style: bold;
    }
    TimelineView > .timeline--approx {
        color: $text-muted;
        text-style: italic;
    }
    TimelineView > .timeline--day {
        color: $text-accent;
        text-style: bold;
    }
    TimelineView > .timeline--dim {
        color: $text-disabled;
    }
    TimelineView > .timeline--match {
        background: $warning-muted;
        text-style: bold underline;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline--cursor",
        "timeline--disputed",
        "timeline--approx",
        "timeline--day",
        "timeline--dim",
        "timeline--match",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False, id="timeline.up", tooltip="Previous event"),
        Binding(
            "down,j", "cursor_down", "Down", show=False, id="timeline.down", tooltip="Next event"
        ),
        Binding("pageup", "page_up", "Page up", show=False, id="timeline.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="timeline.page_down"),
        Binding("home", "first", "First", show=False, id="timeline.first"),
        Binding("end", "last", "Last", show=False, id="timeline.last"),
        Binding(
            "enter",
            "open",
            "Open",
            show=False,
            id="timeline.open",
            tooltip="Open the selected event's claims on a full screen",
        ),
    ]

    class Highlighted(Message):
        """The cursor moved to another event (or to none)."""

        def __init__(self, view: TimelineView, item: TimelineEvent | None) -> None:
            super().__init__()
            self.view = view
            self.item = item

    class Opened(Message):
        """Enter or a double click on an event."""

        def __init__(self, view: TimelineView, item: TimelineEvent) -> None:
            super().__init__()
            self.view = view
            self.item = item

    def __init__(
        self,
        timeline: Timeline,
        zones: tuple[str, ...],
        locale: str = "en",
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.timeline = timeline
        self.zones = zones
        self.locale = locale
        self.positions: list[int] = list(range(len(timeline.events)))
        self.cursor = 0
        self.highlight = ""  # the search text, marked in the rows
        self.least = 0  # a title floor the screen asks for (the detail pane beside the rows)
        self.virtual_size = Size(0, len(self.positions) + 1)
        self._cache: LRUCache[tuple[int, bool, int, bool], Strip] = LRUCache(1024)
        self._need = rows.needs(timeline.events, zones, locale)
        self._columns = rows.Columns(0, zones, self._need)

    # --- data ---------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.positions)

    @property
    def selected(self) -> TimelineEvent | None:
        if not self.positions:
            return None
        return self.timeline.events[self.positions[self.cursor]]

    def set_positions(self, positions: list[int], highlight: str = "") -> None:
        """Show only these events (positions in ``timeline.events``); keep the selection if kept."""
        current = self.positions[self.cursor] if self.positions else None
        self.positions = positions
        self.highlight = highlight
        self._cache.clear()
        cursor = 0
        if current is not None and positions:
            cursor = _index_of(positions, current)
        self.cursor = cursor
        self.virtual_size = Size(self.size.width, len(positions) + 1)
        self.scroll_to(y=max(0, cursor - self._visible_rows // 2), animate=False)
        self.refresh()
        self.post_message(self.Highlighted(self, self.selected))

    def set_timeline(self, timeline: Timeline) -> None:
        """Show ``timeline`` (the same file read again): every event, the cursor on the event
        it was on if that is still there (by id; else the same row), the scroll kept."""
        selected = self.selected
        self.timeline = timeline
        self.positions = list(range(len(timeline.events)))
        ids = [item.id for item in timeline.events]
        if selected is not None and selected.id in ids:
            self.cursor = ids.index(selected.id)
        else:
            self.cursor = min(self.cursor, max(0, len(self.positions) - 1))
        self._need = rows.needs(timeline.events, self.zones, self.locale)
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self.positions) + 1)
        self.refresh()

    def set_zones(self, zones: tuple[str, ...]) -> None:
        self.zones = zones
        self._need = rows.needs(self.timeline.events, zones, self.locale)
        self._cache.clear()
        self.refresh()

    def move_to(self, row: int) -> None:
        """Put the cursor on ``row`` (a line of the filtered list) and scroll it into view."""
        if not self.positions:
            return
        row = max(0, min(row, len(self.positions) - 1))
        old = self.cursor
        self.cursor = row
        self.refresh_line(old + 1)
        self.refresh_line(row + 1)
        self._scroll_cursor_into_view()
        if old != row:
            self.post_message(self.Highlighted(self, self.selected))

    @property
    def _visible_rows(self) -> int:
        """Screen lines for rows (the first line is the column header)."""
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_cursor_into_view(self) -> None:
        height = self._visible_rows
        top = int(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif height > 0 and self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    # --- actions ------------------------------------------------------------------------

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_page_up(self) -> None:
        self.move_to(self.cursor - max(1, self._visible_rows - 1))

    def action_page_down(self) -> None:
        self.move_to(self.cursor + max(1, self._visible_rows - 1))

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self.positions) - 1)

    def action_open(self) -> None:
        item = self.selected
        if item is not None:
            self.post_message(self.Opened(self, item))

    async def _on_click(self, event: events.Click) -> None:
        if event.y == 0:
            return
        row = int(self.scroll_offset.y) + event.y - 1
        if 0 <= row < len(self.positions):
            self.move_to(row)
            if event.chain >= 2:
                self.action_open()

    # --- rendering ----------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self.virtual_size = Size(event.size.width, len(self.positions) + 1)
        # Fewer lines (the search box opened, the window shrank): keep the selection in view.
        self.call_after_refresh(self._scroll_cursor_into_view)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def on_focus(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._cache.clear()
        self.refresh()

    def _previous_moment(self, row: int) -> datetime | None:
        events_ = self.timeline.events
        for back in range(row - 1, max(-1, row - 1 - LOOK_BACK), -1):
            moment = rows.moment_of(events_[self.positions[back]])
            if moment is not None:
                return moment
        return None

    def columns(self, width: int | None = None, least: int | None = None) -> rows.Columns:
        """The row layout at ``width`` (by default the view's own), with the title floor
        ``least`` (by default the view's own: higher with the detail pane beside)."""
        width = self.scrollable_content_region.width if width is None else width
        least = self.least if least is None else least
        columns = self._columns
        if (
            columns.width != width
            or columns.display != self.zones
            or columns.need != self._need
            or columns.least != least
        ):
            columns = rows.Columns(width, self.zones, self._need, least)
            if width == self.scrollable_content_region.width:
                self._columns = columns
        return columns

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        columns = self.columns(width)
        if y == 0:
            head = rows.header(columns)
            head.truncate(width, pad=True)
            # Text.render ignores Text.style: put the base style in a span, under the others.
            head.stylize_before(base + Style(bold=True, underline=True))
            return Strip(head.render(self.app.console), head.cell_len).crop_extend(0, width, base)
        row = int(self.scroll_offset.y) + y - 1
        if row >= len(self.positions) or width <= 0:
            return Strip.blank(max(width, 0), base)
        key = (self.positions[row], row == self.cursor, width, self.has_focus)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        styles = rows.RowStyles(
            base=base,
            disputed=self.get_component_rich_style("timeline--disputed"),
            approx=self.get_component_rich_style("timeline--approx"),
            day=self.get_component_rich_style("timeline--day"),
            dim=self.get_component_rich_style("timeline--dim"),
        )
        item = self.timeline.events[self.positions[row]]
        text = rows.row(
            item,
            self._previous_moment(row),
            columns,
            self.locale,
            styles,
        )
        text.truncate(width, pad=True)
        text.stylize_before(base)
        if self.highlight.strip():
            style = self.get_component_rich_style("timeline--match")
            text.highlight_words([self.highlight], style, case_sensitive=False)
        if row == self.cursor:
            text.stylize(self.get_component_rich_style("timeline--cursor"))
        strip = Strip(text.render(self.app.console), text.cell_len).crop_extend(0, width, base)
        self._cache[key] = strip
        return strip


def _index_of(positions: list[int], position: int) -> int:
    """The row showing ``position``, or the nearest row after it (positions are sorted)."""
    from bisect import bisect_left

    at = bisect_left(positions, position)
    return min(at, len(positions) - 1)
