"""``incident compare A B``: two incidents side by side on a shared T+0 axis, in Markdown."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .failures import EXIT_OK, InvalidInput, UsageFailure
from .inputs import incident_input, open_valid
from .output import check_output, emit
from .view_arguments import add_view_arguments, view_options


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "compare", help="write a side-by-side comparison of two incidents"
    )
    parser.add_argument("first", type=Path, help="an incident file or a bundled incident's id")
    parser.add_argument("second", type=Path, help="the other incident")
    parser.add_argument("-o", "--output", type=Path, default=None, help="stdout if absent")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.add_argument(
        "--align",
        metavar="MOMENT",
        default=None,
        help="line the two up on a key moment both have (first_trouble, detected, mitigated…); "
        "default: each from its own T+0",
    )
    add_view_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from incident.export.compare import render_comparison

    options = view_options(args)
    inputs = [incident_input(args.first), incident_input(args.second)]
    output = check_output(args.output, [given.path for given in inputs], force=args.force)
    timelines = []
    invalid: list[InvalidInput] = []
    for given in inputs:
        try:
            timelines.append(open_valid(given))
        except InvalidInput as exc:
            invalid.append(exc)
    if invalid:
        raise InvalidInput.joined(invalid)
    first, second = timelines
    try:
        text = render_comparison(first, second, options, align=args.align)
    except ValueError as exc:  # a moment one of them does not have
        raise UsageFailure(f"--align: {exc}") from None
    emit(text, output)
    return EXIT_OK
