"""Wrapped text keeps its indent and breaks a URL after a separator, never mid-word where a
separator is in reach; styles survive, markup stays literal, heights agree with what is drawn."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Offset
from textual.selection import Selection
from textual.strip import Strip
from tui_helpers import SPACES, make_app, ready, screen_text, shows, wait_for

from tui.screens.detail import DetailScreen
from tui.screens.sources import SourcesScreen
from tui.wrapped_text import BREAK_AFTER, HangingText, WrappedText, hang, lead_length, line_breaks

URL = "https://www.nbcnewyork.com/news/business/money-report/elon-musk-donald-trump-event/5699831/"


def lines(text: Text | str, width: int) -> list[str]:
    source = text if isinstance(text, Text) else Text(text, end="")
    return hang(source, width).plain.split("\n")


def unwrap(wrapped: list[str], indent: int) -> str:
    """The pieces joined back: continuations lose their indent, a space cut gets its space."""
    out = wrapped[0]
    for piece in wrapped[1:]:
        piece = piece[indent:]
        out += ("" if out[-1:] in BREAK_AFTER or not piece else " ") + piece
    return out


# --- where a line goes in -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "lead"),
    [
        ("plain words", 0),
        ("   indented words", 3),
        ("12. Publisher · title", 4),
        ("   “a quote that runs on”", 4),
        ("   Translation: “words”", 17),
        ("!! Sources disagree on the time", 3),
        ("   ! 20:42 EDT a title", 15),
        ("- a bullet", 2),
        ("      ", 0),  # all indent: no lead, never a loop
        ("12. ", 0),
        ("   “", 3),
    ],
)
def test_lead(line: str, lead: int) -> None:
    assert lead_length(line) == lead


def test_numbered_line_continues_under_its_first_word() -> None:
    line = "12. Reuters · “A title long enough to wrap twice at thirty cells” · 2024-08-13"
    wrapped = lines(line, 30)
    assert len(wrapped) >= 3
    assert wrapped[0].startswith("12. Reuters")
    for piece in wrapped[1:]:
        assert piece.startswith("    ") and piece[4] != " ", wrapped
    assert unwrap(wrapped, 4) == line


def test_quote_continues_after_its_opening_mark() -> None:
    line = "   “Between 7:47 PM and 10:47 PM ET the Space did not load for most listeners”"
    wrapped = lines(line, 32)
    assert wrapped[0].startswith("   “Between")
    assert all(piece.startswith("    ") and piece[4] != " " for piece in wrapped[1:]), wrapped
    assert unwrap(wrapped, 4) == line


def test_short_lines_are_untouched() -> None:
    text = "1. short\n   “quote”\n\n   "
    assert hang(Text(text), 40).plain == text


# --- long words ------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [24, 30, 41, 57, 80])
def test_url_breaks_only_after_a_separator(width: int) -> None:
    line = "   " + URL
    wrapped = lines(line, width)
    assert len(wrapped) > 1 or cell_len(line) <= width
    for piece in wrapped[:-1]:
        assert piece[-1] in BREAK_AFTER, (width, wrapped)
        assert cell_len(piece) <= width
    assert all(piece.startswith("   h") or piece[3] != " " for piece in wrapped)
    assert "".join(piece[3:] for piece in wrapped) == URL


def test_a_url_after_words_fills_the_line_when_it_must_break_anyway() -> None:
    line = "copy consulted: " + URL
    wrapped = lines(line, 40)
    assert wrapped[0].startswith("copy consulted: https://")  # not a line of two words
    assert wrapped[0][-1] in BREAK_AFTER
    hang = len("copy consulted: ")  # a label: the URL continues under its start
    assert all(piece.startswith(" " * hang) for piece in wrapped[1:])
    assert wrapped[0] + "".join(piece[hang:] for piece in wrapped[1:]) == line


def test_a_word_that_fits_the_next_line_moves_there_whole() -> None:
    wrapped = lines("see the report at https://example.com/a-b for more", 30)
    assert wrapped == ["see the report at", "https://example.com/a-b for", "more"]


def test_a_url_without_separators_still_wraps() -> None:
    url = "https://" + "a" * 300
    wrapped = lines("   " + url, 60)
    assert wrapped[0] == "   https://"
    assert all(cell_len(piece) <= 60 for piece in wrapped)
    assert all(piece == "   " + "a" * 57 for piece in wrapped[1:-1])
    assert "".join(piece[3:] for piece in wrapped) == url


def test_a_separator_run_stays_whole() -> None:
    assert lines("a.bb//cccccccc", 5)[0] == "a."  # not "a.bb/"
    assert lines("https://example.com", 10) == ["https://", "example.", "com"]


def test_wide_cells_are_counted_as_two() -> None:
    line = "   “" + "中文" * 40 + "”"
    for width in (10, 21, 50):
        wrapped = lines(line, width)
        assert all(cell_len(piece) <= width for piece in wrapped), wrapped
        assert all(piece.startswith("    ") for piece in wrapped[1:])
        assert "".join(piece.strip() for piece in wrapped) == line.strip()


@pytest.mark.parametrize("width", [1, 2, 3, 5])
@pytest.mark.parametrize("line", [" " * 40, "12. " + "x" * 30, "   “" + "中" * 20, "-" * 50])
def test_narrow_widths_end(line: str, width: int) -> None:
    indent, cuts = line_breaks(line, width)
    assert cuts == sorted(set(cuts)) and all(0 < cut < len(line) for cut in cuts)
    assert 0 <= indent <= width // 2


# --- styles, markup, heights -----------------------------------------------------------------


def styled(text: Text, style: str) -> str:
    """The characters (spaces aside) that carry ``style``, in order."""
    marked = [False] * len(text.plain)
    for start, end, span_style in text.spans:
        if span_style == style:
            marked[start:end] = [True] * (end - start)
    return "".join(ch for ch, on in zip(text.plain, marked, strict=True) if on and ch.strip())


def test_styles_and_spans_survive() -> None:
    text = Text(end="")
    text.append("1. Publisher with a rather long name", style="bold")
    text.append(" · ")
    text.append("https://example.com/path/to/the/page", style="underline")
    text.append(" and more\n   ")
    text.append("an italic quote that also wraps around", style="italic")
    wrapped = hang(text, 24)
    assert wrapped.plain.count("\n") >= 5
    for style in ("bold", "underline", "italic"):
        assert styled(wrapped, style) == styled(text, style) != ""
    # the indent of a continuation is not part of any span
    second_row = wrapped.plain.index("\n") + 1
    assert wrapped.plain[second_row : second_row + 4] == "   r"  # under "Publisher"
    assert not any(start <= second_row < end for start, end, _style in wrapped.spans)


def test_markup_and_escapes_stay_literal() -> None:
    raw = "   “[bold red]not bold[/] [link=https://evil]x[/link] ␛[31mred␛[0m and more words”"
    text = Text(raw, end="")
    wrapped = hang(text, 20)
    assert not wrapped.spans
    assert re.sub(r"\s", "", wrapped.plain) == re.sub(r"\s", "", raw)
    visual = HangingText(text)
    assert str(visual) == raw
    assert not visual.content.spans


@given(
    st.lists(
        st.text(alphabet="ab /-.中 “\n1", max_size=60).map(lambda s: s.replace("\n", " ")),
        min_size=1,
        max_size=5,
    ),
    st.integers(min_value=1, max_value=50),
)
@settings(derandomize=True, database=None, deadline=None, max_examples=200)
def test_wrapping_is_idempotent_and_fits(paragraphs: list[str], width: int) -> None:
    text = Text("\n".join(paragraphs), end="")
    wrapped = hang(text, width)
    drawn = wrapped.plain.split("\n")
    assert HangingText(text).get_height({}, width) == len(drawn)
    assert HangingText(text).get_height({}, width) == HangingText(text).get_height({}, width)
    for piece in drawn:
        assert cell_len(piece.rstrip()) <= max(width, 2), (width, drawn)
    again = hang(wrapped, width).plain
    assert again == wrapped.plain
    kept = "".join(ch for ch in text.plain if ch not in " \n")
    assert "".join(ch for ch in wrapped.plain if ch not in " \n") == kept


# --- the widget in an app --------------------------------------------------------------------


PAGE = Text(end="")
PAGE.append("1. ", style="bold")
PAGE.append("NBC New York · “Elon Musk and Donald Trump event on X” · 2024-08-12 · lang en\n")
PAGE.append("   " + URL + "\n", style="dim")
PAGE.append("   “[bold]literal[/] words of a quote that goes on for a while to wrap”\n")


class Page(App[None]):
    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield WrappedText(PAGE, id="page")


def drawn(widget: WrappedText) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


async def test_widget_height_matches_what_it_draws_and_rewraps_on_resize() -> None:
    app = Page()
    async with app.run_test(size=(50, 20)) as pilot:
        widget = app.query_one(WrappedText)
        await wait_for(pilot, lambda: widget.size.width == 50, "the page laid out")
        shown = drawn(widget)
        assert shown == hang(PAGE, 50).plain.split("\n")
        assert widget.size.height == len(shown)
        assert all(line.startswith("   ") for line in shown[1:] if line)
        assert "   “[bold]literal[/] words of a quote that goes on" in shown
        assert "    for a while to wrap”" in shown

        await pilot.resize_terminal(36, 20)
        await wait_for(pilot, lambda: widget.size.width == 36, "the page re-laid out")
        narrow = drawn(widget)
        assert narrow == hang(PAGE, 36).plain.split("\n")
        assert widget.size.height == len(narrow) > len(shown)


async def test_selection_copies_the_unwrapped_text() -> None:
    app = Page()
    async with app.run_test(size=(40, 20)) as pilot:
        widget = app.query_one(WrappedText)
        await wait_for(pilot, lambda: widget.size.width == 40, "the page laid out")
        # a continuation line of the URL points back into the URL's own line (y=1)
        url_rows = [y for y in range(widget.size.height) if "/" in widget.render_line(y).text]
        second: Strip = widget.render_line(url_rows[1])
        offsets = [seg.style.meta["offset"] for seg in second if seg.style and seg.style.meta]
        assert offsets and offsets[0][1] == 1 and offsets[0][0] > 3
        # selecting the URL's whole line copies it in one piece, without the indent
        got = widget.get_selection(Selection(Offset(3, 1), Offset(3 + len(URL), 1)))
        assert got == (URL, "\n")
        widget.text_select_all()
        await wait_for(pilot, lambda: app.screen.get_selected_text(), "the selection")
        assert app.screen.get_selected_text() == PAGE.plain.rstrip("\n")


# --- the screens ------------------------------------------------------------------------------


def rows_of(shown: list[str], logical: list[str]) -> list[tuple[str, list[str]]]:
    """Each unwrapped line with the drawn rows that hold it (matched on their characters)."""
    groups: list[tuple[str, list[str]]] = []
    row = 0
    for line in logical:
        target = re.sub(r"\s", "", line)
        rows = [shown[row]]
        got = re.sub(r"\s", "", shown[row])
        row += 1
        while got != target:
            assert target.startswith(got) and row < len(shown), (line, rows)
            rows.append(shown[row])
            got += re.sub(r"\s", "", shown[row])
            row += 1
        groups.append((line, rows))
    assert row == len(shown)
    return groups


def url_breaks_at_separators(shown: list[str], urls: list[str]) -> None:
    """Where a URL goes on to the next line, the line ends after a separator, or (cut
    mid-word) holds no separator that it could have broken at."""
    for line, following in itertools.pairwise(shown):
        if not line.strip() or not following.strip():
            continue
        tail, head = line.split()[-1], following.split()[0]
        if not any(tail + head in url for url in urls):
            continue
        assert tail[-1] in BREAK_AFTER or not any(ch in BREAK_AFTER for ch in tail), (
            line,
            following,
        )


async def test_sources_page_keeps_indents_and_whole_url_pieces_at_80x24() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("s")
        screen = await shows(pilot, SourcesScreen)
        page = screen.query_one("#sources", WrappedText)
        await wait_for(pilot, lambda: page.size.height > 0, "the sources page laid out")
        shown = drawn(page)
        groups = rows_of(shown, str(page.visual).split("\n"))
        numbered = [(line, rows) for line, rows in groups if re.match(r"\d+\. ", line)]
        assert len(numbered) == len(screen.timeline.sources)
        assert any(len(rows) > 1 for _line, rows in numbered)  # some do wrap at 80 columns
        for line, rows in groups:
            number = re.match(r"\d+\. ", line)
            indent = len(number.group()) if number else len(line) - len(line.lstrip())
            for row in rows[1:]:
                assert row[:indent].isspace() and not row[indent].isspace(), (line, row)
        urls = [s.url for s in screen.timeline.sources.values() if s.url]
        assert any(cell_len(url) > 77 for url in urls)  # the fixture has URLs that must wrap
        url_breaks_at_separators(shown, urls)
        # what the terminal shows is what the page drew
        frame = screen_text(pilot)
        assert shown[1].strip() in frame and shown[1].startswith("   ")


async def test_detail_screen_wraps_with_indents_at_80x24() -> None:
    app = make_app(SPACES)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        screen = await shows(pilot, DetailScreen)
        page = screen.query_one("#event", WrappedText)
        await wait_for(pilot, lambda: page.size.height > 0, "the event laid out")
        shown = drawn(page)
        groups = rows_of(shown, str(page.visual).split("\n"))
        assert any(len(rows) > 1 for _line, rows in groups)
        urls = [c.source.url for c in screen.item.claims if c.source and c.source.url]
        url_breaks_at_separators(shown, urls)
        for line, rows in groups:
            number = re.match(r"\d+\. |   “", line)
            indent = len(number.group()) if number else len(line) - len(line.lstrip())
            for row in rows[1:]:
                assert row[:indent].isspace() and not row[indent].isspace(), (line, row)


def test_a_wide_character_never_overflows_a_narrow_hang() -> None:
    # Found by the property test above: at width 2, a one-space hang left one cell for 中.
    drawn = hang(Text(" 中", end=""), 2).plain.split("\n")
    assert all(cell_len(piece.rstrip()) <= 2 for piece in drawn), drawn


@pytest.mark.parametrize(
    ("line", "hang_at"),
    [
        ("T+13m–30m     from T+0 (the context line says which moment), the same way", 14),
        ("Platform        X Spaces and a long value that has to wrap somewhere else", 16),
    ],
)
def test_a_key_column_hangs_under_its_value(line: str, hang_at: int) -> None:
    drawn = hang(Text(line, end=""), 40).plain.split("\n")
    assert len(drawn) > 1
    assert all(piece.startswith(" " * hang_at) and piece[hang_at] != " " for piece in drawn[1:])
