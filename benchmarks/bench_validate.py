"""Benchmark ``incident validate`` against the YAML floor and check-jsonschema, on the same files.

    python -m benchmarks.bench_validate                 # 1,000 × 100 events and 100,000 events
    python -m benchmarks.bench_validate --scale         # also 10k / 100k / 1M events in one file
    python -m benchmarks.bench_validate --runs 5 --jobs 1 --json results.json

Every measurement runs in a fresh process (so one measurement's heap, garbage collector state
and peak memory never leak into the next) and is repeated ``--runs`` times; the table shows the
median time and the largest peak RSS. Rows:

- ``floor``: ``yaml.load(raw, Loader=yaml.CSafeLoader)`` of the same bytes, reading the files
  included, garbage collector as Python leaves it. The reference the targets are stated against.
- ``floor, GC paused``: the same with ``gc.disable()``: what the C parser plus PyYAML's
  constructors cost without the collector (a stricter floor; see design/performance-notes.md).
- ``validate (in-process)``: ``incident.validate.check_paths`` timed inside a worker process.
- ``validate (CLI)``: ``incident validate -q`` as a subprocess: start-up and imports included.
- ``check-jsonschema``: ``check-jsonschema --schemafile schemas/incident.schema.json`` (ruamel).
- ``export (CLI)``: ``incident export FILE -o OUT``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "benchmarks" / "corpus"
SCALE_SIZES = (10_000, 100_000, 1_000_000)
BIG_INPUT = 200 * 1024 * 1024  # measurements of inputs larger than this run alone (memory)
TARGET_FLOOR_RATIO = 1.5
GOAL_FLOOR_RATIO = 1.0


@dataclass
class Measurement:
    dataset: str
    name: str
    command: list[str]
    input_bytes: int
    times: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    events: int | None = None
    error: str | None = None
    pythonpath: str | None = None  # run against another source tree (e.g. a patched copy)

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    @property
    def peak_mib(self) -> float | None:
        return max(self.rss_kib) / 1024 if self.rss_kib else None


# ---------------------------------------------------------------------------------------------
# Workers: run in a fresh interpreter, print one JSON line {"seconds": …, "events": …}.


def _yaml_files(paths: Sequence[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")))
        else:
            out.append(path)
    return out


def _worker_floor(paths: Sequence[Path], gc_paused: bool) -> dict[str, Any]:
    import yaml

    files = _yaml_files(paths)
    if gc_paused:
        gc.disable()
    started = time.perf_counter()
    events = 0
    for path in files:
        data = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)  # the floor
        events += len(data["events"])
        del data
    return {"seconds": time.perf_counter() - started, "events": events}


def _max_bytes(paths: Sequence[Path]) -> int:
    """A --max-bytes that admits the largest input (not more: the loader reads that many)."""
    largest = max((p.stat().st_size for p in _yaml_files(paths)), default=0)
    return max(64 << 20, largest + (1 << 20))


def _worker_validate(paths: Sequence[Path]) -> dict[str, Any]:
    from incident.validate import check_paths

    started = time.perf_counter()
    report = check_paths(list(paths), max_bytes=_max_bytes(paths))
    seconds = time.perf_counter() - started
    events = sum(len(f.incident.events) for f in report.files if f.incident is not None)
    if report.errors or report.warnings:
        first = report.problems[0].render() if report.problems else "?"
        return {"seconds": seconds, "events": events, "error": f"not clean: {first}"}
    return {"seconds": seconds, "events": events}


def _run_worker(kind: str, paths: Sequence[Path]) -> int:
    if kind == "floor":
        result = _worker_floor(paths, gc_paused=False)
    elif kind == "floor-gc-paused":
        result = _worker_floor(paths, gc_paused=True)
    elif kind == "validate":
        result = _worker_validate(paths)
    else:
        raise SystemExit(f"unknown worker {kind!r}")
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    os._exit(0)  # skip tearing down the heap: not part of what is measured


# ---------------------------------------------------------------------------------------------
# The parent: run each measurement N times in fresh processes, with os.wait4 for peak RSS.


def _run_once(command: list[str], env: dict[str, str]) -> tuple[float, int, int, str, str]:
    """Wall seconds, peak RSS (KiB), exit code, stdout, stderr of one child process."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=REPO)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return (
            seconds,
            usage.ru_maxrss,
            process.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


def _measure(item: Measurement, runs: int, in_process: bool, env: dict[str, str]) -> Measurement:
    if item.pythonpath:
        env = dict(env)
        env["PYTHONPATH"] = item.pythonpath + os.pathsep + env.get("PYTHONPATH", "")
    for _ in range(runs):
        seconds, rss, code, out, err = _run_once(item.command, env)
        if in_process:
            try:
                result = json.loads(out.strip().splitlines()[-1])
            except (ValueError, IndexError):
                item.error = f"worker failed (exit {code}): {err.strip()[-300:]}"
                return item
            seconds = float(result["seconds"])
            item.events = int(result["events"])
            if result.get("error"):
                item.error = str(result["error"])
        elif code != 0:
            tail = (out + err).strip().splitlines()[-3:]
            item.error = f"exit {code}: " + " | ".join(tail)[-300:]
        item.times.append(seconds)
        item.rss_kib.append(rss)
        if item.error:
            return item
    return item


def _size(paths: Sequence[Path]) -> int:
    return sum(p.stat().st_size for p in _yaml_files(paths))


def _incident_command() -> list[str]:
    script = Path(sys.executable).with_name("incident")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "incident_cli"]


def _check_jsonschema_command() -> list[str] | None:
    script = Path(sys.executable).with_name("check-jsonschema")
    if script.exists():
        return [str(script)]
    found = shutil.which("check-jsonschema")
    return [found] if found else None


def _schema_file(workdir: Path) -> Path:
    published = REPO / "schemas" / "incident.schema.json"
    if published.exists():
        return published
    path = workdir / "incident.schema.json"
    with path.open("w", encoding="utf-8") as out:
        subprocess.run([*_incident_command(), "schema"], stdout=out, check=True, cwd=REPO)
    return path


def plan(
    datasets: dict[str, list[Path]],
    workdir: Path,
    *,
    jsonschema: bool,
    export: bool,
    scale_names: set[str],
    trees: Sequence[Path] = (),
) -> list[tuple[Measurement, bool]]:
    """The measurements, as (Measurement, timed-inside-the-worker)."""
    me = [sys.executable, "-m", "benchmarks.bench_validate", "--worker"]
    incident = _incident_command()
    checker = _check_jsonschema_command() if jsonschema else None
    schema = _schema_file(workdir) if checker else None
    out: list[tuple[Measurement, bool]] = []
    for name, paths in datasets.items():
        size = _size(paths)
        args = [str(p) for p in paths]
        for label, worker in (
            ("floor", "floor"),
            ("floor, GC paused", "floor-gc-paused"),
            ("validate (in-process)", "validate"),
        ):
            out.append((Measurement(name, label, [*me, worker, *args], size), True))
        for tree in trees:
            label = f"validate (in-process, {tree.name})"
            item = Measurement(name, label, [*me, "validate", *args], size, pythonpath=str(tree))
            out.append((item, True))
        limit = str(_max_bytes(paths))
        cli = [*incident, "validate", "-q", "--max-bytes", limit, *args]
        out.append((Measurement(name, "validate (CLI)", cli, size), False))
        if checker and schema and name not in scale_names:
            files = [str(p) for p in _yaml_files(paths)]
            command = [*checker, "--schemafile", str(schema), *files]
            out.append((Measurement(name, "check-jsonschema", command, size), False))
        if export and len(paths) == 1 and paths[0].is_file() and name not in scale_names:
            target = workdir / f"{name}.md"
            command = [*incident, "export", args[0], "-o", str(target), "--force"]
            out.append((Measurement(name, "export (CLI)", command, size), False))
    return out


SLOW = ("check-jsonschema", "export (CLI)")


def run(
    items: list[tuple[Measurement, bool]],
    runs: int,
    jobs: int,
    log: Callable[[str], None],
    slow_runs: int | None = None,
) -> list[Measurement]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("NO_COLOR", "1")
    env.pop("GITHUB_ACTIONS", None)
    small = [(m, i) for m, i in items if m.input_bytes <= BIG_INPUT]
    large = [(m, i) for m, i in items if m.input_bytes > BIG_INPUT]

    def one(pair: tuple[Measurement, bool]) -> Measurement:
        item, in_process = pair
        n = runs if item.input_bytes <= BIG_INPUT else 1
        if item.name in SLOW and slow_runs is not None:
            n = slow_runs
        log(f"  {item.dataset}: {item.name} × {n} …")
        done = _measure(item, n, in_process, env)
        shown = f"{done.median:.2f} s" if done.median is not None else "-"
        log(f"  {item.dataset}: {item.name}: {shown}" + (f"  ({done.error})" if done.error else ""))
        return done

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        list(pool.map(one, small))
    for pair in large:  # alone: a million events need gigabytes
        one(pair)
    return [m for m, _ in items]


# ---------------------------------------------------------------------------------------------
# The table.


def table(results: list[Measurement]) -> str:
    events_of: dict[str, int] = {}
    floor_of: dict[str, float] = {}
    for m in results:
        if m.events and m.dataset not in events_of:
            events_of[m.dataset] = m.events
        if m.name == "floor" and m.median is not None:
            floor_of[m.dataset] = m.median
    for m in results:
        if m.events is None and m.dataset in events_of:
            m.events = events_of[m.dataset]
    header = (
        "dataset",
        "measurement",
        "events",
        "median s",
        "events/s",
        "× floor",
        "peak MiB",
        "runs",
    )
    rows: list[tuple[str, ...]] = []
    for m in results:
        median = m.median
        floor = floor_of.get(m.dataset)
        rate = f"{m.events / median:,.0f}" if median and m.events else "-"
        ratio = f"{median / floor:.2f}" if median and floor else "-"
        peak = f"{m.peak_mib:,.0f}" if m.peak_mib is not None else "-"
        note = f"  ERROR: {m.error}" if m.error else ""
        rows.append(
            (
                m.dataset,
                m.name,
                f"{m.events:,}" if m.events else "-",
                f"{median:.2f}" if median is not None else "-",
                rate,
                ratio,
                peak,
                str(len(m.times)) + note,
            )
        )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]

    def line(cells: tuple[str, ...]) -> str:
        parts = [
            c.ljust(w) if i < 2 else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=False))
        ]
        return "| " + " | ".join(parts) + " | " + cells[-1]

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "| ----"
    return "\n".join([line(header), sep, *(line(r) for r in rows)])


def verdicts(results: list[Measurement]) -> list[str]:
    """The targets of issues 2 and 5, per dataset."""
    by: dict[tuple[str, str], float] = {}
    for m in results:
        if m.median is not None and not m.error:
            by[(m.dataset, m.name)] = m.median
    out: list[str] = []
    for dataset in dict.fromkeys(m.dataset for m in results):
        floor = by.get((dataset, "floor"))
        strict = by.get((dataset, "floor, GC paused"))
        inproc = by.get((dataset, "validate (in-process)"))
        cli = by.get((dataset, "validate (CLI)"))
        checker = by.get((dataset, "check-jsonschema"))
        if floor and inproc:
            ratio = inproc / floor
            mark = (
                "meets the goal"
                if ratio <= GOAL_FLOOR_RATIO
                else "meets the target"
                if ratio <= TARGET_FLOOR_RATIO
                else "MISSES the target"
            )
            line = (
                f"{dataset}: validate = {ratio:.2f}× the CSafeLoader floor "
                f"(target ≤ {TARGET_FLOOR_RATIO}×, goal ≤ {GOAL_FLOOR_RATIO}×): {mark}"
            )
            if strict:
                line += f"; {inproc / strict:.2f}× the GC-paused floor"
            out.append(line)
        if cli and checker:
            verdict = "faster" if cli < checker else "NOT faster"
            out.append(
                f"{dataset}: validate (CLI) {cli:.2f} s vs check-jsonschema {checker:.2f} s: "
                f"{checker / cli:.1f}× — {verdict}"
            )
    return out


def ensure_corpus(corpus: Path, scale: bool, log: Callable[[str], None]) -> None:
    from benchmarks.generate import generate

    many = corpus / "many"
    if not (many.is_dir() and any(many.glob("*.yaml"))) or not (corpus / "big.yaml").exists():
        log(f"generating {corpus} …")
        generate(corpus, sizes=())
    if scale:
        missing = tuple(n for n in SCALE_SIZES if not (corpus / f"scale-{n}.yaml").exists())
        if missing:
            log(f"generating scale files {missing} …")
            generate(corpus, files=0, big_events=0, sizes=missing)


def datasets_for(corpus: Path, scale: bool) -> tuple[dict[str, list[Path]], set[str]]:
    count = len(_yaml_files([corpus / "many"])) if (corpus / "many").is_dir() else 0
    datasets = {
        f"many/ ({count:,} files)": [corpus / "many"],
        "big.yaml": [corpus / "big.yaml"],
    }
    scale_names: set[str] = set()
    if scale:
        for n in SCALE_SIZES:
            name = f"scale-{n}.yaml"
            datasets[name] = [corpus / f"scale-{n}.yaml"]
            scale_names.add(name)
    return datasets, scale_names


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark incident validate.")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument(
        "--jobs",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="measurements at once, one per core (default: 2 on 2+ cores; 1 = least noise)",
    )
    parser.add_argument(
        "--slow-runs",
        type=int,
        default=None,
        help="runs for check-jsonschema and export, which take minutes (default: --runs)",
    )
    parser.add_argument("--scale", action="store_true", help="add 10k/100k/1M-event files")
    parser.add_argument("--no-jsonschema", action="store_true", help="skip check-jsonschema")
    parser.add_argument(
        "--only",
        choices=("many", "big", "scale"),
        help="one dataset only (scale: the --scale files)",
    )
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument(
        "--tree",
        type=Path,
        action="append",
        default=[],
        help="also time validate from this source tree (a patched copy of the repo); repeat",
    )
    args = parser.parse_args(argv)
    if args.worker:
        return _run_worker(args.worker, args.paths)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    scale = args.scale or args.only == "scale"
    ensure_corpus(args.corpus, scale, log)
    datasets, scale_names = datasets_for(args.corpus, scale)
    if args.only == "many":
        datasets = {k: v for k, v in datasets.items() if k.startswith("many")}
    elif args.only == "big":
        datasets = {k: v for k, v in datasets.items() if k == "big.yaml"}
    elif args.only == "scale":
        datasets, scale_names = datasets_for(args.corpus, True)
        datasets = {k: v for k, v in datasets.items() if k in scale_names}
    with tempfile.TemporaryDirectory(prefix="bench-validate-") as tmp:
        items = plan(
            datasets,
            Path(tmp),
            jsonschema=not args.no_jsonschema,
            export=True,
            scale_names=scale_names,
            trees=[t.resolve() for t in args.tree],
        )
        started = time.perf_counter()
        results = run(items, args.runs, args.jobs, log, args.slow_runs)
        elapsed = time.perf_counter() - started
    print(report_text(results, args.runs, args.jobs, elapsed, args.slow_runs))
    if args.json:
        args.json.write_text(
            json.dumps([asdict(m) | {"median": m.median} for m in results], indent=2) + "\n",
            encoding="utf-8",
        )
    return 1 if any(m.error for m in results) else 0


def report_text(
    results: list[Measurement],
    runs: int,
    jobs: int,
    elapsed: float,
    slow_runs: int | None = None,
) -> str:
    import platform

    import pydantic
    import yaml

    head = (
        f"incident validate benchmark — Python {platform.python_version()}, "
        f"PyYAML {yaml.__version__} (libyaml {'yes' if yaml.__with_libyaml__ else 'NO'}), "
        f"pydantic {pydantic.VERSION}, {os.cpu_count()} CPUs; median of {runs} run(s) "
        f"(1 for inputs over {BIG_INPUT >> 20} MiB"
        + (f", {slow_runs} for check-jsonschema and export" if slow_runs is not None else "")
        + f"), {jobs} at once; {elapsed:.0f} s in all"
    )
    lines = [head, "", table(results), ""]
    lines.extend(verdicts(results))
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
