"""It opens in TimelineJS itself: the npm package renders every bundled export in headless
Chromium, with every slide's headline in the page and no error.

Needs Debian's ``chromium`` and the npm package (``.ci/run`` installs both). Outside CI a
missing one skips the test and says which; in CI (``CI=true``) it fails instead.
"""

from __future__ import annotations

import os
from html import unescape
from pathlib import Path

import pytest
from _formats_helpers import BUNDLED, HOSTILE_STRINGS, Html, hostile, load
from timelinejs_page import chromium, package_dir, render

from incident.export.timelinejs import timelinejs_document
from incident.formatting import visible
from incident.timeline import Timeline


def _needs() -> tuple[Path, str]:
    package, browser = package_dir(), chromium()
    missing = []
    if package is None:
        missing.append(
            "the npm package @knight-lab/timelinejs (npm install --prefix .cache/timelinejs "
            "@knight-lab/timelinejs@3.9.11)"
        )
    if browser is None:
        missing.append("Chromium (apt-get install chromium)")
    if missing:
        message = "TimelineJS browser check needs " + " and ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(message + " — in CI this check may not be skipped")
        pytest.skip(message)
    assert package is not None and browser is not None
    return package, browser


def rendered(timeline: Timeline) -> tuple[dict[str, object], Html, str]:
    package, browser = _needs()
    document = timelinejs_document(timeline, timeline.display_zones)
    dom = render(document, package, browser)
    return document, Html(dom), dom


def errors_in(dom: str) -> str:
    start = dom.find('<pre id="page-errors">')
    end = dom.find("</pre>", start)
    return unescape(dom[start + len('<pre id="page-errors">') : end]) if start >= 0 else "?"


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_export_renders_in_timelinejs(path: Path) -> None:
    document, page, dom = rendered(load(path))
    assert errors_in(dom) == "", errors_in(dom)
    assert "tl-slide" in dom, "TimelineJS drew no slides"
    text = page.text
    events = document["events"]
    assert isinstance(events, list)
    for event in events:
        headline = unescape(event["text"]["headline"])
        assert headline in text, f"slide headline not in the rendered page: {headline!r}"
    title = document["title"]
    assert isinstance(title, dict)
    assert unescape(title["text"]["headline"]) in text


def test_hostile_text_renders_as_text_in_timelinejs() -> None:
    _, page, dom = rendered(hostile())
    assert errors_in(dom) == "", errors_in(dom)
    assert "<script>alert(1)</script>" not in dom
    tags = [tag for tag, _ in page.tags]
    assert tags.count("script") == 3  # the page's own: nothing from the file became a script
    assert "b" not in tags  # <b>bold</b> in a quote stayed text
    assert not any(v and "javascript:" in v for _, attrs in page.tags for _, v in attrs)
    assert visible(HOSTILE_STRINGS[4]) in page.text
    assert visible(HOSTILE_STRINGS[0]) in page.text
