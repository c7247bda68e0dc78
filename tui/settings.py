"""What the app remembers between runs: the theme, the zone mode and the date locale.

Kept as JSON in the user's config folder (``platformdirs``: ``~/.config/incident/settings.json``
on Linux), or in ``$INCIDENT_CONFIG_DIR`` when set (the tests point it at a temporary folder).
A missing, unreadable or malformed file means the defaults, never an error; the file is written
atomically (temporary file, then rename). Never imports Textual.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from platformdirs import user_config_path

CONFIG_ENV = "INCIDENT_CONFIG_DIR"
FILE_NAME = "settings.json"


@dataclass(frozen=True)
class Settings:
    theme: str | None = None
    zone_mode: int = 0  # the place in the z cycle: 0 all zones together, … , last UTC
    locale: str | None = None

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def settings_path(folder: Path | None = None) -> Path:
    """Where the settings live: ``folder``, else ``$INCIDENT_CONFIG_DIR``, else the user's
    config folder."""
    if folder is None:
        given = os.environ.get(CONFIG_ENV)
        folder = Path(given) if given else user_config_path("incident", appauthor=False)
    return folder / FILE_NAME


def load_settings(path: Path) -> Settings:
    """The settings saved at ``path``; the defaults for anything missing or malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    theme = data.get("theme")
    zone_mode = data.get("zone_mode")
    locale = data.get("locale")
    return Settings(
        theme=theme if isinstance(theme, str) else None,
        zone_mode=zone_mode if isinstance(zone_mode, int) and 0 <= zone_mode < 64 else 0,
        locale=locale if isinstance(locale, str) else None,
    )


def save_settings(path: Path, settings: Settings) -> str | None:
    """Write the settings atomically; the reason it failed, or None (a read-only home must
    not stop the app)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(asdict(settings), out, indent=2, sort_keys=True)
                out.write("\n")
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def reset_settings(path: Path) -> str | None:
    """Forget every setting (remove the file); the reason it failed, or None."""
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        return exc.strerror or str(exc)
    return None
