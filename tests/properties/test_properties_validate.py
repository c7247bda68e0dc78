"""Properties of the engine: bad input never raises; valid incidents validate and reconstruct
with ordered events, well-formed discrepancies and exact zone round trips."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st
from strategies import FEW, SETTINGS, incidents, instants, nested, yaml_ish

from benchmarks.generate import incident_text
from incident.formatting import local
from incident.loader import LoadError, decode
from incident.problems import Severity
from incident.timeline import reconstruct, shown_time
from incident.validate import FileResult, check_text
from schemas.timespec import place_time

ROOT = Path(__file__).resolve().parents[2]


def assert_result(result: FileResult) -> None:
    assert isinstance(result, FileResult)
    for problem in result.problems:
        assert problem.line >= 1 and problem.column >= 1, problem
        assert "\n" not in problem.message and "\x1b" not in problem.message, problem
    if result.ok:
        assert result.incident is not None


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200)


class _QuotingDumper(yaml.SafeDumper):
    """Every string double-quoted. PyYAML writes YAML 1.1, so it leaves '0e0' or '1_000' plain,
    and the loader (YAML 1.2 core) reads those as numbers: quote to keep strings strings."""


_QuotingDumper.add_representer(
    str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
)


def dump_quoted(data: Any) -> str:
    return yaml.dump(data, Dumper=_QuotingDumper, allow_unicode=True, sort_keys=False, width=200)


# -- (a) nothing raises ------------------------------------------------------------------------


@SETTINGS
@given(yaml_ish)
def test_yaml_ish_text_never_raises(text: str) -> None:
    assert_result(check_text(text))


@SETTINGS
@given(st.text())
def test_any_text_never_raises(text: str) -> None:
    assert_result(check_text(text))


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_refuse(raw: bytes) -> None:
    try:
        text = decode(raw)
    except LoadError as exc:
        assert exc.code in {"empty", "binary", "encoding"}
        assert exc.line >= 1 and exc.column >= 1
        return
    assert_result(check_text(text))


@SETTINGS
@given(nested)
def test_any_data_dumped_to_yaml_never_raises(data: Any) -> None:
    assert_result(check_text(dump(data)))


MUTATIONS = st.lists(
    st.tuples(st.sampled_from(["drop", "set", "rename"]), st.integers(0, 10**6), nested),
    min_size=1,
    max_size=4,
)


def _containers(data: Any, out: list[Any]) -> list[Any]:
    if isinstance(data, dict):
        out.append(data)
        for value in data.values():
            _containers(value, out)
    elif isinstance(data, list):
        out.append(data)
        for value in data:
            _containers(value, out)
    return out


@SETTINGS
@given(incidents(max_events=4), MUTATIONS)
def test_mutated_valid_incident_never_raises(data: dict[str, Any], mutations: Any) -> None:
    """Break a valid incident in one to four places: a located result, never an exception."""
    for action, pick, value in mutations:
        containers = _containers(data, [])
        target = containers[pick % len(containers)]
        if isinstance(target, dict) and target:
            key = list(target)[pick % len(target)]
            if action == "drop":
                del target[key]
            elif action == "set":
                target[key] = value
            else:
                target[f"{key}_x"] = target.pop(key)
        elif isinstance(target, list) and target:
            index = pick % len(target)
            if action == "drop":
                del target[index]
            else:
                target[index] = value
    assert_result(check_text(dump(data)))


@FEW
@given(st.one_of(yaml_ish, nested.map(dump), incidents(max_events=3).map(dump)))
def test_cli_exits_0_1_or_2(tmp_path_factory: Any, text: str) -> None:
    """The real command on a few of these files: exit 0, 1 or 2 and never a traceback."""
    folder = tmp_path_factory.mktemp("cli")
    path = folder / "input.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    done = subprocess.run(
        [sys.executable, "-m", "incident_cli", "validate", str(path)],
        capture_output=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode in (0, 1, 2), done
    assert b"Traceback" not in done.stderr + done.stdout


# -- (b) valid incidents -----------------------------------------------------------------------


def _valid(data: dict[str, Any]) -> Any:
    result = check_text(dump_quoted(data))
    errors = [p.render() for p in result.problems if p.severity is Severity.error]
    assert not errors, "\n".join(errors) + "\n" + dump_quoted(data)
    assert result.incident is not None
    return result.incident


@SETTINGS
@given(incidents())
def test_valid_incidents_validate(data: dict[str, Any]) -> None:
    incident = _valid(data)
    assert [e.id for e in incident.events] == [e["id"] for e in data["events"]]


@SETTINGS
@given(incidents())
def test_reconstruct_orders_by_anchor(data: dict[str, Any]) -> None:
    """Rows are ordered by the instant they are shown at; at the same instant, what is only
    known to be before it comes first and what is only known to be after it last."""
    timeline = reconstruct(_valid(data))
    assert sorted(e.id for e in timeline.events) == sorted(e["id"] for e in data["events"])
    keys = []
    for event in timeline.events:
        shown = shown_time(event.interval, event.claims)
        if shown.anchor is not None:
            keys.append((shown.anchor, {"<": -1, ">": 1}.get(shown.mark, 0)))
    assert keys == sorted(keys)


@SETTINGS
@given(incidents())
def test_discrepancies_name_two_claims_of_their_event(data: dict[str, Any]) -> None:
    timeline = reconstruct(_valid(data))
    for event in timeline.events:
        for discrepancy in event.discrepancies:
            assert discrepancy.event_id == event.id
            assert len(discrepancy.claims) >= 2
            for resolved in discrepancy.claims:
                assert any(resolved.claim is claim for claim in event.event.claims)


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


NEW_YORK = "America/New_York"
JAKARTA = "Asia/Jakarta"


@SETTINGS
@given(instants())
def test_edt_wib_edt_round_trip_is_exact(instant: datetime) -> None:
    """An instant shown in New York, read back in Jakarta, and shown again in New York."""
    in_new_york = local(instant, NEW_YORK)
    in_jakarta = local(in_new_york, JAKARTA)
    back = local(in_jakarta, NEW_YORK)
    # Compare on the UTC line: PEP 495 makes a fold=1 time unequal to every other zone's time.
    assert utc(back) == utc(in_new_york) == utc(in_jakarta) == instant.astimezone(UTC)
    assert back.utcoffset() == in_new_york.utcoffset()
    assert (back.hour, back.minute, back.fold) == (
        in_new_york.hour,
        in_new_york.minute,
        in_new_york.fold,
    )
    # The same trip through the file format: write the Jakarta wall time with WIB and place it.
    wib_text = in_jakarta.strftime("%Y-%m-%d %H:%M:%S")
    placed = place_time(wib_text, "WIB", None)
    assert placed.utc == instant.astimezone(UTC)
    ny_text = in_new_york.isoformat()
    assert place_time(ny_text, NEW_YORK, None).utc == instant.astimezone(UTC)


@SETTINGS
@given(st.integers(-180, 180), st.sampled_from(["2024-03-10T07:00", "2024-11-03T06:00"]))
def test_round_trip_across_dst_changes(minutes: int, change: str) -> None:
    """Every minute of the three hours either side of a New York DST change."""
    instant = datetime.fromisoformat(change).replace(tzinfo=UTC) + timedelta(minutes=minutes)
    in_new_york = local(instant, NEW_YORK)
    label = "EDT" if in_new_york.utcoffset() == timedelta(hours=-4) else "EST"
    placed = place_time(in_new_york.strftime("%Y-%m-%d %H:%M"), label, None)
    assert placed.utc == instant
    again = local(local(placed.utc, JAKARTA), NEW_YORK)
    assert utc(again) == instant
    assert (again.hour, again.minute, again.fold) == (
        in_new_york.hour,
        in_new_york.minute,
        in_new_york.fold,
    )


# -- the benchmark generator makes valid files ---------------------------------------------------


def test_generated_incident_is_valid_without_warnings() -> None:
    result = check_text(incident_text(seed=7, events=300, incident_id="gen-test"))
    assert result.ok, [p.render() for p in result.problems[:5]]
    assert result.problems == []
    assert result.incident is not None and len(result.incident.events) == 300


def test_generator_is_deterministic() -> None:
    assert incident_text(1, 50) == incident_text(1, 50)
    assert incident_text(1, 50) != incident_text(2, 50)
