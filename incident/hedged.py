"""Derived figures as ranges whose ends keep the sources' hedges.

A figure the reconstruction derives (the delay to start, the peak audience, and any other
duration or count computed from claims) is a range, never a single number averaged out of
sources that disagree. Each end of the range is a :class:`Hedged` value: the number and how the
sources bound it (``exact``, ``about``, ``more_than``, ``less_than``…, the models' own
:class:`~schemas.models.Bound`). So a view can say "about 40m to more than 54m" from the figure
alone.

Counts and durations are distinct types, so a reader never has to ask which one it holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Generic, TypeVar

from schemas.models import Bound, TimeKind

if TYPE_CHECKING:
    from .timeline import ResolvedClaim

T = TypeVar("T", float, timedelta)

#: How a claim's time kind hedges a duration measured to it ("after 20:20" is "more than").
TIME_KIND_BOUND: dict[TimeKind, Bound] = {
    TimeKind.exact: Bound.exact,
    TimeKind.about: Bound.about,
    TimeKind.after: Bound.more_than,
    TimeKind.before: Bound.less_than,
    TimeKind.between: Bound.exact,
    TimeKind.unknown: Bound.exact,
}


@dataclass(frozen=True)
class Hedged(Generic[T]):
    """One end of a figure: its value, and how the sources bound it."""

    value: T
    bound: Bound = Bound.exact


@dataclass(frozen=True)
class CountFigure:
    """A count kept as a range (``915k to 1.4M listeners``), with the claims it comes from."""

    low: Hedged[float]
    high: Hedged[float]
    unit: str
    claims: tuple[ResolvedClaim, ...] = ()

    @property
    def single(self) -> bool:
        """Both ends name the same number."""
        return self.low.value == self.high.value


@dataclass(frozen=True)
class DurationFigure:
    """A duration kept as a range of timedeltas (``about 40m to more than 54m``).

    Ends may be negative (an event before the moment measured from). ``claims`` are the claims
    the figure is derived from, for citing.
    """

    low: Hedged[timedelta]
    high: Hedged[timedelta]
    claims: tuple[ResolvedClaim, ...] = ()

    @property
    def single(self) -> bool:
        """Both ends name the same duration."""
        return self.low.value == self.high.value


def common_bound(bounds: Iterable[Bound]) -> Bound:
    """The bound every claim at one end shares; ``exact`` when they differ or there are none.

    A source that names the figure exactly settles what another only approximates.
    """
    found = set(bounds)
    return found.pop() if len(found) == 1 else Bound.exact


def hedged_range(values: Iterable[tuple[T, Bound]]) -> tuple[Hedged[T], Hedged[T]] | None:
    """The lowest and highest of ``(value, bound)`` pairs, each end with its common bound."""
    pairs = list(values)
    if not pairs:
        return None
    low = min(v for v, _ in pairs)
    high = max(v for v, _ in pairs)
    return (
        Hedged(low, common_bound(b for v, b in pairs if v == low)),
        Hedged(high, common_bound(b for v, b in pairs if v == high)),
    )
