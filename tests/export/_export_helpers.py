"""Shared helpers for the export tests: load fixtures, parse Markdown, compare goldens."""

from __future__ import annotations

import os
import re
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from incident.pipeline import open_incident
from incident.timeline import Timeline

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
REPO = HERE.parent.parent
UPDATE_ENV = "INCIDENT_UPDATE_GOLDENS"  # set to 1 to rewrite the golden files


def load(path: Path) -> Timeline:
    opened = open_incident(path)
    assert opened.timeline is not None, [p.render() for p in opened.problems]
    return opened.timeline


def fixture(name: str) -> Timeline:
    return load(FIXTURES / f"{name}.yaml")


def commonmark() -> MarkdownIt:
    """CommonMark with GFM tables and strikethrough, and footnotes (no linkify)."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(footnote_plugin)


def gfm() -> MarkdownIt:
    return MarkdownIt("gfm-like").use(footnote_plugin)


def flatten(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        if token.children:
            out.extend(flatten(token.children))
    return out


def check_golden(name: str, text: str) -> None:
    """Compare with tests/export/golden/NAME; with INCIDENT_UPDATE_GOLDENS=1, rewrite it."""
    path = GOLDEN / name
    if os.environ.get(UPDATE_ENV) == "1":
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"no golden file {path}; run with {UPDATE_ENV}=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (
        f"{name} differs from its golden file; if the change is intended, rerun with "
        f"{UPDATE_ENV}=1 and review the diff"
    )


_CELL = re.compile(r"\\.|[^|\\]+|\|", re.S)


def split_row(line: str) -> list[str]:
    """Split a table row the way cmark-gfm does: a backslash escapes the next character
    (so an escaped pipe stays in its cell), any other pipe separates cells."""
    body = line.strip()
    assert body.startswith("|") and body.endswith("|") and not body.endswith("\\|"), line
    cells = [""]
    for match in _CELL.finditer(body[1:-1]):
        piece = match.group(0)
        if piece == "|":
            cells.append("")
        else:
            cells[-1] += piece
    return [c.strip() for c in cells]


def tables(markdown: str) -> list[list[list[str]]]:
    """Every table in the source as rows of raw cells (outside fenced code)."""
    found: list[list[list[str]]] = []
    current: list[list[str]] | None = None
    fenced = False
    for line in markdown.split("\n"):
        if line.startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("|"):
            if current is None:
                current = []
                found.append(current)
            current.append(split_row(line))
        else:
            current = None
    return found


REF = re.compile(r"\[\^([^\]\s]+)\]")
DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:", re.M)


def footnote_labels(markdown: str) -> tuple[list[str], list[str]]:
    """(references, definitions) as written in the source."""
    defs = DEFINITION.findall(markdown)
    body = DEFINITION.sub("", markdown)
    refs = [m.group(1) for m in REF.finditer(body) if not _escaped(body, m.start())]
    return refs, defs


def _escaped(text: str, index: int) -> bool:
    count = 0
    while index > 0 and text[index - 1] == "\\":
        count += 1
        index -= 1
    return count % 2 == 1


def check_structure(markdown: str) -> None:
    """What every exported document must satisfy, whatever the incident file says."""
    for md in (commonmark(), gfm()):
        env: dict[str, object] = {}
        tokens = flatten(md.parse(markdown, env))
        kinds = {t.type for t in tokens}
        assert "html_inline" not in kinds and "html_block" not in kinds
        assert "image" not in kinds and "em_open" not in kinds and "s_open" not in kinds
        for token in tokens:
            if token.type == "link_open":
                href = str(token.attrs.get("href", ""))
                assert href.startswith(("http://", "https://", "#")) or href.lower().startswith(
                    ("http://", "https://")
                ), href
            if token.type == "code_inline":
                assert token.content == "incident", token.content
        # Each table: every row has the header's number of cells, in the source and parsed.
        for table in tables(markdown):
            width = len(table[0])
            assert all(len(row) == width for row in table), table
            assert set(table[1]) == {"---"}
    parsed = commonmark().parse(markdown)
    rows = [t for t in parsed if t.type == "tr_open"]
    assert len(rows) == sum(len(t) - 1 for t in tables(markdown))
    # Footnotes: every reference has a definition and every definition is referenced.
    refs, defs = footnote_labels(markdown)
    assert len(defs) == len(set(defs)), "duplicate footnote definitions"
    assert set(refs) == set(defs), set(refs) ^ set(defs)
    env2: dict[str, object] = {}
    resolved = [t for t in flatten(commonmark().parse(markdown, env2)) if t.type == "footnote_ref"]
    assert len(resolved) == len(refs), "a footnote reference did not resolve"
    # Deterministic text: no trailing spaces (hard breaks), one final newline, no CR.
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")
    assert "\r" not in markdown
    assert all(line == line.rstrip() for line in markdown.split("\n"))


def rendered_text(markdown: str) -> str:
    """The text a reader sees (text and code tokens joined), for 'shows literally' checks."""
    tokens = flatten(commonmark().parse(markdown))
    return "".join(t.content for t in tokens if t.type in ("text", "code_inline"))
