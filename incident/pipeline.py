"""Opening an incident: load, check, reconstruct — the one way every surface does it.

The app, the export, compare, the benchmarks and the tests all call :func:`open_incident`
(or :func:`open_paths` for files and folders). A bad file is never an exception: it comes back
with its located problems and no timeline.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .loader import DEFAULT_MAX_BYTES, gc_paused
from .problems import Problem, Severity
from .timeline import ReconstructionError, Timeline, reconstruct
from .validate import UsageError, check_file, collect_files

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


@dataclass(frozen=True)
class OpenedIncident:
    """One file: its timeline when valid, else its problems (warnings are kept either way)."""

    path: Path
    shown: str  # the path as problems name it
    timeline: Timeline | None
    problems: tuple[Problem, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.timeline is not None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.warning]

    @property
    def title(self) -> str:
        return self.timeline.incident.title if self.timeline is not None else self.shown


def open_incident(
    path: Path, progress: Progress = _quiet, max_bytes: int = DEFAULT_MAX_BYTES
) -> OpenedIncident:
    """Load, check and reconstruct one incident file; never raises for a bad file."""
    progress(f"Reading and checking {path.name}…")
    result = check_file(path, max_bytes)
    problems = tuple(result.problems)
    if not result.ok or result.incident is None:
        return OpenedIncident(path, result.path, None, problems)
    progress(f"Rebuilding the timeline of {path.name} ({len(result.incident.events):,} events)…")
    try:
        with gc_paused():  # many small long-lived objects: see incident.loader.gc_paused
            timeline = reconstruct(result.incident, result.evidence)
    except ReconstructionError as exc:
        problem = Problem(
            result.path, 0, 1, Severity.error, "reconstruct", f"cannot rebuild the timeline: {exc}"
        )
        return OpenedIncident(path, result.path, None, (*problems, problem))
    return OpenedIncident(path, result.path, timeline, problems)


def open_paths(paths: Sequence[Path], progress: Progress = _quiet) -> list[OpenedIncident]:
    """Every incident file under ``paths`` (files or folders), opened in order.

    A path that is missing or holds no incident files becomes an entry with a ``usage`` error,
    and a file that fails in an unforeseen way (a bug, an OS error) one with an ``internal``
    error, so one bad argument does not hide the others.
    """
    out: list[OpenedIncident] = []
    for path in paths:
        try:
            files = collect_files([path])
        except UsageError as exc:
            problem = Problem(str(path), 0, 1, Severity.error, "usage", str(exc))
            out.append(OpenedIncident(path, str(path), None, (problem,)))
            continue
        for file in files:
            try:
                out.append(open_incident(file, progress))
            except Exception as exc:  # a bug or an OS error: the file's problem, not a crash
                problem = Problem(
                    str(file), 0, 1, Severity.error, "internal", f"cannot open: {exc}"
                )
                out.append(OpenedIncident(file, str(file), None, (problem,)))
    return out
