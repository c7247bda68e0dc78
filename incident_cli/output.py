"""Where a command's document goes, by the one rule in :mod:`incident.paths`: a new name or a
regular file named with ``--force`` (written atomically), standard output (no ``-o``, ``-``,
``/dev/stdout``), or a device or FIFO written in place. Everything is checked before any work."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from incident.paths import Output, OutputKind, PathError, plan_output, plan_outputs

from .failures import CommandFailure, UsageFailure, say


def failure_of(exc: PathError) -> CommandFailure:
    """A path refused or unusable, as the command's failure with the documented exit code."""
    return (
        UsageFailure(exc.message) if exc.code == UsageFailure.code else CommandFailure(exc.message)
    )


def check_output(
    output: Path | None, reads: Iterable[Path], *, force: bool, incident_file: bool = False
) -> Output:
    """Where the document may go (never one of ``reads``); a failure before any work."""
    try:
        return plan_output(output, reads=reads, force=force, incident_file=incident_file)
    except PathError as exc:
        raise failure_of(exc) from None


def check_outputs(targets: Sequence[Path], reads: Iterable[Path], *, force: bool) -> list[Output]:
    """Every target checked before the first is written (``export --all``)."""
    try:
        return plan_outputs(targets, reads=reads, force=force)
    except PathError as exc:
        raise failure_of(exc) from None


def emit(text: str, output: Output) -> None:
    """Write ``text`` where :func:`check_output` said it may go, and say where on stderr."""
    from incident.export.writer import ExportError, write_output

    try:
        write_output(output, text)
    except ExportError as exc:
        raise CommandFailure(exc.message) from None
    if output.kind is not OutputKind.stdout:
        say(f"wrote {output.name}")
