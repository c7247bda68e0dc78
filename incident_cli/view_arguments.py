"""``--zone`` and ``--locale``, read once into :class:`incident.view_options.ViewOptions`.

Every command that shows times takes them, and the same bad value gets the same message from
every one of them.
"""

from __future__ import annotations

import argparse
import difflib
from functools import cache

from incident.view_options import LOCALES, ViewOptions
from schemas.zones import ABBREVIATIONS, UnknownZoneError, iana_zone_names

from .failures import UsageFailure

ZONE_HELP = (
    "display zone: an IANA name, a label (ET, EDT, PT, BST, GMT, UTC, Z, CEST, IST needs the "
    "incident's zone_labels, AEST, WIB… every label in the README's table) or a place ('UK "
    "time'); repeat for several"
)
ZONE_HINT = (
    "use an IANA name (America/New_York, Asia/Jakarta), a label such as ET, EDT, PT, BST, GMT, "
    "UTC, Z, CEST, AEST, WIB, or a place such as 'UK time'"
)


def add_view_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--zone", action="append", default=None, metavar="ZONE", help=ZONE_HELP)
    parser.add_argument(
        "--locale", choices=LOCALES, default="en", help="language of dates (default en)"
    )


def view_options(args: argparse.Namespace) -> ViewOptions:
    """The options the person asked for, or a usage failure naming the bad zone."""
    zones: list[str] | None = args.zone
    try:
        return ViewOptions.from_labels(zones, args.locale)
    except UnknownZoneError as exc:
        bad = next((z for z in zones or () if not _is_zone(z)), "")
        raise UsageFailure(zone_message(str(exc), bad)) from None


def zone_message(error: str, label: str) -> str:
    """``unknown time zone 'Amerca/Chicago' (did you mean “America/Chicago”?): use …``."""
    close = difflib.get_close_matches(label.strip(), _zone_names(), n=3, cutoff=0.6)
    quoted = " or ".join(f"“{name}”" for name in close)
    suggestion = f" (did you mean {quoted}?)" if close else ""
    if "did you mean" in error or "; write" in error:  # the zone table's own close matches
        error, suggestion = error.split(";")[0], "" if "did you mean" in error else suggestion
    return f"{error}{suggestion}: {ZONE_HINT}"


def _is_zone(label: str) -> bool:
    try:
        ViewOptions.from_labels([label])
    except UnknownZoneError:
        return False
    return True


@cache
def _zone_names() -> tuple[str, ...]:
    labels = {z.label for z in ABBREVIATIONS.values()}
    # The zones a file may name (schemas.zones): never the machine's 'localtime' or 'posixrules'.
    return tuple(sorted(labels | iana_zone_names()))
