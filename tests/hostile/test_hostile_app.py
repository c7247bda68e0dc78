"""Hostile inputs against the Textual app: the outcome the `app` column of cases.py states.

Valid files with hostile text open and show it literally (no raw control character, link or
action on screen); invalid files are listed with their problem and the app keeps running.
Uses the app tests' helpers (tests/tui/tui_helpers.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from cases import APP_INVALID, APP_LITERAL, APP_UNUSABLE, BY_NAME, Case
from test_hostile_validate import RAW, params

TUI_TESTS = Path(__file__).resolve().parents[1] / "tui"
sys.path.insert(0, str(TUI_TESTS))
tui_helpers = pytest.importorskip("tui_helpers")

from tui.screens.detail import DetailScreen  # noqa: E402

LITERAL = [c for c in BY_NAME.values() if c.app == APP_LITERAL]
BROKEN = [
    BY_NAME[name]
    for name in (
        "syntax-unclosed-quote",
        "alias-bomb",
        "tag-python-object",
        "nul-byte",
        "latin-1",
        "empty",
        "relative-cycle",
        "time-dst-gap",
        "deep-flow-10000",
        "date-month-13",
        "zone-localtime",
        "margin-negative",
        "relative-chain-past-2199",
        "offset-25000000000h",
    )
]


def _inert(pilot: object) -> str:
    from rich.style import Style

    segments = tui_helpers.screen_segments(pilot)
    for segment in segments:
        if segment.control:
            continue
        found = RAW.search(segment.text)
        assert found is None, f"raw {found.group()!r} on screen: {segment.text!r}"
        style = segment.style
        if isinstance(style, Style):
            assert not style.link or style.link.startswith("https://example.com"), segment
            meta = style.meta or {}
            assert "quit" not in str(meta.get("@click", "")), segment
    text: str = tui_helpers.screen_text(pilot)
    return text


# What the event's detail must show, literally (escapes as control pictures, marks as <U+…>).
SHOWN = {
    "raw-bidi-override": "Hostile <U+202E>tupni",
    "nasty-rich-markup": "[bold red]alarm[/] [@click=app.quit]quit[/]",
    "nasty-ansi-osc": "\u241b[31mred\u241b[0m",
    "nasty-c0-c1-controls": "bell\u2407 back\u2408",
    "nasty-bidi-zero-width": "admin<U+202E>gnp.exe",
    "nasty-markdown-html": "<script>alert(1)</script> | pipe |",
    "nasty-long-word": "WWWWWWWWWW",
    "nasty-emoji-combining": "zalgo",
    "nasty-markdown-line-start": "1) supposed to start at 8 p.m. EDT",
}


@pytest.mark.parametrize("case", params(LITERAL, {"B8"}))
async def test_app_shows_hostile_text_literally(case: Case, tmp_path: Path) -> None:
    """Open the file, then its first event: every screen stays inert, the text shows as is."""
    app = tui_helpers.make_app(case.source(tmp_path))
    async with app.run_test(size=(160, 48)) as pilot:
        await tui_helpers.ready(pilot)
        _inert(pilot)
        await pilot.press("enter")
        await tui_helpers.shows(pilot, DetailScreen)
        text = _inert(pilot)
        assert "Traceback" not in text
        assert SHOWN[case.name] in text, text


@pytest.mark.parametrize("case", params(BROKEN))
async def test_app_lists_the_problem_of_a_broken_file(case: Case, tmp_path: Path) -> None:
    assert case.app in (APP_INVALID, APP_UNUSABLE)
    broken = case.source(tmp_path)
    valid = Path(__file__).resolve().parent / "files" / "valid-base.yaml"
    app = tui_helpers.make_app(broken, valid)
    async with app.run_test(size=(160, 48)) as pilot:
        await tui_helpers.ready(pilot)
        text = _inert(pilot)
        assert "Traceback" not in text
        assert app.is_running
        assert "invalid" in text and "ok" in text, text  # the broken file and the valid one
        if case.code is not None and case.where is not None:
            line, column = case.where
            assert f":{line}:{column}: error[{case.code}]" in text, text
