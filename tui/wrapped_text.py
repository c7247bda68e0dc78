"""Text that wraps as a reader expects.

A wrapped line keeps its shape: its continuation starts under the first word after the line's
leading spaces, a ``12. `` number, a ``- ``/``!! `` mark or an opening quotation mark (``   “…``,
``1. Publisher…``). A long word (a URL) breaks after one of ``/ ? & . - _ = #`` where one is in
reach, and is cut mid-word only when no separator is.

The breaks are computed on the plain text in terminal cells (wide CJK and emoji count two) and
applied with ``divide``, so the styles and spans of the text survive and nothing is parsed:
text from incident files stays literal. :class:`WrappedText` is the widget; :class:`HangingText`
is the Textual visual it draws, which keeps every drawn character's offset in the unwrapped
text, so a mouse selection copies the original line (a URL in one piece, no indent).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual, VisualType
from textual.widgets import Static

BREAK_AFTER = frozenset("/?&.-_=#")
"""A long word may break after one of these (the end of a run: ``https://`` breaks after ``//``)."""

LEAD = re.compile(
    r" *(?:(?:\d+[.)]|[-*•!✓✗]+) +)?"  # spaces, a 12. / - / !! mark
    r"(?:[A-Za-z][A-Za-z ]{0,23}: "  # a label: "Translation: ", "note: "
    r"|(?=[^ ]{1,24}(?: [^ ]+){0,3}  )[^ ]+(?: [^ ]+)*?  +"  # a key column: "PgUp/PgDn   moves"
    r"|[<>~]?\d{1,2}[:.]\d\d(?:[–→][<>~]?\d{1,2}(?:[:.]\d\d)?)? +(?:[A-Z]{2,5} +)?)?"  # a clock
    r"[“\"„«‘‚‹「『]?"  # an opening quotation mark
)
"""What a continuation goes in past: leading spaces, then a ``12. ``/``- ``/``!! `` mark, then a
``Label: ``, a key column ended by two spaces or more, or a clock (``04:09``,
``20:13–20:30 EDT``), then an opening quotation mark."""

Layout = list[tuple[int, list[int]]]
"""Per line of the text: the continuation indent in cells and where the line is cut."""


def lead_length(line: str) -> int:
    """How many characters of ``line`` its continuation lines go in past (see :data:`LEAD`).

    A line that is nothing but its lead (``"   "``, ``"12. "``) has none beyond its spaces.
    """
    match = LEAD.match(line)
    end = match.end() if match else 0
    if end >= len(line.rstrip(" ")):
        spaces = len(line) - len(line.lstrip(" "))
        return spaces if spaces < len(line) else 0
    return end


def _is_break(line: str, index: int) -> bool:
    """Whether a long word may break after ``line[index]``."""
    return line[index] in BREAK_AFTER and (
        index + 1 >= len(line) or line[index + 1] not in BREAK_AFTER
    )


def _cells(line: str) -> list[int]:
    """``cells[i]``: the width in cells of ``line[:i]`` (wide CJK and emoji count two)."""
    out = [0]
    for character in line:
        out.append(out[-1] + get_character_cell_size(character))
    return out


def _separator_break(line: str, low: int, fit: int) -> int | None:
    """The last cut after a separator at an index in ``[low, fit)``, if there is one."""
    for index in range(fit - 1, low - 1, -1):
        if _is_break(line, index):
            return index + 1
    return None


def _cut(line: str, cells: list[int], start: int, room: int, low: int, continuation: int) -> int:
    """Where the piece of ``line`` that starts at ``start`` ends (before any spaces skipped).

    ``low``: the first index a break may follow (the first line's marker stays with its word);
    ``continuation``: the room of a continuation line, to tell a word that will fit on the next
    line (break before it) from one that must be broken anyway (fill this line first).
    """
    fit = bisect_right(cells, cells[start] + room, start) - 1  # the longest piece that fits
    if fit == start:  # one character wider than the room: it goes alone
        return start + 1
    space = line.rfind(" ", low, fit + 1)
    if space != -1:
        word_start = space
        while word_start < len(line) and line[word_start] == " ":
            word_start += 1
        word_end = line.find(" ", word_start)
        word_end = len(line) if word_end == -1 else word_end
        if cells[word_end] - cells[word_start] <= continuation:
            return space
        later = _separator_break(line, space + 1, fit)
        return later if later is not None else space
    cut = _separator_break(line, low, fit)
    return cut if cut is not None else fit


def line_breaks(line: str, width: int) -> tuple[int, list[int]]:
    """The continuation indent (cells) and the cuts (character offsets) that wrap ``line``
    (no newlines) to ``width`` cells; ``(0, [])`` when it fits."""
    visible = len(line.rstrip(" "))
    if width <= 0 or cell_len(line[:visible]) <= width:
        return 0, []
    cells = _cells(line)
    lead = lead_length(line)
    indent = min(cells[lead], width // 2)
    if width - indent < 2:  # no room left for a wide (two-cell) character: no hang
        indent = 0
    continuation = width - indent
    cuts: list[int] = []
    start = 0
    room = width
    while cells[visible] - cells[start] > room:
        low = max(lead, 1) if start == 0 else start + 1
        end = _cut(line, cells, start, room, low, continuation)
        while end < len(line) and line[end] == " ":
            end += 1
        if end >= len(line):
            break
        cuts.append(end)
        start = end
        room = continuation
    return indent, cuts


def layout(plain: str, width: int) -> Layout:
    """:func:`line_breaks` of every ``\\n``-separated line of ``plain``."""
    return [line_breaks(line, width) for line in plain.split("\n")]


def hang(text: Text, width: int) -> Text:
    """``text`` wrapped to ``width`` cells with hanging indents, as one Text of hard lines
    (styles and spans kept; the indent of a continuation is unstyled)."""
    out = Text(end="", style=text.style)
    lines = text.split("\n", allow_blank=True)
    for number, (line, (indent, cuts)) in enumerate(
        zip(lines, layout(text.plain, width), strict=True)
    ):
        if number:
            out.append("\n")
        pieces = line.divide(cuts)
        for index, piece in enumerate(pieces):
            if index:
                out.append("\n" + " " * indent)
            if index < len(pieces) - 1:
                piece.rstrip()
            out.append_text(piece)
    return out


class HangingText(Visual):
    """A Textual visual of a Rich ``Text`` that wraps with hanging indents at any width.

    Its height at a width and what it draws there come from the same :func:`layout`; every
    drawn character carries its offset in the unwrapped line, so selection and copy see the
    original text.
    """

    def __init__(self, text: Text) -> None:
        self.text = text
        self.content = Content.from_rich_text(text)
        self._layout: tuple[int, Layout] | None = None

    def __str__(self) -> str:
        return self.content.plain

    def layout(self, width: int) -> Layout:
        if self._layout is None or self._layout[0] != width:
            self._layout = (width, layout(self.content.plain, width))
        return self._layout[1]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max(cell_len(line) for line in self.content.plain.split("\n"))

    def get_height(self, rules: RulesMap, width: int) -> int:
        return sum(len(cuts) + 1 for _indent, cuts in self.layout(width))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if width <= 0:
            return []
        strips: list[Strip] = []
        blank = style.background_style.rich_style
        lines = self.content.split("\n", allow_blank=True)
        for y, (line, (indent, cuts)) in enumerate(zip(lines, self.layout(width), strict=True)):
            if options.post_style is not None:
                line = line.stylize(options.post_style)
            if options.selection is not None and options.selection_style is not None:
                span = options.selection.get_span(y)
                if span is not None:
                    start, end = span
                    line = line.stylize(
                        options.selection_style, start, len(line.plain) if end == -1 else end
                    )
            pieces = line.divide(cuts)
            for index, (x, piece) in enumerate(zip([0, *cuts], pieces, strict=True)):
                if index < len(pieces) - 1:
                    piece = piece.rstrip()
                segments = [Segment(" " * indent, blank)] if index and indent else []
                for part, part_style in piece.render(style, end="", parse_style=options.get_style):
                    segments.append(
                        Segment(part, (style + part_style).rich_style_with_offset(x, y))
                    )
                    x += len(part)
                strips.append(Strip(segments))
                if height is not None and len(strips) >= height:
                    return strips
        return strips


class WrappedText(Static):
    """A Static for a page of prose: give it a Rich ``Text`` (never markup) and it wraps with
    hanging indents and URL-friendly breaks at whatever width it gets."""

    DEFAULT_CSS = """
    WrappedText { height: auto; }
    """

    def __init__(
        self, text: Text | None = None, *, id: str | None = None, classes: str | None = None
    ) -> None:
        content = HangingText(text if text is not None else Text("", end=""))
        super().__init__(content, id=id, classes=classes, markup=False)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        """Show ``content``: a Rich Text, or a str taken literally (never parsed as markup)."""
        if isinstance(content, str):
            content = Text(content, end="")
        if isinstance(content, Text):
            content = HangingText(content)
        super().update(content, layout=layout)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected part of the unwrapped text (a wrapped URL is copied whole)."""
        visual = self.visual
        if isinstance(visual, HangingText):
            return selection.extract(str(visual)), "\n"
        return super().get_selection(selection)
