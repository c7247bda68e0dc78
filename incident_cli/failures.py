"""Exit codes, and the failures a command raises for :func:`incident_cli.main.main` to report.

Every message goes to stderr as one ``incident: error: …`` line (an invalid file as its located
problems); nothing outside this package writes to stderr or exits.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from incident.formatting import one_line

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

PREFIX = "incident: error: "


class CommandFailure(Exception):
    """A command could not do what was asked: its lines go to stderr, ``code`` is the exit."""

    code = EXIT_INVALID

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def lines(self) -> list[str]:
        return [PREFIX + one_line(self.message, 1000)]


class UsageFailure(CommandFailure):
    """A usage error: a bad option, a missing path, nothing to work on (exit 2)."""

    code = EXIT_USAGE


class InvalidInput(CommandFailure):
    """Incident files that are not valid: their problems, one located line each, then a
    summary line per file (exit 1)."""

    def __init__(self, problem_lines: Sequence[str], summary: str) -> None:
        super().__init__(summary)
        self.all_lines = [*problem_lines, PREFIX + one_line(summary, 1000)]

    @classmethod
    def joined(cls, failures: Sequence[InvalidInput]) -> InvalidInput:
        """One failure that reports every file's problems."""
        out = cls([], failures[0].message)
        out.all_lines = [line for failure in failures for line in failure.lines()]
        return out

    def lines(self) -> list[str]:
        return list(self.all_lines)


def report(failure: CommandFailure) -> int:
    """Print the failure to stderr; its exit code."""
    for line in failure.lines():
        sys.stderr.write(line + "\n")
    return failure.code


def say(line: str) -> None:
    """A note for the person at the terminal (``wrote out.md``), on stderr so stdout stays data."""
    sys.stderr.write(line + "\n")
