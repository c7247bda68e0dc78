"""An invalid file opens to its problems, one ``file:line:col`` line each."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll

from ..data import Loaded
from ..header import TitleHeader
from ..safe import one_line
from ..wrapped_text import WrappedText
from .base import BACK, AppScreen, footer


class ErrorsScreen(AppScreen):
    BINDINGS: ClassVar[list[BindingType]] = [BACK]

    DEFAULT_CSS = """
    ErrorsScreen #problems { padding: 0 1; }
    """

    def __init__(self, entry: Loaded) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with VerticalScroll(id="problems-scroll"):
            yield WrappedText(self._text(), id="problems")
        yield footer()

    @property
    def unopened(self) -> bool:
        """Nothing could be read at all (a missing path, a folder with no incident files):
        not an invalid file, so no ``:0:1: error[usage]`` line to puzzle over."""
        return all(p.line == 0 and p.code == "usage" for p in self.entry.problems)

    def on_mount(self) -> None:
        self.title = one_line(self.entry.shown)
        self.sub_title = (
            "nothing to open" if self.unopened else "cannot open: invalid incident file"
        )
        self.query_one("#problems-scroll").focus()

    def _text(self) -> Text:
        if self.unopened:
            out = Text(end="")
            out.append("Nothing to open here.\n\n", style="bold")
            for problem in self.entry.problems:
                out.append(one_line(problem.message, 1000) + "\n")
            out.append(
                "\nGive incident files (*.yaml), a folder that holds some, or a bundled id "
                "(`incident list` names them)."
            )
            return out
        errors = len(self.entry.errors)
        warnings = len(self.entry.warnings)
        out = Text(end="")
        out.append(f"{one_line(self.entry.shown)} is not a valid incident file ", style="bold")
        out.append(f"({errors} error{'s' if errors != 1 else ''}, {warnings} warnings).\n")
        out.append("Fix these and open it again (`incident validate` shows the same list):\n\n")
        for problem in sorted(self.entry.problems):
            out.append(one_line(problem.render()) + "\n")
        return out
