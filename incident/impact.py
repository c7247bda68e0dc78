"""What a figure counts: audience, people or things affected, outage reports, money, a share
price, a percentage or a duration. Impact groups figures by it and the chart draws each unit.

A claim may say so (``counts: affected``); otherwise the words of its unit decide, whole words
only, so "3.5 billion users" is a count of users affected, not an audience, and "percent of the
listeners" is a percentage.
"""

from __future__ import annotations

import re

from schemas.models import ClaimValue, Counts

GROUP_TITLES: dict[Counts, str] = {
    Counts.audience: "Audience",
    Counts.affected: "Affected",
    Counts.reports: "Outage reports",
    Counts.money: "Money",
    Counts.share_price: "Share price",
    Counts.percent: "Percentages",
    Counts.duration: "Durations",
    Counts.other: "Other figures",
}

# First match wins: a percentage of listeners is a percentage, a share price is money-like but
# its own group.
_RULES: tuple[tuple[Counts, frozenset[str]], ...] = (
    (Counts.percent, frozenset({"percent", "percentage", "%", "pct", "persen"})),
    (Counts.share_price, frozenset({"share", "shares", "stock", "stocks", "saham"})),
    (
        Counts.money,
        frozenset(
            {
                "$",
                "usd",
                "dollar",
                "dollars",
                "eur",
                "euro",
                "euros",
                "gbp",
                "pound",
                "pounds",
                "rupiah",
                "idr",
                "yen",
                "aud",
                "revenue",
                "cost",
                "costs",
                "loss",
                "losses",
                "fine",
            }
        ),
    ),
    (Counts.reports, frozenset({"report", "reports", "complaints", "tickets"})),
    (
        Counts.duration,
        frozenset({"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days"}),
    ),
    (
        Counts.audience,
        frozenset(
            {
                "listener",
                "listeners",
                "viewer",
                "viewers",
                "view",
                "views",
                "watchers",
                "audience",
                "attendees",
                "streams",
                "penonton",
                "pendengar",
            }
        ),
    ),
    (
        Counts.affected,
        frozenset(
            {
                "user",
                "users",
                "customer",
                "customers",
                "device",
                "devices",
                "machines",
                "computers",
                "accounts",
                "people",
                "passengers",
                "flights",
                "subscribers",
                "sites",
                "servers",
                "hosts",
                "pengguna",
                "penumpang",
                "penerbangan",
            }
        ),
    ),
)


def counts_of(value: ClaimValue) -> Counts:
    """What ``value`` counts, as its claim says or as its unit's words say."""
    if value.counts is not None:
        return value.counts
    return counts_of_unit(value.unit)


def counts_of_unit(unit: str) -> Counts:
    words = set(re.findall(r"[a-z]+|[%$]", unit.lower()))
    for group, keys in _RULES:
        if words & keys:
            return group
    return Counts.other
