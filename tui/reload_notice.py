"""The panel under the last good timeline when a save made its file invalid: the located
problems, one ``file:line:column`` line each, until the next good save."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from incident.problems import Problem, Severity

from .safe import one_line

NOTICE_ID = "reload-problems"


class ReloadNotice(Static):
    """What is wrong with the file on disk; the rows above still show the last good version."""

    DEFAULT_CSS = """
    ReloadNotice {
        height: auto; max-height: 8; overflow-y: auto;
        border-top: heavy $error; padding: 0 1; background: $panel;
    }
    """

    def __init__(self, shown: str, problems: Sequence[Problem]) -> None:
        super().__init__(notice_text(shown, problems), id=NOTICE_ID, markup=False)

    def show(self, shown: str, problems: Sequence[Problem]) -> None:
        self.update(notice_text(shown, problems))


def notice_text(shown: str, problems: Sequence[Problem]) -> Text:
    errors = [p for p in problems if p.severity is Severity.error]
    out = Text(end="")
    count = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
    out.append(
        f"{one_line(shown)} is invalid as read again ({count}); "
        "showing the last good version. Fix it and save, or press r.\n",
        style="bold",
    )
    for problem in sorted(problems):
        out.append(one_line(problem.render()) + "\n")
    out.rstrip()
    return out
