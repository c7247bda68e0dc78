"""How the app behaves on a 100,000-event incident, next to ``incident validate``.

    python benchmarks/bench_app.py [CORPUS.yaml] [--size 120x40] [--query server]

Reports, in one run:
- validate: wall time of ``incident validate FILE`` as a subprocess (and its peak memory);
- app start: time until the app's first frame (the loading screen, before any file is read);
- first paint of the timeline: time from starting the app until the timeline of the file is on
  screen (load, check, reconstruct and index run in a thread worker meanwhile);
- search: per keystroke, the time from the key press until the filtered rows are drawn
  (median and worst), and the filter function alone;
- scrolling: time per page-down and for jumping to the last row;
- peak memory of this process (ru_maxrss), which holds the app and the whole timeline.

The corpus defaults to benchmarks/corpus/big.yaml (``python benchmarks/generate.py``); if that
file is absent, a 100,000-event file in the same format is generated into a temporary folder.
Targets (issue 3): first paint < 1.5 × validate + a fixed start-up; < 100 ms per keystroke.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "benchmarks" / "corpus" / "big.yaml"
EVENTS = 100_000


def ensure_corpus(path: Path | None) -> Path:
    if path is not None:
        return path
    if DEFAULT_CORPUS.exists():
        return DEFAULT_CORPUS
    folder = Path(tempfile.mkdtemp(prefix="bench-app-"))
    target = folder / "big.yaml"
    print(f"{DEFAULT_CORPUS} is absent: generating {EVENTS:,} events into {target}")
    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks.generate import incident_text  # the hardening helper's generator

        target.write_text(incident_text(20240812, EVENTS, "synthetic-big"), encoding="utf-8")
    except ImportError:
        target.write_text(_fallback_text(EVENTS), encoding="utf-8")
    return target


def _fallback_text(events: int) -> str:
    """A valid incident of ``events`` events, if benchmarks/generate.py is not there."""
    lines = [
        "id: synthetic-big",
        'title: "Synthetic incident"',
        'summary: "Synthetic data for the app benchmark."',
        "platform: X Spaces",
        'date: "2024-08-12"',
        "source_zone: America/New_York",
        "key_moments: {scheduled_start: ev-0000000}",
        "sources:",
        '  - {id: ap, publisher: AP, url: "https://example.com/a", language: en}',
        '  - {id: cnbc, publisher: CNBC, url: "https://example.com/b", language: en}',
        "events:",
    ]
    words = ["stream", "audio", "listeners", "host", "server", "platform", "outage", "crash"]
    for i in range(events):
        minute = i // 30
        stamp = f"2024-08-{12 + minute // 1440:02d} {minute // 60 % 24:02d}:{minute % 60:02d}"
        title = " ".join(words[(i + k) % len(words)] for k in range(5))
        lines += [
            f"  - id: ev-{i:07d}",
            f'    title: "{title} {i}"',
            "    kind: observation",
            "    claims:",
            f"      - source: {'ap' if i % 2 else 'cnbc'}",
            f'        quote: "the {words[i % len(words)]} was reported at minute {minute}"',
            f'        time: {{kind: exact, at: "{stamp}"}}',
        ]
    return "\n".join(lines) + "\n"


def time_validate(path: Path) -> tuple[float, float]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "incident_cli", "validate", "-q", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"incident validate failed ({done.returncode}): {done.stderr}")
    child_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return elapsed, child_mib


async def time_app(path: Path, size: tuple[int, int], query: str) -> dict[str, float | list[float]]:
    from tui.app import IncidentApp
    from tui.screens.timeline import TimelineScreen
    from tui.timeline_view import TimelineView

    start = time.perf_counter()
    app = IncidentApp([path], cursor_blink=False, theme="textual-dark")
    results: dict[str, float | list[float]] = {}
    async with app.run_test(size=size) as pilot:
        results["app_start"] = time.perf_counter() - start
        while not (isinstance(app.screen, TimelineScreen) and app.screen.query(TimelineView)):
            await asyncio.sleep(0.005)
        screen = app.screen
        view = screen.query_one(TimelineView)
        while not view.size.area:  # mounted and laid out
            await asyncio.sleep(0.005)
        _draw(app)
        results["first_paint"] = time.perf_counter() - start
        results["rows"] = float(view.row_count)
        await app.workers.wait_for_complete()  # the search index is built after first paint
        results["index_ready"] = time.perf_counter() - start
        await pilot.pause()

        # The app's own work per keystroke: what Input.Changed runs (filter, new rows, detail,
        # status), then drawing the frame. Measured without the pilot's idle waits.
        work: list[float] = []
        counts: list[float] = []
        for n in range(1, len(query) + 1):
            t0 = time.perf_counter()
            screen.query_text = query[:n]
            screen._apply()
            _draw(app)
            work.append(time.perf_counter() - t0)
            counts.append(float(view.row_count))
        for n in range(len(query) - 1, -1, -1):  # deleting characters widens again
            t0 = time.perf_counter()
            screen.query_text = query[:n]
            screen._apply()
            _draw(app)
            work.append(time.perf_counter() - t0)
        results["keystrokes"] = work
        results["matches"] = counts

        # The same through the pilot: real key events, plus the pilot's idle waits.
        await pilot.press("slash")
        round_trips: list[float] = []
        for ch in query:
            t0 = time.perf_counter()
            await pilot.press(ch)
            round_trips.append(time.perf_counter() - t0)
        results["pilot_keystrokes"] = round_trips
        await pilot.press("escape")
        await pilot.pause()

        pages: list[float] = []
        for _ in range(20):
            t0 = time.perf_counter()
            view.action_page_down()
            _draw(app)
            pages.append(time.perf_counter() - t0)
        results["page_down"] = pages
        t0 = time.perf_counter()
        view.action_last()
        _draw(app)
        results["end"] = time.perf_counter() - t0

        index = screen.index
        filters: list[float] = []
        for n in range(1, len(query) + 1):
            t0 = time.perf_counter()
            index.matching(query[:n])
            filters.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        index.matching("zzzz-no-match")
        filters.append(time.perf_counter() - t0)
        results["filter_only"] = filters
    return results


async def pilot_floor(size: tuple[int, int], query: str) -> float:
    """Median pilot round trip per key on a 3-event file: the harness's own cost."""
    from tui.app import IncidentApp

    folder = Path(tempfile.mkdtemp(prefix="bench-app-small-"))
    small = folder / "small.yaml"
    small.write_text(_fallback_text(3), encoding="utf-8")
    app = IncidentApp([small], cursor_blink=False, theme="textual-dark")
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("slash")
        trips = []
        for ch in query:
            t0 = time.perf_counter()
            await pilot.press(ch)
            trips.append(time.perf_counter() - t0)
    return statistics.median(trips)


def _draw(app: object) -> None:
    """Lay out and render the whole frame now, as the next screen refresh would."""
    from textual.app import App

    assert isinstance(app, App)
    screen = app.screen
    screen._refresh_layout(screen.size)
    screen._compositor.render_update(full=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=None)
    parser.add_argument("--size", default="120x40", help="terminal size WxH (default 120x40)")
    parser.add_argument("--query", default="server", help="what to type into the search")
    args = parser.parse_args(argv)
    width, height = (int(x) for x in args.size.lower().split("x"))
    corpus = ensure_corpus(args.corpus)
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    sys.path.insert(0, str(ROOT))

    print(f"corpus: {corpus} ({corpus.stat().st_size / 2**20:.1f} MiB)")
    validate_s, validate_mib = time_validate(corpus)
    print(f"incident validate: {validate_s:.2f} s wall, peak {validate_mib:.0f} MiB")

    results = asyncio.run(time_app(corpus, (width, height), args.query))
    floor = asyncio.run(pilot_floor((width, height), args.query))
    ms = 1000.0
    keystrokes = results["keystrokes"]
    pages = results["page_down"]
    filters = results["filter_only"]
    assert isinstance(keystrokes, list) and isinstance(pages, list) and isinstance(filters, list)
    first_paint = results["first_paint"]
    app_start = results["app_start"]
    assert isinstance(first_paint, float) and isinstance(app_start, float)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"app rows: {results['rows']:,.0f} at {width}x{height}")
    print(f"app start (loading screen up): {app_start * ms:.0f} ms")
    print(f"first paint of the timeline: {first_paint:.2f} s")
    print(
        f"search index ready (built in a worker after first paint): {results['index_ready']:.2f} s"
    )
    print(
        f"search, app work per keystroke (typing '{args.query}' then deleting it; matches "
        f"{', '.join(f'{m:,.0f}' for m in results['matches'])}): "  # type: ignore[union-attr]
        f"median {statistics.median(keystrokes) * ms:.1f} ms, worst {max(keystrokes) * ms:.1f} ms"
    )
    trips = results["pilot_keystrokes"]
    assert isinstance(trips, list)
    print(
        f"search through the pilot (real key events + the pilot's idle waits): median "
        f"{statistics.median(trips) * ms:.1f} ms; the same on a 3-event file: {floor * ms:.1f} ms"
    )
    print(
        f"filter function alone: median {statistics.median(filters) * ms:.1f} ms, "
        f"worst {max(filters) * ms:.1f} ms"
    )
    print(
        f"page down (move + redraw): median {statistics.median(pages) * ms:.1f} ms; "
        f"jump to last row: {results['end'] * ms:.1f} ms"  # type: ignore[operator]
    )
    print(f"peak memory of the app process: {peak_mib:.0f} MiB")
    ratio = first_paint / validate_s
    print(
        f"ratio first paint / validate: {ratio:.2f} "
        f"(target < 1.5 + start-up; start-up here {app_start:.2f} s)"
    )
    print(f"ratio keystroke median / 100 ms budget: {statistics.median(keystrokes) * 10:.2f}")
    ok = first_paint < 1.5 * validate_s + max(app_start, 1.0) and max(keystrokes) < 0.1
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
