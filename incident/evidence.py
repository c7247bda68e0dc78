"""Each claim's quote checked against the stored copy of its source.

A claim is *verified* when its quote is found in its source's snapshot, *not found* when the
source has a snapshot that does not contain it (an error at the quote, naming the closest
passage), and *unchecked* when there is nothing to check it against: no snapshot, no quote, or a
snapshot that could not be trusted (missing, or changed since it was captured: an error at the
snapshot itself).
"""

from __future__ import annotations

from pathlib import Path

from schemas.models import Claim, Incident

from .checks import Finding
from .formatting import one_line
from .marks import (
    NO_EVIDENCE,
    UNCHECKED,
    ClaimEvidence,
    Evidence,
    Mark,
    claim_sites,
    quote_sites,
    unchecked,
)
from .problems import Severity, YamlPath
from .quotes import Passage, closest_passage, find_quote
from .snapshots import SnapshotError, read_text

__all__ = [
    "NO_EVIDENCE",
    "ClaimEvidence",
    "Evidence",
    "Mark",
    "check_evidence",
    "claim_sites",
    "unchecked",
]


def check_evidence(incident: Incident, folder: Path | None) -> tuple[list[Finding], Evidence]:
    """Check every quote against its source's snapshot; ``folder`` holds the incident file.

    Without a folder (text not read from a file) every claim is unchecked.
    """
    findings: list[Finding] = []
    texts: dict[str, str] = {}
    if folder is not None:
        for index, source in enumerate(incident.sources):
            if source.snapshot is None:
                continue
            try:
                texts[source.id] = read_text(folder, source.snapshot)
            except SnapshotError as exc:
                where = {"snapshot-hash": "sha256", "snapshot-encoding": "path"}.get(
                    exc.code, "path"
                )
                findings.append(
                    Finding(
                        ("sources", index, "snapshot", where), Severity.error, exc.code, exc.message
                    )
                )
    by_quote: dict[tuple[str, str], ClaimEvidence] = {}
    marks: list[Mark] = []
    if not texts:  # nothing to check against: every quote is unchecked
        return findings, unchecked(incident)
    for path, claim in quote_sites(incident):
        if claim.quote is None:
            continue
        key = (claim.source, claim.quote)
        known = by_quote.get(key)
        if known is None:
            known = _judge(claim.quote, texts.get(claim.source))
            by_quote[key] = known
        marks.append(known.mark)
        if known.mark is Mark.not_found:
            findings.append(_not_found(path, claim, incident, known))
    return findings, Evidence(by_quote, tuple(marks))


def _judge(quote: str, text: str | None) -> ClaimEvidence:
    if text is None:
        return UNCHECKED
    found = find_quote(quote, text)
    if found is not None:
        return _evidence(Mark.verified, found, text)
    closest = closest_passage(quote, text)
    if closest is None:
        return ClaimEvidence(Mark.not_found)
    return _evidence(Mark.not_found, closest, text)


def _evidence(mark: Mark, passage: Passage, text: str) -> ClaimEvidence:
    before, middle, after = passage.excerpt(text)
    return ClaimEvidence(mark, before, middle, after, passage.score)


def _not_found(path: YamlPath, claim: Claim, incident: Incident, found: ClaimEvidence) -> Finding:
    snapshot = next(s.snapshot for s in incident.sources if s.id == claim.source)
    assert snapshot is not None
    message = f"quote not found in the snapshot of {claim.source!r} ({snapshot.path})"
    if found.passage:
        shown = one_line(" ".join(found.passage.split()), limit=160)
        message += f"; closest passage ({found.score:.0f}% alike): {shown!r}"
    return Finding((*path, "quote"), Severity.error, "quote-not-found", message)
