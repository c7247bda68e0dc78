"""Problems found in incident files: one type for every surface that reports them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .formatting import one_line

PathPart = str | int
YamlPath = tuple[PathPart, ...]


class Severity(StrEnum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """A located finding: ``path:line:column: severity[code]: message``."""

    file: str
    line: int  # 1-based; 0 when the file as a whole is meant
    column: int  # 1-based
    severity: Severity = field(compare=False)
    code: str = field(compare=False)
    message: str = field(compare=False)
    yaml_path: YamlPath = field(default=(), compare=False)

    @property
    def shown_file(self) -> str:
        """The path with control characters made visible: a file name can't drive a terminal."""
        return one_line(self.file, limit=1000)

    def render(self) -> str:
        where = f"{self.shown_file}:{self.line}:{self.column}"
        return f"{where}: {self.severity}[{self.code}]: {self.message}"

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message,
            "path": format_path(self.yaml_path),
        }


def format_path(path: YamlPath) -> str:
    """``events[3].claims[0].time`` for a path of keys and indexes."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out or "$"
