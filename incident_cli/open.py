"""``incident open [PATH...]`` (and ``incident`` alone): the app, on incident files, folders or
bundled incident ids; the bundled incidents when none is named."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .failures import EXIT_OK
from .inputs import incident_inputs
from .view_arguments import add_view_arguments, view_options

if TYPE_CHECKING:
    from incident.paths import Output
    from incident.timeline import Timeline
    from incident.view_options import ViewOptions


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "open", help="open incident files or folders in the app"
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="files, folders or bundled incident ids (default: the bundled incidents)",
    )
    add_view_arguments(parser)
    parser.add_argument(
        "--reset-settings",
        action="store_true",
        help="forget the theme, zone mode and locale the app remembered, then open",
    )
    # No --locale: the one the app remembered (else en); given, it is remembered.
    parser.set_defaults(run=run, locale=None)


def run(args: argparse.Namespace) -> int:
    from incident.bundled import default_incident_paths
    from incident.view_options import LOCALES
    from tui.settings import load_settings, reset_settings, save_settings, settings_path

    settings_file = settings_path()
    if getattr(args, "reset_settings", False):
        reset_settings(settings_file)
    saved = load_settings(settings_file)
    if args.locale is None:
        args.locale = saved.locale if saved.locale in LOCALES else "en"
    elif args.locale != saved.locale:
        save_settings(settings_file, saved.with_(locale=args.locale))  # best effort
    options = view_options(args)
    paths = [given.path for given in incident_inputs(args.paths)] or default_incident_paths()
    from tui.app import IncidentApp  # only now: the other commands never import Textual

    app = IncidentApp(paths, options, exporter=write_postmortem, settings_file=settings_file)
    result = app.run()
    if app.return_code not in (None, 0):
        return app.return_code or 1
    return result if isinstance(result, int) else EXIT_OK


def write_postmortem(
    timeline: Timeline, options: ViewOptions, data_file: str, output: Output
) -> str | None:
    """The app's export, injected by the command line (the app never imports the export):
    write the post-mortem where the app planned it (incident.paths.plan_output, the rule the
    command line uses); the reason it failed, or None when written."""
    from incident.export.markdown import render_postmortem
    from incident.export.writer import ExportError, write_output

    try:
        write_output(output, render_postmortem(timeline, options, data_file))
    except ExportError as exc:
        return exc.message
    except OSError as exc:
        return str(exc)
    return None
