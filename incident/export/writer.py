"""Write a file atomically: a temp file in the same folder, fsync, then ``os.replace``.

A reader sees the old file or the new one, never half of one; on any failure the old file is
left as it was and the temp file is removed. Only a regular file is ever replaced: what is at
the name is checked again just before the rename (see :mod:`incident.paths` for the rule).
:func:`write_output` writes a planned :class:`~incident.paths.Output`: standard output, a
stream (a device or FIFO, written to in place), or a file written atomically.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
import time
from pathlib import Path

from ..paths import NAME_MAX, Output, OutputKind, PathError, reason, shown, status


class ExportError(Exception):
    """A post-mortem that could not be written; the message is one line for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def write_atomic(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path``.

    Raises :class:`ExportError` if ``path`` exists and ``force`` is false, if it is a folder,
    if its folder does not exist or cannot be written, or if the write fails (disk full…).
    """
    target = Path(path)
    name = shown(target)
    try:
        found = status(target, follow=False)
        folder = target.parent if str(target.parent) else Path(".")
        folder_found = status(folder)
    except PathError as exc:
        raise ExportError(exc.message) from None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise ExportError(f"{name}: is a folder, not a file")
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise ExportError(f"{name}: is not a regular file, and only a regular file is replaced")
    if found is not None and not force:
        raise ExportError(f"{name}: already exists (use --force to overwrite)")
    if folder_found is None or not stat.S_ISDIR(folder_found.st_mode):
        raise ExportError(f"{shown(folder)}: no such folder")
    data = text.encode("utf-8")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"{name}: cannot write in {shown(folder)}: {_reason(exc)}") from None
    temp = Path(temp_name)
    try:
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            _copy_mode(target, temp)
            if force:
                _still_regular(target)
                os.replace(temp, target)
            else:
                _publish_new(temp, target)
        except FileExistsError:
            raise ExportError(f"{name}: already exists (use --force to overwrite)") from None
        except OSError as exc:
            raise ExportError(f"{name}: could not write: {_reason(exc)}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _sync_folder(folder)


def _temp_prefix(target: Path) -> str:
    """``.NAME.`` cut so the temporary name (8 random characters and ``.tmp`` after it) fits
    in NAME_MAX bytes whatever the final name: a valid 250-byte name must stay writable."""
    room = NAME_MAX - len(".") - len(".") - 8 - len(".tmp") - 8  # spare for mkstemp's choice
    return "." + os.fsdecode(os.fsencode(target.name)[:room]) + "."


def _still_regular(target: Path) -> None:
    """Between the check and the rename something else may have appeared at the name."""
    found = target.lstat() if os.path.lexists(target) else None
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise ExportError(
            f"{shown(target)}: is not a regular file, and only a regular file is replaced"
        )


def write_output(output: Output, text: str) -> None:
    """Write ``text`` where :func:`incident.paths.plan_output` said it may go."""
    if output.kind is OutputKind.stdout:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise ExportError(f"could not write to standard output: {_reason(exc)}") from None
        return
    assert output.path is not None
    if output.kind is OutputKind.stream:
        _write_stream(output.path, text)
        return
    write_atomic(output.path, text, force=output.kind is OutputKind.overwrite)


FIFO_READER_GRACE = 3.0  # seconds a named pipe's reader has to open its end


def _write_stream(path: Path, text: str) -> None:
    """Write to a character device or a FIFO in place: never created, never replaced."""
    # A FIFO is opened without waiting: with nothing reading it, open() would block for ever.
    # Once open, writes wait as usual for the reader to take the text.
    # A reader started beside the command (`cat pipe & incident export -o pipe`) gets a few
    # seconds to open its end.
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0)
    deadline = time.monotonic() + FIFO_READER_GRACE
    while True:
        try:
            fd = os.open(path, flags)
            break
        except OSError as exc:
            if exc.errno == errno.ENXIO and time.monotonic() < deadline:
                time.sleep(0.05)
                continue
            if exc.errno == errno.ENXIO:
                raise ExportError(
                    f"{shown(path)}: nothing is reading this named pipe; nothing written"
                ) from None
            raise ExportError(f"{shown(path)}: could not open: {_reason(exc)}") from None
    try:
        os.set_blocking(fd, True)
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            raise ExportError(f"{shown(path)}: is no longer a device or a pipe; nothing written")
        data = memoryview(text.encode("utf-8"))
        while data:
            written = os.write(fd, data)
            data = data[written:]
    except OSError as exc:
        raise ExportError(f"{shown(path)}: could not write: {_reason(exc)}") from None
    finally:
        os.close(fd)


def _publish_new(temp: Path, target: Path) -> None:
    """Put ``temp`` at ``target`` only if nothing is there (no race with another writer).

    A hard link fails if the name exists; where links are not supported, fall back to
    ``os.replace`` (the existence check above already ran).
    """
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:
        os.replace(temp, target)
        return
    with contextlib.suppress(OSError):
        temp.unlink()


def _copy_mode(target: Path, temp: Path) -> None:
    """Keep an overwritten file's permissions; a new file gets the usual 0666 & ~umask."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    os.chmod(temp, mode)


def _umask() -> int:
    """The process umask, read without changing it (os.umask would race other threads)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (best effort: not every platform can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _reason(exc: OSError) -> str:
    return reason(exc)
