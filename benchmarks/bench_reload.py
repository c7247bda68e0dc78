"""Live reload: the time from saving an incident file until the app shows the saved file,
next to the floor measured in the same run, reading that file again
(``incident.pipeline.open_incident``: a reload cannot be faster than that).

    python -m benchmarks.bench_reload [FILE.yaml ...] [--saves 10] [--size 120x40]
                                     [--events 1000]

Each save rewrites one event's title and renames the file into place, as editors do; the
clock runs from the rename until the timeline in front shows the new title with the same
event selected. Files: the bundled incidents, plus a generated one of ``--events`` events.
Target (issue 11): a redraw within 0.5 s of a save for an incident of ordinary size. The app
looks for changes every ``tui.watch.POLL_SECONDS``, so about half of that is waiting.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 0.5
GIVE_UP = 30.0  # seconds: a save that never shows is reported, not waited for forever


def floor(path: Path, runs: int) -> float:
    """The median time to read, check and rebuild the file once."""
    from incident.pipeline import open_incident

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        open_incident(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def retitle(text: str, event_id: str, title: str, number: int) -> tuple[str, str]:
    """``text`` with the ``title:`` line of event ``event_id`` set to ``title #number`` (an
    edit of that one line, as a person makes it), and the new title."""
    lines = text.split("\n")
    start = next(
        n
        for n, line in enumerate(lines)
        if re.fullmatch(rf"\s*- id: {re.escape(event_id)}\s*", line)
    )
    n = next(n for n in range(start + 1, len(lines)) if re.match(r"\s*title:", lines[n]))
    indent = lines[n][: len(lines[n]) - len(lines[n].lstrip())]
    new = f"{title} #{number}"
    lines[n] = f"{indent}title: {json.dumps(new, ensure_ascii=False)}"
    return "\n".join(lines), new


async def measure(path: Path, saves: int, size: tuple[int, int]) -> list[float | None]:
    from incident.view_options import ViewOptions
    from tui.app import IncidentApp
    from tui.screens.timeline import TimelineScreen
    from tui.timeline_view import TimelineView

    app = IncidentApp([path], ViewOptions(), cursor_blink=False)
    out: list[float | None] = []
    async with app.run_test(size=size) as pilot:
        deadline = time.monotonic() + GIVE_UP
        while not (isinstance(app.screen, TimelineScreen) and app.screen.query(TimelineView)):
            if time.monotonic() > deadline:
                raise SystemExit(f"{path.name}: the timeline never opened ({app.screen_stack})")
            await pilot.pause(0.01)
        screen = app.screen
        screen.view.move_to(min(3, screen.view.row_count - 1))
        selected = screen.view.selected
        assert selected is not None
        event_id, title = selected.id, selected.event.title
        text = path.read_text(encoding="utf-8")
        for number in range(saves):
            text, new_title = retitle(text, event_id, title, number)
            temporary = path.with_name(f".{path.name}.tmp")
            temporary.write_text(text, encoding="utf-8")
            start = time.perf_counter()
            os.replace(temporary, path)
            took: float | None = None
            while time.perf_counter() - start < GIVE_UP:
                front = app.screen
                if (
                    isinstance(front, TimelineScreen)
                    and front.query(TimelineView)
                    and front.view.selected is not None
                    and front.view.selected.id == event_id
                    and front.view.selected.event.title == new_title
                ):
                    took = time.perf_counter() - start
                    break
                await asyncio.sleep(0.002)
            out.append(took)
            await pilot.pause(0.3)  # nobody saves twice within a tenth of a second
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--events", type=int, default=1000, help="generated file (0: none)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    width, height = (int(n) for n in args.size.split("x"))
    files = list(args.files) or sorted((ROOT / "incidents").glob("*.yaml"))
    status = 0
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        copies = []
        for file in files:
            copy = work / file.name
            shutil.copy(file, copy)
            for folder_name in {file.stem, file.stem.split("-")[0]}:
                stored = file.parent / folder_name  # its sources' stored copies
                if stored.is_dir() and not (work / folder_name).exists():
                    shutil.copytree(stored, work / folder_name)
            copies.append(copy)
        if args.events:
            from benchmarks.generate import write_incident

            generated = work / f"generated-{args.events}.yaml"
            write_incident(generated, 7, args.events, f"generated-{args.events}")
            copies.append(generated)
        print(f"# live reload, {args.saves} saves a file, {width}x{height}, target {TARGET} s")
        print(f"{'file':28} {'floor':>8} {'median':>8} {'worst':>8} {'×floor':>7}  target")
        for path in copies:
            base = floor(path, 3)
            times = asyncio.run(measure(path, args.saves, (width, height)))
            shown = [t for t in times if t is not None]
            if len(shown) < len(times):
                status = 1
                print(f"{path.name:28} {len(times) - len(shown)} saves never shown")
                continue
            median, worst = statistics.median(shown), max(shown)
            verdict = "met" if worst <= TARGET else "MISSED"
            print(
                f"{path.name[:28]:28} {base:8.3f} {median:8.3f} {worst:8.3f} "
                f"{median / base:7.2f}  {verdict}"
            )
    return status


if __name__ == "__main__":
    raise SystemExit(main())
