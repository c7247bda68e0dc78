"""Record a snapshot in an incident file: one ``snapshot:`` line in the source's entry.

The file is edited as text, so its comments, order and layout stay as they were: the line is
put after the source's ``id`` (or replaces the ``snapshot`` the source already has). The edited
text is parsed again and must give the recorded snapshot before it is written, atomically.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import yaml

from schemas.models import Snapshot

from .loader import DEFAULT_MAX_BYTES, Document, LoadError, decode, parse, read_bytes
from .snapshots import SnapshotError, write_atomic


def entry_line(snapshot: Snapshot) -> str:
    """The line to paste into a source's entry."""
    return (
        f"snapshot: {{path: {snapshot.path}, sha256: {snapshot.sha256}, "
        f'captured: "{snapshot.captured}"}}'
    )


def incident_id_and_sources(path: Path) -> tuple[str, list[str]]:
    """The incident's id and its source ids, read from the file (no full validation)."""
    document = _parse(path, _read(path))
    data = document.data if isinstance(document.data, dict) else {}
    listed = data.get("sources")
    sources: list[object] = listed if isinstance(listed, list) else []
    ids = [s["id"] for s in sources if isinstance(s, dict) and isinstance(s.get("id"), str)]
    incident_id = data.get("id")
    if not isinstance(incident_id, str):
        raise SnapshotError("snapshot-record", f"{path}: the file has no incident id")
    return incident_id, ids


def record_snapshot(path: Path, source_id: str, snapshot: Snapshot) -> int:
    """Write ``snapshot`` into the entry of ``source_id`` in ``path``; the line it is on."""
    text = _read(path)
    document = _parse(path, text)
    item = _source_node(document.root, source_id, path)
    if item.flow_style:
        raise SnapshotError(
            "snapshot-record",
            f"{path}: source {source_id!r} is written on one line; add this to it by hand: "
            + entry_line(snapshot),
        )
    lines = text.splitlines(keepends=True)
    existing = _key_and_value(item, "snapshot")
    id_key, _ = _key_and_value(item, "id") or (None, None)
    assert id_key is not None
    indent = " " * id_key.start_mark.column
    if existing is not None:
        key, value = existing
        first = key.start_mark.line
        last = value.end_mark.line if value.end_mark.column > 0 else value.end_mark.line - 1
        ending = _ending(lines[last])
        lines[first : last + 1] = [indent + entry_line(snapshot) + ending]
        line = first + 1
    else:
        after = id_key.start_mark.line
        lines.insert(after + 1, indent + entry_line(snapshot) + _ending(lines[after]))
        line = after + 2
    new_text = "".join(lines)
    _check_recorded(path, new_text, source_id, snapshot)
    write_atomic(path, new_text.encode("utf-8"))
    return line


def _read(path: Path) -> str:
    try:
        return decode(read_bytes(path, DEFAULT_MAX_BYTES))
    except LoadError as exc:
        raise SnapshotError("snapshot-record", f"{path}: {exc.message}") from None


def _parse(path: Path, text: str) -> Document:
    try:
        return parse(text)
    except LoadError as exc:
        raise SnapshotError(
            "snapshot-record", f"{path}:{exc.line}:{exc.column}: {exc.message}"
        ) from None


def _ending(line: str) -> str:
    return "\r\n" if line.endswith("\r\n") else "\n"


def _key_and_value(node: yaml.MappingNode, name: str) -> tuple[yaml.Node, yaml.Node] | None:
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == name:
            return key, value
    return None


def _source_node(root: yaml.Node | None, source_id: str, path: Path) -> yaml.MappingNode:
    found = _key_and_value(root, "sources") if isinstance(root, yaml.MappingNode) else None
    items = found[1].value if found and isinstance(found[1], yaml.SequenceNode) else []
    ids: list[str] = []
    for item in items:
        if not isinstance(item, yaml.MappingNode):
            continue
        pair = _key_and_value(item, "id")
        if pair is not None and isinstance(pair[1], yaml.ScalarNode):
            ids.append(pair[1].value)
            if pair[1].value == source_id:
                return item
    close = difflib.get_close_matches(source_id, ids, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise SnapshotError("unknown-source", f"{path}: no source {source_id!r}{hint}")


def _check_recorded(path: Path, text: str, source_id: str, snapshot: Snapshot) -> None:
    try:
        data = parse(text).data
    except LoadError as exc:  # pragma: no cover - the edit keeps the YAML well formed
        raise SnapshotError("snapshot-record", f"{path}: the edit broke the file: {exc}") from None
    sources = data.get("sources", []) if isinstance(data, dict) else []
    recorded = next(
        (s.get("snapshot") for s in sources if isinstance(s, dict) and s.get("id") == source_id),
        None,
    )
    if recorded != snapshot.model_dump():
        raise SnapshotError(
            "snapshot-record",
            f"{path}: could not record the snapshot in place; add this to source "
            f"{source_id!r} by hand: " + entry_line(snapshot),
        )
