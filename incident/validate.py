"""Check incident files: load, validate against the models, run the incident-wide checks.

This is the engine behind ``incident validate`` and behind every surface that opens a file: the
app and the export read the incidents it returns, and show its problems when a file is invalid.
It never imports Textual.
"""

from __future__ import annotations

import difflib
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from schemas.models import Incident, KeyMoments

from .checks import check_incident, check_raw_references
from .evidence import NO_EVIDENCE, Evidence, check_evidence
from .formatting import one_line
from .loader import (
    DEFAULT_MAX_BYTES,
    Document,
    LoadError,
    decode,
    gc_paused,
    parse,
    read_bytes,
    value_budget,
)
from .paths import PathError, status, walk
from .paths import shown as shown_path
from .problems import Problem, Severity, YamlPath
from .wording import check_wording

YAML_SUFFIXES = (".yaml", ".yml")
MESSAGE_LIMIT = 300  # characters of a problem's message; longer ones end in '…'


class UsageError(Exception):
    """A path that does not exist or holds no incident files: exit code 2."""


@dataclass
class FileResult:
    path: str
    incident: Incident | None
    problems: list[Problem] = field(default_factory=list)
    evidence: Evidence = NO_EVIDENCE  # each quote checked against its source's snapshot
    raw_events: int = 0  # events counted in a file that failed the models

    @property
    def event_count(self) -> int:
        """The file's events, also when a structural error kept it from the models."""
        return len(self.incident.events) if self.incident is not None else self.raw_events

    @property
    def ok(self) -> bool:
        return self.incident is not None and not any(
            p.severity is Severity.error for p in self.problems
        )


@dataclass
class Report:
    files: list[FileResult]
    problems: list[Problem]

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.error)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.warning)

    def failed(self, strict: bool) -> bool:
        """Errors, or warnings under ``--strict``: what makes validate exit 1."""
        return self.errors > 0 or (strict and self.warnings > 0)


def collect_files(paths: Sequence[Path]) -> list[Path]:
    """Expand folders to their *.yaml/*.yml files (sorted); a missing path is a UsageError."""
    found: list[Path] = []
    try:
        for path in paths:
            kind = status(path)
            if kind is not None and stat.S_ISDIR(kind.st_mode):
                found.extend(walk(path, YAML_SUFFIXES))
            elif kind is not None and stat.S_ISREG(kind.st_mode):
                found.append(path)
            elif kind is not None:
                raise UsageError(f"{shown_path(path)}: not a regular file or folder")
            else:
                raise UsageError(f"{shown_path(path)}: no such file or folder")
    except PathError as exc:  # a folder that cannot be listed, a path that cannot be checked
        raise UsageError(exc.message) from None
    if not found:
        raise UsageError(
            "no incident files (*.yaml, *.yml) in " + ", ".join(shown_path(p) for p in paths)
        )
    return found


def display_path(path: Path) -> str:
    """Repo-relative where possible, without './' (what GitHub annotations want)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # elsewhere, a link loop, a vanished cwd
        return path.as_posix()


def check_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> FileResult:
    shown = display_path(path)
    try:
        text = decode(read_bytes(path, max_bytes))
    except LoadError as exc:
        return FileResult(shown, None, [_load_problem(shown, exc)])
    return check_text(text, shown, value_budget(max_bytes), folder=path.parent)


def check_text(
    text: str,
    shown: str = "<string>",
    max_values: int | None = None,
    folder: Path | None = None,
) -> FileResult:
    """Validate YAML text as an incident file; never raises for bad input.

    ``folder`` is where the file lives: source snapshots are read relative to it (without it,
    quotes are left unchecked).
    """
    with gc_paused():
        try:
            document = parse(text, max_values)
        except LoadError as exc:
            return FileResult(shown, None, [_load_problem(shown, exc)])
        return check_document(document, shown, folder)


def check_document(document: Document, shown: str, folder: Path | None = None) -> FileResult:
    with gc_paused():
        return _check_document(document, shown, folder)


def _check_document(document: Document, shown: str, folder: Path | None) -> FileResult:
    if not isinstance(document.data, dict):
        kind = type(document.data).__name__ if document.data is not None else "nothing"
        line, column = document.locate(())
        problem = Problem(
            shown,
            line,
            column,
            Severity.error,
            "type",
            f"an incident file is a mapping of fields (id, title, sources, events…), not {kind}",
        )
        return FileResult(shown, None, [problem])
    try:
        incident = Incident.model_validate(document.data)
    except ValidationError as exc:
        problems = _pydantic_problems(exc, document, shown)
        seen = {p.yaml_path for p in problems}
        problems.extend(
            _at(document, shown, f.path, f.severity, f.code, f.message)
            for f in check_raw_references(document.data)
            if f.path not in seen
        )
        events = document.data.get("events")
        count = len(events) if isinstance(events, list) else 0
        return FileResult(shown, None, sorted(problems), raw_events=count)
    evidence_findings, evidence = check_evidence(incident, folder)
    problems = [
        _at(document, shown, f.path, f.severity, f.code, f.message, key=f.on_key)
        for f in (*check_incident(incident), *evidence_findings, *check_wording(incident))
    ]
    problems.sort()
    return FileResult(shown, incident, problems, evidence)


def check_paths(paths: Sequence[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Check every file under ``paths`` and the cross-file rules; raises UsageError."""
    files = [check_file(p, max_bytes) for p in collect_files(paths)]
    problems = [p for f in files for p in f.problems]
    problems.extend(_duplicate_incident_ids(files))
    return Report(files, problems)


def _duplicate_incident_ids(files: Iterable[FileResult]) -> list[Problem]:
    first: dict[str, str] = {}
    out: list[Problem] = []
    for result in files:
        if result.incident is None:
            continue
        incident_id = result.incident.id
        if incident_id in first:
            out.append(
                Problem(
                    result.path,
                    _id_line(result),
                    1,
                    Severity.error,
                    "duplicate-incident",
                    f"incident id {incident_id!r} is also used by {first[incident_id]}",
                    ("id",),
                )
            )
        else:
            first[incident_id] = result.path
    return out


def _id_line(result: FileResult) -> int:
    # The id is a top-level key; its line is cheap to find without keeping the document.
    try:
        text = Path(result.path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return 1
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("id:"):
            return number
    return 1


def _load_problem(shown: str, exc: LoadError) -> Problem:
    return Problem(
        shown,
        max(exc.line, 1),
        max(exc.column, 1),
        Severity.error,
        exc.code,
        one_line(exc.message, MESSAGE_LIMIT),
    )


def _at(
    document: Document,
    shown: str,
    path: YamlPath,
    severity: Severity,
    code: str,
    message: str,
    *,
    key: bool = False,
) -> Problem:
    line, column = document.locate(path, key=key)
    return Problem(shown, line, column, severity, code, one_line(message, MESSAGE_LIMIT), path)


_AN_ID = "an id: lower-case letters, digits, '-' and '_' (at most 64)"
_A_DATE = "a date written YYYY-MM-DD"
_A_TIME = "a time such as '2024-08-12 20:42' or '2024-08-12T20:42:00-04:00'"
_A_DURATION = "a duration such as '18m', '1h30m', '-5m', '2d6h' or ISO 8601 'PT7H11M', 'P3W'"
_A_LENGTH = "a length of time such as '18m', '7h11m', '2d6h' or ISO 8601 'PT7H11M', 'P3W'"
_A_URL = "an http:// or https:// URL"

# What a field of the format holds, for "<field>: 'x' is not <what>" when its text does not
# match: chosen by the field pydantic names in the error, never by reading the pattern.
_EXPECTED_TEXT: dict[str, str] = {
    **dict.fromkeys(("id", "source", "relative_to", "relative_source", "tags"), _AN_ID),
    **dict.fromkeys(KeyMoments.model_fields, _AN_ID),
    **dict.fromkeys(("date", "published", "accessed"), _A_DATE),
    "language": "a BCP 47 language tag such as 'en' or 'id'",
    **dict.fromkeys(("url", "archive_url"), _A_URL),
    **dict.fromkeys(("at", "until"), _A_TIME),
    **dict.fromkeys(("offset", "until_offset"), _A_DURATION),
    **dict.fromkeys(("margin", "length"), _A_LENGTH),
    **dict.fromkeys(
        ("zone", "source_zone", "display_zones"), "a time zone such as 'America/New_York' or 'EDT'"
    ),
}


def _pydantic_problems(exc: ValidationError, document: Document, shown: str) -> list[Problem]:
    problems: dict[YamlPath, Problem] = {}
    misspelt: set[YamlPath] = set()  # where a field is missing because it is misspelt
    for error in exc.errors(include_url=False):
        path, exists = _data_path(document.data, error["loc"])
        kind = error["type"]
        suggestion = None
        if kind == "extra_forbidden":
            suggestion = _suggest_field(document.data, path)
            if suggestion is not None:
                misspelt.add((*path[:-1], suggestion))
        code, message, on_key = _translate(error, path, exists, document.data, suggestion)
        if kind == "missing":
            line, column = document.locate(path[:-1])
        else:
            line, column = document.locate(path, key=on_key)
        if path in problems:  # a union reports once per member; keep the first
            continue
        problems[path] = Problem(
            shown, line, column, Severity.error, code, one_line(message, MESSAGE_LIMIT), path
        )
    # 'titel' unknown (did you mean 'title'?) already says that 'title' is missing.
    return sorted(
        p for path, p in problems.items() if not (p.code == "missing-field" and path in misspelt)
    )


def _suggest_field(data: Any, path: YamlPath) -> str | None:
    """The allowed field an unknown one at ``path`` was probably meant to be."""
    allowed = _field_names(data, path[:-1])
    close = difflib.get_close_matches(str(path[-1]) if path else "", allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _data_path(data: Any, loc: tuple[int | str, ...]) -> tuple[YamlPath, bool]:
    """Keep the parts of a pydantic ``loc`` that name real keys/indexes (drop union tags)."""
    path: list[int | str] = []
    node = data
    exists = True
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str):
            if part in node:
                node = node[part]
                path.append(part)
            else:
                path.append(part)
                exists = False
                break
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
        else:
            continue  # e.g. 'function-after[...]', 'int', 'float'
    return tuple(path), exists


def _belongs_under(data: Any, path: YamlPath, allowed: list[str]) -> str | None:
    """The field beside an unknown one whose own fields include it (``t0`` at the top of the
    file belongs under ``key_moments``)."""
    if not path or not isinstance(path[-1], str):
        return None
    for name in allowed:
        if path[-1] in _field_names(data, (*path[:-1], name)):
            return name
    return None


def _field_names(data: Any, path: YamlPath) -> list[str]:
    """The field names the model allows at ``path`` (for did-you-mean)."""
    from schemas import models

    owner: Any = models.Incident
    for part in path:
        if isinstance(part, int):
            continue
        field_info = owner.model_fields.get(part) if hasattr(owner, "model_fields") else None
        if field_info is None:
            return []
        owner = _model_of(field_info.annotation)
        if owner is None:
            return []
    return list(owner.model_fields) if hasattr(owner, "model_fields") else []


def _model_of(annotation: Any) -> Any:
    from typing import get_args

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def _translate(
    error: Any, path: YamlPath, exists: bool, data: Any, suggestion: str | None = None
) -> tuple[str, str, bool]:
    kind: str = error["type"]
    where = _field_label(path)
    value = error.get("input")
    if kind == "extra_forbidden":
        allowed = _field_names(data, path[:-1])
        hint = f" (did you mean {suggestion!r}?)" if suggestion else ""
        home = None if suggestion else _belongs_under(data, path, allowed)
        if home is not None:
            hint = f" here: it belongs under {home!r} ({home}: {{{path[-1]}: …}})"
        if not hint and allowed:
            hint = " (allowed: " + ", ".join(allowed) + ")"
        return "unknown-field", f"unknown field {str(where)!r}{hint}", True
    if kind == "missing":
        return "missing-field", f"missing required field {str(where)!r}", False
    if kind == "string_pattern_mismatch":
        field = next((part for part in reversed(path) if isinstance(part, str)), "")
        expected = _EXPECTED_TEXT.get(field)
        if expected is None:
            expected = "text matching " + str(error.get("ctx", {}).get("pattern", ""))
        return "value", f"{where}: {_short(value)} is not {expected}", False
    if kind == "value_error":
        cause = error.get("ctx", {}).get("error")
        code = getattr(cause, "code", "value")
        message = getattr(cause, "message", None) or error["msg"].removeprefix("Value error, ")
        return code, f"{where}: {message}", False
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        return "value", f"{where}: {_short(value)} is not one of {expected}", False
    if kind.endswith("_type") or kind.endswith("_parsing") or kind in ("model_type", "dict_type"):
        return "type", f"{where}: {error['msg'].lower()}, got {_short(value)}", False
    return "value", f"{where}: {error['msg']}", False


def _field_label(path: YamlPath) -> str:
    """``title``; ``tags[0]`` for an item of a list; ``file`` for the whole file."""
    if not path:
        return "file"
    if isinstance(path[-1], int) and len(path) > 1 and isinstance(path[-2], str):
        return f"{path[-2]}[{path[-1]}]"
    return str(path[-1])


def _short(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"
