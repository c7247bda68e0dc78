"""The header line: a screen's title and subtitle fitted to the terminal's width.

Textual's header centres ``title — subtitle`` and cuts the end, so a long incident title
hid the subtitle (which zone the times are in) at 80 columns. Here the title gives way first,
down to ``MIN_TITLE`` cells, and only then the subtitle.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

HEADER_CHROME = 18
"""Cells of the header that are not the title: the icon (8) and the clock's space (10)."""
MIN_TITLE = 20
SEPARATOR = " — "
MIN_SUBTITLE = 8


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, ending in ``…`` when it was longer."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    return set_cell_size(text, width - 1).rstrip() + "…"


def fit_title(title: str, sub_title: str, width: int) -> tuple[str, str]:
    """The title and subtitle to show in a header ``width`` cells wide: both whole when they
    fit; else the title cut (never below ``MIN_TITLE`` cells) so the subtitle stays whole;
    else the subtitle cut too, or dropped when too little of it would be left."""
    room = max(0, width - HEADER_CHROME)
    if not sub_title:
        return cut(title, room), ""
    gap = cell_len(SEPARATOR)
    if cell_len(title) + gap + cell_len(sub_title) <= room:
        return title, sub_title
    shorter = cut(title, max(MIN_TITLE, room - gap - cell_len(sub_title)))
    left = room - cell_len(shorter) - gap
    if left < MIN_SUBTITLE:
        return cut(title, room), ""
    return shorter, cut(sub_title, left)
