"""``incident validate [PATH...]``: check incident files, the CI gate."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from .failures import EXIT_INVALID, EXIT_OK, UsageFailure
from .inputs import LIST_HINT

DEFAULT_FOLDER = Path("incidents")
_TIB = 1
MAX_SIZE_LIMIT = _TIB * 1024**4


def register(sub: Any) -> None:
    from incident.report import FORMATS

    parser: argparse.ArgumentParser = sub.add_parser(
        "validate", help="check incident files (the CI gate)"
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, help=f"files or folders (default: {DEFAULT_FOLDER}/)"
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: text; github under GitHub Actions)",
    )
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument(
        "--max-bytes",
        type=max_bytes,
        default=None,
        metavar="SIZE",
        help="refuse files larger than this (default 64M)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    parser.set_defaults(run=run)


def max_bytes(text: str) -> int:
    """``64M``, ``1g``, ``512k``, ``1000``: a size in bytes, between 1 byte and 1 TiB."""
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    value = text.strip().lower().removesuffix("b").removesuffix("i")
    factor = units.get(value[-1:], 1)
    if value[-1:] in units:
        value = value[:-1]
    try:
        number = int(float(value) * factor)
    except (ValueError, OverflowError):
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 64M)") from None
    if not 0 < number <= MAX_SIZE_LIMIT:
        raise argparse.ArgumentTypeError(f"the size must be between 1 byte and {_TIB} TiB")
    return number


def run(args: argparse.Namespace) -> int:
    from incident.loader import DEFAULT_MAX_BYTES
    from incident.report import write_github, write_json, write_text
    from incident.validate import UsageError, check_paths

    # No bundled fallback here: in CI or a pre-commit hook, checking the tool's own sample
    # files instead of the user's would pass silently.
    paths: list[Path] = args.paths or [DEFAULT_FOLDER]
    if not args.paths and not DEFAULT_FOLDER.exists():
        raise UsageFailure(
            f"{DEFAULT_FOLDER}: no such file or folder; name the incident files or folders to "
            f"check, e.g. incident validate path/to/incident.yaml ({LIST_HINT})"
        )
    try:
        report = check_paths(paths, args.max_bytes or DEFAULT_MAX_BYTES)
    except UsageError as exc:
        raise UsageFailure(str(exc)) from None
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if fmt == "json":
        write_json(report, args.strict)
    elif fmt == "github":
        write_github(report, args.strict)
    else:
        write_text(report, args.strict, quiet=args.quiet)
    return EXIT_INVALID if report.failed(args.strict) else EXIT_OK
