"""Reading a CSV sheet: rows numbered as a spreadsheet numbers them, headers matched loosely,
and problems located at ``file:row:column`` with the column's name.

Row 1 is the header; the first data row is row 2, as in the spreadsheet the CSV came from
(a cell with line breaks is still one row).
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..cells import unguard
from ..formatting import one_line


@dataclass(frozen=True, order=True)
class CellProblem:
    """``claims.csv:7:zone: error[unknown-zone]: …``; row 0 and no column for the file."""

    file: str
    row: int
    column: str
    severity: str = field(compare=False)
    code: str = field(compare=False)
    message: str = field(compare=False)

    def render(self) -> str:
        where = one_line(self.file, limit=1000)
        if self.row:
            where += f":{self.row}"
            if self.column:
                where += ":" + one_line(self.column, limit=100)
        return f"{where}: {self.severity}[{self.code}]: {one_line(self.message, 300)}"


class ImportFailed(Exception):
    """The sheet has bad cells; nothing was written."""

    def __init__(self, problems: Sequence[CellProblem]) -> None:
        super().__init__(problems[0].render() if problems else "import failed")
        self.problems = sorted(problems)


def normal(name: str) -> str:
    """``Source ID`` → ``source_id``: how header names are compared."""
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


@dataclass
class Row:
    """One data row: its number and its cells by (normalised) column name."""

    number: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()


@dataclass
class Sheet:
    file: str
    header: list[str]  # as written
    columns: list[str]  # normalised
    rows: list[Row]

    def shown(self, column: str) -> str:
        """The column's name as the sheet writes it."""
        try:
            return self.header[self.columns.index(column)].strip()
        except ValueError:
            return column


def read_sheet(text: str, file: str) -> Sheet:
    """Parse CSV text: comma, semicolon or tab separated (whichever the header line uses)."""
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count) if any(d in first for d in ",;\t") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error as exc:
        raise ImportFailed(
            [CellProblem(file, len(records) + 1, "", "error", "csv", f"not CSV: {exc}")]
        ) from None
    if not records or not any(cell.strip() for cell in records[0]):
        raise ImportFailed([CellProblem(file, 0, "", "error", "empty", "no header row")])
    header = records[0]
    columns = [normal(h) for h in header]
    rows = []
    for index, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        cells = {}
        for column, cell in zip(columns, record, strict=False):
            if column:
                cells[column] = unguard(cell)
        rows.append(Row(index, cells))
    return Sheet(file, header, columns, rows)


def check_header(
    sheet: Sheet, known: Sequence[str], aliases: Mapping[str, str], required: Sequence[str]
) -> list[CellProblem]:
    """Rename aliases to their column, and report unknown, repeated and missing columns."""
    problems = []
    seen: set[str] = set()
    for index, column in enumerate(sheet.columns):
        name = aliases.get(column, column)
        sheet.columns[index] = name
        shown = sheet.header[index].strip()
        if not name:
            continue
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(
                CellProblem(
                    sheet.file,
                    1,
                    shown,
                    "error",
                    "unknown-column",
                    f"unknown column {shown!r}{hint}",
                )
            )
        elif name in seen:
            problems.append(
                CellProblem(
                    sheet.file,
                    1,
                    shown,
                    "error",
                    "duplicate-column",
                    f"column {shown!r} appears twice",
                )
            )
        seen.add(name)
    for name in required:
        if name not in seen:
            problems.append(
                CellProblem(
                    sheet.file,
                    1,
                    name,
                    "error",
                    "missing-column",
                    f"the sheet needs a column {name!r}",
                )
            )
    if not problems:
        for row in sheet.rows:
            row.cells = {aliases.get(k, k): v for k, v in row.cells.items()}
    return problems
