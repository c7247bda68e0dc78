"""Loading incidents for the app: check each file as ``incident validate`` does, reconstruct
the valid ones, and keep the problems of the others. Never imports Textual; never raises for a
bad file."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from incident.loader import gc_paused
from incident.problems import Problem, Severity
from incident.timeline import Timeline, reconstruct
from incident.validate import UsageError, check_file, collect_files

from .search import EventIndex


@dataclass
class Loaded:
    """One file as the app sees it: its timeline when valid, else its problems."""

    path: Path
    shown: str
    timeline: Timeline | None
    problems: list[Problem] = field(default_factory=list)
    index: EventIndex | None = field(default=None, repr=False)  # built once the timeline shows

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


Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


def load_file(path: Path, progress: Progress = _quiet) -> Loaded:
    progress(f"Reading and checking {path.name}…")
    result = check_file(path)
    if not result.ok or result.incident is None:
        return Loaded(path, result.path, None, list(result.problems))
    progress(f"Rebuilding the timeline of {path.name} ({len(result.incident.events):,} events)…")
    try:
        with gc_paused():  # many small long-lived objects: see incident.loader.gc_paused
            timeline = reconstruct(result.incident)
    except Exception as exc:  # a reconstruction bug must not take the app down
        problem = Problem(
            result.path, 0, 1, Severity.error, "reconstruct", f"cannot rebuild the timeline: {exc}"
        )
        return Loaded(path, result.path, None, [*result.problems, problem])
    return Loaded(path, result.path, timeline, list(result.problems))


def load_paths(paths: Sequence[Path], progress: Progress = _quiet) -> list[Loaded]:
    """Every incident file under ``paths``; a missing path becomes an error entry.

    The collector is paused while the files load, and what they built is then frozen
    (``gc.freeze``): the app keeps these timelines for its whole life, and without freezing,
    every later full collection would rescan millions of objects while the user types. Garbage
    is collected first, so no cycle that is already unreachable gets frozen with them.
    """
    gc.collect()
    with gc_paused():
        out = _load_all(paths, progress)
        gc.freeze()
    return out


def _load_all(paths: Sequence[Path], progress: Progress) -> list[Loaded]:
    out: list[Loaded] = []
    for path in paths:
        try:
            files = collect_files([path])
        except UsageError as exc:
            problem = Problem(str(path), 0, 1, Severity.error, "usage", str(exc))
            out.append(Loaded(path, str(path), None, [problem]))
            continue
        for file in files:
            try:
                out.append(load_file(file, progress))
            except Exception as exc:  # a bug or an OS error must not end the app
                problem = Problem(
                    str(file), 0, 1, Severity.error, "internal", f"cannot open: {exc}"
                )
                out.append(Loaded(file, str(file), None, [problem]))
    return out
