"""``?``: every key of the app, read from the bindings themselves (so it cannot drift)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from ..safe import cell, one_line
from ..wrapped_text import WrappedText
from ..zone_modes import ZoneMode


def key_table() -> list[tuple[str, list[Binding]]]:
    from ..app import IncidentApp
    from ..timeline_view import TimelineView
    from .detail import DetailScreen
    from .incidents import IncidentListScreen
    from .timeline import TimelineScreen

    def bindings(owner: type) -> list[Binding]:
        return [b for b in getattr(owner, "BINDINGS", []) if isinstance(b, Binding)]

    focus = [
        Binding("tab", "", "Move to the next pane (rows, detail, search box)"),
        Binding("shift+tab", "", "Move to the previous pane"),
    ]
    return [
        ("Everywhere", bindings(IncidentApp) + focus),
        (
            "Incident list",
            [*bindings(IncidentListScreen), Binding("enter", "", "Open the incident")],
        ),
        ("Timeline", bindings(TimelineView) + bindings(TimelineScreen)),
        ("Event detail", bindings(DetailScreen)),
    ]


TIME_LEGEND = (  # how a time reads in the rows: the way the Markdown export writes it
    ("20:42", "the time the sources give"),
    ("~20:45", "about the time the sources name"),
    (">20:20 <20:00", "after / before that time"),
    ("20:13–20:30", "a range: a “between”, or sources that disagree"),
    ("21:20→21:28", "an event that lasts, from its start to its end"),
    ("Sat night", "a day or part of a day a source named, with no clock"),
    ("no time given", "no source gives a time: kept where the file puts it"),
    ("T+13m–30m", "from T+0 (the context line says which moment), the same way"),
    ("▸Tue", "the date changes in this zone (at a range's start)"),
    ("!!", "sources cannot all be right (on a time or a figure)"),
    ("!", "sources name different times or figures whose ranges overlap"),
)


KEY_NAMES = {  # the names people read on keyboards, not Textual's
    "slash": "/",
    "question_mark": "?",
    "escape": "Esc",
    "enter": "Enter",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "space": "Space",
}


def key_display(binding: Binding) -> str:
    """``↑/k``, ``PgUp``, ``Esc/?/q``: every key of a binding, as printed on keyboards."""
    if binding.key_display:
        return binding.key_display
    keys = [k.strip() for k in binding.key.split(",")]
    return "/".join(KEY_NAMES.get(k, k.replace("ctrl+", "Ctrl+")) for k in keys)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close", id="help.close", tooltip="Close help")
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 100; height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(
        self, zone_modes: Sequence[ZoneMode] = (), current: ZoneMode | None = None
    ) -> None:
        super().__init__()
        self.zone_modes = list(zone_modes)
        self.current_mode = current

    def compose(self) -> ComposeResult:
        out = Text(end="")
        out.append(
            "Keys (also in the command palette, ctrl+p).\n"
            "Mouse: click a row, double-click opens it, the wheel scrolls.\n",
            style="bold",
        )
        out.append("\nTimes\n", style="bold")
        for sign, words in TIME_LEGEND:
            out.append_text(cell(sign, 14))
            out.append(words + "\n")
        for group, bindings in key_table():
            out.append(f"\n{group}\n", style="bold")
            for binding in bindings:
                out.append_text(cell(key_display(binding), 14))
                out.append(binding.tooltip or binding.description)
                out.append("\n")
        if self.zone_modes:
            out.append("\nZones of this incident (z shows the next)\n", style="bold")
            for mode in self.zone_modes:
                out.append_text(cell("▸" if mode == self.current_mode else "", 2))
                out.append(one_line(mode.describe()) + "\n")
        with VerticalScroll():
            yield WrappedText(out, id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
