"""Every question asked of the file system, and the one rule for where output may go.

Two things live here, for the command line and the app alike:

- **Checked path operations.** ``expand`` (``~``), ``status`` (exists / what it is), ``walk``
  (the incident files in a folder) turn every ``OSError`` — permission denied, a name too long,
  a loop of links, an unknown ``~user`` — into a :class:`PathError`: one line that names the
  path (made visible: a name can hold escape sequences) and says what went wrong, with the
  exit code the README documents. An unreadable folder is an error, never skipped.
- **The output rule** (:func:`plan_output`). Only a regular file or a new name is ever
  replaced, and a regular file only when the user said so (``--force``, or a confirmation that
  names what it is). ``-`` and ``/dev/stdout`` mean standard output; a character device or a
  FIFO is written to as the stream it is, never replaced; anything else that is not a regular
  file — a folder, a symbolic link, a block device, a socket — is refused. No file the run reads
  (compared by device and inode, so a hard link or another spelling is caught) and no incident
  file (``*.yaml``, ``*.yml``) is ever an output.

Nothing here imports Textual; the app's export dialog calls the same functions.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from .formatting import one_line

EXIT_INVALID = 1
EXIT_USAGE = 2

INCIDENT_SUFFIXES = (".yaml", ".yml")
STDOUT_NAMES = ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")
NAME_MAX = 255  # bytes in one path component, on every file system the project writes to


class PathError(Exception):
    """A path that cannot be used: ``message`` is one line naming it; ``code`` the exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def shown(path: Path | str) -> str:
    """A path as it may reach a terminal: one line, control characters made visible."""
    return one_line(os.fspath(path), 1000)


def reason(exc: OSError) -> str:
    """``Permission denied``, ``File name too long``…: the system's words for the error."""
    if exc.errno is not None and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def failure(path: Path | str, doing: str, exc: OSError, code: int = EXIT_USAGE) -> PathError:
    return PathError(f"{shown(path)}: cannot {doing}: {reason(exc)}", code)


def expand(text: str | Path) -> Path:
    """``~`` and ``~user`` expanded; an unknown user or a missing home is a PathError."""
    path = Path(text)
    if not os.fspath(path).startswith("~"):
        return path
    try:
        return path.expanduser()
    except RuntimeError:  # Path.expanduser: "Could not determine home directory."
        user = os.fspath(path)[1:].split(os.sep, 1)[0]
        who = f"user {user!r}" if user else "this user"
        raise PathError(f"{shown(text)}: no home folder for {who}") from None


def status(path: Path, *, follow: bool = True) -> os.stat_result | None:
    """``os.stat`` (or ``lstat``) of ``path``; None when nothing is there; PathError when the
    path cannot be checked (permission denied on a folder on the way, a name too long…)."""
    try:
        return path.stat() if follow else path.lstat()
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return None  # a file where a folder was expected on the way: nothing is there
    except OSError as exc:
        raise failure(path, "check it", exc) from None
    except ValueError as exc:  # an embedded NUL byte
        raise PathError(f"{shown(path)}: not a usable path ({exc})") from None


def exists(path: Path) -> bool:
    return status(path) is not None


def is_dir(path: Path) -> bool:
    found = status(path)
    return found is not None and stat.S_ISDIR(found.st_mode)


def is_file(path: Path) -> bool:
    found = status(path)
    return found is not None and stat.S_ISREG(found.st_mode)


def walk(folder: Path, suffixes: Sequence[str] = INCIDENT_SUFFIXES) -> list[Path]:
    """The regular files under ``folder`` whose suffix is one of ``suffixes``, sorted.

    Every folder on the way must be readable: one that is not is a PathError, never skipped
    (a skipped folder would report "all valid" for files nobody checked). Links to folders are
    followed once each (a loop of links ends there).
    """
    found: list[Path] = []
    pending = [folder]
    seen: set[tuple[int, int]] = set()
    while pending:
        current = pending.pop()
        here = status(current)
        if here is None or (here.st_dev, here.st_ino) in seen:
            continue
        seen.add((here.st_dev, here.st_ino))
        try:
            with os.scandir(current) as entries:
                listed = list(entries)
        except OSError as exc:
            raise failure(current, "list this folder", exc) from None
        for entry in listed:
            try:
                if entry.is_dir():
                    pending.append(Path(entry.path))
                elif Path(entry.name).suffix in suffixes and entry.is_file():
                    found.append(Path(entry.path))
            except OSError as exc:
                raise failure(entry.path, "check it", exc) from None
    return sorted(found)


# -- where output goes ----------------------------------------------------------------------


class OutputKind(StrEnum):
    stdout = "stdout"  # '-', /dev/stdout: the process's standard output
    stream = "stream"  # a character device or a FIFO: written to, never replaced
    new = "new"  # nothing there yet: created atomically
    overwrite = "overwrite"  # a regular file: replaced atomically, only when the user said so


@dataclass(frozen=True)
class Output:
    """Where a document goes, decided before anything is written."""

    path: Path | None  # None for standard output
    kind: OutputKind
    what: str = ""  # for a confirmation: "a regular file of 1,234 bytes"
    waits: bool = False  # a FIFO: writing waits until something reads it

    @property
    def name(self) -> str:
        return "standard output" if self.path is None else shown(self.path)


def plan_output(
    target: str | Path | None,
    *,
    reads: Iterable[Path] = (),
    force: bool = False,
    incident_file: bool = False,
) -> Output:
    """Check where a document may go, before any work; raise PathError if it may not.

    ``reads``: every file the run reads (never written over). ``force``: whether replacing a
    regular file was asked for; without it an existing file is refused (exit 1), so a caller
    that asks the user first plans with ``force=True`` and confirms ``Output.what``.
    ``incident_file``: the document is itself an incident file (``incident import``), so an
    existing ``*.yaml`` may be replaced with ``force`` like any regular file.
    """
    if target is None or os.fspath(target) in STDOUT_NAMES:
        return Output(None, OutputKind.stdout)
    path = expand(target)
    check_name(path)
    linked = status(path, follow=False)
    if linked is None:
        _check_folder(path)
        return Output(path, OutputKind.new)
    if stat.S_ISLNK(linked.st_mode):
        pointed = status(path)
        if pointed is not None and (
            stat.S_ISCHR(pointed.st_mode) or stat.S_ISFIFO(pointed.st_mode)
        ):
            return Output(path, OutputKind.stream, _kind_words(pointed))
        raise PathError(
            f"{shown(path)}: is a symbolic link; give the path of the file itself "
            "(a link is never replaced, and writing through it would change another file)"
        )
    mode = linked.st_mode
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return _stream(path, linked)
    if stat.S_ISDIR(mode):
        raise PathError(f"{shown(path)}: is a folder; give a file name")
    if not stat.S_ISREG(mode):
        raise PathError(f"{shown(path)}: is {_kind_words(linked)}, which is never written over")
    for read in reads:
        seen = status(read)
        if seen is not None and (seen.st_dev, seen.st_ino) == (linked.st_dev, linked.st_ino):
            same = "" if shown(read) == shown(path) else f" ({shown(read)})"
            raise PathError(f"{shown(path)}: is a file this run reads{same}; choose another output")
    if path.name.lower().endswith(INCIDENT_SUFFIXES) and not incident_file:
        raise PathError(
            f"{shown(path)}: is an incident file (*.yaml); nothing in this project writes over "
            "one, choose a .md name"
        )
    if not force:
        raise PathError(
            f"{shown(path)}: already exists (use --force to overwrite)", code=EXIT_INVALID
        )
    return Output(path, OutputKind.overwrite, _kind_words(linked))


def plan_outputs(
    targets: Sequence[Path], *, reads: Iterable[Path] = (), force: bool = False
) -> list[Output]:
    """:func:`plan_output` for every target, all before the first write (``export --all``)."""
    read = list(reads)
    return [plan_output(t, reads=read, force=force) for t in targets]


def _stream(path: Path, found: os.stat_result) -> Output:
    return Output(path, OutputKind.stream, _kind_words(found), stat.S_ISFIFO(found.st_mode))


def check_name(path: Path) -> None:
    """Refuse a path with a name longer than any file system here allows (before any work)."""
    for part in path.parts:
        if len(os.fsencode(part)) > NAME_MAX:
            raise PathError(
                f"{shown(path)}: a name in this path is longer than {NAME_MAX} bytes",
            )


def _check_folder(path: Path) -> None:
    folder = path.parent
    found = status(folder)
    if found is None:  # exit 1, as a write that fails: the command itself was well formed
        raise PathError(f"{shown(folder)}: no such folder", EXIT_INVALID)
    if not stat.S_ISDIR(found.st_mode):
        raise PathError(f"{shown(folder)}: is not a folder", EXIT_INVALID)


def _kind_words(found: os.stat_result) -> str:
    mode = found.st_mode
    if stat.S_ISREG(mode):
        return f"a regular file of {found.st_size:,} bytes"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"
