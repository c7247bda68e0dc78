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
from .output import check_output, check_outputs, emit, failure_of
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
    given = incident_input(args.paths[0])
    output = check_output(args.output, [given.path], force=args.force)
    timeline = open_valid(given)
    document = render(args.format, timeline, options, given.name)
    emit(document.text, output)
    for note in document.notes:
        say(note)
    return EXIT_OK


def _export_all(args: argparse.Namespace, options: ViewOptions) -> int:
    from incident import paths
    from incident.validate import UsageError, collect_files

    suffix = SUFFIXES[args.format]
    out_dir: Path | None = args.output
    if out_dir is None:
        raise UsageFailure("--all needs -o/--output FOLDER to write one file per incident")
    try:
        out_dir = paths.expand(out_dir)
        found = paths.status(out_dir)
        if found is not None and not paths.is_dir(out_dir):
            raise UsageFailure(
                f"{paths.shown(out_dir)}: --all writes into a folder, and this is not one"
            )
        if found is None and not paths.is_dir(out_dir.parent):
            raise UsageFailure(f"{paths.shown(out_dir.parent)}: no such folder")
    except paths.PathError as exc:
        raise failure_of(exc) from None
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
    # Every target is checked before the first write: what is there, and that it is not a
    # file this run reads. In a folder still to be made, every name is new.
    names = [out_dir / name for name in targets]
    if found is None:
        try:
            for target in names:
                paths.check_name(target)
        except paths.PathError as exc:
            raise failure_of(exc) from None
        outputs = [paths.Output(target, paths.OutputKind.new) for target in names]
        try:
            out_dir.mkdir()
        except OSError as exc:
            raise CommandFailure(paths.failure(out_dir, "create folder", exc).message) from None
    else:
        outputs = check_outputs(names, files, force=args.force)
        for output in outputs:  # one file per incident: a device or pipe here is a mistake
            if output.kind is paths.OutputKind.stream:
                raise UsageFailure(f"{output.name}: is {output.what}; --all writes files")
    for (timeline, shown), output in zip(loaded, outputs, strict=True):
        document = render(args.format, timeline, options, shown)
        emit(document.text, output)
        for note in document.notes:
            say(note)
    return EXIT_OK
