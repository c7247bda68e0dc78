"""Spreadsheet cells that stay text: the guard against formula injection and control
characters, and its inverse.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some, a tab
or carriage return) as a formula: ``=HYPERLINK("http://evil", "click")`` in a quote would become
a live link. Every CSV cell we write goes through :func:`guard`, which puts a ``'`` in front of
such a cell (the spreadsheet convention for "this is text"; the ``'`` is not shown). A cell that
itself starts with ``'`` gets one too, so :func:`unguard` can take exactly one off on import and
every cell reads back as it was written.

The loader refuses raw control characters, but an escape in a double-quoted YAML scalar
(``"\\e[31m"``, ``"\\a"``) still puts one in the text, and a CSV cell is printed by ``cat`` and
pasted into sheets as it is. So :func:`guard` also writes every control character — C0 but tab
and line feed, DEL, C1 — as :func:`~incident.formatting.visible` shows it everywhere else: ESC as
``␛`` (U+241B), BEL as ``␇``, CR as ``␍``, C1 as ``\\x9b`` text. That one change is not undone
on import: the sheet carries the visible form, never the control.
"""

from __future__ import annotations

import re

from .formatting import visible

TRIGGERS = frozenset("=+-@\t\r'")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def guard(cell: str) -> str:
    """``=1+1`` → ``'=1+1``; ``-5m`` → ``'-5m``; ``\\x1b[31m`` → ``␛[31m``; other cells
    unchanged."""
    if not cell.isprintable():
        cell = _CONTROLS.sub(lambda found: visible(found.group()), cell)
    return "'" + cell if cell and cell[0] in TRIGGERS else cell


def unguard(cell: str) -> str:
    """The inverse of :func:`guard` for the formula guard: ``'=1+1`` → ``=1+1``; ``'tis`` stays
    ``'tis``."""
    if len(cell) >= 2 and cell[0] == "'" and cell[1] in TRIGGERS:
        return cell[1:]
    return cell
