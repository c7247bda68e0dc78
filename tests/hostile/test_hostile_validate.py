"""Hostile inputs against `incident validate`: exact outcome, located problem, no traceback, and
nothing from the file reaches the terminal raw. The table of cases lives in cases.py."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from cases import BUGS, BY_NAME, CASES, FILES, FIXED, HERE, VALIDATE_BUGS, Case, markdown

from incident.loader import LoadError, decode
from incident.report import write_github, write_text
from incident.validate import FileResult, UsageError, check_paths, check_text
from incident_cli import main

REPO = HERE.parent.parent

# Characters that must never reach a terminal from file text: C0 (but newline), DEL, C1,
# bidi embeddings/overrides/isolates, zero-width characters, line/paragraph separators.
RAW = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)
PROBLEM_LINE = re.compile(r"^.+:(\d+):(\d+): (error|warning)\[([a-z0-9-]+)\]: .+$")


def params(cases: list[Case], bugs: set[str] | None = None) -> list[Any]:
    """One param per case; a case with an open bug (among ``bugs``, default all) is xfail."""
    out = []
    for case in cases:
        marks = []
        is_open = case.bug is not None and case.bug not in FIXED
        if is_open and case.bug is not None and (bugs is None or case.bug in bugs):
            marks.append(pytest.mark.xfail(strict=True, reason=f"bug {case.bug}: {BUGS[case.bug]}"))
        out.append(pytest.param(case, id=case.name, marks=marks))
    return out


@pytest.fixture(scope="session")
def session_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile-session")


_BUILT: dict[str, Path] = {}


def source(case: Case, tmp_path: Path, session_dir: Path) -> Path:
    """The input path; expensive inputs (50 MB) are built once per session and shared."""
    if not case.session:
        return case.source(tmp_path)
    assert case.make is not None
    key = case.make.__name__
    if key not in _BUILT:
        _BUILT[key] = case.make(session_dir)
    return _BUILT[key]


def assert_clean(text: str, where: str) -> None:
    assert "Traceback" not in text, f"{where}: traceback\n{text[-2000:]}"
    found = RAW.search(text)
    assert found is None, f"{where}: raw {found.group()!r} in output: {text[:500]!r}"


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse errors
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def first_error(problems: list[dict[str, Any]]) -> dict[str, Any] | None:
    errors = [p for p in problems if p["severity"] == "error"]
    return errors[0] if errors else None


@pytest.mark.parametrize("case", params(CASES, VALIDATE_BUGS))
def test_validate_in_process(
    case: Case, tmp_path: Path, session_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = source(case, tmp_path, session_dir)
    argv = ["validate", "--format", "json", *case.args, str(path)]
    code, out, err = run_main(argv, capsys)
    assert_clean(out + err, "json")
    assert code == case.exit, f"exit {code}, expected {case.exit}\n{out}\n{err}"
    if case.exit == 2:
        assert out == ""
        assert err.startswith(("incident: error:", "usage:")), err
        assert err.rstrip("\n").splitlines()[-1].startswith("incident: error:"), err
        return
    document = json.loads(out)
    problems = document["problems"]
    if case.code is not None:
        error = first_error(problems)
        assert error is not None, problems
        assert (error["code"], error["line"], error["column"]) == (
            case.code,
            *case.where,  # type: ignore[misc]
        ), error
    else:
        assert first_error(problems) is None, problems
        assert document["valid"] is True
    if case.warning is not None:
        assert case.warning in {p["code"] for p in problems if p["severity"] == "warning"}

    # The same report as text and as GitHub annotations: one line per problem, nothing raw.
    report = check_paths([path], _max_bytes(case))
    for writer, name in ((write_text, "text"), (write_github, "github")):
        buffer = io.StringIO()
        writer(report, False, buffer)
        rendered = buffer.getvalue()
        assert_clean(rendered, name)
        lines = rendered.rstrip("\n").split("\n")
        shown = [line for line in lines if PROBLEM_LINE.match(line)]
        assert len(shown) == len(report.problems), f"{name}: a problem spans lines\n{rendered}"
        if case.code is not None and case.where is not None:
            assert any(
                f":{case.where[0]}:{case.where[1]}: error[{case.code}]: " in line for line in shown
            ), rendered


def _max_bytes(case: Case) -> int:
    if "--max-bytes" not in case.args:
        return 64 * 1024 * 1024
    value = case.args[case.args.index("--max-bytes") + 1]
    factor = {"K": 1024, "M": 1024**2, "G": 1024**3}.get(value[-1:], 1)
    return int(float(value.rstrip("KMG")) * factor)


SUBPROCESS_CASES = [case for case in CASES if case.subprocess]


@pytest.mark.parametrize("case", params(SUBPROCESS_CASES, VALIDATE_BUGS))
def test_validate_subprocess(case: Case, tmp_path: Path, session_dir: Path) -> None:
    """The real command, start to exit: exit code, located line, no traceback, nothing raw."""
    path = source(case, tmp_path, session_dir)
    command = [sys.executable, "-m", "incident_cli", "validate", *case.args, str(path)]
    env = {"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)}
    done = subprocess.run(command, capture_output=True, timeout=60, env=env, cwd=tmp_path)
    out = done.stdout.decode("utf-8", "replace")
    err = done.stderr.decode("utf-8", "replace")
    assert_clean(out + err, "subprocess")
    assert done.returncode == case.exit, f"exit {done.returncode}\n{out}\n{err}"
    if case.code is not None and case.where is not None:
        needle = f":{case.where[0]}:{case.where[1]}: error[{case.code}]: "
        assert needle in out, out
    if case.exit == 2:  # argparse's usage lines, then one error line
        assert err.rstrip("\n").splitlines()[-1].startswith("incident: error:"), err


# ---------------------------------------------------------------------------------------------
# The engine directly: check_text never raises, whatever the bytes.


FILE_CASES = [c for c in CASES if c.exit != 2 and not c.args and not c.name.startswith("filename")]


@pytest.mark.parametrize("case", params([c for c in FILE_CASES if not c.session], {"B5"}))
def test_check_text_never_raises(case: Case, tmp_path: Path) -> None:
    path = case.source(tmp_path)
    files = sorted(path.rglob("*.yaml")) if path.is_dir() else [path]
    for file in files:
        if not file.is_file():
            continue
        try:
            text = decode(file.read_bytes())
        except LoadError as exc:
            assert exc.line >= 1 and exc.column >= 1
            continue
        result = check_text(text, file.name)
        assert isinstance(result, FileResult)
        for problem in result.problems:
            assert problem.line >= 1 and problem.column >= 1, problem
            assert RAW.search(problem.message) is None, problem


def test_alias_bomb_is_refused_in_bounded_memory() -> None:
    """10^9 values if expanded: refused after 100,000, with a few MB of Python memory."""
    text = (FILES / "alias-bomb.yaml").read_text(encoding="utf-8")
    tracemalloc.start()
    try:
        result = check_text(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [p.code for p in result.problems] == ["alias-bomb"]
    assert peak < 32 * 1024 * 1024, f"peak {peak:,} bytes"


def test_alias_to_large_scalar_is_shared_not_copied() -> None:
    """Aliases of one 1 MB string: the loader shares the object, so memory stays flat."""
    big = "x" * (1 << 20)
    text = f"id: &big {big}\n" + "".join(f"k{i}: *big\n" for i in range(200))
    tracemalloc.start()
    try:
        result = check_text(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.incident is None
    assert peak < 64 * 1024 * 1024, f"peak {peak:,} bytes"


def test_reconstruct_of_a_reversed_relative_chain(tmp_path: Path) -> None:
    """The app and the export reconstruct what validate accepts: no recursion limit there."""
    from cases import make_relative_chain_reversed

    from incident.loader import parse
    from incident.timeline import reconstruct
    from schemas.models import Incident

    path = make_relative_chain_reversed(tmp_path)
    incident = Incident.model_validate(parse(decode(path.read_bytes())).data)
    timeline = reconstruct(incident)
    assert len(timeline.events) == len(incident.events)


class _Cycle:
    other: object = None


def test_checking_a_file_leaves_other_garbage_collectable() -> None:
    """The app checks files for hours: a reference cycle it drops after a check must still be
    collected. gc.freeze() in the loader moves every live object, the app's included, into the
    permanent generation, where cycles are never collected."""
    import gc
    import weakref

    first, second = _Cycle(), _Cycle()
    first.other, second.other = second, first
    probe = weakref.ref(first)
    try:
        check_text((FILES / "valid-base.yaml").read_text(encoding="utf-8"))
        del first, second
        gc.collect()
        assert probe() is None
    finally:
        gc.unfreeze()


def test_usage_error_is_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        check_paths([tmp_path / "nothing-here"])


def test_validate_output_follows_redirected_stdout() -> None:
    import contextlib

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(["validate", "--format", "json", str(FILES / "valid-base.yaml")])
    assert code == 0
    assert json.loads(buffer.getvalue())["valid"] is True


def test_cases_md_is_current() -> None:
    """CASES.md is generated from the table; regenerate it when a case changes."""
    assert (HERE / "CASES.md").read_text(encoding="utf-8") == markdown()


def test_every_file_in_files_is_a_case() -> None:
    names = {p.stem for p in FILES.glob("*.yaml")} | {p.name for p in FILES.iterdir() if p.is_dir()}
    names.discard("valid-base")
    assert names <= set(BY_NAME), sorted(names - set(BY_NAME))
