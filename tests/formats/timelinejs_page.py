"""A page that shows an exported TimelineJS document with the npm package, and headless
Chromium to render it (used by the browser test and to take the README's screenshot).

The package is installed by ``.ci/run`` (``npm install --prefix .cache/timelinejs
@knight-lab/timelinejs@3.9.11``); ``TIMELINEJS_DIR`` may point at another copy of it. The page
is loaded from a local file (the machine may have no network), and it records every script
error, failed resource and ``console.error`` in a ``<pre id="page-errors">`` so that Chromium's
own ``--dump-dom`` shows them with the rendered page.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from incident_samples import ROOT

PACKAGE = "@knight-lab/timelinejs"
DEFAULT_DIR = ROOT / ".cache" / "timelinejs" / "node_modules" / "@knight-lab" / "timelinejs"
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
    "--hide-scrollbars",
    "--allow-file-access-from-files",
)

_CAPTURE = """
window.__errors = [];
function __record(text) {
  window.__errors.push(String(text));
  var pre = document.getElementById('page-errors');
  if (pre) { pre.textContent = window.__errors.join('\\n'); }
}
window.addEventListener('error', function (e) {
  var where = e.target && (e.target.src || e.target.href);
  __record(where ? 'failed to load ' + where : 'error: ' + e.message);
}, true);
window.addEventListener('unhandledrejection', function (e) { __record('rejection: ' + e.reason); });
var __consoleError = console.error;
console.error = function () {
  __record('console.error: ' + Array.prototype.join.call(arguments, ' '));
  __consoleError.apply(console, arguments);
};
"""


def package_dir() -> Path | None:
    folder = Path(os.environ.get("TIMELINEJS_DIR", str(DEFAULT_DIR)))
    return folder if (folder / "dist" / "js" / "timeline.js").is_file() else None


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def page_html(
    document: dict[str, Any], package: Path, *, height: int = 650, start_at_slide: int = 0
) -> str:
    dist = (package / "dist").as_uri()
    data = json.dumps(document, ensure_ascii=False).replace("</", "<\\/")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS check</title>
<script>{_CAPTURE}</script>
<link rel="stylesheet" href="{dist}/css/timeline.css">
<script src="{dist}/js/timeline.js"></script>
<style>html, body {{ margin: 0; }} #page-errors {{ display: none; }}</style>
</head><body>
<div id="timeline" style="width: 100%; height: {height}px"></div>
<pre id="page-errors"></pre>
<script>
try {{
  window.timeline = new TL.Timeline('timeline', {data}, {{
    script_path: '{dist}/js/', language: 'en', hash_bookmark: false, debug: false,
    start_at_slide: {int(start_at_slide)}
  }});
}} catch (e) {{ __record('constructor: ' + e); }}
</script>
</body></html>
"""


def render(
    document: dict[str, Any],
    package: Path,
    browser: str,
    *,
    screenshot: Path | None = None,
    size: tuple[int, int] = (1280, 720),
    start_at_slide: int = 0,
) -> str:
    """The rendered DOM (or, with ``screenshot``, write a PNG and return '')."""
    with tempfile.TemporaryDirectory(prefix="timelinejs-") as temp:
        folder = Path(temp)
        page = folder / "page.html"
        html = page_html(document, package, height=size[1], start_at_slide=start_at_slide)
        page.write_text(html, encoding="utf-8")
        args = [
            browser,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={folder / 'profile'}",
            f"--window-size={size[0]},{size[1]}",
            "--virtual-time-budget=15000",
        ]
        if screenshot is not None:
            args.append(f"--screenshot={screenshot}")
        else:
            args.append("--dump-dom")
        args.append(page.as_uri())
        done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"chromium exited {done.returncode}: {done.stderr[-2000:]}")
        return done.stdout


def main() -> None:
    """``python tests/formats/timelinejs_page.py INCIDENT.yaml OUT.png [EVENT_ID]``: the
    README's screenshot of an incident in TimelineJS, opened at one event's slide."""
    import sys

    from incident.export.timelinejs import timelinejs_document
    from incident.timeline import reconstruct
    from incident.validate import check_file

    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    incident = check_file(source).incident
    assert incident is not None, f"{source} is not a valid incident"
    timeline = reconstruct(incident)
    document = timelinejs_document(timeline, timeline.display_zones)
    ids = [e["unique_id"] for e in document["events"]]
    slide = ids.index(sys.argv[3]) + 1 if len(sys.argv) > 3 else 0  # slide 0 is the title
    package, browser = package_dir(), chromium()
    assert package is not None and browser is not None, "needs the npm package and Chromium"
    render(
        document, package, browser, screenshot=out.resolve(), size=(1200, 760), start_at_slide=slide
    )


if __name__ == "__main__":
    main()
