"""Print validation results as text (ruff-like), JSON (one document) or GitHub annotations."""

from __future__ import annotations

import json
import os
import re
import sys
from typing import TextIO

from .problems import Problem, Severity
from .validate import Report

FORMATS = ("text", "json", "github")
_C1 = re.compile("[\x7f-\x9f\u2028\u2029]")


def use_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def summary(report: Report, strict: bool) -> str:
    files = len(report.files)
    events = sum(f.event_count for f in report.files)
    head = f"{files} file{'s' if files != 1 else ''}, {events:,} events"
    if report.failed(strict):
        return (
            f"{head}: {report.errors} error{'s' if report.errors != 1 else ''}, "
            f"{report.warnings} warning{'s' if report.warnings != 1 else ''}" + _quotes(report)
        )
    extra = f" ({report.warnings} warning{'s' if report.warnings != 1 else ''})"
    return f"{head}: all valid" + (extra if report.warnings else "") + _quotes(report)


def quote_counts(report: Report) -> dict[str, int]:
    """How many quotes were verified against a snapshot, not found in one, or unchecked."""
    counts = dict.fromkeys(("verified", "not_found", "unchecked"), 0)
    for result in report.files:
        for mark in result.evidence.claims:
            counts[mark.name] += 1
    return counts


def _quotes(report: Report) -> str:
    """'; quotes: 21 verified, 0 not found, 66 unchecked' once any quote had a snapshot."""
    counts = quote_counts(report)
    if counts["verified"] + counts["not_found"] == 0:
        return ""
    return (
        f"; quotes: {counts['verified']} verified, {counts['not_found']} not found, "
        f"{counts['unchecked']} unchecked"
    )


def write_text(
    report: Report, strict: bool, out: TextIO | None = None, *, quiet: bool = False
) -> None:
    """One line per problem, then the summary (with ``quiet``, only when the run fails)."""
    out = out or sys.stdout
    colour = use_colour(out)
    for problem in sorted(report.problems):
        out.write(_text_line(problem, colour) + "\n")
    failed = report.failed(strict)
    if failed or not quiet:
        out.write(_paint(summary(report, strict), "1;31" if failed else "32", colour) + "\n")


def _text_line(problem: Problem, colour: bool) -> str:
    where = _paint(f"{problem.shown_file}:{problem.line}:{problem.column}:", "1", colour)
    if problem.severity is Severity.error:
        label = _paint(f"error[{problem.code}]", "1;31", colour)
    else:
        label = _paint(f"warning[{problem.code}]", "1;33", colour)
    return f"{where} {label}: {problem.message}"


def write_json(report: Report, strict: bool, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    document = {
        "version": 1,
        "valid": not report.failed(strict),
        "summary": {
            "files": len(report.files),
            "errors": report.errors,
            "warnings": report.warnings,
            "quotes": quote_counts(report),
        },
        "files": [
            {
                "file": f.path,
                "incident": f.incident.id if f.incident is not None else None,
                "valid": f.ok,
            }
            for f in report.files
        ],
        "problems": [p.as_json() for p in sorted(report.problems)],
    }
    text = json.dumps(document, ensure_ascii=False, indent=2)
    # json escapes C0 controls but not DEL and C1 (U+007F-U+009F), which terminals obey.
    out.write(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(report: Report, strict: bool, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    """Workflow commands, then the plain lines (GitHub shows only 10 annotations per step)."""
    for problem in sorted(report.problems):
        level = "error" if problem.severity is Severity.error else "warning"
        title = _escape_property(f"incident validate ({problem.code})")
        out.write(
            f"::{level} title={title},file={_escape_property(problem.shown_file)},"
            f"line={problem.line},col={problem.column}::{_escape_data(problem.message)}\n"
        )
    write_text(report, strict, out)
