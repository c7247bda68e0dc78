"""Each claim's mark — verified, not found, unchecked — as the reconstruction carries it.

Data only (the check that finds the marks is :mod:`incident.evidence`), so the timeline and the
views can hold marks without importing the checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from schemas.models import Claim, Incident

ClaimPath = tuple[str | int, ...]  # ("events", 3, "claims", 0): where a claim is in the file


class Mark(StrEnum):
    verified = "verified"
    not_found = "not found"
    unchecked = "unchecked"


@dataclass(frozen=True)
class ClaimEvidence:
    """What the snapshot says about one quote: its mark and the passage around it."""

    mark: Mark
    before: str = ""
    passage: str = ""
    after: str = ""
    score: float | None = None  # how close the passage is (100: verbatim)


UNCHECKED = ClaimEvidence(Mark.unchecked)


@dataclass(frozen=True)
class Evidence:
    """The marks of an incident's claims, looked up by source and quote."""

    by_quote: dict[tuple[str, str], ClaimEvidence] = field(default_factory=dict)
    claims: tuple[Mark, ...] = ()  # one per claim with a quote, in file order

    def of(self, claim: Claim) -> ClaimEvidence:
        if claim.quote is None:
            return UNCHECKED
        return self.by_quote.get((claim.source, claim.quote), UNCHECKED)

    def count(self, mark: Mark) -> int:
        return sum(1 for m in self.claims if m is mark)

    @property
    def total(self) -> int:
        return len(self.claims)


NO_EVIDENCE = Evidence()


def unchecked(incident: Incident) -> Evidence:
    """Every quote unchecked: what is known before (or without) reading any snapshot."""
    return Evidence({}, tuple(Mark.unchecked for _, c in quote_sites(incident) if c.quote))


def claim_sites(incident: Incident) -> Iterator[tuple[ClaimPath, Claim]]:
    for e_index, event in enumerate(incident.events):
        for c_index, claim in enumerate(event.claims):
            yield ("events", e_index, "claims", c_index), claim
    for k_index, cause in enumerate(incident.causes):
        for c_index, claim in enumerate(cause.claims):
            yield ("causes", k_index, "claims", c_index), claim


def quote_sites(incident: Incident) -> Iterator[tuple[ClaimPath, Claim]]:
    """Every claim whose quote is checked against its source's stored copy: the events' and
    causes' claims and the claims that date an event's end (a quote is a quote, whatever it
    dates; the words checks read the end claims' ``stated`` only, see ``wording``)."""
    yield from claim_sites(incident)
    for e_index, event in enumerate(incident.events):
        for c_index, claim in enumerate(event.ends):
            yield ("events", e_index, "ends", c_index), claim
