"""Hostile inputs against `incident export`: the outcome the `export` column of cases.py states.

Valid files export to Markdown with one timeline row per event and nothing from the file that
becomes HTML, a link, a footnote, a cell break or a raw control character; invalid files are
refused with exit 1 and no output file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cases import APP_USAGE, CASES, Case
from markdown_it import MarkdownIt
from test_hostile_validate import RAW, params

from incident.loader import decode
from incident.validate import check_text
from incident_cli import main

EXPORTABLE = [
    c
    for c in CASES
    if c.app != APP_USAGE
    and not c.args
    and not c.session
    and c.name not in ("duplicate-incident", "folder-with-fifo", "folder-named-yaml")
    and c.name != "relative-chain-3000"  # 3,000 rows: slow, and the validate tests cover it
    and not c.name.startswith("filename")
]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def timeline_rows(markdown: str) -> int:
    """Body rows of the table under the '## Timeline' heading."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    heading = None
    rows = 0
    in_table = in_body = False
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            heading = tokens[index + 1].content
        elif token.type == "table_open" and heading == "Timeline":
            in_table = True
        elif in_table and token.type == "tbody_open":
            in_body = True
        elif in_body and token.type == "tr_open":
            rows += 1
        elif in_table and token.type == "table_close":
            return rows
    return rows


def inert(markdown: str) -> None:
    """No HTML and no link that file text could have made; no raw control characters."""
    found = RAW.search(markdown.replace("\n", ""))
    assert found is None, f"raw {found.group()!r}"
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    stack: list[Any] = list(tokens)
    while stack:
        token = stack.pop()
        stack.extend(token.children or [])
        assert token.type not in ("html_inline", "html_block"), token.content
        if token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            assert href.startswith(("https://", "http://", "#")), href


def block_shape(markdown: str) -> list[str]:
    """The document's block structure: lists, quotes, headings, rules, tables, in order."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [t.type for t in tokens if t.type != "inline"]


def test_line_start_syntax_in_file_text_makes_no_block(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'1. ', '- x', '3) x', '+ ', '= ', '> ', '---' at the start of any field: the export has
    the same lists, quotes, headings and rules as the same file with plain words there."""
    import re

    from cases import FILES

    hostile = FILES / "nasty-markdown-line-start.yaml"
    text = hostile.read_text(encoding="utf-8")
    plain = re.sub(r'"(?:[-+=*>#]+|[0-9]+[.)]) ', '"', text)
    assert plain != text
    shapes = []
    for name, data in (("hostile.yaml", text), ("plain.yaml", plain)):
        source = tmp_path / name
        source.write_text(data, encoding="utf-8")
        code, out, err = run(["export", str(source)], capsys)
        assert code == 0, err
        shapes.append(block_shape(out))
    assert shapes[0] == shapes[1]


@pytest.mark.parametrize("case", params(EXPORTABLE, {"B5", "B6", "B8"}))
def test_export(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = case.source(tmp_path)
    out = tmp_path / "out" / "postmortem.md"
    out.parent.mkdir()
    code, stdout, stderr = run(["export", str(source), "-o", str(out)], capsys)
    assert "Traceback" not in stdout + stderr
    assert RAW.search(stderr.replace("\n", "")) is None, stderr
    if case.exit != 0:
        assert code == 1, (code, stderr)
        assert not out.exists()
        assert case.code is None or case.code in stderr or "error" in stderr, stderr
        return
    assert code == 0, stderr
    markdown = out.read_text(encoding="utf-8")
    inert(markdown)
    result = check_text(decode(source.read_bytes()))
    assert result.incident is not None
    assert timeline_rows(markdown) == len(result.incident.events)
