"""What hanging indents cost: ``tui.wrapped_text.HangingText`` against Textual's own wrapping
of the same text, at the same widths, in the same run.

    python -m benchmarks.bench_wrap [--lines 4000] [--runs 7]

The page looks like the sources screen of a big incident: numbered sources with long titles,
URLs of 60–250 characters (some with no separator), indented quotes, a share of CJK text. Each
row is the median of ``--runs`` times to lay the page out and draw every line (``get_height``
then ``render_strips``) on a fresh visual, so no cache is reused. The floor is
``textual.content.Content`` doing both for the same text: the ratio is what the hanging indent
and URL-aware breaks add to a wrap the app would do anyway.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

from rich.text import Text
from textual.content import Content
from textual.style import Style
from textual.visual import RenderOptions, Visual

from tui.wrapped_text import HangingText

WORDS = [
    "the",
    "outage",
    "began",
    "when",
    "a",
    "faulty",
    "update",
    "reached",
    "hosts",
    "across",
    "regions",
    "and",
    "airports",
]


def page(lines: int, seed: int = 20240812) -> Text:
    rng = random.Random(seed)
    out = Text(end="")
    number = 0
    while len(out.plain.split("\n")) < lines:
        number += 1
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 24)))
        out.append(f"{number}. ", style="bold")
        out.append(f"Publisher {number} · “{title}” · 2024-07-19 · lang en\n", style="bold")
        path = "/".join(
            "-".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6)))
            for _ in range(rng.randint(2, 8))
        )
        url = f"https://news{number}.example.com/{path}"
        if number % 7 == 0:
            url = "https://example.com/" + "x" * rng.randint(100, 250)
        out.append(f"   {url}\n", style="dim")
        quote = " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 50)))
        if number % 5 == 0:
            quote = "中文的引文" * rng.randint(5, 30)
        out.append(f"   “{quote}”\n", style="italic")
        out.append("\n")
    return out


def time_it(make: Callable[[], Visual], width: int, runs: int) -> float:
    options = RenderOptions(Style.parse, {})
    times: list[float] = []
    for _ in range(runs):
        visual = make()
        started = time.perf_counter()
        visual.get_height({}, width)
        visual.render_strips(width, None, Style(), options)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    text = page(args.lines)
    print(f"page: {len(text.plain.splitlines()):,} lines, {len(text.plain):,} characters")
    print("| width | Content (floor) ms | HangingText ms | × floor |")
    print("| --- | --- | --- | --- |")
    for width in (38, 78, 118, 158):
        floor = time_it(lambda: Content.from_rich_text(text), width, args.runs)
        hanging = time_it(lambda: HangingText(text), width, args.runs)
        print(f"| {width} | {floor * 1e3:.1f} | {hanging * 1e3:.1f} | {hanging / floor:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
