"""What every incident screen shares: the app it runs in and the incident it shows."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer

from ..data import Loaded
from ..header import TitleHeader
from ..safe import one_line
from ..wrapped_text import WrappedText
from ..zone_modes import ZoneMode

if TYPE_CHECKING:
    from ..app import IncidentApp

BACK = Binding("escape", "back", "Back", id="screen.back", tooltip="Go back to the previous view")


class AppScreen(Screen[None]):
    """A screen of the incident app.

    In front, it tells the app which incident s/g/c/e/z act on (``current_incident``, read
    from the screen's own state, never its widgets); it watches the app's zone mode and redraws
    its times when it changes.
    """

    OWN_ACTION: ClassVar[str | None] = None
    """The app action that opens this screen: it does nothing here and is hidden from the
    footer and the palette, so pressing it again never stacks the screen on itself."""

    @property
    def incident_app(self) -> IncidentApp:
        return cast("IncidentApp", self.app)

    @property
    def current_incident(self) -> Loaded | None:
        return None

    def publish_incident(self) -> None:
        """Tell the app which incident this screen puts in front."""
        self.incident_app.incident = self.current_incident

    @on(events.ScreenResume)
    def _in_front(self) -> None:
        self.publish_incident()

    @on(events.Mount)
    def _watch_zone_mode(self) -> None:
        self.watch(self.app, "zone_index", self._zone_index_changed, init=False)

    def _zone_index_changed(self) -> None:
        self.zones_changed()

    def zones_changed(self) -> None:
        """The display zones changed (``z``): redraw what shows times."""

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()


class IncidentPageScreen(AppScreen):
    """One incident's page of text that scrolls and redraws when the zones change.

    A subclass names its page (``PAGE_ID``, a :class:`WrappedText`: long lines keep their
    indent) and says what the page holds for a zone mode.
    """

    BINDINGS: ClassVar[list[BindingType]] = [BACK]
    PAGE_ID: ClassVar[str] = "page"

    def __init__(self, entry: Loaded) -> None:
        super().__init__()
        assert entry.timeline is not None
        self.entry = entry
        self.timeline = entry.timeline

    @property
    def current_incident(self) -> Loaded | None:
        return self.entry

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with VerticalScroll(id=f"{self.PAGE_ID}-scroll"):
            yield WrappedText(id=self.PAGE_ID)
        yield footer()

    def on_mount(self) -> None:
        self.title = one_line(self.timeline.incident.title)
        self.query_one(f"#{self.PAGE_ID}-scroll").focus()
        self.zones_changed()

    def zones_changed(self) -> None:
        mode = self.incident_app.zone_mode(self.timeline)
        self.sub_title = self.subtitle(mode)
        self.query_one(f"#{self.PAGE_ID}", WrappedText).update(self.page(mode))

    def subtitle(self, mode: ZoneMode) -> str:
        return mode.heading

    def page(self, mode: ZoneMode) -> Text:
        raise NotImplementedError


def footer() -> Footer:
    """The key bar, compact so more keys fit at 80 columns."""
    bar = Footer()
    bar.compact = True
    return bar
