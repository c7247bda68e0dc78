"""Spreadsheets in: a claims sheet or TimelineJS's template, as CSV, to incident YAML text.

Nothing here imports Textual or writes anywhere but the one output file, atomically.
"""
