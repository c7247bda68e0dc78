"""How file text is framed in the detail pane: quotation marks are added once, never doubled."""

from __future__ import annotations

import pytest

from tui.detail_text import quoted


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("At 8:42 p.m., the interview began.", "“At 8:42 p.m., the interview began.”"),
        ("“Between 7:47 PM and 10:47 PM ET”", "“Between 7:47 PM and 10:47 PM ET”"),
        ('"We are live"', '"We are live"'),
        ("«Nous sommes en direct»", "«Nous sommes en direct»"),
        ("“", "““”"),  # one mark alone is text, not a pair
        ("[/]", "“[/]”"),
    ],
)
def test_quotation_marks_are_not_doubled(text: str, shown: str) -> None:
    assert quoted(text) == shown
