"""The detail pane marks each claim verified / not found / unchecked against stored copies."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static
from tui_helpers import make_app, ready

BUNDLED = Path(__file__).resolve().parents[2] / "incidents" / "x-spaces-2024.yaml"


async def test_detail_pane_marks_claims_and_shows_the_stored_passage() -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        detail = ""
        for _ in range(40):  # move down until the conversation's start is selected
            detail = str(app.screen.query_one("#detail-text", Static).render())
            if detail.startswith("The conversation begins"):
                break
            await pilot.press("j")
            await pilot.pause()
        assert detail.startswith("The conversation begins"), detail[:200]
        assert "✓ Verified in the stored copy: …" in detail  # Kontan's quote, in its copy
        assert "Wawancara akhirnya dimulai pada pukul 20:42 EDT, dan pada" in detail
        assert "Unchecked: no stored copy of this source" in detail  # AP's: no copy stored
