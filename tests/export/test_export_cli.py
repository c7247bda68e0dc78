"""``incident export`` and ``incident compare`` as a user runs them: ``incident_cli.main`` in
process for what it prints and returns, and a few real subprocesses for the exit code a shell
sees and for "never imports Textual"."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from _export_helpers import FIXTURES, REPO, check_structure, fixture

from incident.export.compare import render_comparison
from incident.export.markdown import render_postmortem
from incident_cli import main

DEMO = FIXTURES / "demo-stream.yaml"
SPARSE = FIXTURES / "sparse.yaml"


@dataclass(frozen=True)
class Done:
    returncode: int
    stdout: str
    stderr: str


Incident = Callable[..., Done]


@pytest.fixture
def incident(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Incident:
    """``incident ARGS...`` run in this process from the repository's root."""
    monkeypatch.chdir(REPO)

    def run(*args: str | Path) -> Done:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return Done(code, out, err)

    return run


def subprocess_incident(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "incident_cli", *map(str, args)],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def _one_clear_line(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert stderr.count("\n") == 1 and stderr.startswith("incident: error: "), stderr


def test_export_to_stdout(incident: Incident) -> None:
    done = incident("export", "tests/export/fixtures/demo-stream.yaml")
    assert done.returncode == 0, done.stderr
    expected = render_postmortem(
        fixture("demo-stream"), source_path="tests/export/fixtures/demo-stream.yaml"
    )
    assert done.stdout == expected
    assert done.stderr == ""


def test_export_to_a_file_then_refuse_then_force(incident: Incident, tmp_path: Path) -> None:
    out = tmp_path / "pm.md"
    done = incident("export", DEMO, "-o", out)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    first = out.read_text(encoding="utf-8")
    check_structure(first)
    out.write_text("keep me\n")
    again = incident("export", DEMO, "-o", out)
    assert again.returncode == 1
    _one_clear_line(again.stderr)
    assert "already exists (use --force to overwrite)" in again.stderr
    assert out.read_text() == "keep me\n"
    forced = incident("export", DEMO, "-o", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_text(encoding="utf-8") == first


def test_write_into_a_missing_folder_fails_cleanly(incident: Incident, tmp_path: Path) -> None:
    done = incident("export", DEMO, "-o", tmp_path / "missing" / "pm.md")
    assert done.returncode == 1
    _one_clear_line(done.stderr)
    assert "no such folder" in done.stderr


def test_output_that_is_a_folder_or_the_input_is_refused(
    incident: Incident, tmp_path: Path
) -> None:
    copy = tmp_path / "demo.yaml"
    copy.write_text(DEMO.read_text())
    for args in (
        ("export", copy, "-o", tmp_path),
        ("export", copy, "-o", copy, "--force"),
        ("compare", copy, SPARSE, "-o", copy, "--force"),
    ):
        done = incident(*args)
        assert done.returncode == 2, args
        _one_clear_line(done.stderr)
    assert copy.read_text() == DEMO.read_text()


def test_zone_and_locale_options(incident: Incident) -> None:
    done = incident("export", DEMO, "--zone", "UTC", "--zone", "WITA", "--locale", "id")
    assert done.returncode == 0, done.stderr
    assert "| T+ | UTC | WITA | Event | Actor | Sources |" in done.stdout
    assert "Agustus 2024" in done.stdout
    iana = incident("export", DEMO, "--zone", "Asia/Jayapura", "--zone", "EST")
    assert "| T+ | WIT | EDT | Event |" in iana.stdout  # EST in August reads as New York time


@pytest.mark.parametrize("zone", ["Mars/Olympus", "XYZ", "../etc/passwd", ""])
def test_unknown_zone_is_a_usage_error(incident: Incident, zone: str) -> None:
    done = incident("export", DEMO, "--zone", zone)
    assert done.returncode == 2
    _one_clear_line(done.stderr)
    assert "time zone" in done.stderr and "IANA" in done.stderr
    assert done.stdout == ""


def test_missing_file_is_a_usage_error(incident: Incident) -> None:
    done = incident("export", "no/such/file.yaml")
    assert done.returncode == 2
    _one_clear_line(done.stderr)
    assert "no such file" in done.stderr


def test_invalid_file_prints_its_problems(incident: Incident, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(DEMO.read_text().replace("source: kabar", "source: kabr"))
    out = tmp_path / "pm.md"
    done = incident("export", bad, "-o", out)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().split("\n")
    assert any(
        line.endswith(
            "error[unknown-source]: claim cites source 'kabr', which is not in "
            "sources (did you mean 'kabar'?)"
        )
        and ":" in line
        for line in lines
    ), done.stderr
    assert lines[-1].endswith("not a valid incident file; nothing written")
    assert not out.exists()


def test_export_all_writes_one_file_per_incident(incident: Incident, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = incident("export", "--all", FIXTURES, "-o", out)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["demo-stream.md", "example-cloud-2025.md", "hostile.md", "sparse.md"]
    for path in out.iterdir():
        check_structure(path.read_text(encoding="utf-8"))
    again = incident("export", "--all", FIXTURES, "-o", out)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert incident("export", "--all", FIXTURES, "-o", out, "--force").returncode == 0


def test_export_all_usage_errors(incident: Incident, tmp_path: Path) -> None:
    a_file = tmp_path / "file.md"
    a_file.write_text("x")
    for args in (
        ("export", "--all", FIXTURES, "-o", a_file),
        ("export", "--all", FIXTURES),
        ("export", DEMO, SPARSE),
        ("export", FIXTURES),
    ):
        done = incident(*args)
        assert done.returncode == 2, args
        _one_clear_line(done.stderr)


def test_export_all_writes_nothing_if_one_file_is_invalid(
    incident: Incident, tmp_path: Path
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.yaml").write_text(DEMO.read_text())
    (src / "bad.yaml").write_text("id: [unclosed\n")
    out = tmp_path / "out"
    done = incident("export", "--all", src, "-o", out)
    assert done.returncode == 1
    assert "bad.yaml" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()  # not even the folder


def test_compare(incident: Incident, tmp_path: Path) -> None:
    done = incident("compare", DEMO, SPARSE)
    assert done.returncode == 0, done.stderr
    assert done.stdout == render_comparison(fixture("demo-stream"), fixture("sparse"))
    out = tmp_path / "cmp.md"
    assert incident("compare", DEMO, SPARSE, "-o", out).returncode == 0
    refused = incident("compare", DEMO, SPARSE, "-o", out)
    assert refused.returncode == 1 and "already exists" in refused.stderr
    missing = incident("compare", DEMO, "nope.yaml")
    assert missing.returncode == 2
    _one_clear_line(missing.stderr)
    zone = incident("compare", DEMO, SPARSE, "--zone", "Nowhere/Land")
    assert zone.returncode == 2


def test_export_never_imports_textual() -> None:
    code = (
        "import sys\n"
        "from incident_cli import main\n"
        f"rc = main(['export', {str(DEMO)!r}])\n"
        f"rc2 = main(['compare', {str(DEMO)!r}, {str(SPARSE)!r}])\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith(('textual.', 'tui')))\n"
        "assert rc == 0 and rc2 == 0 and not bad, bad\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("export", "no/such/file.yaml"),
        ("export", "tests/export/fixtures/demo-stream.yaml", "--zone", "Mars/Olympus"),
        ("open", "--zone", "Mars/Olympus"),
    ],
)
def test_usage_errors_exit_2_in_a_real_process(args: tuple[str, ...]) -> None:
    done = subprocess_incident(*args)
    assert done.returncode == 2
    _one_clear_line(done.stderr)


def test_invalid_file_exits_1_in_a_real_process(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed\n")
    done = subprocess_incident("export", bad)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_open_and_export_say_the_same_about_a_bad_zone(incident: Incident) -> None:
    opened = incident("open", "--zone", "Mars/Base")
    exported = incident("export", DEMO, "--zone", "Mars/Base")
    assert opened.returncode == exported.returncode == 2
    _one_clear_line(opened.stderr)
    assert opened.stderr == exported.stderr
    assert "unknown time zone 'Mars/Base'" in opened.stderr


def test_a_bad_zone_names_close_matches(incident: Incident) -> None:
    done = incident("export", DEMO, "--zone", "America/New_Yrok")
    assert done.returncode == 2
    assert "did you mean “America/New_York”" in done.stderr


def test_a_bundled_incident_by_its_id(incident: Incident) -> None:
    done = incident("export", "x-spaces-2024")
    assert done.returncode == 0, done.stderr
    assert "- **Data file:** x-spaces-2024 (incident id x-spaces-2024)" in done.stdout
