"""Compare article-text extractors on saved web pages with known text.

    python -m benchmarks.bench_extract CORPUS [--limit N]

CORPUS is a folder laid out like the test folder of the trafilatura project (a public
repository): ``evaldata.json`` maps each page's URL to ``{"file": NAME, "with": [...],
"without": [...]}``, where ``with`` are passages of the article a good extraction keeps and
``without`` are pieces of page furniture (menus, footers, comments) it drops; the pages are in
``CORPUS/eval/`` or ``CORPUS/cache/``. Nothing of that corpus is shipped here.

For each extractor it prints: the share of ``with`` passages found (what matters for checking
quotes: a quote can only be verified if the passage survived extraction), the share of
``without`` pieces kept (noise), pages where the extractor returned nothing, and the time per
page as a ratio against a floor measured in the same run: parsing the same bytes with
``lxml.html`` (every extractor here parses the page with lxml first).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

_SPACE = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass
class Score:
    name: str
    found: int = 0
    wanted: int = 0
    noise: int = 0
    furniture: int = 0
    empty: int = 0
    errors: int = 0
    seconds: list[float] = field(default_factory=list)


def _floor(html: bytes) -> str:
    import lxml.html

    lxml.html.document_fromstring(html)
    return ""


def _trafilatura(html: bytes) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True) or ""


def _trafilatura_recall(html: bytes) -> str:
    import trafilatura

    return (
        trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
        or ""
    )


def _readability(html: bytes) -> str:
    import lxml.html
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    return str(lxml.html.fromstring(summary).text_content()) if summary.strip() else ""


EXTRACTORS: dict[str, Callable[[bytes], str]] = {
    "floor: lxml.html parse": _floor,
    "trafilatura": _trafilatura,
    "trafilatura favor_recall": _trafilatura_recall,
    "readability-lxml": _readability,
}


def _pages(corpus: Path, limit: int | None) -> list[tuple[bytes, list[str], list[str]]]:
    data = json.loads((corpus / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for entry in data.values():
        for folder in ("eval", "cache"):
            path = corpus / folder / entry["file"]
            if path.is_file():
                pages.append((path.read_bytes(), entry["with"], entry["without"]))
                break
    return pages[:limit] if limit else pages


def measure(corpus: Path, limit: int | None = None) -> list[Score]:
    pages = _pages(corpus, limit)
    scores = [Score(name) for name in EXTRACTORS]
    for extract in EXTRACTORS.values():  # imports and first-call set-up are not timed
        extract(pages[0][0])
    for html, with_, without in pages:
        for score, extract in zip(scores, EXTRACTORS.values(), strict=True):
            start = time.perf_counter()
            try:
                text = extract(html)
            except Exception:
                score.errors += 1
                text = ""
            score.seconds.append(time.perf_counter() - start)
            if score.name.startswith("floor"):
                continue
            flat = _flat(text)
            score.empty += not flat
            score.wanted += len(with_)
            score.found += sum(_flat(p) in flat for p in with_)
            score.furniture += len(without)
            score.noise += sum(_flat(p) in flat for p in without)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    scores = measure(args.corpus, args.limit)
    floor = sum(scores[0].seconds)
    pages = len(scores[0].seconds)
    print(f"{pages} pages; floor (lxml.html parse) {floor:.2f} s in all")
    print(
        "| extractor | passages kept | furniture kept | empty | errors | median ms/page "
        "| total × floor |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for s in scores[1:]:
        kept = s.found / s.wanted if s.wanted else 0.0
        noise = s.noise / s.furniture if s.furniture else 0.0
        median = statistics.median(s.seconds) * 1000
        print(
            f"| {s.name} | {kept:.1%} ({s.found}/{s.wanted}) | {noise:.1%} "
            f"({s.noise}/{s.furniture}) | {s.empty} | {s.errors} | {median:.1f} "
            f"| {sum(s.seconds) / floor:.1f}× |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
