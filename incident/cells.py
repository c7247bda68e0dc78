"""Spreadsheet cells that stay text: the guard against formula injection, and its inverse.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some, a tab
or carriage return) as a formula: ``=HYPERLINK("http://evil", "click")`` in a quote would become
a live link. Every CSV cell we write goes through :func:`guard`, which puts a ``'`` in front of
such a cell (the spreadsheet convention for "this is text"; the ``'`` is not shown). A cell that
itself starts with ``'`` gets one too, so :func:`unguard` can take exactly one off on import and
every cell reads back as it was written.
"""

from __future__ import annotations

TRIGGERS = frozenset("=+-@\t\r'")


def guard(cell: str) -> str:
    """``=1+1`` → ``'=1+1``; ``-5m`` → ``'-5m``; other cells unchanged."""
    return "'" + cell if cell and cell[0] in TRIGGERS else cell


def unguard(cell: str) -> str:
    """The inverse of :func:`guard`: ``'=1+1`` → ``=1+1``; ``'tis`` stays ``'tis``."""
    if len(cell) >= 2 and cell[0] == "'" and cell[1] in TRIGGERS:
        return cell[1:]
    return cell
