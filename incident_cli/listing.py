"""``incident list [PATH...]``: the incidents there are (the bundled ones by default), each
with its id, date, title and the path to pass to the other commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .failures import EXIT_OK, UsageFailure


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "list", help="list the bundled incidents (or those in PATH) with their paths"
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, help="files or folders (default: the bundled incidents)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from incident.bundled import bundled_files
    from incident.formatting import one_line
    from incident.validate import UsageError, check_file, collect_files

    try:
        files = collect_files(args.paths) if args.paths else bundled_files()
    except UsageError as exc:
        raise UsageFailure(str(exc)) from None
    out = sys.stdout
    for path in files:
        shown = str(path if args.paths else path.resolve())
        result = check_file(path)
        incident = result.incident
        if incident is None or not result.ok:
            out.write(f"{one_line(shown, 1000)}: not a valid incident file\n")
            continue
        out.write(f"{one_line(incident.id)}  {incident.date}  {one_line(incident.title)}\n")
        out.write(f"    {one_line(shown, 1000)}\n")
    if not args.paths:
        out.write(
            f"{len(files)} bundled incident(s). Open one with: incident open ID; "
            "write its post-mortem with: incident export ID -o FILE.md\n"
        )
    return EXIT_OK
