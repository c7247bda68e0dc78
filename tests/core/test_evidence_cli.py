"""`incident snapshot` and `incident time`, run in-process as a person types them."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from incident_cli import main

REPO = Path(__file__).resolve().parents[2]
PAGE = Path(__file__).parent / "fixtures" / "saved-article.html"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO / "incidents", tmp_path / "incidents")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_snapshot_stores_the_article_and_records_it(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (workdir / "incidents" / "x-spaces-2024.yaml").read_text(encoding="utf-8")
    code, out, err = run(capsys, "snapshot", "ap", str(PAGE), "--captured", "2026-12-01")
    assert (code, err) == (0, "")
    stored = workdir / "incidents" / "x-spaces-2024" / "sources" / "ap.txt"
    assert out.startswith(f"stored {stored}") and "recorded at incidents/x-spaces-2024.yaml:" in out
    text = stored.read_text(encoding="utf-8")
    assert "At 8:42 p.m., the interview finally began." in text and "Most read" not in text
    after = (workdir / "incidents" / "x-spaces-2024.yaml").read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert len(added) == 1 and added[0].startswith(
        "    snapshot: {path: x-spaces-2024/sources/ap.txt"
    )
    assert 'captured: "2026-12-01"' in added[0]
    # The file keeps its comments and layout: only that line is new.
    assert after.replace(added[0] + "\n", "") == before
    # validate now checks AP's quotes against the copy (which lacks them).
    code, out, _ = run(capsys, "validate", "incidents")
    assert code == 1 and "quote-not-found" in out and "snapshot of 'ap'" in out


def test_snapshot_keeps_a_changed_copy_unless_forced(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = workdir / "incidents" / "x-spaces-2024" / "sources" / "cnbc-id.txt"
    original = stored.read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Another text.\n")))
    code, _, err = run(capsys, "snapshot", "cnbc-id", "-")
    assert code == 1 and "already holds a different text (use --force" in err
    assert stored.read_bytes() == original
    code, _, _ = run(capsys, "validate", "incidents")
    assert code == 0  # nothing was half-written
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Another text.\n")))
    code, out, _ = run(capsys, "snapshot", "cnbc-id", "-", "--force")
    assert code == 0 and stored.read_bytes() == b"Another text.\n"
    code, out, _ = run(capsys, "validate", "incidents")
    assert code == 1 and "quote-not-found" in out  # its quotes are no longer in the copy


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["snapshot", "kontan", str(PAGE)], "is in several incidents"),
        (["snapshot", "nobody", str(PAGE)], "is in no incident"),
        (["snapshot", "ap", "missing.html"], "missing.html: no such file"),
        (
            ["snapshot", "bb", str(PAGE), "--incident", "incidents/desantis-2023.yaml"],
            "has no source 'bb'",
        ),
    ],
)
def test_snapshot_usage_errors(
    workdir: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2 and out == "" and message in err and err.startswith("incident: error: ")


def test_time_prints_the_block_to_paste(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "time", "around 8:45 pm E.T.", "--date", "2024-08-12")
    assert (code, err) == (0, "")
    assert (
        out
        == 'time: {kind: about, at: "2024-08-12 20:45", zone: ET, stated: "around 8:45 pm E.T."}\n'
    )
    code, out, _ = run(capsys, "time", "pukul 05.27 pagi", "--date", "2024-08-13", "--zone", "WIB")
    assert out.startswith('time: {kind: exact, at: "2024-08-13 05:27", zone: WIB,')


@pytest.mark.parametrize(
    ("phrase", "at", "day"),
    [
        # 2025-03-21 is a Friday: a weekday is the most recent one up to the day after.
        ("on Thursday at 3pm PT", "2025-03-20 15:00", "Thursday read as 2025-03-20"),
        ("on Monday at 3pm PT", "2025-03-17 15:00", "Monday read as 2025-03-17"),
        ("Friday at 9am UTC", "2025-03-21 09:00", "Friday read as 2025-03-21"),
        ("Sabtu pukul 01.00 WIB", "2025-03-22 01:00", "Saturday read as 2025-03-22"),
    ],
)
def test_time_says_which_day_a_weekday_is_read_as(
    capsys: pytest.CaptureFixture[str], phrase: str, at: str, day: str
) -> None:
    code, out, _ = run(capsys, "time", phrase, "--date", "2025-03-21")
    block, comment = out.splitlines()
    assert code == 0 and f'at: "{at}"' in block
    assert comment.startswith(f"# {day}: the most recent ") and "--date 2025-03-21" in comment


@pytest.mark.parametrize(
    ("phrase", "message"),
    [("6:08", "a.m. or p.m. is not stated (06:08 or 18:08)"), ("earlier today", "cannot read")],
)
def test_time_says_when_it_cannot_read(
    capsys: pytest.CaptureFixture[str], phrase: str, message: str
) -> None:
    code, out, err = run(capsys, "time", phrase, "--date", "2024-08-12")
    assert code == 1 and out == "" and message in err


GAP_INCIDENT = """id: gap
title: Gap
summary: S.
platform: X
date: "2024-03-10"
source_zone: America/New_York
sources:
  - {{id: s, publisher: S, language: en, url: "https://example.com/"}}
events:
  - id: e
    title: E
    kind: observation
    claims:
      - source: s
        quote: "{phrase}"
        time: {block}
"""


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("2:30 a.m.", "nonexistent-time"),  # New York's clocks skip 02:00-03:00 that day
        ("2:30 a.m. GMT+15", "time-range"),  # no zone is 15 hours ahead of UTC
    ],
)
def test_time_refuses_what_validate_refuses_with_its_message_and_exit_code(
    tmp_path: Path, phrase: str, code: str
) -> None:
    def incident(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "incident_cli", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)

    # What the command printed before this fix, pasted into a file, is what validate refuses.
    block = {
        "nonexistent-time": '{kind: exact, at: "2024-03-10 02:30", zone: America/New_York}',
        "time-range": '{kind: exact, at: "2024-03-10 02:30+15:00"}',
    }[code]
    path = tmp_path / "gap.yaml"
    path.write_text(GAP_INCIDENT.format(phrase=phrase, block=block), encoding="utf-8")
    validated = incident("validate", str(path))
    said = next(line for line in validated.stdout.splitlines() if f"error[{code}]" in line)
    rule = said[said.index(f"error[{code}]") :]  # past gap.yaml:LINE:COL:

    done = incident("time", phrase, "--date", "2024-03-10", "--zone", "America/New_York")
    assert (done.returncode, validated.returncode) == (1, 1)
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("incident: error: ")
    assert done.stderr.rstrip("\n").endswith(rule), (done.stderr, rule)


def test_time_still_prints_an_offset_and_a_wall_time_outside_the_gap(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "time", "pukul 20.00 GMT+7", "--date", "2024-03-10")
    assert (code, err) == (0, "")
    assert out.startswith('time: {kind: exact, at: "2024-03-10 20:00+07:00", stated:')
    args = ("--date", "2024-03-10", "--zone", "America/New_York")
    code, out, err = run(capsys, "time", "3:30 a.m.", *args)
    assert (code, err) == (0, "") and '"2024-03-10 03:30"' in out
