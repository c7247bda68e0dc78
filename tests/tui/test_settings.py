"""Settings that stay: theme, zone mode and locale in the user's config folder (here a tmp
folder), and a way to forget them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tui_helpers import SPACES, ready, wait_for

from incident.view_options import ViewOptions
from incident_cli import main
from tui.app import IncidentApp
from tui.settings import (
    CONFIG_ENV,
    Settings,
    load_settings,
    reset_settings,
    save_settings,
    settings_path,
)


def test_settings_round_trip_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "deeper" / "settings.json"
    assert load_settings(path) == Settings()
    assert save_settings(path, Settings("nord", 2, "id")) is None
    assert load_settings(path) == Settings("nord", 2, "id")
    path.write_text("[not, an, object", encoding="utf-8")
    assert load_settings(path) == Settings()
    path.write_text(json.dumps({"theme": 3, "zone_mode": -1, "locale": None}), encoding="utf-8")
    assert load_settings(path) == Settings()
    assert reset_settings(path) is None and not path.exists()
    assert reset_settings(path) is None  # nothing to forget is fine


def test_the_env_var_points_at_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path))
    assert settings_path() == tmp_path / "settings.json"


def _app(path: Path) -> IncidentApp:
    return IncidentApp([SPACES], ViewOptions(), cursor_blink=False, watch=False, settings_file=path)


async def test_theme_and_zone_mode_are_remembered_and_reset(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    app = _app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("z", "z")
        app.theme = "nord"
        await wait_for(
            pilot, lambda: load_settings(path) == Settings("nord", 2, "en"), "the settings saved"
        )
    again = _app(path)
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert again.theme == "nord" and again.zone_index == 2
        again.action_reset_settings()
        assert not path.exists()
        assert again.theme == "textual-dark" and again.zone_index == 0


def test_open_remembers_the_locale_and_forgets_it_on_reset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path))
    opened: list[IncidentApp] = []

    def run(self: IncidentApp) -> int:
        opened.append(self)
        return 0

    monkeypatch.setattr(IncidentApp, "run", run)
    assert main(["open", str(SPACES), "--locale", "id"]) == 0
    assert main(["open", str(SPACES)]) == 0
    assert [a.locale for a in opened] == ["id", "id"]
    assert main(["open", str(SPACES), "--reset-settings"]) == 0
    assert opened[-1].locale == "en"
    assert not (tmp_path / "settings.json").exists()
