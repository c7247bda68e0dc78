"""The incidents named on the command line: a path as given, or a bundled incident's id."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from incident import paths
from incident.bundled import find_bundled

from .failures import InvalidInput, UsageFailure

if TYPE_CHECKING:
    from incident.pipeline import OpenedIncident
    from incident.timeline import Timeline

LIST_HINT = "`incident list` shows the bundled incidents and their paths"


@dataclass(frozen=True)
class IncidentInput:
    """A file or folder to read, and how to name it in what is written (never a path
    relative to wherever the command happens to run)."""

    path: Path
    name: str


def incident_input(path: Path) -> IncidentInput:
    """``path`` as given when it exists, else the bundled incident with that id. A path that
    cannot be checked (permission denied, a name too long, ``~nosuchuser``) is a usage error."""
    try:
        given = paths.expand(path)
        if paths.exists(given):
            return IncidentInput(given, str(path))
    except paths.PathError as exc:
        raise UsageFailure(exc.message) from None
    bundled = find_bundled(str(path))
    if bundled is not None:
        return IncidentInput(bundled, str(path))
    raise UsageFailure(
        f"{paths.shown(path)}: no such file or folder, nor a bundled incident ({LIST_HINT})"
    )


def incident_inputs(paths: list[Path]) -> list[IncidentInput]:
    return [incident_input(p) for p in paths]


def open_valid(given: IncidentInput) -> Timeline:
    """The reconstructed timeline of one incident file, or :class:`InvalidInput` with its
    problems (a folder is a usage error: one file is expected here)."""
    from incident.pipeline import open_incident

    try:
        folder = paths.is_dir(given.path)
    except paths.PathError as exc:
        raise UsageFailure(exc.message) from None
    if folder:
        raise UsageFailure(
            f"{paths.shown(given.name)}: is a folder (export one file, or use --all)"
        )
    opened = open_incident(given.path)
    if opened.timeline is None:
        raise InvalidInput(problem_lines(opened), invalid_summary(opened.shown))
    return opened.timeline


def problem_lines(opened: OpenedIncident) -> list[str]:
    """The errors of an invalid file (all its problems if, oddly, none is an error)."""
    chosen = opened.errors or list(opened.problems)
    return [p.render() for p in chosen]


def invalid_summary(shown: str) -> str:
    return f"{shown}: not a valid incident file; nothing written"
