"""The columns of the claims sheet, shared by its export and its import.

One row per claim: the event's columns, the source's, then the claim's own. A claim of when an
event ended (its ``ends:``) is a row too, with ``yes`` in the ``ends`` column. A column is named
after the model field it holds, except where two would clash (``source_title``, ``event_note``);
``extra`` holds, as JSON, whatever else a claim says that no column does.
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
    "ends",
    "quote",
    "translation",
    "hedge",
    "time",
    "until",
    "on",
    "part",
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
    "counts",
    "figure_stated",
    "stance",
    "note",
    "extra",
)
COLUMNS = EVENT_COLUMNS + SOURCE_COLUMNS + CLAIM_COLUMNS

# What the ``ends`` column holds on the row of an end claim (blank on every other row).
END_MARK = "yes"

# Source fields by column (the column is the field's name unless it would clash).
SOURCE_FIELDS = {
    "source": "id",
    "source_title": "title",
    "source_note": "note",
}

# The claim fields the columns above hold; any other field a claim has goes, as compact JSON,
# into the ``extra`` column, so a round trip keeps every claim whole even as the format grows.
CLAIM_FIELDS_IN_COLUMNS: dict[str, frozenset[str] | None] = {
    "source": None,
    "quote": None,
    "translation": None,
    "stance": None,
    "note": None,
    "time": frozenset(
        {
            "kind",
            "at",
            "until",
            "zone",
            "margin",
            "relative_to",
            "relative_source",
            "offset",
            "until_offset",
            "stated",
        }
    ),
    "value": frozenset({"amount", "unit", "bound", "stated"}),
}
