"""The columns of the claims sheet, shared by its export and its import.

One row per claim: the event's columns, the source's, then the claim's own. A column is named
after the model field it holds, except where two would clash (``source_title``, ``event_note``).
"""

from __future__ import annotations

EVENT_COLUMNS = ("event", "title", "kind", "actor", "tags", "key_moment", "event_note")
SOURCE_COLUMNS = (
    "source",
    "publisher",
    "url",
    "language",
    "source_title",
    "published",
    "author",
    "editor",
    "via",
    "archive_url",
    "accessed",
    "source_note",
)
CLAIM_COLUMNS = (
    "quote",
    "translation",
    "hedge",
    "time",
    "until",
    "zone",
    "margin",
    "relative_to",
    "relative_source",
    "offset",
    "until_offset",
    "stated",
    "figure",
    "unit",
    "bound",
    "figure_stated",
    "stance",
    "note",
)
COLUMNS = EVENT_COLUMNS + SOURCE_COLUMNS + CLAIM_COLUMNS

# Source fields by column (the column is the field's name unless it would clash).
SOURCE_FIELDS = {
    "source": "id",
    "source_title": "title",
    "source_note": "note",
}
