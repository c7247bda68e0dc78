"""The incidents the app holds: each opened by :func:`incident.pipeline.open_paths`, with what
only the app needs beside it (the search index). Never imports Textual."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from incident.loader import gc_paused
from incident.pipeline import OpenedIncident, Progress, open_paths
from incident.problems import Problem
from incident.timeline import Timeline

from .search import EventIndex


@dataclass
class Loaded:
    """One opened file as the app holds it."""

    opened: OpenedIncident
    index: EventIndex | None = field(default=None, repr=False)  # built once the timeline shows

    @property
    def path(self) -> Path:
        return self.opened.path

    @property
    def shown(self) -> str:
        return self.opened.shown

    @property
    def timeline(self) -> Timeline | None:
        return self.opened.timeline

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.opened.problems

    @property
    def ok(self) -> bool:
        return self.opened.ok

    @property
    def errors(self) -> list[Problem]:
        return self.opened.errors

    @property
    def warnings(self) -> list[Problem]:
        return self.opened.warnings

    @property
    def title(self) -> str:
        return self.opened.title


def _quiet(_: str) -> None:
    pass


def load_paths(paths: Sequence[Path], progress: Progress = _quiet) -> list[Loaded]:
    """Every incident file under ``paths``; a missing path becomes an error entry.

    The collector is paused while the files load, and what they built is then frozen
    (``gc.freeze``): the app keeps these timelines for its whole life, and without freezing,
    every later full collection would rescan millions of objects while the user types. Garbage
    is collected first, so no cycle that is already unreachable gets frozen with them.
    """
    gc.collect()
    with gc_paused():
        out = [Loaded(opened) for opened in open_paths(paths, progress)]
        gc.freeze()
    return out
