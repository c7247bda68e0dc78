"""Atomic writes: all or nothing, never over an existing file without force."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from incident.export import writer
from incident.export.writer import ExportError, write_atomic


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_atomic(target, "héllo\n")
    assert target.read_bytes() == "héllo\n".encode()
    assert _leftovers(tmp_path) == []


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old\n")
    with pytest.raises(ExportError, match=r"already exists.*--force"):
        write_atomic(target, "new\n")
    assert target.read_text() == "old\n"
    assert _leftovers(tmp_path) == []
    write_atomic(target, "new\n", force=True)
    assert target.read_text() == "new\n"


def test_keeps_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old\n")
    target.chmod(0o640)
    write_atomic(target, "new\n", force=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_failed_replace_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.md"
    target.write_text("old\n")

    def broken(*_: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(ExportError, match="could not write: Input/output error"):
        write_atomic(target, "new\n", force=True)
    assert target.read_text() == "old\n"
    assert _leftovers(tmp_path) == []


def test_full_disk_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.md"
    target.write_text("old\n")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError, match="No space left on device"):
        write_atomic(target, "new\n", force=True)
    assert target.read_text() == "old\n"
    assert _leftovers(tmp_path) == []


def test_a_file_that_appears_meanwhile_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.md"
    real_link = os.link

    def racing(src: str | Path, dst: str | Path) -> None:
        Path(dst).write_text("someone else's\n")  # another writer wins the race
        real_link(src, dst)

    monkeypatch.setattr(os, "link", racing)
    with pytest.raises(ExportError, match="already exists"):
        write_atomic(target, "mine\n")
    assert target.read_text() == "someone else's\n"
    assert _leftovers(tmp_path) == []


def test_without_hard_links_it_still_publishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unsupported(*_: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", unsupported)
    target = tmp_path / "out.md"
    write_atomic(target, "text\n")
    assert target.read_text() == "text\n"
    assert _leftovers(tmp_path) == []


def test_missing_folder_and_folder_target(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no such folder"):
        write_atomic(tmp_path / "nope" / "out.md", "x")
    with pytest.raises(ExportError, match="is a folder"):
        write_atomic(tmp_path, "x", force=True)


def test_unwritable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(**_: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(writer.tempfile, "mkstemp", denied)
    with pytest.raises(ExportError, match=r"cannot write in .*Permission denied"):
        write_atomic(tmp_path / "out.md", "x")
    assert not (tmp_path / "out.md").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_read_only_folder_for_real(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "out.md").write_text("old\n")
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError):
            write_atomic(folder / "out.md", "new\n", force=True)
        assert (folder / "out.md").read_text() == "old\n"
    finally:
        folder.chmod(0o700)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_nobody_reads_is_refused_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # open() of a FIFO with no reader would block for ever; it must fail (after the grace a
    # reader has to open its end: none here) instead.
    monkeypatch.setattr(writer, "FIFO_READER_GRACE", 0.0)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(ExportError, match="nothing is reading this named pipe"):
        writer._write_stream(pipe, "text")
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # never replaced


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_with_a_reader_gets_the_text(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        writer._write_stream(pipe, "hello")
        assert os.read(reader, 100) == b"hello"
    finally:
        os.close(reader)
