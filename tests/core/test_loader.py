"""The safe loader: tags, duplicate keys, alias bombs, encodings, sizes — each a located error."""

from __future__ import annotations

from pathlib import Path

import pytest

from incident.loader import LoadError, decode, load_path, parse, read_bytes


def error_of(text: str) -> LoadError:
    with pytest.raises(LoadError) as info:
        parse(text)
    return info.value


def test_plain_scalars_follow_yaml_1_2_core() -> None:
    data = parse("a: 12\nb: 1.5\nc: true\nd: null\ne: yes\nf: 20:42\ng: 2024-08-12\nh: '12'\n").data
    assert data == {
        "a": 12,
        "b": 1.5,
        "c": True,
        "d": None,
        "e": "yes",
        "f": "20:42",
        "g": "2024-08-12",
        "h": "12",
    }


def test_duplicate_key_is_located() -> None:
    error = error_of("a: 1\nb: 2\na: 3\n")
    assert (error.code, error.line, error.column) == ("duplicate-key", 3, 1)


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['echo pwned']\n",
        "a: !!python/name:os.system\n",
        "a: !custom thing\n",
        "a: !!binary aGVsbG8=\n",
        "!!python/object:collections.OrderedDict {}\n",
    ],
)
def test_unsafe_tags_are_refused(text: str) -> None:
    assert error_of(text).code == "unsafe-tag"


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    error = error_of("\n".join(lines) + "\n")
    assert error.code == "alias-bomb"


def test_small_alias_use_is_allowed() -> None:
    data = parse("base: &b {x: 1}\nother: *b\n").data
    assert data == {"base": {"x": 1}, "other": {"x": 1}}


def test_deep_nesting_is_refused() -> None:
    assert error_of("[" * 200 + "]" * 200).code in ("too-deep", "yaml-syntax")
    block = "".join(" " * i + "a:\n" for i in range(100)) + " " * 100 + "b: 1\n"
    assert error_of(block).code == "too-deep"


def test_syntax_error_is_located() -> None:
    error = error_of("a: 1\nb: [1, 2\nc: 3\n")
    assert error.code == "yaml-syntax"
    assert error.line >= 2


def test_tab_indentation_has_a_plain_message() -> None:
    error = error_of("a:\n\tb: 1\n")
    assert error.code == "yaml-syntax"
    assert "tab" in error.message


def test_several_documents_are_refused() -> None:
    error = error_of("a: 1\n---\nb: 2\n")
    assert (error.code, error.line) == ("multiple-documents", 3)


def test_empty_and_whitespace_files() -> None:
    for raw in (b"", b"   \n\n"):
        with pytest.raises(LoadError) as info:
            decode(raw)
        assert info.value.code == "empty"


def test_binary_and_non_utf8() -> None:
    with pytest.raises(LoadError) as info:
        decode(b"id: x\n\x00\x01")
    assert (info.value.code, info.value.line) == ("binary", 2)
    with pytest.raises(LoadError) as info:
        decode("id: café\n".encode("latin-1"))
    assert (info.value.code, info.value.line, info.value.column) == ("encoding", 1, 8)


def test_bom_is_accepted() -> None:
    assert decode("\ufeffa: 1\n".encode()) == "a: 1\n"


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * 2000 + b"\n")
    with pytest.raises(LoadError) as info:
        read_bytes(path, max_bytes=1000)
    assert info.value.code == "too-large"


def test_huge_integer_stays_text() -> None:
    assert parse("a: " + "9" * 10_000 + "\n").data["a"] == "9" * 10_000


def test_locate_maps_paths_to_nodes(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a:\n  - b: 1\n  - b: 2\n    c: 3\n", encoding="utf-8")
    document = load_path(path)
    assert document.locate(("a", 1, "c")) == (4, 8)
    assert document.locate(("a", 1, "c"), key=True) == (4, 5)
    assert document.locate(("a", 5)) == (2, 3)
