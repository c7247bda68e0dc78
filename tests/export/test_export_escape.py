"""Escaping: file text renders literally, on one line, in a paragraph and in a table cell."""

from __future__ import annotations

import pytest
from _export_helpers import commonmark, flatten, gfm, split_row
from hypothesis import given, settings
from hypothesis import strategies as st

from incident.export.escape import FootnoteIds, fold, inline, quoted, url
from incident.formatting import visible

HOSTILE = [
    "a | b",
    "line one\nline two\r\nthree",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&amp; &lt; &#60; &",
    "[^x] and [^x]: defined?",
    "[link](javascript:alert(1))",
    "![image](https://x.example/i.png)",
    "`code` and ``double``",
    "**bold** __bold__ *em* _em_",
    "~~strike~~ and $math$",
    "\x1b[31mred\x1b[0m",
    "\u202eevil\u202c and zero\u200bwidth",
    "trailing backslash \\",
    "\\| escaped pipe in the source",
    "<https://autolink.example/>",
    "# heading? ## closing ##",
    "- list\n1. numbered\n> quote\n---\n===",
    "<!-- comment -->",
    "tab\there",
]


def _inline_tokens(markdown: str) -> list[str]:
    tokens = flatten(commonmark().parse(markdown))
    return [t.type for t in tokens if t.type not in ("inline",) and not t.type.endswith("_close")]


def _expected(text: str) -> str:
    return visible(fold(text))


@pytest.mark.parametrize("text", HOSTILE)
def test_paragraph_shows_text_literally(text: str) -> None:
    markdown = "Before " + inline(text) + " after."
    for md in (commonmark(), gfm()):
        tokens = flatten(md.parse(markdown))
        kinds = {t.type for t in tokens} - {"paragraph_open", "paragraph_close", "inline"}
        assert kinds == {"text"}, kinds  # no link, html, emphasis, code, footnote, break
        shown = "".join(t.content for t in tokens if t.type == "text")
        assert shown == "Before " + _expected(text) + " after."


@pytest.mark.parametrize("text", HOSTILE)
def test_table_cell_keeps_the_table_shape(text: str) -> None:
    markdown = f"| a | b | c |\n| --- | --- | --- |\n| x | {inline(text)} | y |\n"
    assert len(split_row(markdown.split("\n")[2])) == 3
    tokens = flatten(commonmark().parse(markdown))
    cells = [t for t in tokens if t.type == "td_open"]
    assert len(cells) == 3
    inlines = [t for t in commonmark().parse(markdown) if t.type == "inline"]
    middle = inlines[4]
    assert {c.type for c in middle.children or []} <= {"text"}
    assert "".join(c.content for c in middle.children or []) == _expected(text).strip()


def test_control_characters_are_made_visible() -> None:
    assert inline("\x1b[31m") == "␛\\[31m"
    assert inline("a\u202eb") == "a\\<U+202E\\>b"
    assert "\x00" not in inline("nul\x00") and "␀" in inline("nul\x00")
    assert inline("a\x85b") == "a b"  # NEL is a line break: folded
    assert inline("a\x9bb") == "a\\\\x9bb"  # C1 control shown as \x9b


def test_blank_text_is_shown_as_blank() -> None:
    assert inline(" \n\t ") == "(blank)"
    assert quoted("\n") == "“(blank)”"


def test_newlines_fold_and_quotes_mark_them() -> None:
    assert inline("one\ntwo") == "one two"
    assert quoted("one\ntwo") == "“one / two”"
    assert "\n" not in inline("a\r\nb\rc\u2028d")


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=60))
def test_any_text_stays_one_literal_cell(text: str) -> None:
    escaped = inline(text)
    assert "\n" not in escaped
    row = f"| {escaped} | end |"
    assert split_row(row) == [escaped, "end"]
    markdown = f"| h | e |\n| --- | --- |\n{row}\n"
    inlines = [t for t in commonmark().parse(markdown) if t.type == "inline"]
    assert len(inlines) == 4, markdown  # still one table of two columns
    cell = inlines[2]
    assert {c.type for c in cell.children or []} <= {"text"}, cell.children
    shown = "".join(c.content for c in cell.children or [])
    assert shown == (_expected(text).strip(" \t") or "(blank)")


def test_url_is_an_autolink_with_breaking_characters_encoded() -> None:
    assert url("https://a.example/x?y=1&z=2") == "<https://a.example/x?y=1&z=2>"
    link = url("https://evil.example/a|b<c>`d\\e")
    assert link == "<https://evil.example/a%7Cb%3Cc%3E%60d%5Ce>"
    tokens = flatten(commonmark().parse(f"| {link} |\n| --- |\n| {link} |\n"))
    hrefs = [t.attrs["href"] for t in tokens if t.type == "link_open"]
    assert hrefs == ["https://evil.example/a%7Cb%3Cc%3E%60d%5Ce"] * 2


def test_non_web_url_is_never_linked() -> None:
    text = url("javascript:alert(1)")
    tokens = flatten(commonmark().parse(text))
    assert "link_open" not in {t.type for t in tokens}
    assert "not linked" in text


def test_footnote_ids_are_sanitised_unique_and_stable() -> None:
    ids = FootnoteIds()
    assert ids("ap") == "ap"
    assert ids("AP") == "ap-2"  # would collide once lower-cased
    assert ids("ap") == "ap"
    assert ids("we ird]^id") == "we-ird-id"
    assert ids("***") == "source"
    assert ids.refs(["ap", "ap", "AP"]) == "[^ap] [^ap-2]"
    prefixed = FootnoteIds("b-")
    assert prefixed("ap") == "b-ap"
