"""Untrusted file text made safe for the terminal.

Every string that comes from an incident file (titles, quotes, URLs, names) goes through
:func:`clean` or :func:`one_line` before it is shown, and is only ever placed in a
``rich.text.Text`` built from plain strings: never in a markup string, never through
``Text.from_ansi``. Control characters, bidi overrides and zero-width characters become
visible placeholders, so file text cannot style, link, act or drive the terminal.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from incident.formatting import one_line as one_line
from incident.formatting import visible


def clean(text: str | None) -> str:
    """File text with control and invisible characters made visible (newlines kept)."""
    if not text:
        return ""
    return visible(text.replace("\r\n", "\n").replace("\t", " "))


def plain(text: str, style: str | Style = "") -> Text:
    """A Text holding ``text`` literally (no markup is parsed)."""
    return Text(text, style=style, no_wrap=False, end="")


def cell(text: str, width: int, style: str | Style = "", *, left: bool = True) -> Text:
    """One fixed-width cell: truncated with an ellipsis, padded to ``width`` cells."""
    out = Text(text, style=style, no_wrap=True, overflow="ellipsis", end="")
    if width <= 0:
        return Text("", end="")
    out.truncate(width, overflow="ellipsis", pad=False)
    pad = width - out.cell_len
    if pad > 0:
        if left:
            out.append(" " * pad)
        else:
            out = Text(" " * pad, end="") + out
    return out
