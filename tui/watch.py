"""Which opened incident files changed on disk since they were last read.

The app polls this a few times a second (``FileWatch.changed``): a ``stat`` of each opened file,
compared with what it saw last. It needs no thread, no dependency and no inotify limit, sees a
save made by renaming a new file over the old one (as most editors do), and costs a few
microseconds a file. Never imports Textual.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

POLL_SECONDS = 0.1
"""How often the app looks: a save shows within this plus the time to rebuild the file."""


@dataclass(frozen=True)
class Stamp:
    """What ``stat`` says of a file: any change in it means the file was written or replaced."""

    mtime_ns: int
    size: int
    inode: int
    device: int


def stamp(path: Path) -> Stamp | None:
    """The file's stamp, or None when it cannot be read (removed, mid-rename, no permission)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return Stamp(st.st_mtime_ns, st.st_size, st.st_ino, st.st_dev)


class FileWatch:
    """The stamps of some files, and which of them changed since the last look."""

    def __init__(self, paths: Iterable[Path] = ()) -> None:
        self._stamps: dict[Path, Stamp | None] = {}
        for path in paths:
            self.add(path)

    @property
    def paths(self) -> list[Path]:
        return list(self._stamps)

    def __contains__(self, path: object) -> bool:
        return path in self._stamps

    def add(self, path: Path) -> None:
        """Watch ``path`` from its state now (a later change is reported, this one is not)."""
        self._stamps[path] = stamp(path)

    def changed(self) -> list[Path]:
        """The files whose stamp differs from the last look, in the order they were added.

        A file that disappears is not reported (an editor's save may remove it for a moment);
        it is reported once it is back and different.
        """
        out: list[Path] = []
        for path, before in self._stamps.items():
            now = stamp(path)
            if now is None:
                continue
            if now != before:
                self._stamps[path] = now
                out.append(path)
        return out
