"""Shared pieces for the format tests: bundled incidents, a hostile incident, an HTML reader."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

from incident.export.claims_csv import render_claims_csv
from incident.timeline import Timeline, reconstruct
from incident.validate import check_file, check_text
from incident_samples import ROOT

BUNDLED = sorted((ROOT / "incidents").glob("*.yaml"))

HOSTILE_STRINGS = (
    "[bold red]x[/]",
    "[link=https://evil.example]click[/link]",
    "<script>alert(1)</script>",
    "<b>bold</b> &amp; <a href='javascript:alert(1)'>a</a>",
    '=HYPERLINK("http://evil.example","click")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "**md** `code` | pipe",
    "\x1b[31mred\x1b[0m",
)


def load(path: Path) -> Timeline:
    result = check_file(path)
    assert result.incident is not None, [p.render() for p in result.problems]
    return reconstruct(result.incident)


def hostile_yaml() -> str:
    """A valid incident whose every text field carries markup, HTML and formulas."""
    h = HOSTILE_STRINGS
    q = [s.replace("\\", "\\\\").replace('"', '\\"').replace("\x1b", "\\e") for s in h]
    return f"""\
id: hostile
title: "{q[2]}"
summary: "{q[0]} {q[3]}"
platform: "{q[1]}"
date: "2024-08-12"
source_zone: America/New_York
key_moments: {{scheduled_start: sched, actual_start: start}}
sources:
  - {{id: ap, publisher: "{q[4]}", url: "https://example.com/a?x=<b>&y=\\"", language: en}}
  - {{id: cnbc, publisher: "{q[5]}", url: "https://example.com/b", language: en, title: "{q[9]}"}}
events:
  - id: sched
    title: "{q[0]}"
    kind: schedule
    actor: "{q[6]}"
    claims:
      - source: ap
        quote: "{q[3]}"
        translation: "{q[7]}"
        time: {{kind: exact, at: "2024-08-12 20:00", zone: EDT, stated: "{q[8]}"}}
  - id: start
    title: "{q[4]}"
    kind: milestone
    note: "{q[2]}"
    claims:
      - source: ap
        quote: "{q[4]}"
        time: {{kind: exact, at: "2024-08-12 20:42", zone: EDT}}
      - source: cnbc
        quote: "{q[6]}"
        time: {{kind: about, at: "2024-08-12 20:55", zone: ET}}
        value: {{amount: 1000, unit: "{q[1]}", bound: about, stated: "{q[7]}"}}
  - id: untimed
    title: "{q[9]}"
    kind: observation
    claims:
      - source: cnbc
        quote: "{q[8]}"
"""


def hostile() -> Timeline:
    result = check_text(hostile_yaml(), "hostile.yaml")
    assert result.incident is not None, [p.render() for p in result.problems]
    return reconstruct(result.incident)


class Html(HTMLParser):
    """The tags and the text of an HTML fragment as a reader sees it (not scripts or styles)."""

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.parts: list[str] = []
        self._hidden = 0
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag in ("script", "style"):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def sheet(incident_text: str) -> str:
    result = check_text(incident_text, "in.yaml")
    assert result.incident is not None
    return render_claims_csv(result.incident)


def table(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def bad_zone_sheet() -> str:
    rows = table(sheet(hostile_yaml()))
    header = rows[0]
    body = [rows[1]] * 5 + rows[1:]
    body = [list(r) for r in body]
    for r in body[:5]:
        r[header.index("event")] = "sched"
    body[5][header.index("zone")] = "Mars/Olympus"  # the sixth data row is spreadsheet row 7
    out = io.StringIO()
    csv.writer(out).writerows([header, *body])
    return out.getvalue()
