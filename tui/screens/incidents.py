"""The incident list the app starts from: date, scheduled start, delay, peak audience, sources."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from incident import formatting

from ..data import Loaded
from ..figures import audience_text, date_text, scheduled_text, timeline_delay_text
from ..header import TitleHeader
from ..safe import clean, one_line
from ..wrapped_text import hang
from .base import AppScreen, footer

# (label, width); the incident column takes what is left of the screen.
FIXED = (
    ("Date", 11),
    ("Scheduled", 13),  # Tue 07:00 WIB
    ("Delay", 10),  # ~40m–>54m
    ("Peak", 10),
    ("Src", 3),
    ("Status", 9),
)
PADDING = 1  # cells either side of every column
MIN_TITLE = 20


class IncidentListScreen(AppScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down", tooltip="Next incident"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up", tooltip="Previous incident"),
    ]

    DEFAULT_CSS = """
    IncidentListScreen DataTable { height: auto; max-height: 60%; }
    IncidentListScreen #summary { padding: 1 1; height: 1fr; }
    """

    def __init__(self, entries: list[Loaded]) -> None:
        super().__init__()
        self.entries = entries
        self.highlighted_row = 0  # the highlighted row, as the table last reported it

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        table: DataTable[Text] = DataTable(id="incidents", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(id="summary", markup=False)
        yield footer()

    def on_mount(self) -> None:
        self.title = "incident"
        self.sub_title = f"{formatting.plural(len(self.entries), 'incident file')} · Enter opens"
        self._fill()
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        self._fill()

    @on(events.ScreenResume)
    def show_files_as_read(self) -> None:
        """Redraw the rows from the files as last read: a save (or ``r``) while another screen
        was in front replaced an entry, and coming back must show it."""
        if self.query(DataTable):
            self._fill()

    @property
    def columns(self) -> tuple[tuple[str, int], ...]:
        """The fixed columns that leave the incident at least ``MIN_TITLE`` cells: the date
        gives way first (the scheduled start carries the day in every zone, the summary
        below the whole date)."""
        if self._title_room(FIXED) >= MIN_TITLE:
            return FIXED
        return tuple(c for c in FIXED if c[0] != "Date")

    def _title_room(self, columns: tuple[tuple[str, int], ...]) -> int:
        fixed = sum(w for _, w in columns) + 2 * PADDING * (len(columns) + 1) + 2
        return self.size.width - fixed

    @property
    def title_width(self) -> int:
        return max(16, self._title_room(self.columns))

    def _fill(self) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        keep = self.highlighted_row
        table.clear(columns=True)
        table.add_column("Incident", width=self.title_width, key="incident")
        shown = self.columns
        for label, width in shown:
            table.add_column(label, width=width, key=label)
        for number, entry in enumerate(self.entries):
            title, *rest = self._cells(entry)
            cells = dict(zip([label for label, _ in FIXED], rest, strict=True))
            row = [title, *(cells[label] for label, _ in shown)]
            table.add_row(*row, key=str(number), height=2)
        if self.entries:
            table.move_cursor(row=min(keep, len(self.entries) - 1))
        self._describe()

    def _cells(self, entry: Loaded) -> list[Text]:
        if entry.timeline is None:
            count = len(entry.errors)
            invalid = Text(f"✗ invalid\n{count} error{'s' if count != 1 else ''}", style="bold")
            return [self._two_lines(one_line(entry.shown)), *(Text("") for _ in range(5)), invalid]
        timeline = entry.timeline
        mode = self.incident_app.zone_mode(timeline)
        warnings = len(entry.warnings)
        status = f"✓ ok\n{warnings} warning{'s' if warnings != 1 else ''}" if warnings else "✓ ok"
        status_text = Text(status)
        return [
            self._two_lines(one_line(timeline.incident.title)),
            Text(date_text(timeline, mode.zones[0], self.incident_app.locale, weekday=False)),
            Text(scheduled_text(timeline, mode.zones, self.incident_app.locale, sep="\n")),
            Text(timeline_delay_text(timeline)),
            Text(audience_text(timeline.peak_audience, sep="\n")),
            Text(str(len(timeline.sources)), justify="right"),
            status_text,
        ]

    def _two_lines(self, text: str) -> Text:
        """``text`` wrapped onto at most two lines of the incident column (a path breaks after
        a ``/``, not mid-name; what does not fit ends in ``…``)."""
        width = self.title_width
        lines = hang(Text(text, end=""), width).split("\n")
        if len(lines) <= 2:
            return Text("\n").join(lines)
        second = Text(" ").join(line.copy() for line in lines[1:])
        second.truncate(width, overflow="ellipsis")
        return Text("\n").join([lines[0], second])

    @property
    def highlighted(self) -> Loaded | None:
        row = self.highlighted_row
        return self.entries[row] if 0 <= row < len(self.entries) else None

    @property
    def current_incident(self) -> Loaded | None:
        entry = self.highlighted
        return entry if entry is not None and entry.ok else None

    def _describe(self) -> None:
        entry = self.highlighted
        summary = self.query_one("#summary", Static)
        if entry is None:
            summary.update(Text("No incident files."))
            return
        out = Text(end="")
        if entry.timeline is None:
            out.append(one_line(entry.shown) + "\n", style="bold")
            out.append("This file is not a valid incident. Enter shows its errors:\n")
            for problem in entry.errors[:5]:
                out.append("  " + one_line(problem.render()) + "\n")
            summary.update(out)
            return
        timeline = entry.timeline
        incident = timeline.incident
        out.append(one_line(incident.title) + "\n", style="bold")
        out.append(f"{one_line(incident.platform)} · {one_line(entry.shown)}\n", style="dim")
        start = timeline.scheduled_start
        if start is not None:
            mode = self.incident_app.zone_mode(timeline)
            for zone in mode.zones:
                out.append("Scheduled: ", style="bold")
                out.append(formatting.long_date(start, zone, self.incident_app.locale) + "\n")
        disputed = sum(1 for e in timeline.events if e.disputed)
        counts = (
            formatting.plural(len(timeline.events), "event"),
            formatting.plural(len(timeline.sources), "source"),
            f"{disputed} with disagreeing sources",
            formatting.plural(len(timeline.causes), "claimed cause"),
        )
        out.append(" · ".join(counts) + "\n")
        out.append(clean(incident.summary) + "\n")
        summary.update(out)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.highlighted_row = event.cursor_row
        self._describe()
        if self.is_active:  # not when a redraw behind another screen moves the cursor
            self.publish_incident()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        entry = self.highlighted
        if entry is not None:
            self.incident_app.open_entry(entry)

    def action_cursor_down(self) -> None:
        for table in self.query(DataTable):  # none yet if a key comes before the list is up
            table.action_cursor_down()

    def action_cursor_up(self) -> None:
        for table in self.query(DataTable):
            table.action_cursor_up()

    def zones_changed(self) -> None:
        self._fill()
