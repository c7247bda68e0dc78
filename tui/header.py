"""The app's header: the screen's title and subtitle fitted to the width (``title_fit``).

It also replaces how Textual's ``Header`` keeps its title current: that one awaits a watcher
per change, and when a reload replaces a screen the watcher could run after the title widget
was removed and stop the app (``NoMatches: HeaderTitle``, found by benchmarks/bench_reload.py).
Here a change with no title widget to draw on does nothing.
"""

from __future__ import annotations

from textual.content import Content
from textual.events import Mount
from textual.widgets import Header, Static

from .title_fit import fit_title


class TitleHeader(Header):
    """A one-line header whose title gives way before its subtitle."""

    def _on_mount(self, event: Mount) -> None:
        event.prevent_default()  # Header's own watchers are the ones that could fail
        for owner in (self.app, self.screen):
            self.watch(owner, "title", self.show_title)
            self.watch(owner, "sub_title", self.show_title)

    def format_title(self) -> Content:
        title, sub_title = fit_title(self.screen_title, self.screen_sub_title, self.app.size.width)
        return self.app.format_title(title, sub_title)

    def show_title(self) -> None:
        """Draw the title again; nothing to do while the screen is being taken down."""
        if not self.is_attached:
            return
        for shown in self.query("HeaderTitle"):
            if isinstance(shown, Static):
                shown.update(self.format_title())

    def on_resize(self) -> None:
        self.show_title()
