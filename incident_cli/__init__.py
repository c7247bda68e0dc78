"""The ``incident`` command line: the one place that reads argv, prints usage errors and
returns exit codes. Each command lives in its own module; the views (the app, the export) are
imported only by the command that needs them, so ``incident validate`` never imports Textual.

Exit codes: 0 success, 1 invalid input or a failed write, 2 usage error or cannot run.
"""

from __future__ import annotations

from .main import main

__all__ = ["main"]
