"""A titled part of a Markdown document, kept as structure until it is written out.

A section holds Markdown blocks of ours (paragraphs, lists, tables, charts) and subsections; the
heading level is chosen when it is rendered, so the same section can stand at the top of a
post-mortem or one level down inside a comparison, without anyone reading or editing headings
in rendered text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    title: str  # Markdown-safe: file text in it is already escaped
    body: tuple[str | Section, ...]

    def blocks(self, level: int = 2) -> list[str]:
        """The heading at ``level`` (``##`` by default), then the body, subsections one deeper."""
        out = ["#" * level + " " + self.title]
        for part in self.body:
            out += part.blocks(level + 1) if isinstance(part, Section) else [part]
        return out
