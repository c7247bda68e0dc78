"""``python -m benchmarks``: every benchmark, one report (see benchmarks/README.md)."""

from benchmarks.run_all import main

raise SystemExit(main())
