"""``main``: parse argv, run the command, turn every failure into a message and an exit code."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from incident.formatting import one_line

from .failures import EXIT_INTERRUPTED, EXIT_OK, CommandFailure, report
from .parser import build_parser

DEBUG_ENV = "INCIDENT_DEBUG"  # =1: let an internal error end in its traceback


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``incident`` with ``argv`` (the process's arguments when None); the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error argparse has printed
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    if args.command is None:
        from . import open as open_command

        args = parser.parse_args(["open"])
        return _run(open_command.run, args)
    if argv is None and args.command in ("validate", "export", "compare", "list"):
        from incident.loader import collector_off

        collector_off()  # a process that exits when done: see collector_off
    return _run(args.run, args)


def _run(command: object, args: argparse.Namespace) -> int:
    assert callable(command)
    try:
        code = command(args)
        assert isinstance(code, int)
        return code
    except CommandFailure as failure:
        return report(failure)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK  # the reader went away (`| head`): not an error of ours
    except Exception as exc:  # a bug: still one line, not a traceback
        if os.environ.get(DEBUG_ENV) == "1":
            raise
        return report(
            CommandFailure(
                f"internal error ({type(exc).__name__}: {one_line(str(exc), 300)}); nothing was "
                f"written over an existing file. Please report it; {DEBUG_ENV}=1 shows the "
                "traceback"
            )
        )
