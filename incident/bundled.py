"""Where the bundled incidents are: ./incidents when run from a checkout, else the copy in the
installed package."""

from __future__ import annotations

from pathlib import Path

from .validate import YAML_SUFFIXES


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


def bundled_files() -> list[Path]:
    """The bundled incident files, sorted; each is named after its incident's id."""
    folder = bundled_incidents_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())


def find_bundled(name: str) -> Path | None:
    """The bundled file for an incident id (``x-spaces-2024``), or None."""
    return next((p for p in bundled_files() if p.stem == name), None)


def is_bundled(path: Path) -> bool:
    """Whether the file is one of the bundled incidents (wherever they are installed)."""
    return path.resolve().parent == bundled_incidents_dir()
