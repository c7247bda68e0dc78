"""How long each export format and the import take, against a floor measured in the same run:
opening the same incident (read, validate, reconstruct) with ``incident.pipeline.open_incident``.

    python -m benchmarks.bench_formats                 # 10,000 events (generated on first use)
    python -m benchmarks.bench_formats --events 100000 --runs 3

Prints one table: the median seconds of each step and its ratio to the floor. The import row
reads the claims CSV the export wrote, builds the incident and checks it as validate does.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from incident.export.claims_csv import render_claims_csv
from incident.export.timeline_json import render_timeline_json
from incident.export.timelinejs import render_timelinejs
from incident.export.timesketch import render_csv, render_jsonl, timesketch_rows
from incident.importing.run import import_text
from incident.pipeline import open_incident
from incident.timeline import Timeline

CORPUS = Path(__file__).resolve().parent / "corpus"


def median_seconds(step: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    path = CORPUS / f"scale-{args.events}.yaml"
    if not path.exists():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.generate",
                "--out",
                str(CORPUS),
                "--sizes",
                str(args.events),
                "--files",
                "0",
                "--big",
                "0",
            ],
            check=True,
        )

    def opened() -> Timeline:
        timeline = open_incident(path).timeline
        assert timeline is not None, f"{path} is not valid"
        return timeline

    floor = median_seconds(opened, args.runs)
    timeline = opened()
    zones = timeline.display_zones
    sheet = render_claims_csv(timeline.incident)
    steps: list[tuple[str, Callable[[], object]]] = [
        ("--format timelinejs", lambda: render_timelinejs(timeline, zones)),
        ("--format timesketch", lambda: render_jsonl(timesketch_rows(timeline))),
        ("--format timesketch-csv", lambda: render_csv(timesketch_rows(timeline))),
        ("--format json", lambda: render_timeline_json(timeline, zones)),
        ("--format csv", lambda: render_claims_csv(timeline.incident)),
        ("import of that CSV", lambda: import_text(sheet, "claims.csv")),
    ]
    print(f"{args.events:,} events, median of {args.runs} runs")
    print(f"| step | seconds | × floor (open_incident {floor:.2f} s) |")
    print("| --- | --- | --- |")
    for name, step in steps:
        seconds = median_seconds(step, args.runs)
        print(f"| {name} | {seconds:.2f} | {seconds / floor:.2f}× |")


if __name__ == "__main__":
    main()
