"""Small modal dialogs: the export path, overwrite confirmation, filter and compare pickers."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from incident.paths import Output, PathError, check_name, expand, is_dir, status

from ..data import Loaded
from ..safe import one_line
from ..search import EventFilter

CLEAR_FILTER = "clear"

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 80%; max-width: 90; height: auto; max-height: 80%;
    border: thick $primary; background: $surface; padding: 0 1;
}}
{name} .title {{ text-style: bold; margin-bottom: 1; }}
{name} OptionList {{ height: auto; max-height: 16; }}
{name} Horizontal {{ height: auto; align-horizontal: right; margin-top: 1; }}
{name} Button {{ margin-left: 1; }}
"""


Planner = Callable[[Path], Output]
"""Where a typed path would be written (``incident.paths.plan_output`` with the app's rules);
raises ``PathError`` saying why not."""


class ExportDialog(ModalScreen[Output | None]):
    """Ask where to write the Markdown post-mortem; stay open, with the text as typed, until
    the path is one the app may write (a folder means ``FOLDER/<id>.md`` in it)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel", tooltip="Do not export")
    ]
    DEFAULT_CSS = (
        DIALOG_CSS.format(name="ExportDialog")
        + """
    ExportDialog #export-error { color: $text-error; height: auto; }
    """
    )

    def __init__(
        self,
        default: Path,
        plan: Planner,
        *,
        typed: str | None = None,
        error: str = "",
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.default = default
        self.plan = plan
        self.typed = str(default) if typed is None else typed
        self.error = error
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Export this incident to Markdown", classes="title", markup=False)
            yield Static(
                "Path of the file, or a folder for "
                f"{one_line(self.default.name)} in it (Enter writes, Esc cancels):",
                markup=False,
            )
            field = Input(value=self.typed, id="export-path")
            field.cursor_blink = self.cursor_blink
            yield field
            yield Static(Text(one_line(self.error, 1000)), id="export-error", markup=False)

    def show_error(self, message: str) -> None:
        self.query_one("#export-error", Static).update(Text(one_line(message, 1000)))

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.show_error("Give a file name or a folder.")
            return
        try:
            target = expand(value)
            check_name(target)
            if is_dir(target) and not is_link(target):
                target = target / self.default.name
            output = self.plan(target)
        except PathError as exc:
            self.show_error(f"Not written: {exc.message}")
            return
        self.dismiss(output)

    def action_cancel(self) -> None:
        self.dismiss(None)


def is_link(path: Path) -> bool:
    found = status(path, follow=False)
    return found is not None and stat.S_ISLNK(found.st_mode)


COPY_HELP = (
    "Sent to the terminal's clipboard (OSC 52). The terminal decides whether to accept it: "
    "under tmux, add `set -g set-clipboard on` to ~/.tmux.conf. "
    "The citation is below too; select it to copy it by hand."
)


class CopyDialog(ModalScreen[None]):
    """What ``y`` sent to the clipboard, in a box the user can select from (the app cannot
    know whether the terminal accepted it, so it says where it went, not that it worked)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="copy.close", tooltip="Close the citation")
    ]
    DEFAULT_CSS = (
        DIALOG_CSS.format(name="CopyDialog")
        + """
    CopyDialog TextArea { height: auto; max-height: 14; }
    """
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Citation of the selected event", classes="title", markup=False)
            yield Static(COPY_HELP, id="copy-help", markup=False)
            # The citation is built from file text made visible (one_line), so the box shows
            # it literally; a TextArea never reads markup.
            yield TextArea(self.text, read_only=True, soft_wrap=True, id="copy-text")
            yield Static("Esc closes.", markup=False)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.select_all()

    def action_close(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """Yes or no; No is the default and Esc says no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes", tooltip="Yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no", tooltip="No"),
    ]
    DEFAULT_CSS = DIALOG_CSS.format(name="ConfirmDialog")

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, classes="title", markup=False)
            with Horizontal():
                yield Button("Overwrite (y)", id="yes", variant="warning")
                yield Button("Keep it (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class FilterDialog(ModalScreen[EventFilter | str | None]):
    """Pick one kind, source or tag to keep; or clear the filter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="filter.cancel", tooltip="Keep the filter")
    ]
    DEFAULT_CSS = DIALOG_CSS.format(name="FilterDialog")

    def __init__(self, choices: list[EventFilter], current: EventFilter | None) -> None:
        super().__init__()
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        options = [Option(Text("(show all events)"), id=CLEAR_FILTER)]
        for number, choice in enumerate(self.choices):
            mark = "● " if choice == self.current else "  "
            options.append(
                Option(Text(f"{mark}{choice.field}: {one_line(choice.value)}"), id=str(number))
            )
        with Vertical():
            yield Static(
                "Filter the timeline by kind, source or tag", classes="title", markup=False
            )
            yield OptionList(*options, id="filter-options")

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id
        if option_id == CLEAR_FILTER or option_id is None:
            self.dismiss(CLEAR_FILTER)
        else:
            self.dismiss(self.choices[int(option_id)])

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickIncidentDialog(ModalScreen[Loaded | None]):
    """Pick the incident to compare with."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="pick.cancel", tooltip="Do not compare")
    ]
    DEFAULT_CSS = DIALOG_CSS.format(name="PickIncidentDialog")

    def __init__(self, entries: list[Loaded]) -> None:
        super().__init__()
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Compare with…", classes="title", markup=False)
            yield OptionList(
                *(Option(Text(one_line(e.title)), id=str(n)) for n, e in enumerate(self.entries)),
                id="pick-options",
            )

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.entries[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
