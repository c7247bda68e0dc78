"""Shared fixtures: a minimal valid incident as YAML text, and a way to vary it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from incident_samples import MINIMAL, ROOT

os.environ.setdefault("NO_COLOR", "1")
os.environ.setdefault("TZ", "UTC")


__all__ = ["MINIMAL", "ROOT"]


@pytest.fixture(autouse=True)
def _settings_in_a_tmp_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's remembered settings go to a fresh folder, never the user's config."""
    monkeypatch.setenv("INCIDENT_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def minimal_text() -> str:
    return MINIMAL


@pytest.fixture
def write_incident(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write YAML text to a file in tmp_path and return its path."""

    def write(text: str, name: str = "incident.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
