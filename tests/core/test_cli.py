"""`incident` run as a user runs it: a subprocess, its exit codes and its output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from incident_samples import MINIMAL, ROOT


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("GITHUB_ACTIONS", None) if "GITHUB_ACTIONS" not in (env or {}) else None
    return subprocess.run(
        [sys.executable, "-m", "incident_cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=60,
        check=False,
    )


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    return path


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(
        MINIMAL.replace("    title: Conversation starts", "    titel: Conversation starts").replace(
            "      - source: cnbc", "      - source: cnbcc"
        ),
        encoding="utf-8",
    )
    return path


def test_valid_file_exits_0_with_one_summary_line(good: Path) -> None:
    result = run("validate", str(good))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines() == ["1 file, 2 events: all valid"]
    assert "Traceback" not in result.stderr


def test_invalid_file_exits_1_and_names_file_line_column(bad: Path) -> None:
    result = run("validate", str(bad))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    # 'title' is missing only because it is misspelt: one problem says both
    assert lines[0] == (
        f"{bad}:20:5: error[unknown-field]: unknown field 'titel' (did you mean 'title'?)"
    )
    # the dangling source is reported in the same run, though the file failed the models
    assert lines[1].startswith(f"{bad}:26:17: error[unknown-source]: claim cites source 'cnbcc'")
    # a structural error does not hide the event count
    assert lines[2] == "1 file, 2 events: 2 errors, 0 warnings"


def test_bundled_incidents_are_valid() -> None:
    result = run("validate", "incidents/")
    assert result.returncode == 0, result.stdout + result.stderr


def test_default_path_is_incidents_folder() -> None:
    result = run("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "all valid" in result.stdout


@pytest.mark.parametrize(
    "args", [("validate", "no/such/path"), ("validate", "--format", "xml"), ("frobnicate",)]
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_folder_without_yaml_exits_2(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path))
    assert result.returncode == 2
    assert "no incident files" in result.stderr


def test_json_output_is_one_document(bad: Path, good: Path) -> None:
    result = run("validate", "--format", "json", str(good), str(bad))
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["valid"] is False
    assert document["summary"]["files"] == 2
    first = document["problems"][0]
    assert {"file", "line", "column", "severity", "code", "message", "path"} <= set(first)
    assert (first["path"], first["code"], first["line"]) == ("events[1].titel", "unknown-field", 20)


def test_github_annotations(bad: Path) -> None:
    result = run("validate", "--format", "github", str(bad))
    assert result.returncode == 1
    annotations = [ln for ln in result.stdout.splitlines() if ln.startswith("::error ")]
    assert annotations
    assert ",line=20,col=5::" in annotations[0] or any(",line=20,col=5::" in a for a in annotations)
    assert "title=incident validate (unknown-field)" in result.stdout
    # the plain lines follow, since GitHub shows only ten annotations per step
    assert any(":20:5: error[unknown-field]" in ln for ln in result.stdout.splitlines())


def test_github_format_is_default_under_actions(bad: Path) -> None:
    result = run("validate", str(bad), env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("::error ")


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    path = tmp_path / "warn.yaml"
    path.write_text(
        MINIMAL.replace(
            "sources:\n",
            "sources:\n  - {id: bbc, publisher: BBC, url: 'https://b.example', language: en}\n",
        ),
        encoding="utf-8",
    )
    assert run("validate", str(path)).returncode == 0
    strict = run("validate", "--strict", str(path))
    assert strict.returncode == 1
    assert "warning[uncited-source]" in strict.stdout


def test_no_colour_when_not_a_terminal_and_no_color_honoured(bad: Path) -> None:
    assert "\x1b[" not in run("validate", str(bad)).stdout
    forced = run("validate", str(bad), env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\x1b[" in forced.stdout


def test_duplicate_incident_ids_across_files(good: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_text(MINIMAL, encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert result.returncode == 1
    assert "error[duplicate-incident]" in result.stdout


def test_schema_command_prints_the_committed_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    committed = json.loads((ROOT / "schemas" / "incident.schema.json").read_text())
    assert json.loads(result.stdout) == committed


def test_validate_does_not_import_textual(good: Path) -> None:
    code = (
        "import sys\n"
        "from incident_cli import main\n"
        f"rc = main(['validate', {str(good)!r}])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tui'))\n"
        "print('IMPORTED', bad)\n"
        "sys.exit(rc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "IMPORTED []" in result.stdout


def test_validate_imports_rapidfuzz_only_for_a_quote_not_found() -> None:
    # The bundled files' snapshotted quotes are all found: no close match is computed, so the
    # fuzzy matcher (~10 ms to import) is never loaded.
    code = (
        "import sys\n"
        "from incident_cli import main\n"
        "rc = main(['validate', 'incidents/'])\n"
        "print('IMPORTED', 'rapidfuzz' in sys.modules)\n"
        "sys.exit(rc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "verified" in result.stdout and "0 not found" in result.stdout
    assert "IMPORTED False" in result.stdout


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("incident ")


def test_default_path_outside_a_project_is_a_usage_error(tmp_path: Path) -> None:
    # Never fall back to the bundled samples: a CI job or hook would pass without checking
    # the user's files.
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 2
    assert "incidents: no such file or folder" in result.stderr


def _stderr_or_exit_uses(path: Path) -> list[str]:
    """Where a module writes to stderr, exits, or raises SystemExit."""
    import ast

    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "sys"
            and node.attr in ("stderr", "exit", "__stderr__")
        ):
            found.append(f"{path}:{node.lineno}: sys.{node.attr}")
        if isinstance(node, ast.Name) and node.id in ("SystemExit", "exit", "quit"):
            found.append(f"{path}:{node.lineno}: {node.id}")
        if isinstance(node, ast.ImportFrom) and node.module == "sys":
            names = {alias.name for alias in node.names}
            if names & {"stderr", "exit"}:
                found.append(f"{path}:{node.lineno}: from sys import {sorted(names)}")
    return found


def test_only_the_command_line_writes_to_stderr_or_exits() -> None:
    packages = ("incident", "schemas", "tui")
    found = [
        use
        for package in packages
        for path in sorted((ROOT / package).rglob("*.py"))
        for use in _stderr_or_exit_uses(path)
    ]
    assert found == []
    # and the check itself sees what it looks for
    assert _stderr_or_exit_uses(ROOT / "incident_cli" / "failures.py")


def test_validate_with_no_path_and_no_incidents_folder_says_what_to_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from incident_cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "name the incident files or folders to check" in err and "incident list" in err


def test_list_prints_the_bundled_incidents_with_their_paths(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from incident.bundled import bundled_files
    from incident_cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    files = bundled_files()
    assert len(files) >= 2
    for path in files:
        assert f"\n    {path.resolve()}\n" in "\n" + out
        assert out.count(path.stem + "  ") == 1
