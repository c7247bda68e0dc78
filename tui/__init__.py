"""The interactive Textual app: ``incident`` and ``incident open PATH...``."""
