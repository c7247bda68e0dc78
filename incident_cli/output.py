"""Where a command's document goes: a file written atomically, or standard output."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from .failures import CommandFailure, UsageFailure, say


def check_output(output: Path | None, inputs: Sequence[Path]) -> None:
    """An output file that is a folder or one of the inputs is a usage error, before any work."""
    if output is None:
        return
    if output.is_dir():
        raise UsageFailure(f"{output}: is a folder; give a file name (or use --all for a folder)")
    target = output.resolve()
    for path in inputs:
        if path.exists() and path.resolve() == target:
            raise UsageFailure(f"{output}: is the incident file being read; choose another output")


def emit(text: str, output: Path | None, force: bool) -> None:
    """Write ``text`` to ``output`` (atomically; kept unless ``force``) or to stdout."""
    if output is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise CommandFailure(f"could not write to standard output: {exc.strerror}") from None
        return
    write_file(output, text, force=force)
    say(f"wrote {output}")


def write_file(path: Path, text: str, *, force: bool) -> None:
    from incident.export.writer import ExportError, write_atomic

    try:
        write_atomic(path, text, force=force)
    except ExportError as exc:
        raise CommandFailure(exc.message) from None
