"""Read incident YAML safely and fast, keeping enough to point at any node's line and column.

The C parser composes a node tree; a small builder here turns it into plain Python data. That
builder is faster than PyYAML's constructors and it is where the format's safety rules live:
no tags beyond the core ones (so ``!!python/object`` never runs), no duplicate keys, bounded
alias expansion (no "billion laughs"), bounded depth and size. The tree is kept so that an
error's path (``events[3].claims[0].time``) maps back to ``line:column`` without a second parse.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import PathPart, YamlPath

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIAS_VALUES = 100_000
# The memory budget of a parse. Each YAML value costs about 300 bytes as a node (value, tag,
# two marks) however few bytes it takes in the file: "[1,1,1,…]" is two bytes a value, so 64 MiB
# of it would need 10 GB. A file may hold one value per BYTES_PER_VALUE bytes of --max-bytes
# (5.6 million by default, about 1.6 GB); incident files average 17-19 bytes a value, so a
# file under the limit never comes near it, and raising --max-bytes raises both.
BYTES_PER_VALUE = 12
READ_CHUNK = 1 << 20

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_ALLOWED_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _MAP, _SEQ}

# YAML 1.2 core schema for plain scalars (no sexagesimals, no 'yes'/'no', no timestamps).
_INT_RE = re.compile(r"^[-+]?[0-9]+$|^0x[0-9a-fA-F]+$|^0o[0-7]+$")
_FLOAT_RE = re.compile(
    r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$"
)
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


class LoadError(Exception):
    """A file that cannot be read as incident YAML; carries a location and a stable code."""

    def __init__(self, code: str, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Document:
    """Plain data from one YAML document, and its node tree for locating problems."""

    data: Any
    root: yaml.Node | None

    def locate(self, path: YamlPath, *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the node at ``path``: the deepest one that exists.

        ``key=True`` points at the mapping key of the last part (for an unknown field).
        """
        node = self.root
        if node is None:
            return (1, 1)
        for index, part in enumerate(path):
            last = index == len(path) - 1
            child = _child(node, part, want_key=key and last)
            if child is None:
                break
            node = child
        mark = node.start_mark
        return (mark.line + 1, mark.column + 1)


def _child(node: yaml.Node, part: PathPart, *, want_key: bool) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                return key_node if want_key else value_node
        return None
    is_index = isinstance(part, int) and 0 <= part < len(node.value)
    if isinstance(node, yaml.SequenceNode) and is_index:
        return node.value[part]  # type: ignore[no-any-return]
    return None


@contextmanager
def gc_paused() -> Iterator[None]:
    """Building many small containers makes the cyclic GC run again and again; pause it.

    Loading 100,000 events with the collector on spends more time collecting than parsing
    (see benchmarks/). Nested uses are cheap: only the outermost one re-enables. Nothing is
    frozen here: ``gc.freeze`` acts on every object of the process, and a long-running caller
    (the app) would never again collect a cycle that was alive at that moment. Short-lived
    commands keep the collector off for their whole run instead (:func:`collector_off`).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def collector_off() -> None:
    """For a command that exits when done (validate, export): no cyclic GC at all. What it
    builds is acyclic and freed by reference counting; the process ends before cycles matter."""
    gc.disable()


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file with a size limit; raise LoadError for a file too large or unreadable.

    Read in chunks, never more than ``max_bytes + 1`` bytes whatever the file claims to hold,
    and stop at the first NUL byte: binary data is refused there anyway (:func:`decode` reports
    that first NUL), so a sparse file of many gigabytes costs one chunk, not its size.
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(
                "too-large",
                f"file is {size:,} bytes, over the limit of {max_bytes:,} (see --max-bytes)",
            )
        chunks: list[bytes] = []
        total = 0
        with path.open("rb") as handle:
            while total <= max_bytes:
                chunk = handle.read(min(READ_CHUNK, max_bytes + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
                if b"\x00" in chunk:
                    break
    except OSError as exc:
        raise LoadError("unreadable", f"cannot read file: {exc.strerror or exc}") from None
    if total > max_bytes:
        raise LoadError("too-large", f"file is over the limit of {max_bytes:,} bytes")
    return b"".join(chunks)


def decode(raw: bytes) -> str:
    """UTF-8 text (a BOM is allowed); binary and other encodings are refused with a location."""
    if not raw.strip():
        raise LoadError("empty", "file is empty", 1, 1)
    nul = raw.find(b"\x00")
    if nul != -1:
        line = raw.count(b"\n", 0, nul) + 1
        column = nul - (raw.rfind(b"\n", 0, nul) + 1) + 1
        raise LoadError("binary", "file contains a NUL byte: binary data is not YAML", line, column)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError(
            "encoding", f"file is not UTF-8 (byte 0x{raw[exc.start]:02x})", line, column
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def _reader_error(exc: yaml.reader.ReaderError, text: str) -> LoadError:
    """A character YAML forbids (raw control characters): libyaml gives only a byte offset."""
    offset = int(exc.position)
    prefix = text.encode("utf-8")[:offset].decode("utf-8", "ignore") if _C else text[:offset]
    line = prefix.count("\n") + 1
    column = len(prefix) - (prefix.rfind("\n") + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    return LoadError(
        "yaml-syntax",
        f"YAML syntax error: control character U+{code:04X} is not allowed in YAML text "
        '(write it as an escape such as "\\x1b" in a double-quoted string)',
        line,
        column,
    )


def _yaml_error(exc: yaml.YAMLError, text: str) -> LoadError:
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_error(exc, text)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"{context}: {problem}" if context and problem else (problem or "invalid YAML")
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        message = "tab character where YAML expects spaces (indent with spaces)"
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    return LoadError("yaml-syntax", f"YAML syntax error: {message}", line, column)


_C = bool(getattr(yaml, "__with_libyaml__", False))
_PLAIN = "tag:incident,plain"  # an untagged plain scalar: resolved by the builder (YAML 1.2 core)


class _TooManyValues(Exception):
    pass


class _ResolveOnce:
    """Tags nodes without PyYAML's resolver tables: plain scalars are marked for the builder,
    which resolves them once; an explicit tag (``!!str 42``) is kept as written.

    The composer asks for every untagged node's tag as it builds the node, so this is also
    where the number of values is held to the budget (``values_left``), before the tree grows.
    """

    values_left = 0

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        self.values_left -= 1
        if self.values_left < 0:
            raise _TooManyValues
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


class _CLoader(_ResolveOnce, yaml.CBaseLoader if _C else yaml.BaseLoader):  # type: ignore[misc]
    pass


def value_budget(max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """How many YAML values a file may hold under a given --max-bytes."""
    return max(max_bytes, DEFAULT_MAX_BYTES) // BYTES_PER_VALUE


def parse(text: str, max_values: int | None = None) -> Document:
    """Parse one YAML document of incident data. Raises LoadError, never a YAML traceback.

    ``max_values`` bounds the number of values (default :func:`value_budget`), and with it the
    memory the parse may take.
    """
    limit = value_budget() if max_values is None else max_values
    loader = _CLoader(text)
    # A node with an explicit tag is built without asking resolve(): count every '!' up front.
    loader.values_left = limit - text.count("!")
    try:
        with gc_paused():
            if not loader.check_node():
                raise LoadError("empty", "file has no YAML document", 1, 1)
            root = loader.get_node()
            assert root is not None
            if loader.check_node():
                extra = loader.get_node()
                mark = extra.start_mark if extra is not None else root.end_mark
                raise LoadError(
                    "multiple-documents",
                    "file holds more than one YAML document; one incident per file",
                    mark.line + 1,
                    mark.column + 1,
                )
            data = _Builder().build(root)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, text) from None
    except RecursionError:
        raise LoadError("too-deep", "nesting is too deep", 1, 1) from None
    except _TooManyValues:
        raise LoadError(
            "too-many-values",
            f"file holds more than {limit:,} YAML values (one per {BYTES_PER_VALUE} bytes of "
            "--max-bytes, which bounds the memory a file may take); a real incident file is "
            "far below that",
            1,
            1,
        ) from None
    except MemoryError:
        raise LoadError(
            "too-large", "file needs more memory than this process may use", 1, 1
        ) from None
    finally:
        loader.dispose()
    return Document(data, root)


def load_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    return parse(decode(read_bytes(path, max_bytes)), value_budget(max_bytes))


class _Builder:
    """Node tree → dicts, lists and scalars, enforcing the safety rules."""

    def __init__(self) -> None:
        self.built: dict[int, tuple[Any, int]] = {}  # id(node) -> (value, size), for aliases
        self.alias_values = 0

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        return self._build(node, depth)[0]

    def _build(self, node: yaml.Node, depth: int) -> tuple[Any, int]:
        """The value of ``node`` and how many values it holds once aliases are expanded."""
        if depth > MAX_DEPTH:
            raise _located("too-deep", f"nesting deeper than {MAX_DEPTH} levels", node)
        tag = node.tag
        if type(node) is yaml.ScalarNode:
            if tag == _PLAIN:
                return _plain_scalar(node.value), 1
            if tag == _STR:
                return node.value, 1
            if tag not in _ALLOWED_TAGS:
                raise _located("unsafe-tag", f"tag {tag!r} is not allowed", node)
            return _tagged_scalar(node), 1
        if tag not in (_MAP, _SEQ):
            raise _located("unsafe-tag", f"tag {tag!r} is not allowed", node)
        key = id(node)
        cached = self.built.get(key)
        if cached is not None:  # an alias: the same node again
            self.alias_values += cached[1]
            if self.alias_values > MAX_ALIAS_VALUES:
                raise _located(
                    "alias-bomb",
                    f"aliases expand to more than {MAX_ALIAS_VALUES:,} values "
                    "(a 'billion laughs' file?)",
                    node,
                )
            return cached
        size = 1
        if type(node) is yaml.SequenceNode:
            items = []
            for child in node.value:
                value, n = self._build(child, depth + 1)
                items.append(value)
                size += n
            result: tuple[Any, int] = (items, size)
        else:
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if type(key_node) is not yaml.ScalarNode:
                    raise _located("bad-key", "mapping keys must be plain strings", key_node)
                name = key_node.value
                if name in out:
                    raise _located("duplicate-key", f"duplicate key {name!r}", key_node)
                value, n = self._build(value_node, depth + 1)
                out[name] = value
                size += n
            result = (out, size)
        self.built[key] = result
        return result


def _located(code: str, message: str, node: yaml.Node) -> LoadError:
    return LoadError(code, message, node.start_mark.line + 1, node.start_mark.column + 1)


def _number(value: str) -> Any:
    try:
        if _INT_RE.match(value):
            return int(value, 0) if value[:2] in ("0x", "0o") else int(value)
        if _FLOAT_RE.match(value):
            return float(value.lower().replace(".inf", "inf").replace(".nan", "nan"))
    except ValueError:  # e.g. an integer of more than 4,300 digits
        return value
    return value


def _plain_scalar(value: str) -> Any:
    if value in _NULLS:
        return None
    first = value[0]
    if first.isdigit() or first in "-+.":
        return _number(value)
    boolean = _BOOLS.get(value)
    return value if boolean is None else boolean


def _tagged_scalar(node: yaml.ScalarNode) -> Any:
    value = node.value
    tag = node.tag
    if tag == _NULL:
        return None
    if tag == _BOOL and value in _BOOLS:
        return _BOOLS[value]
    if tag in (_INT, _FLOAT):
        number = _number(value)
        if not isinstance(number, str):
            return float(number) if tag == _FLOAT else number
    raise _located("bad-scalar", f"{value!r} is not a valid {tag.rsplit(':', 1)[-1]}", node)
