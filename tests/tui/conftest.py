"""The app is tested in colour, without animations."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _colour_no_animations(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The root conftest sets NO_COLOR (for the CLI tests); the app is tested in colour."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    yield
