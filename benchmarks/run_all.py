"""Run every benchmark and print one report: ``python -m benchmarks`` (or this file).

    python -m benchmarks                       # validate on 1,000 × 100 and 100,000 events
    python -m benchmarks --scale               # plus 10k / 100k / 1M events (minutes, GBs)
    python -m benchmarks --runs 5 --jobs 1     # any bench_validate option passes through

The app's benchmark (benchmarks/bench_app.py, written with the app) runs after it when it exists.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks import bench_validate

HERE = Path(__file__).resolve().parent


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    status = bench_validate.main(args)
    app = HERE / "bench_app.py"
    if app.exists():
        print("\n## App (benchmarks/bench_app.py)\n", flush=True)
        done = subprocess.run([sys.executable, "-m", "benchmarks.bench_app"], cwd=HERE.parent)
        status = status or done.returncode
    else:
        print("\napp: benchmarks/bench_app.py does not exist yet; not measured")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
