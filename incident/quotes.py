"""Find a quote in the stored text of its source.

A quote counts as found when it occurs in the text after both are normalised the same way:
runs of whitespace become one space, typographic quotes become straight ones, every dash
becomes '-' (with the spaces around it dropped), invisible characters go. An ellipsis ``…``
(or ``[…]``, ``[...]``) in the quote stands for a gap: the pieces around it must occur in
order. A quote not found gets the closest passage of the text, so the message can show what
the source really says.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
    }
)
_DASHES = frozenset("-‐‑‒–—―−﹘﹣－")
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_GAP = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|…)\s*")
CONTEXT = 160  # characters of the source shown either side of a found quote


@dataclass(frozen=True)
class Normalised:
    """Normalised text and, for each of its characters, where it came from in the original."""

    text: str
    origin: tuple[int, ...]
    source: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span that normalised ``[start, end)`` came from."""
        if start >= end:
            at = self.origin[start] if start < len(self.origin) else len(self.source)
            return at, at
        return self.origin[start], self.origin[end - 1] + 1


def normalise(text: str) -> Normalised:
    out: list[str] = []
    origin: list[int] = []
    pending_space = -1  # original index of a whitespace run not yet written
    for index, raw in enumerate(text):
        if raw in _INVISIBLE:
            continue
        ch = unicodedata.normalize("NFKC", raw.translate(_QUOTES))
        if raw in _DASHES:
            while out and out[-1] == " ":
                out.pop()
                origin.pop()
            out.append("-")
            origin.append(index)
            pending_space = -2  # swallow the spaces after a dash
            continue
        if ch.isspace() or not ch:
            if pending_space == -1 and out:
                pending_space = index
            continue
        if pending_space >= 0:
            out.append(" ")
            origin.append(pending_space)
        pending_space = -1
        for piece in ch:
            out.append(piece)
            origin.append(index)
    return Normalised("".join(out), tuple(origin), text)


@lru_cache(maxsize=64)
def _normalised_source(text: str) -> Normalised:
    return normalise(text)


@dataclass(frozen=True)
class Passage:
    """Where a quote is (or comes closest) in the source: offsets into the original text."""

    start: int
    end: int
    score: float  # 100 for a verbatim match

    def excerpt(self, source: str, context: int = CONTEXT) -> tuple[str, str, str]:
        """(before, the passage, after), cut at word boundaries ``context`` characters out."""
        lo = max(0, self.start - context)
        hi = min(len(source), self.end + context)
        if lo > 0:
            space = source.find(" ", lo, self.start)
            lo = space + 1 if space != -1 else lo
        if hi < len(source):
            space = source.rfind(" ", self.end, hi)
            hi = space if space != -1 else hi
        before = ("…" if lo > 0 else "") + source[lo : self.start]
        after = source[self.end : hi] + ("…" if hi < len(source) else "")
        return before, source[self.start : self.end], after


def quote_pieces(quote: str) -> list[str]:
    """The parts of a quote between its gaps (``…``), normalised, empty ones dropped."""
    return [p for p in (normalise(part).text for part in _GAP.split(quote)) if p]


def find_quote(quote: str, source: str) -> Passage | None:
    """Where ``quote`` is in ``source`` (pieces in order, gaps allowed), or None."""
    hay = _normalised_source(source)
    pieces = quote_pieces(quote)
    if not pieces:
        return None
    at = 0
    first = last = -1
    for piece in pieces:
        found = hay.text.find(piece, at)
        if found == -1:
            return None
        if first == -1:
            first = found
        last = found + len(piece)
        at = last
    start, end = hay.span(first, last)
    return Passage(start, end, 100.0)


def closest_passage(quote: str, source: str) -> Passage | None:
    """The passage of ``source`` most like ``quote`` (fuzzy), or None for an empty source."""
    hay = _normalised_source(source)
    needle = " ".join(quote_pieces(quote))
    if not needle or not hay.text:
        return None
    from rapidfuzz import fuzz  # here: ~10 ms to import, and only a quote not found needs it

    aligned = fuzz.partial_ratio_alignment(needle, hay.text)
    if aligned is None:
        return None
    start, end = hay.span(aligned.dest_start, aligned.dest_end)
    return Passage(start, end, round(aligned.score, 1))
