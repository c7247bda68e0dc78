"""incident: reconstruct an incident's timeline from public reports."""

__version__ = "0.1.0"
