"""The argument parser: one sub-command per module, each registering its own options."""

from __future__ import annotations

import argparse
import sys

from incident import __version__
from incident.formatting import one_line

from . import compare, export, importing, listing, schema, snapshot, time_phrase, validate
from . import open as open_command
from .failures import EXIT_USAGE, PREFIX


class Parser(argparse.ArgumentParser):
    """argparse, with usage errors as ``incident: error: …`` and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        # The message quotes what was typed ("unrecognized arguments: …"): shown visibly.
        sys.stderr.write(PREFIX + one_line(message, 1000) + "\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="incident",
        description="Reconstruct an incident's timeline from public reports. "
        "With no command, opens the app on the bundled incidents.",
    )
    parser.add_argument("--version", action="version", version=f"incident {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands = (validate, schema, listing, open_command, export, importing, compare)
    for module in (*commands, snapshot, time_phrase):
        module.register(sub)
    return parser
