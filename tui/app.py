"""The incident app: load files in a worker, then list, timeline, detail, sources, chart,
compare. The command line (``incident open``) builds it with the view options already
resolved and the exporter to use, so the app reads no arguments and imports no export."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from typing import ClassVar, Protocol

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, LoadingIndicator, Static

from incident.bundled import is_bundled
from incident.paths import Output, OutputKind, PathError, plan_output, shown
from incident.timeline import Timeline
from incident.view_options import ViewOptions

from .data import Loaded, load_paths
from .header import TitleHeader
from .safe import one_line
from .screens.base import AppScreen
from .settings import Settings, load_settings, reset_settings, save_settings
from .watch import POLL_SECONDS, FileWatch
from .zone_modes import ZoneMode, zone_modes


class Exporter(Protocol):
    """Writes an incident's post-mortem where ``output`` says; the reason it failed, or None."""

    def __call__(
        self, timeline: Timeline, options: ViewOptions, data_file: str, output: Output
    ) -> str | None: ...


DEFAULT_THEME = "textual-dark"

INCIDENT_ACTIONS = frozenset({"sources", "chart", "compare", "export", "cycle_zone"})
"""The app's actions that need a valid incident in front (hidden from the footer and the
command palette without one)."""


class IncidentApp(App[int]):
    TITLE = "incident"
    ENABLE_COMMAND_PALETTE = True

    incident: var[Loaded | None] = var(None, always_update=True, bindings=True)
    """The valid incident that s, g, c, e and z act on, or None: set by the screen in front
    (the incident list's highlighted row, or the incident a screen shows), so the footer and
    the command palette ask this state, never a screen or its widgets."""

    zone_index: var[int] = var(0)
    """Which zone mode the times are shown in; the screens watch it and redraw."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "z",
            "cycle_zone",
            "Zone",
            id="app.cycle_zone",
            tooltip="Cycle display zones: all together, each alone, then UTC",
        ),
        Binding(
            "s",
            "sources",
            "Sources",
            id="app.sources",
            tooltip="Every source and the events it backs",
        ),
        # g and c stay out of the footer so q and ? fit at 80 columns; ? and ctrl+p list them.
        Binding(
            "g",
            "chart",
            "Chart",
            show=False,
            id="app.chart",
            tooltip="The figures sources give (audience, reports, cancellations…) over time",
        ),
        Binding(
            "c",
            "compare",
            "Compare",
            show=False,
            id="app.compare",
            tooltip="Compare with another incident on a shared T+0 axis",
        ),
        Binding(
            "e", "export", "Export", id="app.export", tooltip="Export this incident to Markdown"
        ),
        Binding(
            "r",
            "reload",
            "Reload",
            show=False,
            id="app.reload",
            tooltip="Read the incident file again (a save reloads it by itself)",
        ),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit the app"),
        Binding(
            "question_mark",
            "help",
            "Help",
            key_display="?",
            id="app.help",
            tooltip="Show every key",
        ),
    ]

    class Progress(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class FilesLoaded(Message):
        def __init__(self, entries: list[Loaded]) -> None:
            super().__init__()
            self.entries = entries

    class Reloaded(Message):
        """One file read again (after a save, or ``r``)."""

        def __init__(self, path: Path, entry: Loaded, generation: int) -> None:
            super().__init__()
            self.path = path
            self.entry = entry
            self.generation = generation

    def __init__(
        self,
        paths: Sequence[Path],
        options: ViewOptions | None = None,
        *,
        exporter: Exporter | None = None,
        cursor_blink: bool = True,
        theme: str | None = None,
        watch: bool = True,
        settings_file: Path | None = None,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.options = options or ViewOptions()
        self.locale = self.options.locale
        self.exporter = exporter
        self.cursor_blink = cursor_blink
        self.zone_index = 0
        self.entries: list[Loaded] = []
        self.watch_files = watch
        self._watch = FileWatch()
        self._owners: dict[Path, Path] = {}  # a watched stored copy → the incident it backs
        self._generation: dict[Path, int] = {}
        self._pending: dict[Path, Loaded] = {}  # read again, shown once its screen is in front
        self.settings_file = settings_file
        self._remembering = False
        if settings_file is not None:
            saved = load_settings(settings_file)
            self.zone_index = saved.zone_mode
            if theme is None and saved.theme in self.available_themes:
                theme = saved.theme
        if theme is not None:
            self.theme = theme

    # --- settings -------------------------------------------------------------------------

    def remember(self) -> None:
        """Save the theme, zone mode and locale for the next run (when the app has a file)."""
        if self.settings_file is None or not self._remembering:
            return
        settings = Settings(theme=self.theme, zone_mode=self.zone_index, locale=self.locale)
        failure = save_settings(self.settings_file, settings)
        if failure is not None:
            self.notify(f"Settings not saved: {one_line(failure)}", markup=False, timeout=3)

    def action_reset_settings(self) -> None:
        if self.settings_file is None:
            return
        self._remembering = False
        failure = reset_settings(self.settings_file)
        self.theme = DEFAULT_THEME
        self.zone_index = 0
        self._remembering = True
        if failure is not None:
            self.notify(f"Settings not reset: {one_line(failure)}", markup=False)
        else:
            self.notify(
                "Settings reset: default theme and zones (the locale from the next start).",
                markup=False,
            )

    # --- zones --------------------------------------------------------------------------

    def zone_modes(self, timeline: Timeline) -> list[ZoneMode]:
        """The zone modes of this incident: its display zones (or ``--zone``'s) together,
        each alone, then UTC."""
        return zone_modes(self.options.display_zones(timeline))

    def zone_mode(self, timeline: Timeline) -> ZoneMode:
        modes = self.zone_modes(timeline)
        return modes[self.zone_index % len(modes)]

    def action_cycle_zone(self) -> None:
        timeline = self.current_timeline()
        count = len(self.zone_modes(timeline)) if timeline is not None else 1
        self.zone_index = (self.zone_index % count + 1) % count
        self.remember()
        if timeline is not None:
            mode = self.zone_mode(timeline)
            self.notify(f"Zone: {mode.describe()}", markup=False, timeout=2)

    # --- loading ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with Middle(), Center():
            yield Static(f"Loading {len(self.paths)} path(s)…", id="loading-text", markup=False)
        yield LoadingIndicator()
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self, "theme", self.remember, init=False)
        self._remembering = True
        self.load()

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        """Check and rebuild every file off the UI thread; the screen shows each step."""

        def progress(text: str) -> None:
            self.post_message(self.Progress(text))

        self.post_message(self.FilesLoaded(load_paths(self.paths, progress)))

    @on(Progress)
    def _progress(self, message: IncidentApp.Progress) -> None:
        for label in self.screen.query("#loading-text"):
            if isinstance(label, Static):
                label.update(Text(one_line(message.text)))

    @on(FilesLoaded)
    def _loaded(self, message: IncidentApp.FilesLoaded) -> None:
        from .screens.incidents import IncidentListScreen

        self.entries = message.entries
        for indicator in self.screen.query(LoadingIndicator):
            indicator.display = False
        self.push_screen(IncidentListScreen(self.entries))
        if len(self.entries) == 1:
            self.open_entry(self.entries[0])
        if self.watch_files:
            for entry in self.entries:
                if not entry.path.is_dir():
                    self._watch.add(entry.path)
                    self._watch_snapshots(entry)
            self.set_interval(POLL_SECONDS, self._poll, name="watch")

    def _watch_snapshots(self, entry: Loaded) -> None:
        """Watch the stored copies an incident's quotes are checked against: a change to one
        reads the incident again (its marks, or a changed hash, are part of what it shows)."""
        if entry.timeline is None:
            return
        for source in entry.timeline.sources.values():
            if source.snapshot is None:
                continue
            copy = entry.path.parent / source.snapshot.path
            self._owners[copy] = entry.path
            if copy not in self._watch:
                self._watch.add(copy)

    # --- live reload --------------------------------------------------------------------

    async def _poll(self) -> None:
        changed = self._watch.changed()
        for path in dict.fromkeys(self._owners.get(path, path) for path in changed):
            self.reload_file(path)
        if self._pending:
            front = self._redrawn_path(self.screen)
            if front is not None and front in self._pending:
                await self._show_reloaded(front, self._pending.pop(front))

    def action_reload(self) -> None:
        path = self._screen_path(self.screen)
        paths = [path] if path is not None else [e.path for e in self.entries]
        for each in paths:
            if not each.is_dir():
                self.reload_file(each)
        self.notify(f"Reloading {_count(len(paths), 'file')}…", markup=False, timeout=1)

    def reload_file(self, path: Path) -> None:
        generation = self._generation.get(path, 0) + 1
        self._generation[path] = generation
        self._read_again(path, generation)

    @work(thread=True, group="reload")
    def _read_again(self, path: Path, generation: int) -> None:
        from incident.pipeline import open_incident

        entry = Loaded(open_incident(path))
        self.post_message(self.Reloaded(path, entry, generation))

    @on(Reloaded)
    async def _reloaded(self, message: IncidentApp.Reloaded) -> None:
        if message.generation != self._generation.get(message.path):
            return  # a later save is being read already
        path, entry = message.path, message.entry
        if self.watch_files:
            self._watch_snapshots(entry)
        for number, old in enumerate(self.entries):
            # An invalid save keeps the last good timeline in the list.
            if old.path == path and (entry.ok or not old.ok):
                self.entries[number] = entry
        from .screens.incidents import IncidentListScreen

        if isinstance(self.screen, IncidentListScreen):
            self.screen.show_files_as_read()
        if self._redrawn_path(self.screen) == path:
            self._pending.pop(path, None)
            await self._show_reloaded(path, entry)
        elif any(self._redrawn_path(screen) == path for screen in self.screen_stack):
            self._pending[path] = entry
            self.notify(
                f"{one_line(path.name)} changed: its timeline shows it when you go back.",
                markup=False,
                timeout=2,
            )

    def _redrawn_path(self, screen: Screen[object]) -> Path | None:
        """The file of a screen a reload redraws (a timeline, or a file's problems)."""
        from .screens.errors import ErrorsScreen
        from .screens.timeline import TimelineScreen

        if isinstance(screen, TimelineScreen | ErrorsScreen):
            return screen.entry.path
        return None

    def _screen_path(self, screen: Screen[object]) -> Path | None:
        """The file a screen shows (its incident, or its problems), if it shows one."""
        from .screens.errors import ErrorsScreen
        from .screens.incidents import IncidentListScreen

        if isinstance(screen, ErrorsScreen):
            return screen.entry.path
        if isinstance(screen, AppScreen) and not isinstance(screen, IncidentListScreen):
            entry = screen.current_incident
            return entry.path if entry is not None else None
        return None

    async def _show_reloaded(self, path: Path, entry: Loaded) -> None:
        """Redraw the screen in front with the file as read again."""
        from .reload_notice import NOTICE_ID, ReloadNotice
        from .screens.errors import ErrorsScreen
        from .screens.timeline import TimelineScreen

        screen = self.screen
        if not entry.ok and not isinstance(screen, ErrorsScreen):
            # Keep the last good timeline; say what is wrong beside it.
            notices = screen.query(f"#{NOTICE_ID}")
            if notices:
                for notice in notices:
                    if isinstance(notice, ReloadNotice):
                        notice.show(entry.shown, entry.problems)
            else:
                footers = screen.query(Footer)
                screen.mount(
                    ReloadNotice(entry.shown, entry.problems),
                    before=footers.first() if footers else None,
                )
            return
        if isinstance(screen, TimelineScreen) and entry.timeline is not None:
            await screen.query(f"#{NOTICE_ID}").remove()
            screen.show_entry(entry)  # in place: the same search, filter, event and scroll
        elif isinstance(screen, ErrorsScreen):
            await self.switch_screen(
                ErrorsScreen(entry) if entry.timeline is None else TimelineScreen(entry)
            )
        name = entry.timeline.incident.id if entry.timeline is not None else entry.shown
        self.notify(f"Reloaded {one_line(name)}", markup=False, timeout=1.5)

    # --- navigation ---------------------------------------------------------------------

    def open_entry(self, entry: Loaded) -> None:
        from .screens.errors import ErrorsScreen
        from .screens.timeline import TimelineScreen

        if entry.timeline is None:
            self.push_screen(ErrorsScreen(entry))
        else:
            self.push_screen(TimelineScreen(entry))

    def validate_incident(self, entry: Loaded | None) -> Loaded | None:
        return entry if entry is not None and entry.ok else None

    def current_timeline(self) -> Timeline | None:
        return None if self.incident is None else self.incident.timeline

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        screen = self.screen_stack[-1] if self.screen_stack else None
        if isinstance(screen, AppScreen) and action == screen.OWN_ACTION:
            return False  # the screen in front is what this key opens: no stacking
        if action in INCIDENT_ACTIONS:
            if self.incident is not None:
                return True
            from .screens.errors import ErrorsScreen

            # an invalid file's own screen has nothing to offer them: hidden; on the list they
            # are dimmed for an invalid row, so the key bar stays put as the cursor moves
            return False if isinstance(screen, ErrorsScreen) else None
        return True

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            timeline = self.current_timeline()
            modes = self.zone_modes(timeline) if timeline is not None else []
            current = self.zone_mode(timeline) if timeline is not None else None
            self.push_screen(HelpScreen(modes, current))

    def action_sources(self) -> None:
        from .screens.sources import SourcesScreen

        entry = self.incident
        if entry is not None:
            self.push_screen(SourcesScreen(entry))

    def action_chart(self) -> None:
        from .screens.chart import ChartScreen

        entry = self.incident
        if entry is not None:
            self.push_screen(ChartScreen(entry))

    def action_compare(self) -> None:
        from .screens.compare import CompareScreen
        from .screens.dialogs import PickIncidentDialog

        entry = self.incident
        if entry is None:
            return
        others = [e for e in self.entries if e.ok and e is not entry]
        if not others:
            self.notify("Open two incidents to compare them.", markup=False, severity="warning")
            return
        if len(others) == 1:
            self.push_screen(CompareScreen(entry, others[0]))
            return

        def picked(other: Loaded | None) -> None:
            if other is not None:
                self.push_screen(CompareScreen(entry, other))

        self.push_screen(PickIncidentDialog(others), picked)

    # --- copy ---------------------------------------------------------------------------

    def copy_citation(self, text: str) -> None:
        """Send ``text`` to the terminal's clipboard (OSC 52) and show it in a dialog: the
        terminal never says whether it took it, so the app says where it went."""
        from .screens.dialogs import CopyDialog

        self.copy_to_clipboard(text)
        self.notify("Sent the citation to the terminal's clipboard (OSC 52).", markup=False)
        self.push_screen(CopyDialog(text))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """One notification at a time: a new one replaces the last (each ``z`` used to stack
        a toast over the detail pane)."""
        self.clear_notifications()
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # --- export -------------------------------------------------------------------------

    def action_export(self, typed: str | None = None, error: str = "") -> None:
        from .screens.dialogs import ConfirmDialog, ExportDialog

        entry = self.incident
        if entry is None or entry.timeline is None:
            return
        default = Path(f"{entry.timeline.incident.id}.md")
        reads = [e.path for e in self.entries]

        def plan(path: Path) -> Output:
            # The command line's rule (incident.paths): never a file the app read, only a
            # regular file replaced, and only once the user has been told what it is.
            output = plan_output(path, reads=reads, force=True)
            if output.kind is OutputKind.stdout or output.waits:
                why = (
                    "it is the app's own screen" if output.path is None else "it waits for a reader"
                )
                raise PathError(f"{output.name}: {why}")
            return output

        dialog = ExportDialog(
            default, plan, typed=typed, error=error, cursor_blink=self.cursor_blink
        )

        def chosen(output: Output | None) -> None:
            if output is None:
                return
            assert entry is not None
            if output.kind is OutputKind.overwrite:

                def confirmed(yes: bool | None) -> None:
                    if yes:
                        self.export_to(entry, output)
                    else:
                        self.notify(f"Not written: {output.name} already exists.", markup=False)

                question = f"{output.name} already exists ({output.what}). Overwrite it?"
                self.push_screen(ConfirmDialog(question), confirmed)
            else:
                self.export_to(entry, output)

        self.push_screen(dialog, chosen)

    def export_to(self, entry: Loaded, output: Output) -> bool:
        """Write the Markdown post-mortem; say where (the absolute path), or reopen the dialog
        with the path as typed and the reason it failed."""
        timeline = entry.timeline
        assert timeline is not None
        if self.exporter is None:
            self.notify("Export is not available here.", markup=False, severity="error")
            return False
        options = self.options.with_zones(self.zone_mode(timeline).display)
        # The data file as opened, or the id of a bundled incident (never a path into the
        # installed package).
        data_file = timeline.incident.id if is_bundled(entry.path) else entry.shown
        failure = self.exporter(timeline, options, data_file, output)
        typed = "" if output.path is None else str(output.path)
        if failure is not None:
            self.action_export(typed, f"Export failed: {failure}")
            return False
        written = output.name if output.path is None else shown(output.path.absolute())
        self.notify(f"Wrote {written}", markup=False)
        return True

    # --- command palette ----------------------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.settings_file is not None:
            yield SystemCommand(
                "Reset settings",
                "Forget the remembered theme, zone mode and locale",
                self.action_reset_settings,
            )
        from .screens.help import key_display, key_table
        from .timeline_view import TimelineView

        views = screen.query(TimelineView)
        view = views.first() if views else None
        view_ids = {b.id for b in TimelineView.BINDINGS if isinstance(b, Binding)}
        seen: set[str] = {"quit"}  # Textual's own "Quit the application" is the one Quit
        for _group, bindings in key_table():
            for binding in bindings:
                action = binding.action
                if not action or action in seen or binding.id is None:
                    continue
                target: object = self if binding.id.startswith("app.") else screen
                if binding.id in view_ids:
                    # The rows' own keys act on the rows (a screen's page_down does nothing).
                    if view is None:
                        continue
                    target = view
                    seen.add(action)
                    title = f"{binding.description} ({key_display(binding)})"
                    yield SystemCommand(
                        title, binding.tooltip or binding.description, _runner(target, action)
                    )
                    continue
                if target is screen:
                    if not hasattr(screen, f"action_{action}"):
                        continue
                elif self.check_action(action, ()) is not True:
                    continue
                seen.add(action)
                title = f"{binding.description} ({key_display(binding)})"
                yield SystemCommand(
                    title, binding.tooltip or binding.description, _runner(target, action)
                )


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _runner(target: object, action: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await target.run_action(action)  # type: ignore[attr-defined]

    return run
