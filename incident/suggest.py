"""Did-you-mean for ids, ranked the way a person mistypes or misremembers them.

A person writing ``relative_to: outage-begins`` remembers the words of an id, not its letters:
``outage-start`` is meant, although ``outage-reports`` shares more letters. So ids are compared
word by word (split at ``-`` and ``_``) with common synonyms treated as the same word, and only
then letter by letter (a typo such as ``cnbcc`` for ``cnbc``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

_SYNONYMS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "start starts started starting begin begins began beginning onset kickoff",
        "end ends ended ending stop stops stopped finish finishes finished over close closed",
        "restore restored restores restoration recover recovers recovered recovery back resume"
        " resumed resumes fixed fix fixes",
        "report reports reported reporting",
        "post posts posted tweet tweets tweeted statement",
        "outage outages down downtime disruption",
        "peak peaks max maximum height",
        "first initial earliest",
        "last final latest",
        "ack acknowledge acknowledged acknowledges acknowledgement",
        "detect detected detects detection",
        "mitigate mitigated mitigates mitigation",
        "schedule scheduled planned",
    )
)
_CANON = {word: min(group) for group in _SYNONYMS for word in group}


def _words(name: str) -> list[str]:
    return [_CANON.get(w, w) for w in re.split(r"[-_\s]+", name.lower()) if w]


def _score(typed: str, candidate: str) -> float:
    a, b = _words(typed), _words(candidate)
    letters = difflib.SequenceMatcher(None, typed.lower(), candidate.lower()).ratio()
    if not a or not b:
        return letters
    shared = 0.0
    rest = list(b)
    for word in a:
        if word in rest:
            rest.remove(word)
            shared += 1
        else:
            close = difflib.get_close_matches(word, rest, n=1, cutoff=0.8)
            if close:  # a typo inside one word
                rest.remove(close[0])
                shared += 0.8
    words = shared / max(len(a), len(b))
    return max(letters, 0.6 * words + 0.4 * letters)


def closest(typed: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known id ``typed`` most probably meant, or None when nothing is close."""
    best: tuple[float, str] | None = None
    for candidate in known:
        score = _score(typed, candidate)
        if score >= cutoff and (best is None or score > best[0]):
            best = (score, candidate)
    return None if best is None else best[1]
