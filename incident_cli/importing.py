"""``incident import``: a claims sheet, or TimelineJS's spreadsheet template, saved as CSV →
an incident file.

Every bad cell is reported as ``file:row:column: error[code]: …`` and nothing is written unless
every row is good; the file is written atomically (an existing one is kept unless ``--force``).
Warnings (a claim with no quote…) are printed and do not stop the import.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from incident import paths

from .failures import EXIT_OK, InvalidInput, UsageFailure, say
from .output import check_output, emit
from .view_arguments import zone_message


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "import",
        help="turn a claims CSV (or TimelineJS's template as CSV) into an incident file",
    )
    parser.add_argument("path", type=Path, metavar="FILE.csv", help="the sheet, saved as CSV")
    parser.add_argument(
        "-o", "--output", type=Path, default=None, help="incident file to write; stdout if absent"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.add_argument("--id", default=None, help="incident id (default: from the file name)")
    parser.add_argument("--title", default=None, help="incident title")
    parser.add_argument("--summary", default=None, help="incident summary")
    parser.add_argument("--platform", default=None, help="the platform or service affected")
    parser.add_argument(
        "--date", default=None, help="the incident's date, YYYY-MM-DD (default: its first time)"
    )
    parser.add_argument(
        "--source-zone",
        default=None,
        metavar="ZONE",
        help="the zone the sheet's times are in where a row names none",
    )
    parser.add_argument(
        "--zone",
        action="append",
        default=None,
        metavar="ZONE",
        help="display zone of the incident; repeat for several",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from incident.importing.build import ImportOptions
    from incident.importing.run import import_file
    from incident.importing.sheet import ImportFailed
    from schemas.zones import UnknownZoneError, resolve_label

    path: Path = args.path
    try:
        path = paths.expand(path)
        if not paths.exists(path):
            raise UsageFailure(f"{paths.shown(path)}: no such file")
        if paths.is_dir(path):
            raise UsageFailure(f"{paths.shown(path)}: is a folder; give the CSV file")
    except paths.PathError as exc:
        raise UsageFailure(exc.message) from None
    # What import writes is an incident file: an existing one may be replaced with --force.
    output = check_output(args.output, [path], force=args.force, incident_file=True)
    for label in [args.source_zone, *(args.zone or [])]:
        if label is None:
            continue
        try:
            resolve_label(label)
        except UnknownZoneError as exc:
            raise UsageFailure(zone_message(str(exc), label)) from None
    options = ImportOptions(
        id=args.id,
        title=args.title,
        summary=args.summary,
        platform=args.platform,
        date=args.date,
        source_zone=args.source_zone,
        display_zones=tuple(args.zone or ()),
    )
    try:
        imported = import_file(path, options=options)
    except ImportFailed as failed:
        errors = [p for p in failed.problems if p.severity == "error"]
        lines = [p.render() for p in failed.problems]
        raise InvalidInput(
            lines,
            f"{path}: {len(errors)} bad cell{'s' if len(errors) != 1 else ''}; nothing written",
        ) from None
    for warning in imported.warnings:
        say(warning.render())
    if imported.zones_note is not None:
        say(imported.zones_note)
    emit(imported.text, output)
    say(f"imported {imported.events} events, {imported.claims} claims from {path}")
    return EXIT_OK
