"""Where the bundled incidents are: ./incidents when run from a checkout, else the copy in the
installed package."""

from __future__ import annotations

from pathlib import Path


def bundled_incidents_dir() -> Path:
    here = Path(__file__).resolve().parent
    installed = here / "bundled_incidents"
    if installed.is_dir():
        return installed
    return here.parent / "incidents"


def default_incident_paths() -> list[Path]:
    local = Path("incidents")
    if local.is_dir() and any(local.glob("*.y*ml")):
        return [local]
    return [bundled_incidents_dir()]
