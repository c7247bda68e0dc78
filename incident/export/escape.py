"""Make text from an incident file safe to place in Markdown.

File text is data, never markup: whatever a title or a quote contains, it must render as the
same characters, on one line, inside the cell or sentence it was put in. So:

- control characters, bidi overrides and zero-width characters are made visible
  (:func:`incident.formatting.visible`), line breaks folded, tabs turned to spaces;
- every ASCII character that can start inline Markdown or HTML syntax mid-line
  (``\\ ` * _ [ ] < > & | ~ $ #``) is backslash-escaped, so no emphasis, link, image,
  footnote, code span, raw HTML, entity, table cell break, strikethrough or math can come out of
  file text;
- what could open a block where the text starts a line (``- x``, ``+ x``, ``1. x``, ``3) x``,
  ``=``; ``#``, ``>`` and ``*`` are escaped anyway) is escaped at the start too. Text of ours
  usually comes first, but not everywhere: a list item may begin with a publisher's name, a
  quote block with the summary. The escape reads the same mid-line, so it is always applied;
- URLs (already checked to be http/https) are written as autolinks with any character that
  could end or break one percent-encoded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import quote

from ..formatting import visible

# The characters that can open inline syntax in CommonMark, GFM (tables, strikethrough) or on
# GitHub (math, heading closers). '(' ')' '!' need no escape once '[' ']' are escaped.
_SPECIAL = frozenset("\\`*_[]<>&|~$#")
_ESCAPES = str.maketrans({ch: "\\" + ch for ch in _SPECIAL})
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")
_NEEDS_FOLD = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85\t]| {2}")
_SCHEME = re.compile(r":(?=//)")
# List items, ordered list items (up to nine digits), setext underlines and thematic breaks.
_BLOCK_START = re.compile(r"^(?:[-+=]|[0-9]{1,9}[.)](?=\s|$))")
_WWW = re.compile(r"(?i)(\bwww)\.")
_URL_SAFE = "-._~:/?#[]@!$&'()*+,;=%"


def fold(text: str, joiner: str = " ") -> str:
    """One line: line breaks become ``joiner`` (blank lines dropped), tabs spaces, runs of
    spaces one space."""
    if not _NEEDS_FOLD.search(text):  # the common case: one line already, single spaces
        return text.strip()
    lines = (
        re.sub(r" {2,}", " ", line.replace("\t", " ")).strip() for line in _LINE_BREAKS.split(text)
    )
    return joiner.join(line for line in lines if line)


BLANK = "(blank)"


@lru_cache(maxsize=1 << 16)  # titles, publishers and times repeat on every line that cites them
def inline(text: str, *, joiner: str = " ") -> str:
    """File text as Markdown inline content that renders literally (safe in table cells).

    Text that is only whitespace shows as ``(blank)``: nothing it could leave behind (an empty
    ``** **``, a trailing space, an empty heading) should depend on it.
    """
    one = fold(text, joiner)
    return _escape(visible(one)) if one else BLANK


@lru_cache(maxsize=1 << 16)
def plain(text: str) -> str:
    """Our own one-line text (times, markers ``~ > <``) escaped, spaces kept as they are."""
    return _escape(visible(_LINE_BREAKS.sub(" ", text)))


def _escape(text: str) -> str:
    out = text.translate(_ESCAPES)
    out = _BLOCK_START.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], out)
    # Bare URLs, www. names and e-mail addresses in file text would become links on GitHub
    # (extended autolinks): escaping one character of each pattern keeps them text.
    out = _SCHEME.sub(r"\\:", out)
    return _WWW.sub(lambda m: m.group(1) + "\\.", out).replace("@", "\\@")


def quoted(text: str) -> str:
    """A verbatim quote in typographic quotes; its line breaks shown as `` / ``."""
    return "“" + inline(text, joiner=" / ") + "”"


def url(link: str) -> str:
    """An autolink ``<https://…>``; anything that is not http(s) is shown as text instead."""
    scheme = link.split(":", 1)[0].lower()
    if scheme not in ("http", "https") or not link.lower().startswith(scheme + "://"):
        return inline(link) + " (not a web link; not linked)"
    encoded = quote(link, safe=_URL_SAFE)
    # '&', '|' and brackets are safe for browsers but not inside an autolink in a table or
    # next to entity syntax; encode the few that can break the Markdown around the link.
    for ch, code in (("|", "%7C"), ("`", "%60"), ("\\", "%5C"), ("<", "%3C"), (">", "%3E")):
        encoded = encoded.replace(ch, code)
    return f"<{encoded}>"


_LABEL_BAD = re.compile(r"[^a-z0-9_-]+")


class FootnoteIds:
    """Footnote labels derived from source ids: sanitised, unique, stable for the same input.

    ``prefix`` keeps two incidents' sources apart in one document (a comparison).
    """

    def __init__(self, prefix: str = "") -> None:
        self._prefix = prefix
        self._by_key: dict[str, str] = {}
        self._taken: set[str] = set()

    def __call__(self, source_id: str) -> str:
        known = self._by_key.get(source_id)
        if known is not None:
            return known
        base = _LABEL_BAD.sub("-", source_id.lower()).strip("-_") or "source"
        base = (self._prefix + base)[:60]
        label = base
        n = 2
        while label in self._taken:
            label = f"{base}-{n}"
            n += 1
        self._taken.add(label)
        self._by_key[source_id] = label
        return label

    def ref(self, source_id: str) -> str:
        return f"[^{self(source_id)}]"

    def refs(self, source_ids: Iterable[str]) -> str:
        """``[^ap] [^cnbc]`` for each distinct id, in order."""
        return " ".join(self.ref(s) for s in dict.fromkeys(source_ids))
