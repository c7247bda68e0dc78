"""Hypothesis strategies: YAML-ish text, arbitrary data, and valid incidents built as dicts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Deterministic in CI: derandomized, no example database, no deadline (CI machines vary).
SETTINGS = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FEW = settings(SETTINGS, max_examples=4)

YAML_TOKENS = [
    "id: ",
    "title: ",
    "events:",
    "claims:",
    "sources:",
    "time:",
    "kind: exact",
    "zone: EDT",
    'at: "2024-08-12 20:00"',
    "- ",
    "  ",
    "    ",
    "\n",
    "\n  - ",
    ": ",
    ":",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "!!python/object:os.system ",
    "!!binary ",
    "!foo ",
    "!!str ",
    "!!int ",
    "!!map ",
    "!!seq ",
    '"',
    "'",
    "#",
    "\t",
    "---\n",
    "...\n",
    "? ",
    "|\n",
    ">-\n",
    "<<: ",
    "~",
    "null",
    "true",
    "no",
    ".nan",
    ".inf",
    "-.inf",
    "0x1F",
    "0o17",
    "1e400",
    "9" * 30,
    "2024-08-12",
    "\\",
    "\\x",
    "\\u202e",
    "\u202e",
    "\ufeff",
    "\x85",
    "é",
    "😀",
    "%YAML 1.2\n",
    "%TAG ! tag:x,2000:\n",
]

yaml_ish = st.lists(st.sampled_from(YAML_TOKENS) | st.text(max_size=8), max_size=60).map("".join)

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
)
keys = st.sampled_from(
    [
        "id",
        "title",
        "summary",
        "platform",
        "date",
        "events",
        "sources",
        "claims",
        "time",
        "kind",
        "at",
        "zone",
        "source",
        "quote",
        "value",
        "amount",
        "key_moments",
        "x",
    ]
) | st.text(max_size=10)
nested = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(keys, inner, max_size=6),
    max_leaves=40,
)

# -- valid incidents ---------------------------------------------------------------------------

# (label written in the file, IANA zone it is read in, fixed offset the label names or None)
LABELS: list[tuple[str, str, timedelta | None]] = [
    ("America/New_York", "America/New_York", None),
    ("ET", "America/New_York", None),
    ("Asia/Jakarta", "Asia/Jakarta", None),
    ("WIB", "Asia/Jakarta", timedelta(hours=7)),
    ("UTC", "UTC", timedelta(0)),
    ("Europe/London", "Europe/London", None),
    ("PT", "America/Los_Angeles", None),
]
START = datetime(2024, 1, 1, tzinfo=UTC)
SPAN_MINUTES = 366 * 24 * 60  # all of 2024: both DST changes in every zone above

texts = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    min_size=1,
    max_size=40,
)
identifiers = st.from_regex(r"\A[a-z0-9][a-z0-9_-]{0,10}\Z")


def _is_ambiguous_or_missing(local: datetime, zone: ZoneInfo) -> bool:
    naive = local.replace(tzinfo=None)
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        return True
    return first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive


def written_time(
    instant: datetime, label: str, zone: str, fixed: timedelta | None
) -> dict[str, str]:
    """``at``/``zone`` that place exactly ``instant``: a wall time where it is unambiguous and
    the label fits the date, else ISO 8601 with the offset and the IANA zone (which agrees)."""
    tz = ZoneInfo(zone)
    local = instant.astimezone(tz)
    offset = local.utcoffset()
    assert offset is not None
    if fixed is not None and fixed != offset:
        label, fixed = zone, None
    if _is_ambiguous_or_missing(local, tz):
        return {"at": local.isoformat(timespec="seconds"), "zone": zone}
    return {"at": local.strftime("%Y-%m-%d %H:%M:%S"), "zone": label}


@st.composite
def instants(draw: st.DrawFn) -> datetime:
    # Bias towards the hours around the 2024 DST changes in New York and London.
    near = draw(
        st.sampled_from(
            [None, "2024-03-10T07:00", "2024-11-03T06:00", "2024-03-31T01:00", "2024-10-27T01:00"]
        )
    )
    if near is None:
        return START + timedelta(minutes=draw(st.integers(0, SPAN_MINUTES)))
    base = datetime.fromisoformat(near).replace(tzinfo=UTC)
    return base + timedelta(minutes=draw(st.integers(-180, 180)))


@st.composite
def claim_time(draw: st.DrawFn, earlier: list[str]) -> dict[str, Any]:
    kind = draw(
        st.sampled_from(["exact", "about", "after", "before", "between", "unknown", "relative"])
    )
    if kind == "unknown":
        return {"kind": "unknown"}
    if kind == "relative":
        if not earlier:
            kind = "exact"
        else:
            return {
                "kind": draw(st.sampled_from(["exact", "about"])),
                "relative_to": draw(st.sampled_from(earlier)),
                "offset": f"{draw(st.integers(-90, 600))}m",
            }
    label, zone, fixed = draw(st.sampled_from(LABELS))
    start = draw(instants())
    out: dict[str, Any] = {"kind": kind, **written_time(start, label, zone, fixed)}
    if kind == "between":  # both ends as ISO 8601 with the offset, read in the IANA zone
        end = start + timedelta(minutes=draw(st.integers(0, 240)))
        tz = ZoneInfo(zone)
        out["at"] = start.astimezone(tz).isoformat(timespec="seconds")
        out["until"] = end.astimezone(tz).isoformat(timespec="seconds")
        out["zone"] = zone
    elif kind in ("about", "after", "before") and draw(st.booleans()):
        out["margin"] = f"{draw(st.integers(1, 60))}m"
    return out


@st.composite
def incidents(draw: st.DrawFn, max_events: int = 10) -> dict[str, Any]:
    n_sources = draw(st.integers(1, 4))
    sources = []
    for i in range(n_sources):
        language = draw(st.sampled_from(["en", "id", "en-US"]))
        sources.append(
            {
                "id": f"src-{i}",
                "publisher": draw(texts),
                "url": f"https://example.com/{i}",
                "language": language,
            }
        )
    events: list[dict[str, Any]] = []
    ids: list[str] = []
    for i in range(draw(st.integers(1, max_events))):
        claims = []
        for _ in range(draw(st.integers(1, 3))):
            source = draw(st.sampled_from(sources))
            claim: dict[str, Any] = {"source": source["id"], "quote": draw(texts)}
            if not source["language"].startswith("en"):
                claim["translation"] = draw(texts)
            if draw(st.integers(0, 9)) < 8:
                claim["time"] = draw(claim_time(list(ids)))
            if draw(st.integers(0, 4)) == 0:
                claim["value"] = {
                    "amount": draw(st.integers(0, 10**9) | st.floats(0, 1e12)),
                    "unit": draw(st.sampled_from(["listeners", "views", "minutes"])),
                    "bound": draw(
                        st.sampled_from(
                            ["exact", "about", "at_least", "more_than", "at_most", "less_than"]
                        )
                    ),
                }
            claims.append(claim)
        event_id = f"ev-{i}"
        events.append(
            {
                "id": event_id,
                "title": draw(texts),
                "kind": draw(
                    st.sampled_from(
                        ["schedule", "observation", "statement", "action", "metric", "milestone"]
                    )
                ),
                "claims": claims,
            }
        )
        ids.append(event_id)
    # every source cited once, so there is no warning to hide an error behind
    for source in sources:
        claim = {"source": source["id"], "quote": "cited", "time": {"kind": "unknown"}}
        if not source["language"].startswith("en"):
            claim["translation"] = "cited"
        events[0]["claims"].append(claim)
    return {
        "id": draw(identifiers),
        "title": draw(texts),
        "summary": draw(texts),
        "platform": draw(texts),
        "date": "2024-08-12",
        "source_zone": draw(st.sampled_from(["America/New_York", "ET", "Asia/Jakarta", "UTC"])),
        "display_zones": ["America/New_York", "Asia/Jakarta"],
        "key_moments": {"scheduled_start": ids[0]},
        "sources": sources,
        "events": events,
    }
