"""Deterministic generator of valid incident files for the benchmarks.

    python -m benchmarks.generate --out benchmarks/corpus
    python -m benchmarks.generate --out benchmarks/corpus --sizes 10000,100000,1000000

writes ``OUT/many/incident-0000.yaml`` … (1,000 files × 100 events), ``OUT/big.yaml`` (one file
of 100,000 events) and, with ``--sizes``, ``OUT/scale-N.yaml``. Events look like real ones
(about 400–600 bytes of YAML: id, title, kind, actor, tags, one to three claims with a source, a
quote of 100–200 characters, a time of kind exact/about/after/before/relative, sometimes a number),
and every file passes ``incident validate`` with no warnings. The same seed gives the same bytes.

Files are written by hand, not with ``yaml.safe_dump`` (whose pure-Python emitter would take
minutes for a million events); strings are JSON-quoted, which is valid YAML.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

DEFAULT_SEED = 20240812
MANY_FILES = 1_000
MANY_EVENTS = 100
BIG_EVENTS = 100_000

_WORDS = [
    "the",
    "stream",
    "audio",
    "listeners",
    "host",
    "server",
    "platform",
    "outage",
    "crash",
    "delay",
    "minutes",
    "reported",
    "said",
    "according",
    "statement",
    "interview",
    "account",
    "technical",
    "issues",
    "overloaded",
    "attack",
    "traffic",
    "engineers",
    "restart",
    "recording",
    "replay",
    "millions",
    "joined",
    "waited",
    "before",
    "after",
    "around",
    "about",
    "later",
    "earlier",
    "spokesperson",
    "confirmed",
    "denied",
    "tried",
    "again",
    "working",
    "glitch",
    "error",
    "message",
    "page",
    "loading",
    "dropped",
    "back",
    "online",
    "scheduled",
    "start",
    "began",
    "finally",
    "moments",
    "several",
    "hours",
    "night",
    "evening",
    "company",
    "users",
    "app",
    "website",
    "reports",
]
_ACTORS = (
    "Host account",
    "Platform owner",
    "Engineering team",
    "Guest speaker",
    "Press office",
    "Listeners",
    "Campaign spokesperson",
    "Site reliability engineer",
)
_KINDS = ("schedule", "observation", "statement", "action", "metric", "milestone")
_TAGS = ("audio", "outage", "ddos", "delay", "audience", "restart", "statement", "network")
_UNITS = ("listeners", "views", "minutes", "users")
_BOUNDS = ("exact", "about", "at_least", "more_than", "at_most", "less_than")
_BOUND_WORDS = {
    "exact": "A count of",
    "about": "about",
    "at_least": "at least",
    "more_than": "more than",
    "at_most": "at most",
    "less_than": "less than",
}
_PUBLISHERS = (
    ("AP", "en"),
    ("Reuters", "en"),
    ("CNBC", "en"),
    ("The Verge", "en"),
    ("Kompas", "id"),
    ("Detik", "id"),
    ("BBC", "en"),
    ("Tempo", "id"),
)
# (label, offset from UTC in hours in August) — every label is right for the dates generated.
_ZONES = (("EDT", -4), ("ET", -4), ("America/New_York", -4), ("WIB", 7), ("UTC", 0))

BASE = datetime(2024, 8, 12, 20, 0, 0)  # wall clock in New York, summer time
SPREAD_SECONDS = 20 * 24 * 3600  # every time falls between 12 Aug and 1 Sep: no DST change


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _sentence(rng: random.Random, low: int, high: int) -> str:
    target = rng.randint(low, high)
    words: list[str] = []
    length = 0
    while length < target:
        word = rng.choice(_WORDS)
        words.append(word)
        length += len(word) + 1
    text = " ".join(words)[:high].rstrip()
    return text[0].upper() + text[1:] + "."


def _wall(utc_seconds: int, hours: int) -> str:
    moment = BASE + timedelta(hours=4) + timedelta(seconds=utc_seconds) + timedelta(hours=hours)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _iso(utc_seconds: int, hours: int) -> str:
    moment = BASE + timedelta(hours=4) + timedelta(seconds=utc_seconds) + timedelta(hours=hours)
    sign = "+" if hours >= 0 else "-"
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + f"{sign}{abs(hours):02d}:00"


def _time_lines(rng: random.Random, index: int, anchor: int | None, pad: str) -> list[str]:
    """The ``time:`` mapping of one claim, as YAML lines indented by ``pad``."""
    seconds = (index * 17 + rng.randint(0, 600)) % SPREAD_SECONDS
    roll = rng.random()
    if anchor is not None and roll < 0.15:
        offset = rng.randint(1, 59)
        return [f"{pad}time: {{kind: exact, relative_to: ev-{anchor:07d}, offset: {offset}m}}"]
    label, hours = rng.choice(_ZONES)
    if roll < 0.25:  # ISO 8601 with an explicit offset (read against the incident's zone)
        iso = q(_iso(seconds, hours))
        if hours == -4:
            return [f"{pad}time: {{kind: exact, at: {iso}}}"]
        return [f"{pad}time: {{kind: exact, at: {iso}, zone: {label}}}"]
    at = q(_wall(seconds, hours))
    if roll < 0.55:
        return [f"{pad}time: {{kind: exact, at: {at}, zone: {label}}}"]
    if roll < 0.75:
        return [
            f"{pad}time:",
            f"{pad}  kind: about",
            f"{pad}  at: {at}",
            f"{pad}  zone: {label}",
            f"{pad}  margin: {rng.choice((2, 5, 10))}m",
        ]
    kind = "after" if roll < 0.9 else "before"
    lines = [f"{pad}time:", f"{pad}  kind: {kind}", f"{pad}  at: {at}", f"{pad}  zone: {label}"]
    if rng.random() < 0.5:
        lines.append(f"{pad}  margin: {rng.choice((10, 20, 30))}m")
    return lines


def _event(rng: random.Random, index: int, sources: list[tuple[str, str]]) -> list[str]:
    # Relative times point at the last event whose number is a multiple of 10, which always has
    # an absolute time: chains stay one step deep and never loop.
    anchor = (index // 10) * 10 if index % 10 else None
    lines = [
        f"  - id: ev-{index:07d}",
        f"    title: {q(_sentence(rng, 25, 60))}",
        f"    kind: {rng.choice(_KINDS)}",
    ]
    if rng.random() < 0.8:
        lines.append(f"    actor: {q(rng.choice(_ACTORS))}")
    tags = rng.sample(_TAGS, rng.randint(0, 3))
    if tags:
        lines.append(f"    tags: [{', '.join(tags)}]")
    lines.append("    claims:")
    for number in range(rng.choices((1, 2, 3), weights=(7, 2, 1))[0]):
        # The first events cite each source once, so no file has an 'uncited-source' warning.
        first = number == 0 and index < len(sources)
        source_id, language = sources[index] if first else rng.choice(sources)
        lines.append(f"      - source: {source_id}")
        quote = _sentence(rng, 100, 200)
        value = None
        if rng.random() < 0.2:
            amount = rng.choice((rng.randint(1, 90), rng.randint(1000, 2_000_000)))
            unit = rng.choice(_UNITS)
            bound = rng.choice(_BOUNDS)
            value = f"        value: {{amount: {amount}, unit: {unit}, bound: {bound}}}"
            # The figure is in the words, hedged as the bound says (validate checks it).
            quote += f". {_BOUND_WORDS[bound]} {amount:,} {unit}"
        lines.append(f"        quote: {q(quote)}")
        if language != "en":
            lines.append(f"        translation: {q(_sentence(rng, 30, 60))}")
        lines.extend(_time_lines(rng, index, anchor, "        "))
        if value is not None:
            lines.append(value)
    return lines


def incident_lines(seed: int, events: int, incident_id: str) -> Iterator[str]:
    """The lines of one valid incident file with ``events`` events."""
    if events < 1:
        raise ValueError("an incident needs at least one event")
    rng = random.Random(seed)
    yield "# Generated by benchmarks/generate.py: synthetic data, not a real incident."
    yield f"id: {incident_id}"
    yield f"title: {q('Synthetic incident ' + incident_id)}"
    yield f"summary: {q(_sentence(rng, 150, 300))}"
    yield "platform: X Spaces"
    yield 'date: "2024-08-12"'
    yield "source_zone: America/New_York"
    yield "display_zones: [America/New_York, Asia/Jakarta]"
    yield "key_moments:"
    yield "  scheduled_start: ev-0000000"
    if events > 1:
        yield "  actual_start: ev-0000001"
    count = min(len(_PUBLISHERS), events)  # every source is cited by one of the first events
    sources = [(f"src-{n:02d}", lang) for n, (_, lang) in enumerate(_PUBLISHERS[:count])]
    yield "sources:"
    for n, (publisher, lang) in enumerate(_PUBLISHERS[:count]):
        yield f"  - id: src-{n:02d}"
        yield f"    publisher: {q(publisher)}"
        yield f'    url: "https://example.com/{incident_id}/{n}"'
        yield f"    language: {lang}"
        yield '    published: "2024-08-13"'
    yield "events:"
    for index in range(events):
        yield from _event(rng, index, sources)


def incident_text(seed: int, events: int, incident_id: str = "synthetic") -> str:
    return "\n".join(incident_lines(seed, events, incident_id)) + "\n"


def write_incident(path: Path, seed: int, events: int, incident_id: str) -> int:
    """Write one file; return its size in bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for line in incident_lines(seed, events, incident_id):
            out.write(line)
            out.write("\n")
    return path.stat().st_size


def generate(
    out: Path,
    *,
    seed: int = DEFAULT_SEED,
    files: int = MANY_FILES,
    events_per_file: int = MANY_EVENTS,
    big_events: int = BIG_EVENTS,
    sizes: tuple[int, ...] = (),
    log: bool = True,
) -> dict[str, Path]:
    """Write the corpus under ``out``; return the paths written (many/, big.yaml, scale-N)."""
    written: dict[str, Path] = {}
    started = time.perf_counter()
    many = out / "many"
    total = 0
    if files:
        for number in range(files):
            total += write_incident(
                many / f"incident-{number:04d}.yaml",
                seed * 1_000_003 + number,
                events_per_file,
                f"synthetic-{number:04d}",
            )
        written["many"] = many
        _log(log, f"{many}/: {files} files × {events_per_file} events, {total / 1e6:.1f} MB")
    if big_events:
        path = out / "big.yaml"
        size = write_incident(path, seed, big_events, "synthetic-big")
        written["big"] = path
        _log(log, f"{path}: {big_events:,} events, {size / 1e6:.1f} MB")
    for n in sizes:
        path = out / f"scale-{n}.yaml"
        size = write_incident(path, seed + n, n, f"synthetic-scale-{n}")
        written[f"scale-{n}"] = path
        _log(log, f"{path}: {n:,} events, {size / 1e6:.1f} MB")
    _log(log, f"generated in {time.perf_counter() - started:.1f} s")
    return written


def _log(enabled: bool, message: str) -> None:
    if enabled:
        print(message, file=sys.stderr)


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("benchmarks/corpus"))
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--files", type=int, default=MANY_FILES, help="files in many/ (0: none)")
    parser.add_argument("--events-per-file", type=int, default=MANY_EVENTS)
    parser.add_argument("--big", type=int, default=BIG_EVENTS, help="events in big.yaml (0: none)")
    parser.add_argument(
        "--sizes", type=_sizes, default=(), help="e.g. 10000,100000,1000000: scale-N.yaml files"
    )
    args = parser.parse_args(argv)
    generate(
        args.out,
        seed=args.seed,
        files=args.files,
        events_per_file=args.events_per_file,
        big_events=args.big,
        sizes=args.sizes,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
