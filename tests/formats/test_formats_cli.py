"""``incident export --format …``, ``incident import`` and ``incident schema --output`` as a
person runs them (in-process ``incident_cli.main``: the same exit codes and messages)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from _formats_helpers import BUNDLED, bad_zone_sheet

from incident.validate import check_file
from incident_cli import main
from incident_samples import ROOT


@dataclass(frozen=True)
class Done:
    returncode: int
    stdout: str
    stderr: str


Incident = Callable[..., Done]


@pytest.fixture
def incident(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Incident:
    monkeypatch.chdir(ROOT)

    def run(*args: str | Path) -> Done:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return Done(code, out, err)

    return run


X_SPACES = next(p for p in BUNDLED if p.stem == "x-spaces-2024")


@pytest.mark.parametrize("kind", ["timelinejs", "json"])
def test_json_formats_to_stdout(incident: Incident, kind: str) -> None:
    done = incident("export", X_SPACES, "--format", kind)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert "events" in data and done.stderr == ""


def test_timesketch_counts_untimed_claims_on_stderr(incident: Incident) -> None:
    done = incident("export", X_SPACES, "--format", "timesketch")
    assert done.returncode == 0
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    check = check_file(X_SPACES)
    assert check.incident is not None
    total = sum(len(e.claims) for e in check.incident.events)
    assert done.stderr.endswith(
        f"{total - len(rows)} claims with no time left out "
        "(Timesketch places every row at a time)\n"
    )
    as_csv = incident("export", X_SPACES, "--format", "timesketch-csv")
    assert len(list(csv.reader(io.StringIO(as_csv.stdout, newline="")))) == len(rows) + 1


def test_export_all_in_a_format(incident: Incident, tmp_path: Path) -> None:
    done = incident("export", "--all", ROOT / "incidents", "-o", tmp_path, "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{p.stem}.claims.csv" for p in BUNDLED
    )


def test_unknown_format_is_a_usage_error(incident: Incident) -> None:
    done = incident("export", X_SPACES, "--format", "pdf")
    assert done.returncode == 2 and "invalid choice: 'pdf'" in done.stderr


def test_csv_export_then_import_writes_a_valid_incident(incident: Incident, tmp_path: Path) -> None:
    sheet, out = tmp_path / "claims.csv", tmp_path / "incident.yaml"
    assert incident("export", X_SPACES, "--format", "csv", "-o", sheet).returncode == 0
    done = incident("import", sheet, "-o", out, "--title", "X Spaces", "--platform", "X")
    assert done.returncode == 0, done.stderr
    assert done.stderr.endswith(f"imported 17 events, 46 claims from {sheet}\n")
    result = check_file(out)
    assert result.ok and result.incident is not None
    assert (result.incident.title, result.incident.platform) == ("X Spaces", "X")
    again = incident("import", sheet, "-o", out)
    assert again.returncode == 1 and "already exists (use --force to overwrite)" in again.stderr


def test_a_bad_zone_in_row_7_fails_and_writes_nothing(incident: Incident, tmp_path: Path) -> None:
    sheet, out = tmp_path / "claims.csv", tmp_path / "incident.yaml"
    sheet.write_text(bad_zone_sheet(), encoding="utf-8", newline="")
    done = incident("import", sheet, "-o", out)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert any(line.startswith(f"{sheet}:7:zone: error[") for line in lines), lines
    assert lines[-1] == f"incident: error: {sheet}: 1 bad cell; nothing written"
    assert "Traceback" not in done.stderr
    assert sorted(tmp_path.iterdir()) == [sheet]


def test_import_usage_errors(incident: Incident, tmp_path: Path) -> None:
    missing = incident("import", tmp_path / "nope.csv")
    assert missing.returncode == 2 and missing.stderr.startswith("incident: error: ")
    sheet = tmp_path / "claims.csv"
    sheet.write_text("event,source\nx,ap\n", encoding="utf-8")
    zone = incident("import", sheet, "--source-zone", "Mars/Base")
    assert zone.returncode == 2 and "unknown" in zone.stderr
    same = incident("import", sheet, "-o", sheet)
    assert same.returncode == 2


def test_schema_output_prints_the_committed_timeline_schema(incident: Incident) -> None:
    done = incident("schema", "--output")
    assert done.returncode == 0
    committed = (ROOT / "schemas" / "timeline.schema.json").read_text(encoding="utf-8")
    assert done.stdout == committed
    assert json.loads(incident("schema").stdout)["title"] == "Incident timeline"


CONTROLS_YAML = r"""id: controls
title: "Bell\a in the title"
summary: Control characters from YAML escapes.
platform: Example
date: "2024-08-12"
source_zone: America/New_York
sources:
  - {id: ap, publisher: "AP\e[2J", url: "https://example.com/a", language: en}
events:
  - id: start
    title: "The \e[31mred\e[0m start"
    kind: milestone
    note: "CSI\x9b2J and DEL\x7f"
    claims:
      - source: ap
        quote: "It began\a at 8:42 p.m.\e]52;c;ZXZpbA==\a"
        translation: "ring\a"
        time: {kind: exact, at: "2024-08-12 20:42", stated: "\e[1mAt 8:42 p.m."}
"""
# What a terminal or a spreadsheet would act on: C0 but tab and line feed, DEL, C1. (The CSV
# writer's own \r\n line ends are taken off by the CSV reader before the cells are checked.)
CONTROL_CHARACTERS = {chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]} - {"\t", "\n"}


@pytest.mark.parametrize("kind", ["csv", "timesketch-csv"])
def test_csv_exports_write_control_characters_visibly(
    incident: Incident, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "controls.yaml"
    path.write_text(CONTROLS_YAML, encoding="utf-8")
    assert check_file(path).ok
    done = incident("export", path, "--format", kind)
    assert done.returncode == 0, done.stderr
    cells = [cell for row in csv.reader(io.StringIO(done.stdout, newline="")) for cell in row]
    found = {ch for cell in cells for ch in cell if ch in CONTROL_CHARACTERS}
    assert not found, sorted(map(hex, map(ord, found)))
    text = "\n".join(cells)
    assert "␛[31mred␛[0m" in text  # ESC as the visible form every other surface uses
    assert "began␇ at 8:42" in text  # BEL
    if kind == "csv":  # the claims sheet carries every text field as it is
        assert "CSI\\x9b2J and DEL␡" in text  # C1 and DEL
        assert "AP␛[2J" in text
