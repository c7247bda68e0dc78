"""``incident export`` and ``incident compare``: load, check, render, write.

Exit codes: 0 written; 1 an invalid incident file (its problems on stderr) or a failed write;
2 a usage error (missing path, unknown zone, ``--all`` without a folder to write to…).
Errors are one line each on stderr; this module never imports Textual.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from schemas.zones import UnknownZoneError

from ..problems import one_line
from ..timeline import ReconstructionError, Timeline, reconstruct
from ..validate import UsageError, check_file, collect_files
from .writer import ExportError, write_atomic
from .zones import check_labels

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class _Usage(Exception):
    pass


class _Invalid(Exception):
    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__(lines[0] if lines else "invalid incident file")
        self.lines = list(lines)


def run(args: argparse.Namespace) -> int:
    """Run ``export`` or ``compare`` from parsed arguments; returns the exit code."""
    try:
        check_labels(args.zone)
        if args.command == "export":
            return _export(args)
        if args.command == "compare":
            return _compare(args)
        raise _Usage(f"unknown command {args.command!r}")
    except UnknownZoneError as exc:
        return _fail(
            EXIT_USAGE,
            f"{exc}: use an IANA name (America/New_York, Asia/Jakarta) or EDT, EST, ET, "
            "WIB, WITA, WIT, UTC",
        )
    except UsageError as exc:
        return _fail(EXIT_USAGE, str(exc))
    except _Usage as exc:
        return _fail(EXIT_USAGE, str(exc))
    except _Invalid as exc:
        for line in exc.lines:
            sys.stderr.write(line + "\n")
        return EXIT_INVALID
    except ExportError as exc:
        return _fail(EXIT_INVALID, exc.message)
    except (KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as exc:  # a bug: still one line, not a traceback (INCIDENT_DEBUG=1 shows it)
        if os.environ.get("INCIDENT_DEBUG") == "1":
            raise
        return _fail(
            EXIT_INVALID,
            f"internal error ({type(exc).__name__}: {one_line(str(exc))}); nothing was written "
            "over an existing file. Please report it; INCIDENT_DEBUG=1 shows the traceback",
        )


def _fail(code: int, message: str) -> int:
    sys.stderr.write(f"incident: error: {message}\n")
    return code


def _load(path: Path) -> tuple[Timeline, str]:
    """A validated, reconstructed incident and the path to show for it."""
    if path.is_dir():
        raise _Usage(f"{path}: is a folder (export one file, or use --all)")
    if not path.exists():
        raise _Usage(f"{path}: no such file")
    result = check_file(path)
    if not result.ok or result.incident is None:
        lines = [p.render() for p in result.problems if p.severity == "error"]
        lines = lines or [p.render() for p in result.problems]
        lines.append(f"incident: error: {result.path}: not a valid incident file; nothing written")
        raise _Invalid(lines)
    try:
        return reconstruct(result.incident), result.path
    except ReconstructionError as exc:
        raise _Invalid([f"{result.path}: error[reconstruct]: {exc}"]) from None


def _check_output(output: Path | None, inputs: Sequence[Path]) -> None:
    """An output file that is a folder or one of the inputs is a usage error, before any work."""
    if output is None:
        return
    if output.is_dir():
        raise _Usage(f"{output}: is a folder; give a file name (or use --all for a folder)")
    target = output.resolve()
    for path in inputs:
        if path.exists() and path.resolve() == target:
            raise _Usage(f"{output}: is the incident file being read; choose another output")


def _emit(text: str, output: Path | None, force: bool) -> None:
    if output is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise ExportError(f"could not write to standard output: {exc.strerror}") from None
        return
    write_atomic(output, text, force=force)


def _export(args: argparse.Namespace) -> int:
    from .markdown import render_postmortem

    if args.all:
        return _export_all(args)
    if len(args.paths) != 1:
        raise _Usage("export takes one incident file (use --all for several)")
    _check_output(args.output, args.paths)
    timeline, shown = _load(args.paths[0])
    text = render_postmortem(timeline, args.zone, args.locale, source_path=shown)
    _emit(text, args.output, args.force)
    if args.output is not None:
        sys.stderr.write(f"wrote {args.output}\n")
    return EXIT_OK


def _export_all(args: argparse.Namespace) -> int:
    """One post-mortem per incident, named after its id, into the output folder.

    Every file is checked before anything is written: one invalid incident writes nothing.
    """
    from .markdown import render_postmortem

    out_dir: Path | None = args.output
    if out_dir is None:
        raise _Usage("--all needs -o/--output FOLDER to write one file per incident")
    if out_dir.exists() and not out_dir.is_dir():
        raise _Usage(f"{out_dir}: --all writes into a folder, and this is a file")
    if not out_dir.exists():
        if not out_dir.parent.is_dir():
            raise _Usage(f"{out_dir.parent}: no such folder")
        try:
            out_dir.mkdir()
        except OSError as exc:
            raise ExportError(f"{out_dir}: cannot create folder: {exc.strerror}") from None
    files = collect_files(args.paths)
    loaded: list[tuple[Timeline, str]] = []
    problems: list[str] = []
    for path in files:
        try:
            loaded.append(_load(path))
        except _Invalid as exc:
            problems.extend(exc.lines)
    if problems:
        raise _Invalid(problems)
    targets: dict[str, Path] = {}
    for timeline, shown in loaded:
        name = timeline.incident.id + ".md"
        if name in targets:
            raise _Usage(
                f"two files have incident id {timeline.incident.id!r} ({targets[name]} and "
                f"{shown}); their post-mortems would overwrite each other"
            )
        targets[name] = Path(shown)
    if not args.force:
        existing = [out_dir / name for name in targets if (out_dir / name).exists()]
        if existing:
            raise ExportError(f"{existing[0]}: already exists (use --force to overwrite)")
    for timeline, shown in loaded:
        target = out_dir / (timeline.incident.id + ".md")
        write_atomic(
            target,
            render_postmortem(timeline, args.zone, args.locale, source_path=shown),
            force=args.force,
        )
        sys.stderr.write(f"wrote {target}\n")
    return EXIT_OK


def _compare(args: argparse.Namespace) -> int:
    from .compare import render_comparison

    _check_output(args.output, [args.first, args.second])
    loaded: list[Timeline] = []
    problems: list[str] = []
    for path in (args.first, args.second):
        try:
            loaded.append(_load(path)[0])
        except _Invalid as exc:
            problems.extend(exc.lines)
    if problems:
        raise _Invalid(problems)
    first, second = loaded
    text = render_comparison(first, second, args.zone, args.locale)
    _emit(text, args.output, args.force)
    if args.output is not None:
        sys.stderr.write(f"wrote {args.output}\n")
    return EXIT_OK
