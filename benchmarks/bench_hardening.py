"""Cost of hostile shapes, each against a floor measured in the same run (issue 9).

    python -m benchmarks.bench_hardening                  # 20,000 claims; 64 MiB flow list
    python -m benchmarks.bench_hardening --claims 20000 --flow-mib 64 --runs 3

Every measurement is a fresh process (``os.wait4`` gives its peak memory and CPU time); the
median of ``--runs`` is shown, wall seconds and, in brackets, CPU seconds (what the work costs
when other processes share the cores). Rows:

- ``one event, N claims``: ``incident export FILE -o OUT`` of an incident whose one event has N
  claims from N/10 sources, at about 1,500 different instants, that disagree (so there are
  discrepancies to find). The floor is
  ``yaml.load(raw, Loader=yaml.CSafeLoader)`` of the same bytes, as in bench_validate. Also at
  N/4, so the growth shows: linear work takes about 4× as long at N as at N/4, pairwise work 16×.
- ``flow list, M MiB``: ``incident validate`` of one flow sequence ``[1,1,1,…]`` of M MiB, which
  the loader refuses at its value budget (``too-many-values``). The floor is ``incident validate``
  of a valid incident file of the same size (``benchmarks.generate``): a hostile file should cost
  no more time or memory than a real one of its size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Row:
    name: str
    times: list[float] = field(default_factory=list)
    peaks_mib: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds
    exits: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)

    @property
    def peak(self) -> float:
        return max(self.peaks_mib)


def claims_incident(claims: int, sources: int | None = None) -> str:
    """One event with ``claims`` claims: times around 20:40 EDT, some that cannot all be true."""
    sources = max(1, claims // 10) if sources is None else sources
    lines = [
        "id: many-claims",
        "title: One event, many claims",
        "summary: Synthetic, for the discrepancy benchmark.",
        "platform: X Spaces",
        'date: "2024-08-12"',
        "source_zone: America/New_York",
        "key_moments: {scheduled_start: sched, actual_start: start}",
        "sources:",
    ]
    lines += [
        f'  - {{id: s{i}, publisher: "Outlet {i}", url: "https://example.com/{i}", language: en}}'
        for i in range(sources)
    ]
    lines += [
        "events:",
        "  - id: sched",
        "    title: Scheduled start",
        "    kind: schedule",
        "    claims:",
        '      - {source: s0, quote: "at 8 p.m.", time: {kind: exact, at: "2024-08-12 20:00"}}',
        "  - id: start",
        "    title: The conversation begins",
        "    kind: milestone",
        "    claims:",
    ]
    for i in range(claims):
        minute = 30 + (i * 7) % 25
        second = (i * 13) % 60
        kind = ("exact", "about", "after", "before")[i % 4]
        margin = ", margin: 10m" if kind in ("after", "before") else ""
        value = f", value: {{amount: {1_000_000 + (i % 97) * 10_000}, unit: listeners}}"
        lines.append(
            f'      - {{source: s{i % sources}, quote: "claim {i}", '
            f'time: {{kind: {kind}, at: "2024-08-12 20:{minute:02d}:{second:02d}"{margin}}}'
            + (value if i % 3 == 0 else "")
            + "}"
        )
    return "\n".join(lines) + "\n"


def flow_list(size: int) -> bytes:
    items = max(1, (size - 8) // 2)
    return b"id: [" + b"1," * items + b"1]\n"


def _measure(command: Sequence[str], row: Row) -> None:
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    _, status, usage = os.wait4(process.pid, 0)
    row.times.append(time.perf_counter() - started)
    row.peaks_mib.append(usage.ru_maxrss / 1024)
    row.cpu.append(usage.ru_utime + usage.ru_stime)
    row.exits.append(os.waitstatus_to_exitcode(status))


def _floor_command(path: Path) -> list[str]:
    code = f"import sys, yaml; yaml.load(open({str(path)!r}, 'rb').read(), Loader=yaml.CSafeLoader)"
    return [sys.executable, "-c", code]


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "incident_cli", *args]


def run(claims: int, flow_mib: int, runs: int, work: Path) -> list[tuple[str, Row, Row]]:
    from benchmarks.generate import incident_text

    pairs: list[tuple[str, Row, Row]] = []
    for count in (claims // 4, claims):
        source = work / f"claims-{count}.yaml"
        source.write_text(claims_incident(count), encoding="utf-8")
        floor, export = Row(f"floor, {count:,} claims"), Row(f"export, one event, {count:,} claims")
        for _ in range(runs):
            _measure(_floor_command(source), floor)
            _measure(_cli("export", str(source), "-o", str(work / "out.md"), "--force"), export)
        pairs.append((f"one event, {count:,} claims", floor, export))

    size = flow_mib * 1024 * 1024
    hostile = work / "flow.yaml"
    hostile.write_bytes(flow_list(size))
    events = 1000
    valid_text = incident_text(7, events)
    # Scale the generated file to about the same number of bytes.
    events = max(1, int(events * size / len(valid_text.encode("utf-8"))))
    valid = work / "valid-same-size.yaml"
    valid.write_text(incident_text(7, events), encoding="utf-8")
    floor, refused = Row(f"validate, valid file of {flow_mib} MiB"), Row("validate, flow list")
    limit = str(max(size, valid.stat().st_size) + 1024 * 1024)
    for _ in range(runs):
        _measure(_cli("validate", "-q", "--max-bytes", limit, str(valid)), floor)
        _measure(_cli("validate", "-q", "--max-bytes", limit, str(hostile)), refused)
    pairs.append((f"flow list [1,1,…], {flow_mib} MiB", floor, refused))
    return pairs


def report(pairs: list[tuple[str, Row, Row]]) -> str:
    out = [
        "| input | floor | floor s | measured | s (CPU s) | × floor | peak MiB (floor / measured) "
        "| exit |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for label, floor, row in pairs:
        out.append(
            f"| {label} | {floor.name} | {floor.median:.2f} | {row.name} | {row.median:.2f} "
            f"({row.median_cpu:.2f}) | "
            f"**{row.median / floor.median:.2f}×** | {floor.peak:.0f} / {row.peak:.0f} | "
            f"{sorted(set(row.exits))} |"
        )
    claims = [p for p in pairs if "claims" in p[0]]
    if len(claims) == 2:
        growth = claims[1][2].median / claims[0][2].median
        out.append("")
        out.append(f"export time at N ÷ at N/4: {growth:.1f} (linear ≈ 4, pairwise ≈ 16)")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--flow-mib", type=int, default=64)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-hardening-") as tmp:
        pairs = run(args.claims, args.flow_mib, args.runs, Path(tmp))
    print(report(pairs))
    # A measurement of a command that failed measures nothing: exports and the valid file must
    # succeed, the flow list must be refused (exit 1).
    expected = [(row, 0) for _, _, row in pairs[:-1]] + [(pairs[-1][1], 0), (pairs[-1][2], 1)]
    wrong = [row.name for row, code in expected if set(row.exits) != {code}]
    if wrong:
        print("unexpected exit codes: " + ", ".join(wrong))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
