"""``incident snapshot SOURCE-ID PAGE.html|TEXT|-``: store the text a source was read in."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from .failures import EXIT_OK, CommandFailure, UsageFailure

DEFAULT_FOLDER = Path("incidents")


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "snapshot",
        help="store the article text a source was read in, so its quotes are checked",
        description="Extract the article text from a saved web page (or take a text file, or "
        "'-' for standard input), store it beside the incident as "
        "<incident-id>/sources/<source-id>.txt, and record its SHA-256 and today's date in the "
        "source's entry. A stored copy with other text is kept unless --force.",
    )
    parser.add_argument("source", metavar="SOURCE-ID", help="the id of a source in the incident")
    parser.add_argument("input", metavar="PAGE.html|TEXT|-", help="a saved page, a text file, or -")
    parser.add_argument(
        "--incident",
        type=Path,
        metavar="FILE",
        help=f"the incident file (default: the one in {DEFAULT_FOLDER}/ that has SOURCE-ID)",
    )
    parser.add_argument("--force", action="store_true", help="replace a stored copy that differs")
    parser.add_argument(
        "--captured",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date the page was saved (default: today)",
    )
    parser.set_defaults(run=run)


def _date(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def run(args: argparse.Namespace) -> int:
    from incident.snapshot_entry import incident_id_and_sources, record_snapshot
    from incident.snapshots import SnapshotError, store, text_from_input

    incident_file = args.incident or _find_incident(args.source)
    if not incident_file.is_file():
        raise UsageFailure(f"{incident_file}: no such incident file")
    try:
        incident_id, source_ids = incident_id_and_sources(incident_file)
        if args.source not in source_ids:
            raise UsageFailure(f"{incident_file}: has no source {args.source!r}")
        data = _read_input(args.input)
        text = text_from_input(data)
        captured = args.captured or date.today().isoformat()
        stored = store(
            incident_file.parent, incident_id, args.source, text, captured, force=args.force
        )
        line = record_snapshot(incident_file, args.source, stored.snapshot)
    except SnapshotError as exc:
        raise CommandFailure(exc.message) from None
    what = "stored" if stored.written else "kept (same text)"
    sys.stdout.write(
        f"{what} {stored.file} ({stored.file.stat().st_size:,} bytes, sha256 "
        f"{stored.snapshot.sha256[:12]}…); recorded at {incident_file}:{line}\n"
    )
    return EXIT_OK


def _read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    if not path.is_file():
        raise UsageFailure(f"{name}: no such file (give a saved page, a text file, or -)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageFailure(f"{name}: cannot read: {exc.strerror}") from None


def _find_incident(source_id: str) -> Path:
    from incident.snapshot_entry import incident_id_and_sources
    from incident.snapshots import SnapshotError

    if not DEFAULT_FOLDER.is_dir():
        raise UsageFailure(f"no {DEFAULT_FOLDER}/ folder here: name the file with --incident")
    found = []
    for path in sorted(DEFAULT_FOLDER.glob("*.y*ml")):
        try:
            if source_id in incident_id_and_sources(path)[1]:
                found.append(path)
        except SnapshotError:
            continue
    if len(found) != 1:
        which = (
            "no incident" if not found else "several incidents (" + ", ".join(map(str, found)) + ")"
        )
        raise UsageFailure(
            f"source {source_id!r} is in {which} under {DEFAULT_FOLDER}/: name one with --incident"
        )
    return found[0]
