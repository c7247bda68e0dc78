"""``incident export``: write a Markdown post-mortem of one incident — or, with ``--format``,
its TimelineJS, Timesketch, JSON or claims-CSV document — or one per incident with ``--all``.
Every file is checked before anything is written."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .export_formats import FORMATS, SUFFIXES, render
from .failures import EXIT_OK, CommandFailure, InvalidInput, UsageFailure, say
from .inputs import IncidentInput, incident_input, incident_inputs, open_valid
from .output import check_output, emit, write_file
from .view_arguments import add_view_arguments, view_options

if TYPE_CHECKING:
    from incident.timeline import Timeline
    from incident.view_options import ViewOptions


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "export", help="write a Markdown post-mortem, or TimelineJS, Timesketch, JSON or CSV"
    )
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="an incident file or a bundled incident's id (with --all: folders or files)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help="output file (with --all: a folder); stdout if absent",
    )
    parser.add_argument("--all", action="store_true", help="one document per incident")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="markdown",
        help="markdown (default), timelinejs, timesketch (JSONL), timesketch-csv, json "
        "(the reconstructed timeline), csv (one row per claim)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite existing files")
    add_view_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    options = view_options(args)
    if args.all:
        return _export_all(args, options)
    if len(args.paths) != 1:
        raise UsageFailure("export takes one incident file (use --all for several)")
    check_output(args.output, args.paths)
    given = incident_input(args.paths[0])
    timeline = open_valid(given)
    document = render(args.format, timeline, options, given.name)
    emit(document.text, args.output, args.force)
    for note in document.notes:
        say(note)
    return EXIT_OK


def _export_all(args: argparse.Namespace, options: ViewOptions) -> int:
    from incident.validate import UsageError, collect_files

    suffix = SUFFIXES[args.format]
    out_dir: Path | None = args.output
    if out_dir is None:
        raise UsageFailure("--all needs -o/--output FOLDER to write one file per incident")
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageFailure(f"{out_dir}: --all writes into a folder, and this is a file")
    if not out_dir.exists() and not out_dir.parent.is_dir():
        raise UsageFailure(f"{out_dir.parent}: no such folder")
    try:
        files = collect_files([given.path for given in incident_inputs(args.paths)])
    except UsageError as exc:
        raise UsageFailure(str(exc)) from None
    loaded: list[tuple[Timeline, str]] = []
    invalid: list[InvalidInput] = []
    for path in files:
        try:
            loaded.append((open_valid(IncidentInput(path, str(path))), str(path)))
        except InvalidInput as exc:
            invalid.append(exc)
    if invalid:
        raise InvalidInput.joined(invalid)
    targets: dict[str, str] = {}
    for timeline, shown in loaded:
        name = timeline.incident.id + suffix
        if name in targets:
            raise UsageFailure(
                f"two files have incident id {timeline.incident.id!r} ({targets[name]} and "
                f"{shown}); their post-mortems would overwrite each other"
            )
        targets[name] = shown
    if not args.force:
        existing = [out_dir / name for name in targets if (out_dir / name).exists()]
        if existing:
            raise CommandFailure(f"{existing[0]}: already exists (use --force to overwrite)")
    if not out_dir.exists():
        try:
            out_dir.mkdir()
        except OSError as exc:
            raise CommandFailure(f"{out_dir}: cannot create folder: {exc.strerror}") from None
    for timeline, shown in loaded:
        target = out_dir / (timeline.incident.id + suffix)
        document = render(args.format, timeline, options, shown)
        write_file(target, document.text, force=args.force)
        say(f"wrote {target}")
        for note in document.notes:
            say(note)
    return EXIT_OK
