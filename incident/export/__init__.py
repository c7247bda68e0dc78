"""Markdown exports: the reconstructed post-mortem and the side-by-side comparison.

Nothing in this package imports Textual: ``incident export`` runs without the app.
"""
