"""Stored copies of the text a source was read in: extract, store, read back and verify.

A snapshot is a UTF-8 text file in the incident's folder (``<incident-id>/sources/<source-id>.txt``
beside ``<incident-id>.yaml``); the incident file records its path, its SHA-256 and the date it
was captured. Reading one back checks that it is still inside the incident's folder and that
its bytes still have the recorded hash, so a quote is only ever checked against the text that
was read.

Article text is extracted from a saved web page with trafilatura: measured on 990 saved pages
with known text (``benchmarks/bench_extract.py``) it kept more of the article's passages than
readability-lxml, at a similar speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from schemas.models import Snapshot

SNAPSHOT_MAX_BYTES = 8 * 1024 * 1024
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<body", b"<article", b"<p>", b"<div")


class SnapshotError(Exception):
    """A snapshot that cannot be read, stored or trusted; ``code`` is stable for tools."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def snapshot_path(incident_id: str, source_id: str) -> str:
    """Where a source's snapshot goes, relative to the incident file's folder."""
    return f"{incident_id}/sources/{source_id}.txt"


def resolve(folder: Path, relative: str) -> Path:
    """The snapshot file for ``relative`` under ``folder``; it may not lead out of the folder."""
    base = folder.resolve()
    target = (base / relative).resolve()
    if not target.is_relative_to(base):
        raise SnapshotError(
            "snapshot-path", f"snapshot {relative!r} leads outside the incident's folder"
        )
    return target


def read_text(folder: Path, snapshot: Snapshot) -> str:
    """The stored text, after checking its place, size, hash and encoding."""
    path = resolve(folder, snapshot.path)
    try:
        with path.open("rb") as handle:
            data = handle.read(SNAPSHOT_MAX_BYTES + 1)
    except FileNotFoundError:
        raise SnapshotError(
            "snapshot-missing", f"snapshot {snapshot.path!r} does not exist"
        ) from None
    except OSError as exc:
        raise SnapshotError(
            "snapshot-missing", f"snapshot {snapshot.path!r} cannot be read: {exc.strerror}"
        ) from None
    if len(data) > SNAPSHOT_MAX_BYTES:
        raise SnapshotError(
            "snapshot-size", f"snapshot {snapshot.path!r} is larger than {SNAPSHOT_MAX_BYTES} bytes"
        )
    actual = sha256_hex(data)
    if actual != snapshot.sha256:
        raise SnapshotError(
            "snapshot-hash",
            f"snapshot {snapshot.path!r} has changed since it was captured on "
            f"{snapshot.captured}: its SHA-256 is {actual[:12]}…, not {snapshot.sha256[:12]}…",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SnapshotError(
            "snapshot-encoding", f"snapshot {snapshot.path!r} is not UTF-8 (byte {exc.start})"
        ) from None


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return any(marker in head for marker in _HTML_MARKERS)


def extract_article(html: bytes) -> str:
    """The article text of a saved web page (paragraphs separated by newlines)."""
    import trafilatura  # imported here: only `incident snapshot` on a web page needs it

    text = trafilatura.extract(html, include_comments=False, include_tables=True)
    if not text or not text.strip():
        raise SnapshotError("snapshot-empty", "no article text found in the page")
    return text


def text_from_input(data: bytes) -> str:
    """Article text from a saved page, or the text itself when it is not HTML."""
    if len(data) > SNAPSHOT_MAX_BYTES * 4:
        raise SnapshotError("snapshot-size", "the input is larger than 32 MiB")
    if looks_like_html(data):
        return extract_article(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SnapshotError(
            "snapshot-encoding", f"the text is not UTF-8 (byte {exc.start})"
        ) from None
    if not text.strip():
        raise SnapshotError("snapshot-empty", "the text is empty")
    return text


def canonical(text: str) -> bytes:
    """The bytes stored for a text: UTF-8, '\\n' line ends, one final newline."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
    return (lines + "\n").encode("utf-8")


@dataclass(frozen=True)
class Stored:
    snapshot: Snapshot
    file: Path
    written: bool  # False: the same text was already stored


def store(
    folder: Path,
    incident_id: str,
    source_id: str,
    text: str,
    captured: str,
    *,
    force: bool = False,
) -> Stored:
    """Store ``text`` as the snapshot of ``source_id``, atomically.

    An existing file with the same bytes is kept as it is; one with other bytes is replaced
    only with ``force``.
    """
    relative = snapshot_path(incident_id, source_id)
    data = canonical(text)
    if len(data) > SNAPSHOT_MAX_BYTES:
        raise SnapshotError("snapshot-size", f"the text is larger than {SNAPSHOT_MAX_BYTES} bytes")
    target = resolve(folder, relative)
    snapshot = Snapshot(path=relative, sha256=sha256_hex(data), captured=captured)
    if target.exists():
        if target.is_file() and target.read_bytes() == data:
            return Stored(snapshot, target, written=False)
        if not force:
            raise SnapshotError(
                "snapshot-exists",
                f"{relative} already holds a different text (use --force to replace it)",
            )
    write_atomic(target, data)
    return Stored(snapshot, target, written=True)


def write_atomic(target: Path, data: bytes) -> None:
    """Temporary file in the same folder, fsync, rename: the old file or the new, never half."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as exc:
        raise SnapshotError("write", f"{target}: cannot write: {exc.strerror}") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise SnapshotError("write", f"{target}: could not write: {exc.strerror}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
