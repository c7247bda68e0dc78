"""Where `export`, `compare` and the app may write (issue 9, classes 1, 2 and 4).

One rule for output paths (incident.paths.plan_output): never an incident file or any file the
run reads; only a regular file or a new name is replaced, and only with --force (or a
confirmation that names what it is); devices, FIFOs and '-' are streams, never replaced;
`--all` checks every target before the first write; temporary names fit any valid final name.
And no name reaches the terminal raw. The CLI runs in-process (exit codes and stderr as the
process gives them); the app through Textual's pilot.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
import threading
from pathlib import Path

import pytest
from cases import BASE_TEXT, FILES
from test_hostile_validate import RAW

from incident.paths import shown
from incident_cli import main

VALID = FILES / "valid-base.yaml"
KEEP = "keep me\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert RAW.search(captured.err.replace("\n", "")) is None, captured.err
    return code, captured.out, captured.err


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "incident.yaml"
    shutil.copy(VALID, path)
    return path


def test_dev_null_is_written_to_never_replaced(
    source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = os.stat("/dev/null")
    for extra in ([], ["--force"]):
        code, _, err = run(["export", source, "-o", "/dev/null", *extra], capsys)
        assert code == 0, err
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_dash_and_dev_stdout_print_the_document(
    name: str, source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["export", source, "-o", name], capsys)
    assert code == 0, err
    assert out.startswith("# Post-mortem: Hostile input")
    assert "wrote" not in err


def test_a_fifo_is_written_to_in_place(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    code, _, err = run(["export", source, "-o", fifo, "--force"], capsys)
    reader.join(timeout=60)
    assert code == 0, err
    assert got and got[0].startswith(b"# Post-mortem")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("kind", ["link", "dangling-link", "folder", "socket"])
def test_what_is_not_a_regular_file_is_never_replaced(
    kind: str, source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.md"
    real = tmp_path / "real.md"
    real.write_text(KEEP)
    if kind == "link":
        target.symlink_to(real)
    elif kind == "dangling-link":
        target.symlink_to(tmp_path / "nowhere.md")
    elif kind == "folder":
        target.mkdir()
    else:
        import socket

        server = socket.socket(socket.AF_UNIX)
        server.bind(str(target))
        server.close()
    before = os.lstat(target)
    code, _, err = run(["export", source, "-o", target, "--force"], capsys)
    assert code == 2, err
    assert err.startswith(f"incident: error: {target}: is "), err
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert real.read_text() == KEEP


def test_never_the_incident_file_nor_another_name_for_it(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hard = tmp_path / "same.md"
    os.link(source, hard)
    other = tmp_path / "other.yaml"
    other.write_text(BASE_TEXT)
    for target in (source, hard, other):
        code, _, err = run(["export", source, "-o", target, "--force"], capsys)
        assert code == 2, err
    assert source.read_text() == BASE_TEXT and other.read_text() == BASE_TEXT
    code, _, err = run(["compare", source, other, "-o", other, "--force"], capsys)
    assert code == 2, err
    assert other.read_text() == BASE_TEXT


def test_a_regular_file_needs_force(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.md"
    target.write_text(KEEP)
    code, _, err = run(["export", source, "-o", target], capsys)
    assert code == 1 and "already exists (use --force to overwrite)" in err
    assert target.read_text() == KEEP
    code, _, err = run(["export", source, "-o", target, "--force"], capsys)
    assert code == 0 and target.read_text().startswith("# Post-mortem")


def test_a_250_byte_name_is_written_and_a_300_byte_one_refused(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / ("p" * 247 + ".md")
    code, _, err = run(["export", source, "-o", good], capsys)
    assert code == 0, err
    assert good.read_text().startswith("# Post-mortem")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    code, _, err = run(["export", source, "-o", tmp_path / ("p" * 297 + ".md")], capsys)
    assert code == 2 and "longer than 255 bytes" in err


def _two_incidents(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.yaml").write_text(BASE_TEXT)
    (folder / "b.yaml").write_text(BASE_TEXT.replace("id: hostile", "id: zz-second", 1))
    return folder


@pytest.mark.parametrize("blocker", ["dangling-link", "folder", "fifo"])
def test_all_checks_every_target_before_the_first_write(
    blocker: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _two_incidents(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    second = out / "zz-second.md"  # written after hostile.md
    if blocker == "dangling-link":
        second.symlink_to(tmp_path / "nowhere.md")
    elif blocker == "folder":
        second.mkdir()
    else:
        os.mkfifo(second)
    for force in ([], ["--force"]):
        code, _, err = run(["export", "--all", folder, "-o", out, *force], capsys)
        assert code in (1, 2), err
        assert f"{second}: " in err, err
        assert not (out / "hostile.md").exists(), err


def test_all_into_a_new_folder_writes_every_post_mortem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _two_incidents(tmp_path)
    out = tmp_path / "new"
    code, _, err = run(["export", "--all", folder, "-o", out], capsys)
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["hostile.md", "zz-second.md"]


def test_names_never_reach_the_terminal_raw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'wrote NAME', 'no such file', and the duplicate-id message of --all."""
    nasty = "x\x1b]0;pwned\x07\x1b[2J\x9b"
    folder = tmp_path / f"in{nasty}"
    folder.mkdir()
    (folder / f"a{nasty}.yaml").write_text(BASE_TEXT)
    (folder / f"b{nasty}.yaml").write_text(BASE_TEXT)
    code, _, err = run(["export", "--all", folder, "-o", tmp_path / "out"], capsys)
    assert code == 2 and "two files have incident id" in err
    code, _, err = run(["export", tmp_path / f"missing{nasty}.yaml"], capsys)
    assert code == 2 and shown(tmp_path / f"missing{nasty}.yaml") in err
    source = folder / f"a{nasty}.yaml"
    code, _, err = run(["export", source, "-o", tmp_path / f"out{nasty}.md"], capsys)
    assert code == 0 and f"wrote {shown(tmp_path / f'out{nasty}.md')}" in err
    code, _, err = run(["validate", tmp_path / f"gone{nasty}"], capsys)
    assert code == 2


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "--format", "\x1b]0;pwned\x07"],
        ["validate", "--strict", "--nonsense\x1b[2J"],
        ["export", "x", "--locale", "\x9b31m"],
    ],
)
def test_what_was_typed_is_quoted_visibly_in_usage_errors(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(argv, capsys)  # run() checks stderr for raw escapes
    assert code == 2 and out == ""


@pytest.mark.parametrize("command", ["validate", "export", "open"])
def test_paths_that_cannot_be_checked_are_usage_errors(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for bad in (tmp_path / ("n" * 300 + ".yaml"), Path("~nosuchuser-incident/x.yaml")):
        code, out, err = run([command, bad], capsys)
        assert code == 2, err
        assert out == ""
        assert err.count("\n") == 1 and err.startswith("incident: error: "), err


def test_an_unreadable_subfolder_is_an_error_not_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root reads every folder; the refusal is simulated where the folder is listed."""
    from incident import paths

    (tmp_path / "ok.yaml").write_text(BASE_TEXT)
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path: os.PathLike[str] | str) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(paths.os, "scandir", scandir)
    code, out, err = run(["validate", tmp_path], capsys)
    assert code == 2, out + err
    assert "all valid" not in out
    assert err == f"incident: error: {locked}: cannot list this folder: Permission denied\n"


# -- the app's export dialog: the same rule

pytest.importorskip("textual")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tui"))


async def _export_in_app(source: Path, typed: str) -> tuple[object, list[str]]:
    from textual.widgets import Input, Static
    from tui_helpers import make_app, ready

    from tui.screens.dialogs import ExportDialog

    app = make_app(source)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one(Input).value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        screen = app.screen
        notes = [str(n.message) for n in app._notifications]
        if isinstance(screen, ExportDialog):  # a refusal stays in the dialog, text kept
            notes.append(str(screen.query_one("#export-error", Static).render()))
    return screen, notes


@pytest.mark.parametrize(
    "typed",
    [
        "{source}",  # the incident file itself
        "~nosuchuser-incident/x.md",
        "{tmp}/" + "n" * 300 + ".md",
        "{tmp}/no-such-folder/x.md",
        "{tmp}/real.md/x.md",  # a file taken for a folder (a folder means FOLDER/<id>.md)
        "{tmp}/link.md",  # a symbolic link
        "-",  # the app's own screen
    ],
)
async def test_the_app_refuses_what_the_command_line_refuses(
    typed: str, source: Path, tmp_path: Path
) -> None:
    (tmp_path / "link.md").symlink_to(tmp_path / "real.md")
    (tmp_path / "real.md").write_text(KEEP)
    screen, notes = await _export_in_app(
        source, typed.format(source=source, tmp=tmp_path)
    )
    from tui.screens.dialogs import ConfirmDialog

    assert not isinstance(screen, ConfirmDialog)
    assert any(n.startswith("Not written: ") for n in notes), notes
    assert source.read_text() == BASE_TEXT
    assert (tmp_path / "real.md").read_text() == KEEP
    assert (tmp_path / "link.md").is_symlink()


async def test_the_app_names_what_it_would_overwrite(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "existing.md"
    target.write_text(KEEP)
    screen, _ = await _export_in_app(source, str(target))
    from tui.screens.dialogs import ConfirmDialog

    assert isinstance(screen, ConfirmDialog)
    assert "a regular file of 8 bytes" in screen.question


@pytest.mark.parametrize("zone", ["localtime", "posixrules", "Factory", "right/UTC"])
def test_zone_flags_refuse_what_depends_on_the_machine(
    zone: str, source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["export", source, "--zone", zone], capsys)
    assert code == 2 and out == ""
    assert "did you mean localtime" not in err
