"""The two bundled incidents: goldens, and what a reader must find in their post-mortems."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _export_helpers import REPO, check_golden, check_structure, load, tables

from incident.export.compare import render_comparison
from incident.export.markdown import render_postmortem
from incident.view_options import ViewOptions

X_SPACES = REPO / "incidents" / "x-spaces-2024.yaml"
DESANTIS = REPO / "incidents" / "desantis-2023.yaml"
BUNDLED = [X_SPACES, DESANTIS]

needs_data = pytest.mark.skipif(
    not all(p.exists() for p in BUNDLED), reason="bundled incidents not present"
)


def _export(path: Path, zones: list[str] | None = None, locale: str = "en") -> str:
    shown = path.relative_to(REPO).as_posix()
    options = ViewOptions.from_labels(zones, locale)
    return render_postmortem(load(path), options, source_path=shown)


@needs_data
@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_golden(path: Path) -> None:
    text = _export(path)
    check_structure(text)
    check_golden(f"{path.stem}.md", text)


@needs_data
def test_bundled_comparison_golden() -> None:
    text = render_comparison(load(X_SPACES), load(DESANTIS))
    check_structure(text)
    check_golden("compare-x-spaces-2024-desantis-2023.md", text)


@needs_data
@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_indonesian_structure(path: Path) -> None:
    check_structure(_export(path, locale="id", zones=["WIB", "UTC"]))


@needs_data
def test_x_spaces_ddos_claim_and_who_disputes_it() -> None:
    text = _export(X_SPACES)
    causes = text[text.index("## Root causes") : text.index("## Detection")]
    assert "(DDoS) attack on X (disputed)" in causes
    assert "- **Claimed by:** Elon Musk" in causes
    disputes = re.search(r"^- \*\*Disputes:\*\* (.*)$", causes, re.M)
    assert disputes is not None
    assert "The Verge[^verge]" in disputes.group(1)  # a source at the company
    assert "BBC[^bbc]" in disputes.group(1)  # an expert told the BBC
    assert "No cause is confirmed by the sources" in causes


@needs_data
def test_x_spaces_key_figures() -> None:
    text = _export(X_SPACES)
    rows = {row[0]: row for row in tables(text[text.index("### Key figures") :])[0]}
    assert rows["Scheduled start"][1].startswith(
        "Mon 12 Aug 2024, 20:00 EDT · Tue 13 Aug 2024, 07:00 WIB"
    )
    assert "ABC News: 20:42 EDT (“At 8:42 p.m.”)" in rows["Actual start"][1]
    assert rows["Delay"][1].startswith("about 40m to more than 54m after the scheduled start")
    assert rows["Peak audience"][1].startswith("about 1.3M to about 2M listeners")
    assert rows["End"][1] == "No source gives an end time."


@needs_data
def test_desantis_zone_label_warning_is_reported() -> None:
    text = _export(DESANTIS)
    lessons = text[text.index("## Lessons learned") : text.index("## Timeline")]
    assert "EST (UTC-05:00) is wrong for 2023-05-24" in lessons
