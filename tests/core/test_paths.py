"""incident.paths: checked path operations and the one rule for where output may go."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from incident import paths
from incident.export.writer import ExportError, write_atomic, write_output
from incident.paths import OutputKind, PathError, plan_output, plan_outputs


def test_expand_an_unknown_user_is_a_located_error() -> None:
    with pytest.raises(PathError) as caught:
        paths.expand("~nosuchuser-incident/x.md")
    assert caught.value.message.startswith("~nosuchuser-incident/x.md: no home folder")
    assert caught.value.code == 2
    assert paths.expand("plain/x.md") == Path("plain/x.md")


def test_a_name_too_long_to_check_is_a_located_error(tmp_path: Path) -> None:
    long = tmp_path / ("x" * 300 + ".yaml")
    with pytest.raises(PathError) as caught:
        paths.status(long)
    assert "cannot check it: File name too long" in caught.value.message
    assert paths.status(tmp_path / "missing") is None
    assert paths.status(tmp_path / "missing" / "deeper") is None


def test_names_are_shown_visibly() -> None:
    assert paths.shown("bad\x1b]0;pwned\x07\n.yaml") == "bad␛]0;pwned␇ ⏎ .yaml"


def test_walk_refuses_a_folder_it_cannot_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root reads every folder, so the refusal is simulated where the listing happens."""
    (tmp_path / "ok.yaml").write_text("id: x\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.yaml").write_text("id: y\n")
    real_scandir = os.scandir

    def scandir(path: os.PathLike[str] | str) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(paths.os, "scandir", scandir)
    with pytest.raises(PathError) as caught:
        paths.walk(tmp_path)
    assert caught.value.message == f"{locked}: cannot list this folder: Permission denied"


def test_walk_follows_links_to_folders_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.yaml").write_text("id: x\n")
    (tmp_path / "a" / "loop").symlink_to(tmp_path)
    (tmp_path / "notes.txt").write_text("no\n")
    (tmp_path / ".yaml").write_text("a hidden file named like a suffix\n")
    assert paths.walk(tmp_path) == [tmp_path / "a" / "one.yaml"]


# -- the output rule


def test_new_and_existing_regular_files(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    assert plan_output(out).kind is OutputKind.new
    out.write_text("old")
    with pytest.raises(PathError) as caught:
        plan_output(out)
    assert caught.value.code == 1
    assert "already exists (use --force to overwrite)" in caught.value.message
    planned = plan_output(out, force=True)
    assert planned.kind is OutputKind.overwrite
    assert planned.what == "a regular file of 3 bytes"


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_dash_and_dev_stdout_mean_standard_output(name: str) -> None:
    assert plan_output(name).kind is OutputKind.stdout
    assert plan_output(None).kind is OutputKind.stdout


def test_devices_and_fifos_are_streams_never_replaced(tmp_path: Path) -> None:
    assert plan_output("/dev/null").kind is OutputKind.stream
    assert plan_output("/dev/null", force=True).kind is OutputKind.stream
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    assert plan_output(fifo, force=True).kind is OutputKind.stream
    link = tmp_path / "null.md"
    link.symlink_to("/dev/null")
    assert plan_output(link).kind is OutputKind.stream


def test_written_to_a_fifo_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # the reader is there first
    try:
        write_output(plan_output(fifo, force=True), "# hello\n")
        assert os.read(reader, 100) == b"# hello\n"
    finally:
        os.close(reader)
    assert paths.status(fifo, follow=False) is not None
    assert os.path.exists(fifo) and not fifo.is_file()


def test_written_to_dev_null_without_replacing_it() -> None:
    before = os.stat("/dev/null")
    write_output(plan_output("/dev/null", force=True), "# text\n")
    after = os.stat("/dev/null")
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)


@pytest.mark.parametrize("kind", ["folder", "link-to-file", "dangling-link", "socket"])
def test_what_is_not_a_regular_file_is_refused_even_with_force(kind: str, tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    if kind == "folder":
        target.mkdir()
    elif kind == "link-to-file":
        (tmp_path / "real.md").write_text("keep")
        target.symlink_to(tmp_path / "real.md")
    elif kind == "dangling-link":
        target.symlink_to(tmp_path / "nowhere.md")
    else:
        import socket

        server = socket.socket(socket.AF_UNIX)
        server.bind(str(target))
        server.close()
    with pytest.raises(PathError) as caught:
        plan_output(target, force=True)
    assert caught.value.code == 2
    assert caught.value.message.startswith(f"{target}: is ")


def test_never_a_file_the_run_reads_nor_an_incident_file(tmp_path: Path) -> None:
    source = tmp_path / "incident.yaml"
    source.write_text("id: x\n")
    hard = tmp_path / "same-file.md"
    os.link(source, hard)
    with pytest.raises(PathError, match="a file this run reads"):
        plan_output(hard, reads=[source], force=True)
    other = tmp_path / "other.yaml"
    other.write_text("id: y\n")
    with pytest.raises(PathError, match="is an incident file"):
        plan_output(other, force=True)


def test_names_too_long_and_missing_folders(tmp_path: Path) -> None:
    with pytest.raises(PathError, match="longer than 255 bytes"):
        plan_output(tmp_path / ("x" * 300 + ".md"))
    with pytest.raises(PathError, match="no such folder"):
        plan_output(tmp_path / "nowhere" / "out.md")
    with pytest.raises(PathError, match="no home folder"):
        plan_output("~nosuchuser-incident/out.md")


def test_a_250_byte_name_is_written(tmp_path: Path) -> None:
    """The temporary name must fit wherever the final one does."""
    name = "é" * 123 + "x.md"  # 250 bytes in UTF-8, the cut falls inside a character
    assert len(os.fsencode(name)) == 250
    target = tmp_path / name
    write_output(plan_output(target), "# text\n")
    assert target.read_text() == "# text\n"
    write_output(plan_output(target, force=True), "# again\n")
    assert target.read_text() == "# again\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_every_target_is_checked_before_the_first_write(tmp_path: Path) -> None:
    targets = [tmp_path / "a.md", tmp_path / "b.md", tmp_path / "c.md"]
    (tmp_path / "c.md").symlink_to(tmp_path / "nowhere.md")
    with pytest.raises(PathError, match="symbolic link"):
        plan_outputs(targets, force=True)
    assert not (tmp_path / "a.md").exists()


def test_the_writer_never_replaces_what_is_not_a_regular_file(tmp_path: Path) -> None:
    """Checked again at write time: something may appear at the name after the plan."""
    link = tmp_path / "out.md"
    (tmp_path / "real.md").write_text("keep")
    link.symlink_to(tmp_path / "real.md")
    with pytest.raises(ExportError, match="not a regular file"):
        write_atomic(link, "new", force=True)
    assert link.is_symlink() and (tmp_path / "real.md").read_text() == "keep"
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match="not a regular file"):
        write_atomic(fifo, "new", force=True)
    assert not fifo.is_file()
