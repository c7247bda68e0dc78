"""Write a file atomically: a temp file in the same folder, fsync, then ``os.replace``.

A reader sees the old file or the new one, never half of one; on any failure the old file is
left as it was and the temp file is removed.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


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
    if target.is_dir():
        raise ExportError(f"{target}: is a folder, not a file")
    if target.exists() and not force:
        raise ExportError(f"{target}: already exists (use --force to overwrite)")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{folder}: no such folder")
    data = text.encode("utf-8")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write in {folder}: {_reason(exc)}") from None
    temp = Path(temp_name)
    try:
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            _copy_mode(target, temp)
            if force:
                os.replace(temp, target)
            else:
                _publish_new(temp, target)
        except FileExistsError:
            raise ExportError(f"{target}: already exists (use --force to overwrite)") from None
        except OSError as exc:
            raise ExportError(f"{target}: could not write: {_reason(exc)}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _sync_folder(folder)


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
    return exc.strerror or str(exc) or type(exc).__name__
