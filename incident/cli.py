"""The ``incident`` command: argument parsing and dispatch only.

Views are imported lazily, so ``incident validate`` never pays for Textual (a test enforces it).
Exit codes: 0 success, 1 invalid input or a failed write, 2 usage error or unreadable path.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

_TIB = 1
MAX_SIZE_LIMIT = _TIB * 1024**4


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"incident: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def _max_bytes(text: str) -> int:
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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="incident",
        description="Reconstruct an incident's timeline from public reports. "
        "With no command, opens the app on the bundled incidents.",
    )
    parser.add_argument("--version", action="version", version=f"incident {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    validate = sub.add_parser("validate", help="check incident files (the CI gate)")
    validate.add_argument(
        "paths", nargs="*", type=Path, help="files or folders (default: incidents/)"
    )
    validate.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default=None,
        help="output format (default: text; github under GitHub Actions)",
    )
    validate.add_argument("--strict", action="store_true", help="fail on warnings too")
    validate.add_argument(
        "--max-bytes",
        type=_max_bytes,
        default=None,
        metavar="SIZE",
        help="refuse files larger than this (default 64M)",
    )
    validate.add_argument("-q", "--quiet", action="store_true", help="print only problems")

    sub.add_parser("schema", help="print the JSON Schema of incident files")

    open_ = sub.add_parser("open", help="open incident files or folders in the app")
    open_.add_argument("paths", nargs="*", type=Path, help="files or folders (default: bundled)")
    _view_options(open_)

    export = sub.add_parser("export", help="write a Markdown post-mortem")
    export.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="an incident file (with --all: folders or files)",
    )
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help="output file (with --all: a folder); stdout if absent",
    )
    export.add_argument("--all", action="store_true", help="one post-mortem per incident")
    export.add_argument("--force", action="store_true", help="overwrite existing files")
    _view_options(export)

    compare = sub.add_parser("compare", help="write a side-by-side comparison of two incidents")
    compare.add_argument("first", type=Path)
    compare.add_argument("second", type=Path)
    compare.add_argument("-o", "--output", type=Path, default=None)
    compare.add_argument("--force", action="store_true", help="overwrite an existing file")
    _view_options(compare)
    return parser


def _view_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--zone",
        action="append",
        default=None,
        metavar="ZONE",
        help="display zone (IANA name or EDT/EST/ET, WIB/WITA/WIT, UTC); repeat",
    )
    parser.add_argument(
        "--locale", choices=("en", "id"), default="en", help="language of dates (default en)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in ("validate", "export", "compare") and argv is None:  # a real process
        from .loader import collector_off

        collector_off()
    try:
        if args.command is None:
            return _open([], None, "en")
        if args.command == "validate":
            return _validate(args)
        if args.command == "schema":
            from schemas.models import json_schema

            sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
            return EXIT_OK
        if args.command == "open":
            return _open(args.paths, args.zone, args.locale)
        if args.command in ("export", "compare"):
            from .export import cli as export_cli

            return export_cli.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    raise AssertionError(args.command)


def _validate(args: argparse.Namespace) -> int:
    import os

    from .loader import DEFAULT_MAX_BYTES
    from .problems import one_line
    from .report import write_github, write_json, write_text
    from .validate import UsageError, check_paths

    # No bundled fallback here: in CI or a pre-commit hook, checking the tool's own sample
    # files instead of the user's would pass silently.
    paths = args.paths or [Path("incidents")]
    try:
        report = check_paths(paths, args.max_bytes or DEFAULT_MAX_BYTES)
    except UsageError as exc:
        sys.stderr.write(f"incident: error: {one_line(str(exc), 1000)}\n")
        return EXIT_USAGE
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if fmt == "json":
        write_json(report, args.strict)
    elif fmt == "github":
        write_github(report, args.strict)
    else:
        write_text(report, args.strict, quiet=args.quiet)
    return EXIT_INVALID if report.failed(args.strict) else EXIT_OK


def _open(paths: list[Path], zones: list[str] | None, locale: str) -> int:
    from .bundled import default_incident_paths

    targets = paths or default_incident_paths()
    missing = [p for p in targets if not p.exists()]
    if missing:
        sys.stderr.write(f"incident: error: {missing[0]}: no such file or folder\n")
        return EXIT_USAGE
    from tui.app import run

    return run(targets, zones=zones, locale=locale)


if __name__ == "__main__":
    raise SystemExit(main())
