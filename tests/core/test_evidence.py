"""Quotes checked against stored copies of their sources: snapshots, matching, validate."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from incident.evidence import Mark
from incident.problems import Problem, Severity
from incident.quotes import closest_passage, find_quote, normalise
from incident.report import summary
from incident.snapshots import (
    SnapshotError,
    extract_article,
    store,
    text_from_input,
)
from incident.validate import FileResult, check_file, check_paths, check_text

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "incidents"
FIXTURES = Path(__file__).parent / "fixtures"

ARTICLE = (
    "Pengguna media sosial melaporkan bahwa mereka tidak bisa bergabung.\n"
    "Tak lama setelah pukul 8:20 malam, Musk menyalahkan serangan cyber.\n"
    "Dia menambahkan bahwa “audio tanpa diedit” akan segera diposting — katanya.\n"
)


def errors(result: FileResult) -> list[Problem]:
    return [p for p in result.problems if p.severity is Severity.error]


def incident_with_snapshot(folder: Path, text: str, quote: str) -> Path:
    """A small incident in ``folder`` whose one source has ``text`` as its snapshot."""
    stored = store(folder, "demo", "news", text, "2026-12-01")
    snap = stored.snapshot
    (folder / "demo.yaml").write_text(
        f"""id: demo
title: Demo
summary: A demo.
platform: X
date: "2024-08-12"
source_zone: America/New_York
sources:
  - id: news
    publisher: News
    language: id
    url: https://example.com/a
    snapshot: {{path: {snap.path}, sha256: {snap.sha256}, captured: "{snap.captured}"}}
events:
  - id: post
    title: Post
    kind: statement
    claims:
      - source: news
        quote: "{quote}"
        translation: A translation.
""",
        encoding="utf-8",
    )
    return folder / "demo.yaml"


# --- matching ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "quote",
    [
        "Tak lama setelah pukul 8:20 malam",
        "Tak  lama\nsetelah pukul 8:20 malam",  # whitespace
        'Dia menambahkan bahwa "audio tanpa diedit"',  # straight for typographic quotes
        "diposting - katanya.",  # a hyphen for an em dash, spaces around it
        "diposting—katanya.",
        "Pengguna media sosial … Musk menyalahkan serangan cyber.",  # a gap
        "…setelah pukul 8:20 malam",  # a leading gap
        "Pengguna [...] tidak bisa bergabung.",
    ],
)
def test_quote_found_after_normalising(quote: str) -> None:
    assert find_quote(quote, ARTICLE) is not None


@pytest.mark.parametrize(
    "quote",
    [
        "Tak lama setelah pukul 8:21 malam",  # one character changed
        "Musk menyalahkan serangan cyber … Pengguna media sosial",  # pieces out of order
        "tak lama setelah pukul 8:20 malam",  # case is kept: quotes are verbatim
    ],
)
def test_quote_not_found(quote: str) -> None:
    assert find_quote(quote, ARTICLE) is None


def test_found_passage_is_the_original_text() -> None:
    passage = find_quote('"audio tanpa diedit"', ARTICLE)
    assert passage is not None
    assert ARTICLE[passage.start : passage.end] == "“audio tanpa diedit”"
    before, middle, after = passage.excerpt(ARTICLE, context=20)
    assert middle == "“audio tanpa diedit”" and before.startswith("…") and after.endswith("…")


def test_closest_passage_names_what_the_source_says() -> None:
    passage = closest_passage("Tak lama setelah pukul 8:21 malam", ARTICLE)
    assert passage is not None and passage.score > 90
    assert "8:20 malam" in ARTICLE[passage.start : passage.end]


def test_normalise_maps_back_to_the_original() -> None:
    text = "a  —  b\u00a0“c”"
    norm = normalise(text)
    assert norm.text == 'a-b "c"'
    assert text[slice(*norm.span(0, len(norm.text)))] == text


# --- snapshots ----------------------------------------------------------------------------


def test_store_writes_once_and_refuses_a_changed_copy(tmp_path: Path) -> None:
    first = store(tmp_path, "demo", "news", "Line one.\r\nLine two.", "2026-12-01")
    assert first.written and first.file == tmp_path / "demo" / "sources" / "news.txt"
    data = first.file.read_bytes()
    assert data == b"Line one.\nLine two.\n"
    assert first.snapshot.sha256 == hashlib.sha256(data).hexdigest()
    again = store(tmp_path, "demo", "news", "Line one.\nLine two.\n", "2026-12-02")
    assert not again.written and again.snapshot.sha256 == first.snapshot.sha256
    with pytest.raises(SnapshotError) as refused:
        store(tmp_path, "demo", "news", "Another text.", "2026-12-02")
    assert refused.value.code == "snapshot-exists" and "--force" in refused.value.message
    assert first.file.read_bytes() == data  # untouched
    forced = store(tmp_path, "demo", "news", "Another text.", "2026-12-02", force=True)
    assert forced.written and forced.file.read_bytes() == b"Another text.\n"
    assert sorted(p.name for p in forced.file.parent.iterdir()) == ["news.txt"]  # no temp left


def test_a_failed_write_keeps_the_old_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = store(tmp_path, "demo", "news", "Old text.", "2026-12-01")

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("incident.snapshots.os.fsync", full_disk)
    with pytest.raises(SnapshotError) as failed:
        store(tmp_path, "demo", "news", "New text.", "2026-12-02", force=True)
    assert failed.value.code == "write" and "No space left" in failed.value.message
    assert first.file.read_bytes() == b"Old text.\n"
    assert sorted(p.name for p in first.file.parent.iterdir()) == ["news.txt"]


def test_article_text_comes_out_of_a_saved_page() -> None:
    page = (FIXTURES / "saved-article.html").read_bytes()
    text = extract_article(page)
    assert "At 8:42 p.m., the interview finally began." in text
    assert "some 1.3 million people were listening in" in text
    assert "Subscribe to our newsletter" not in text  # page furniture is dropped
    assert "Most read" not in text
    assert text_from_input(page) == text


def test_plain_text_is_stored_as_it_is() -> None:
    assert text_from_input("\ufeffJust the text.\n".encode()) == "Just the text.\n"
    with pytest.raises(SnapshotError):
        text_from_input(b"\xff\xfe not utf-8")
    with pytest.raises(SnapshotError):
        text_from_input(b"   \n")


# --- validate -----------------------------------------------------------------------------


def test_verified_quote(tmp_path: Path) -> None:
    result = check_file(
        incident_with_snapshot(tmp_path, ARTICLE, "Tak lama setelah pukul 8:20 malam")
    )
    assert result.ok and not errors(result)
    assert result.evidence.claims == (Mark.verified,)
    assert result.incident is not None
    evidence = result.evidence.of(result.incident.events[0].claims[0])
    assert (
        evidence.mark is Mark.verified and evidence.passage == "Tak lama setelah pukul 8:20 malam"
    )
    assert "Musk menyalahkan" in evidence.after


def test_quote_not_found_is_an_error_at_the_quote(tmp_path: Path) -> None:
    path = incident_with_snapshot(tmp_path, ARTICLE, "Tak lama setelah pukul 8:21 malam")
    result = check_file(path)
    [problem] = errors(result)
    line = (
        path.read_text().splitlines().index('        quote: "Tak lama setelah pukul 8:21 malam"')
        + 1
    )
    assert (problem.code, problem.line, problem.column) == ("quote-not-found", line, 16)
    assert "Tak lama setelah pukul 8:20 malam" in problem.message
    assert result.evidence.claims == (Mark.not_found,)


def test_changed_snapshot_fails_on_its_hash(tmp_path: Path) -> None:
    path = incident_with_snapshot(tmp_path, ARTICLE, "Tak lama setelah pukul 8:20 malam")
    stored = tmp_path / "demo" / "sources" / "news.txt"
    stored.write_text(ARTICLE.replace("8:20", "8:25"), encoding="utf-8")
    result = check_file(path)
    [problem] = errors(result)
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "sha256:" in text)
    assert (problem.code, problem.line) == ("snapshot-hash", line)
    assert result.evidence.claims == (Mark.unchecked,)  # a changed copy proves nothing


def test_missing_snapshot_is_an_error(tmp_path: Path) -> None:
    path = incident_with_snapshot(tmp_path, ARTICLE, "Tak lama")
    (tmp_path / "demo" / "sources" / "news.txt").unlink()
    assert [p.code for p in errors(check_file(path))] == ["snapshot-missing"]


def test_snapshot_may_not_leave_the_incident_folder(tmp_path: Path) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    path = incident_with_snapshot(inner, ARTICLE, "Tak lama")
    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE, encoding="utf-8")
    stored = inner / "demo" / "sources" / "news.txt"
    stored.unlink()
    stored.symlink_to(secret)
    assert [p.code for p in errors(check_file(path))] == ["snapshot-path"]
    text = path.read_text().replace("path: demo/sources/news.txt", "path: ../secret.txt")
    result = check_text(text, "demo.yaml", folder=inner)
    assert [p.code for p in errors(result)] == ["value"]
    assert "'..'" in errors(result)[0].message


def test_without_a_folder_quotes_are_unchecked(tmp_path: Path) -> None:
    path = incident_with_snapshot(tmp_path, ARTICLE, "not in the text at all")
    result = check_text(path.read_text(), "demo.yaml")
    assert result.ok and result.evidence.claims == (Mark.unchecked,)


# --- the bundled files ---------------------------------------------------------------------


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Path:
    shutil.copytree(BUNDLED, tmp_path / "incidents")
    return tmp_path / "incidents"


def test_bundled_quotes_are_verified_where_a_snapshot_exists() -> None:
    report = check_paths([BUNDLED])
    assert report.errors == 0
    marks = [m for f in report.files for m in f.evidence.claims]
    assert marks.count(Mark.verified) >= 20 and Mark.not_found not in marks
    assert "verified, 0 not found" in summary(report, strict=False)


def test_one_changed_character_in_a_bundled_quote_fails_at_its_line(bundled_copy: Path) -> None:
    path = bundled_copy / "x-spaces-2024.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    target = next(
        i
        for i, text in enumerate(lines)
        if "quote: Wawancara akhirnya dimulai pada pukul 20:42" in text
    )
    lines[target] = lines[target].replace("20:42", "20:43")
    path.write_text("".join(lines), encoding="utf-8")
    report = check_paths([bundled_copy])
    [problem] = [p for p in report.problems if p.severity == "error"]
    assert (problem.code, problem.line) == ("quote-not-found", target + 1)
    assert "'Wawancara akhirnya dimulai pada pukul 20:42 EDT'" in problem.message


def test_a_changed_bundled_snapshot_fails_on_its_hash(bundled_copy: Path) -> None:
    stored = bundled_copy / "x-spaces-2024" / "sources" / "kontan.txt"
    stored.write_text(
        stored.read_text(encoding="utf-8").replace("20:42", "20:43"), encoding="utf-8"
    )
    report = check_paths([bundled_copy])
    codes = {(Path(p.file).name, p.code) for p in report.problems if p.severity == "error"}
    assert codes == {("x-spaces-2024.yaml", "snapshot-hash")}


# --- the views: export and the app's detail pane ------------------------------------------


def _timeline(path: Path):  # type: ignore[no-untyped-def]
    from incident.timeline import reconstruct

    result = check_file(path)
    assert result.incident is not None
    return reconstruct(result.incident, result.evidence)


def test_export_header_counts_and_footnotes_mark_verified_quotes() -> None:
    from incident.export.markdown import render_postmortem

    text = render_postmortem(_timeline(BUNDLED / "x-spaces-2024.yaml"))
    header = text[: text.index("## ")]
    assert "**Quotes:** 16 of 54 verified against stored copies of their sources" in header
    assert "38 unchecked (no stored copy)" in header
    line = next(
        x for x in text.splitlines() if "“Wawancara akhirnya dimulai pada pukul 20:42 EDT”" in x
    )
    assert line.endswith("(verified in the stored copy)")
    ap = next(x for x in text.splitlines() if "“At 8:42 p.m., the interview finally began.”" in x)
    assert "verified" not in ap


def test_detail_pane_marks_each_claim_and_shows_the_passage() -> None:
    from tui.detail_text import event_detail

    timeline = _timeline(BUNDLED / "x-spaces-2024.yaml")
    text = event_detail(
        timeline.by_id["conversation-starts"], timeline, ("America/New_York",)
    ).plain
    assert "✓ Verified in the stored copy: …" in text
    assert (
        "sebelum acara dimulai. Wawancara akhirnya dimulai pada pukul 20:42 EDT, dan pada" in text
    )
    assert text.count("Unchecked: no stored copy of this source") == 6


def test_detail_pane_shows_a_quote_not_found_with_its_closest_passage(tmp_path: Path) -> None:
    from tui.detail_text import event_detail

    timeline = _timeline(
        incident_with_snapshot(
            tmp_path, ARTICLE + "[bold]x[/]\n", "Tak lama setelah pukul 8:21 malam"
        )
    )
    text = event_detail(timeline.events[0], timeline, ("UTC",))
    assert "✗ Not found in the stored copy; closest passage (97% alike): " in text.plain
    assert "Tak lama setelah pukul 8:20 malam" in text.plain
    assert not text.spans or all(s.style in ("bold", "dim", "italic") for s in text.spans)


def _with_an_end(path: Path, end_quote: str) -> Path:
    text = path.read_text(encoding="utf-8").replace(
        "        translation: A translation.\n",
        "        translation: A translation.\n"
        '        time: {kind: exact, at: "2024-08-12 20:20", zone: EDT}\n'
        "    ends:\n"
        "      - source: news\n"
        f'        quote: "{end_quote}"\n'
        '        time: {kind: exact, at: "2024-08-12 21:00", zone: EDT}\n',
    )
    path.write_text(text, encoding="utf-8")
    return path


def test_an_end_claims_quote_is_checked_against_the_stored_copy(tmp_path: Path) -> None:
    start = "Tak lama setelah pukul 8:20 malam"
    path = _with_an_end(incident_with_snapshot(tmp_path, ARTICLE, start), "katanya.")
    result = check_file(path)
    assert result.ok and not errors(result)
    assert result.evidence.claims == (Mark.verified, Mark.verified)


def test_an_end_claims_quote_not_in_the_stored_copy_is_an_error_at_it(tmp_path: Path) -> None:
    start = "Tak lama setelah pukul 8:20 malam"
    path = _with_an_end(incident_with_snapshot(tmp_path, ARTICLE, start), "katanya besok.")
    [problem] = errors(check_file(path))
    line = path.read_text().splitlines().index('        quote: "katanya besok."') + 1
    assert (problem.code, problem.line) == ("quote-not-found", line)
