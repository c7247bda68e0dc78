"""The hostile-input corpus: every attack, its input, and what each surface must do with it.

One row per attack. Small inputs are files in ``files/``; large, binary or oddly named inputs are
built at test time by ``make`` (into a tmp dir). ``validate`` states the exact outcome of
``incident validate`` (exit code, first problem code and ``line:column``); ``app`` and ``export``
state what the Textual app and the Markdown export must do with the same input, so their tests
can share this table.

    python tests/hostile/cases.py > tests/hostile/CASES.md     # regenerate the Markdown table
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
BASE_TEXT = (FILES / "valid-base.yaml").read_text(encoding="utf-8")

# What the app and the export must do, by kind of outcome.
APP_INVALID = "lists the file with this problem (same code, line:col); other files still open"
APP_UNUSABLE = "shows the problem instead of a timeline; never a traceback"
APP_VALID = "opens the incident normally"
APP_LITERAL = (
    "shows the text literally: no markup applied, no link or action, controls and bidi/zero-width "
    "marks made visible (formatting.visible)"
)
APP_USAGE = "refuses to start: one-line error on stderr, exit 2"
EXPORT_INVALID = "exit 1, the problem on stderr, no output file written"
EXPORT_VALID = "exit 0, one timeline table row per event"
EXPORT_LITERAL = (
    "exit 0, one table row per event; `|`, `<`, `[`, backticks escaped so no HTML, link, "
    "footnote or cell break comes from file text; no raw ESC/C0/C1/bidi in the .md"
)
EXPORT_USAGE = "exit 2, one-line error on stderr"

MiB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str
    attack: str
    exit: int  # exit code of `incident validate`
    code: str | None = None  # the first error's code (None: no error expected)
    where: tuple[int, int] | None = None  # its line, column
    app: str = APP_INVALID
    export: str = EXPORT_INVALID
    make: Callable[[Path], Path] | None = None  # builds the input under a tmp dir
    args: tuple[str, ...] = ()  # extra `incident validate` arguments
    warning: str | None = None  # a warning code expected (valid files)
    subprocess: bool = False  # also run the real CLI in a subprocess
    bug: str | None = None  # a known foundation bug: the test is xfail(strict) until fixed
    session: bool = False  # `make` is expensive: build once per test session

    def source(self, tmp: Path) -> Path:
        if self.make is not None:
            return self.make(tmp)
        path = FILES / self.name
        return path if path.is_dir() else FILES / f"{self.name}.yaml"


# ---------------------------------------------------------------------------------------------
# Inputs built at test time.


def _write(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _base_with(old: str, new: str) -> bytes:
    assert old in BASE_TEXT
    return BASE_TEXT.replace(old, new, 1).encode("utf-8")


def make_empty(tmp: Path) -> Path:
    return _write(tmp, "empty.yaml", b"")


def make_whitespace(tmp: Path) -> Path:
    return _write(tmp, "whitespace.yaml", b"  \n\n\t \r\n ")


def make_nul(tmp: Path) -> Path:
    raw = BASE_TEXT.encode()
    return _write(tmp, "nul.yaml", raw[:50] + b"\x00" + raw[50:])


def make_binary(tmp: Path) -> Path:
    return _write(tmp, "binary.yaml", bytes(range(256)) * 16)


def make_latin1(tmp: Path) -> Path:
    text = BASE_TEXT.replace("Hostile input", "Hostile caf\u00e9", 1)
    return _write(tmp, "latin1.yaml", text.encode("latin-1"))


def make_utf16(tmp: Path) -> Path:
    return _write(tmp, "utf16.yaml", BASE_TEXT.encode("utf-16"))


def make_raw_escape(tmp: Path) -> Path:
    return _write(tmp, "raw-escape.yaml", _base_with("Hostile input", "Hostile \x1b[31minput"))


def make_raw_c1(tmp: Path) -> Path:
    return _write(tmp, "raw-c1.yaml", _base_with("Hostile input", "Host\u00e9 \x9b31m input"))


def make_raw_bidi(tmp: Path) -> Path:
    return _write(tmp, "raw-bidi.yaml", _base_with("Hostile input", "Hostile \u202etupni"))


def make_long_line(tmp: Path) -> Path:
    data = _base_with("title: Hostile input", 'title: "' + "x" * MiB + '"')
    return _write(tmp, "long-line.yaml", data)


def make_huge_comment(tmp: Path) -> Path:
    """A valid incident followed by 50 MB of comments: under the 64 MiB default limit."""
    data = BASE_TEXT.encode() + (b"#" + b"x" * 99 + b"\n") * 500_000
    return _write(tmp, "huge-50mb.yaml", data)


def make_deep_flow(tmp: Path) -> Path:
    return _write(tmp, "deep-flow.yaml", b"id: " + b"[" * 10_000 + b"]" * 10_000 + b"\n")


def make_deep_block(tmp: Path) -> Path:
    return _write(tmp, "deep-block.yaml", b"id:\n" + b"- " * 10_000 + b"x\n")


def make_nested_100_flow(tmp: Path) -> Path:
    return _write(tmp, "nested-100-flow.yaml", b"id: " + b"[" * 100 + b"]" * 100 + b"\n")


def make_nested_100_block(tmp: Path) -> Path:
    text = "".join(" " * i + "a:\n" for i in range(100)) + " " * 100 + "a: 1\n"
    return _write(tmp, "nested-100-block.yaml", text.encode())


def _chain_event(name: str, target: str) -> str:
    return (
        f"  - id: {name}\n    title: Event {name}\n    kind: action\n    claims:\n"
        f'      - {{source: ap, quote: "quoted", time: {{kind: exact, relative_to: {target}, '
        "offset: 1m}}\n"
    )


def make_relative_chain(tmp: Path) -> Path:
    """3,000 events, each relative to the one before: valid, and no recursion limit."""
    events = "".join(_chain_event(f"e{i}", "sched" if i == 0 else f"e{i - 1}") for i in range(3000))
    return _write(tmp, "relative-chain.yaml", (BASE_TEXT + events).encode())


def make_relative_chain_reversed(tmp: Path) -> Path:
    """1,500 events, each relative to the one *after* it: the dependency walk goes 1,500 deep."""
    n = 1500
    events = "".join(
        _chain_event(f"e{i}", "sched" if i == n - 1 else f"e{i + 1}") for i in range(n)
    )
    return _write(tmp, "relative-chain-reversed.yaml", (BASE_TEXT + events).encode())


def make_escape_filename(tmp: Path) -> Path:
    """An invalid file whose *name* carries an OSC title sequence and a BEL."""
    data = (FILES / "missing-field.yaml").read_bytes()
    return _write(tmp / "names", "bad\x1b]0;pwned\x07\x9b.yaml", data)


def make_newline_filename(tmp: Path) -> Path:
    """An invalid file whose name holds a newline and a fake problem line."""
    data = (FILES / "missing-field.yaml").read_bytes()
    name = "x.yaml:1:1: error[fake]: injected\nreal.yaml"
    return _write(tmp / "names", name, data)


def make_fifo(tmp: Path) -> Path:
    path = tmp / "fifo.yaml"
    os.mkfifo(path)
    return path


def make_folder_with_fifo(tmp: Path) -> Path:
    folder = tmp / "with-fifo"
    folder.mkdir()
    os.mkfifo(folder / "pipe.yaml")
    (folder / "ok.yaml").write_text(BASE_TEXT, encoding="utf-8")
    return folder


def make_no_yaml_folder(tmp: Path) -> Path:
    folder = tmp / "no-yaml"
    folder.mkdir()
    (folder / "notes.txt").write_text("not an incident\n", encoding="utf-8")
    return folder


def make_missing(tmp: Path) -> Path:
    return tmp / "does-not-exist.yaml"


def make_directory_named_yaml(tmp: Path) -> Path:
    folder = tmp / "looks-like.yaml"
    folder.mkdir()
    (folder / "inner.yaml").write_text(BASE_TEXT, encoding="utf-8")
    return folder


def make_valid(tmp: Path) -> Path:
    return _write(tmp, "valid.yaml", BASE_TEXT.encode())


# -- round two (issue 9): values the views cannot show, costs that explode, bytes on disk


def _with_event(claim: str, extra: str = "") -> bytes:
    """The base file plus one event ``e1`` (its claim on line 20) and ``extra`` events."""
    event = f"  - id: e1\n    title: E1\n    kind: action\n    claims:\n      - {claim}\n"
    return (BASE_TEXT + event + extra).encode()


def _maker(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        return _write(tmp, f"{name}.yaml", data)

    make.__name__ = "make_" + name.replace("-", "_")
    return make


_Q = '{source: ap, quote: "q", time: '


def _relative_chain_past(tmp: Path) -> Path:
    """Thirty events, each ten years after the one before: the last lands in 2324."""
    events = "".join(
        f"  - id: c{i}\n    title: C{i}\n    kind: action\n    claims:\n"
        f"      - {_Q}{{kind: exact, relative_to: {'sched' if i == 0 else f'c{i - 1}'}, "
        "offset: 87600h}}\n"
        for i in range(30)
    )
    return _write(tmp, "relative-chain-past-2199.yaml", (BASE_TEXT + events).encode())


def _relative_chain_past_backwards(tmp: Path) -> Path:
    """Offsets of minus ten years: the chain runs before 1900."""
    events = "".join(
        f"  - id: c{i}\n    title: C{i}\n    kind: action\n    claims:\n"
        f"      - {_Q}{{kind: about, relative_to: {'sched' if i == 0 else f'c{i - 1}'}, "
        "offset: -87600h, margin: 87600h}}\n"
        for i in range(15)
    )
    return _write(tmp, "relative-chain-before-1900.yaml", (BASE_TEXT + events).encode())


def make_sparse(tmp: Path) -> Path:
    """A 4 GiB sparse file: a line of YAML, then a hole that reads as NUL bytes."""
    path = _write(tmp, "sparse.yaml", b"id: sparse\n")
    with path.open("r+b") as handle:
        handle.truncate(4 * 1024**3)
    return path


def make_name_too_long(tmp: Path) -> Path:
    """A path whose last name is 300 bytes: it cannot even be checked (ENAMETOOLONG)."""
    return tmp / ("x" * 296 + ".yaml")


def make_sparse_no_nul(tmp: Path) -> Path:
    """A sparse 4 GiB file is refused by its size first when the limit is under it."""
    return make_sparse(tmp)


# ---------------------------------------------------------------------------------------------
# The table.

V = APP_VALID, EXPORT_VALID
LIT = APP_LITERAL, EXPORT_LITERAL

# One case per entry reads better than one argument per line.
# fmt: off
CASES: list[Case] = [
    # -- YAML syntax
    Case("syntax-unclosed-quote", "title: \"… with no closing quote", 1, "yaml-syntax", (5, 8),
         subprocess=True),
    Case("syntax-bad-indentation", "a key indented one space less than its siblings", 1,
         "yaml-syntax", (13, 4)),
    Case("syntax-unclosed-flow", "key_moments: {scheduled_start: sched   (no closing brace)", 1,
         "yaml-syntax", (8, 8)),
    Case("syntax-unclosed-flow-sequence", "tags: [a, b   (no closing bracket)", 1,
         "yaml-syntax", (15, 11)),
    Case("syntax-stray-colon", "title: Hostile: input: here", 1, "yaml-syntax", (2, 15)),
    Case("syntax-bad-anchor", "title: *nowhere (alias to no anchor)", 1, "yaml-syntax",
         (2, 8)),
    Case("syntax-tab-indent", "a tab used to indent a key", 1, "yaml-syntax", (12, 1)),
    Case("raw-escape-byte", "a raw ESC byte (0x1b) inside a plain scalar", 1, "yaml-syntax",
         (2, 16), make=make_raw_escape, subprocess=True, bug="B1"),
    Case("raw-c1-byte", "a raw C1 control (U+009B, CSI) after a non-ASCII letter", 1,
         "yaml-syntax", (2, 14), make=make_raw_c1, bug="B1"),
    Case("raw-bidi-override", "a raw U+202E (right-to-left override) in a title", 0,
         app=APP_LITERAL, export=EXPORT_LITERAL, make=make_raw_bidi),
    # -- keys
    Case("duplicate-key", "title: twice in one mapping", 1, "duplicate-key", (5, 1)),
    Case("bad-key-complex", "a complex key: ? [a, b]", 1, "bad-key", (5, 3)),
    Case("merge-key", "<<: {title: …} (YAML 1.1 merge keys are not supported)", 1,
         "missing-field", (11, 5)),
    # -- aliases and tags
    Case("alias-bomb", "billion laughs: 10 levels of 9 aliases (10^9 values)", 1,
         "alias-bomb", (5, 5), subprocess=True),
    Case("tag-python-object", "!!python/object/apply:os.system [\"echo pwned\"]", 1,
         "unsafe-tag", (2, 8), subprocess=True),
    Case("tag-python-name", "!!python/name:os.system", 1, "unsafe-tag", (2, 8)),
    Case("tag-binary", "!!binary aGVsbG8=", 1, "unsafe-tag", (2, 8)),
    Case("tag-custom", "!foo bar (an application tag)", 1, "unsafe-tag", (2, 8)),
    Case("tag-timestamp", "date: !!timestamp 2024-08-12", 1, "unsafe-tag", (5, 7)),
    Case("tag-str-number", "title: !!str 42 (an explicit string tag on a number)", 0,
         app=APP_VALID, export=EXPORT_VALID, bug="B6"),
    # -- documents and shapes
    Case("empty", "an empty file (0 bytes)", 1, "empty", (1, 1), APP_UNUSABLE, make=make_empty,
         subprocess=True),
    Case("whitespace-only", "spaces, tabs and newlines only", 1, "empty", (1, 1),
         APP_UNUSABLE, make=make_whitespace),
    Case("comment-only", "comments and nothing else", 1, "empty", (1, 1), APP_UNUSABLE),
    Case("explicit-null", "~ (a null document)", 1, "type", (1, 1), APP_UNUSABLE),
    Case("not-a-mapping", "a list at the top level", 1, "type", (1, 1), APP_UNUSABLE),
    Case("scalar-document", "a string at the top level", 1, "type", (1, 1), APP_UNUSABLE),
    Case("multi-document", "two YAML documents (---) in one file", 1, "multiple-documents",
         (17, 1)),
    # -- bytes and encodings
    Case("nul-byte", "a NUL byte in the middle of a valid file", 1, "binary", (3, 18),
         APP_UNUSABLE, make=make_nul, subprocess=True),
    Case("binary", "4 KiB of every byte value", 1, "binary", (1, 1), APP_UNUSABLE,
         make=make_binary),
    Case("latin-1", "a valid file saved as Latin-1 (é = 0xe9)", 1, "encoding", (2, 19),
         APP_UNUSABLE, make=make_latin1, subprocess=True),
    Case("utf-16", "a valid file saved as UTF-16 with BOM", 1, "binary", (1, 4), APP_UNUSABLE,
         make=make_utf16),
    Case("bom-valid", "a valid file starting with a UTF-8 BOM", 0, app=V[0], export=V[1],
         subprocess=True),
    Case("crlf-valid", "a valid file with CRLF line ends", 0, app=V[0], export=V[1]),
    # -- size and depth
    Case("huge-50mb", "a valid incident followed by 50 MB of comments", 0, app=V[0],
         export=V[1], make=make_huge_comment, session=True),
    Case("huge-50mb-over-limit", "the same 50 MB file with --max-bytes 10M", 1, "too-large",
         (1, 1), APP_UNUSABLE, make=make_huge_comment, args=("--max-bytes", "10M"),
         session=True, subprocess=True),
    Case("long-line-1mb", "a 1 MiB title on one line", 1, "value", (2, 8),
         make=make_long_line),
    Case("deep-flow-10000", "10,000 nested flow sequences [[[…]]]", 1, "yaml-syntax",
         (1, 1004), APP_UNUSABLE, make=make_deep_flow, subprocess=True),
    Case("deep-block-10000", "10,000 nested block sequences - - - … x", 1, "yaml-syntax",
         (2, 1999), APP_UNUSABLE, make=make_deep_block),
    Case("nested-100-flow", "100 nested flow sequences (under libyaml's cap of 1,000)", 1,
         "too-deep", (1, 69), APP_UNUSABLE, make=make_nested_100_flow),
    Case("nested-100-block", "100 nested block mappings", 1, "too-deep", (66, 66),
         APP_UNUSABLE, make=make_nested_100_block),
    # -- numbers
    Case("huge-integer", "amount: a 10,000-digit integer (kept as text: not a number)", 1,
         "type", (15, 136)),
    Case("nan-count", "amount: .nan", 1, "value", (15, 136)),
    Case("inf-count", "amount: .inf", 1, "value", (15, 136)),
    Case("negative-count", "amount: -5", 1, "value", (15, 136)),
    # -- times and zones
    Case("time-no-zone", "a wall time, no zone on the claim, no source_zone", 1, "no-zone",
         (14, 88)),
    Case("time-dst-gap", "2024-03-10 02:30 America/New_York (skipped by DST)", 1,
         "nonexistent-time", (15, 88)),
    Case("time-fold-ambiguous", "2024-11-03 01:30 ET (happens twice), no offset", 1,
         "ambiguous-time", (15, 88)),
    Case("time-fold-with-edt", "2024-11-03 01:30 EDT (the label picks the first)", 0,
         app=V[0], export=V[1]),
    Case("time-fold-with-est", "2024-11-03 01:30 EST (the label picks the second)", 0,
         app=V[0], export=V[1]),
    Case("time-offset-contradicts-label", "2024-08-12T20:00:00-05:00 labelled EDT", 1,
         "offset-contradicts-zone", (15, 88)),
    Case("time-year-zero", "0000-01-01 00:00", 1, "time-range", (15, 88)),
    Case("time-year-9999", "9999-12-31T23:59+14:00", 1, "time-range", (15, 88)),
    Case("time-offset-beyond-14h", "2024-08-12T20:00+15:00", 1, "time-range", (15, 88)),
    Case("time-leap-second", "2024-06-30 23:59:60", 1, "time-range", (15, 88)),
    Case("time-feb-30", "2024-02-30 10:00", 1, "time-range", (15, 88)),
    Case("zone-unknown-iana", "zone: Mars/Olympus_Mons", 1, "unknown-zone", (15, 114)),
    Case("zone-unknown-abbreviation", "zone: XYZT", 1, "unknown-zone", (15, 114)),
    Case("zone-path-traversal", "zone: ../../etc/passwd", 1, "unknown-zone", (15, 114)),
    Case("zone-label-wrong-for-date", "EST in August (a warning, not an error)", 0,
         warning="zone-label-mismatch", app=V[0], export=V[1]),
    # -- URLs
    Case("url-javascript", "url: javascript:alert(1)", 1, "value", (9, 34)),
    Case("url-data", "url: data:text/html,<script>…", 1, "value", (9, 34)),
    Case("url-file", "url: file:///etc/passwd", 1, "value", (9, 34)),
    Case("url-no-host", "url: https:///path", 1, "value", (9, 34)),
    # -- fields and references
    Case("unknown-field-did-you-mean", "titel: instead of title:", 1, "unknown-field", (2, 1)),
    Case("missing-field", "no platform:", 1, "missing-field", (1, 1)),
    Case("dangling-source", "a claim cites source apx; only ap exists", 1, "unknown-source",
         (15, 18)),
    Case("duplicate-event-id", "two events with id sched", 1, "duplicate-id", (16, 9)),
    Case("duplicate-incident", "two files with the same incident id", 1, "duplicate-incident",
         (1, 1), "lists both files; the second with this problem", subprocess=True),
    Case("key-moment-missing-event", "key_moments.actual_start: strat (no such event)", 1,
         "unknown-event", (7, 53)),
    Case("relative-cycle", "a relative to b, b relative to a", 1, "relative-cycle", (16, 9)),
    Case("relative-self", "an event relative to itself", 1, "relative-cycle", (16, 9)),
    Case("relative-chain-3000", "3,000 events, each relative to the previous one", 0,
         app=V[0], export=V[1], make=make_relative_chain),
    Case("relative-chain-reversed-1500", "1,500 events, each relative to the next one", 0,
         app=V[0], export=V[1], make=make_relative_chain_reversed, subprocess=True, bug="B5"),
    Case("yaml11-gotchas", "language: no, note: yes, unquoted date, tags: [on, off, 0o17]", 1,
         "type", (16, 21)),
    # -- valid files with hostile text
    Case("nasty-rich-markup", "[bold red]…[/], [@click=app.quit], [link=…] in title and quote",
         0, app=LIT[0], export=LIT[1]),
    Case("nasty-ansi-osc", "ESC[31m, ESC[2J, OSC 0 title, OSC 8 link, OSC 52 clipboard", 0,
         app=LIT[0], export=LIT[1], subprocess=True),
    Case("nasty-c0-c1-controls", "BEL, BS, VT, FF, CR, DEL, NEL, CSI (U+009B), DCS", 0,
         app=LIT[0], export=LIT[1]),
    Case("nasty-bidi-zero-width", "U+202E, U+2066–2069, U+200B, U+FEFF, U+200D, U+061C", 0,
         app=LIT[0], export=LIT[1], bug="B8"),
    Case("nasty-markdown-html", "<script>, <img onerror>, |, `, ```, [^x], [x](javascript:), "
         "# heading, ---, <!--", 0, app=LIT[0], export=LIT[1]),
    Case("nasty-long-word", "a 500-character title word and a 9,000-character quote word", 0,
         app=LIT[0], export=LIT[1]),
    Case("nasty-emoji-combining", "combining marks, flags, emoji, wide CJK", 0, app=LIT[0],
         export=LIT[1]),
    # -- paths and options
    Case("filename-escapes", "an invalid file named bad ESC]0;pwned BEL CSI .yaml", 1,
         "missing-field", (1, 1), make=make_escape_filename, subprocess=True, bug="B2"),
    Case("filename-newline", "an invalid file whose name holds a newline and a fake problem",
         1, "missing-field", (1, 1), make=make_newline_filename, bug="B2"),
    Case("fifo", "a named pipe called fifo.yaml given as the path", 2, app=APP_USAGE,
         export=EXPORT_USAGE, make=make_fifo, subprocess=True),
    Case("folder-with-fifo", "a folder holding a named pipe *.yaml and a valid file", 0,
         app=V[0], export=V[1], make=make_folder_with_fifo),
    Case("folder-without-yaml", "a folder with no *.yaml files", 2, app=APP_USAGE,
         export=EXPORT_USAGE, make=make_no_yaml_folder),
    Case("missing-path", "a path that does not exist", 2, app=APP_USAGE, export=EXPORT_USAGE,
         make=make_missing, subprocess=True),
    Case("folder-named-yaml", "a folder called looks-like.yaml holding a valid file", 0,
         app=V[0], export=V[1], make=make_directory_named_yaml),
    Case("max-bytes-huge", "--max-bytes 100G on a small valid file", 0, app=V[0],
         export=V[1], make=make_valid, args=("--max-bytes", "100G"), subprocess=True,
         bug="B3"),
    Case("max-bytes-inf", "--max-bytes inf", 2, app=APP_USAGE, export=EXPORT_USAGE,
         make=make_valid, args=("--max-bytes", "inf"), subprocess=True, bug="B4"),
    Case("max-bytes-1e30", "--max-bytes 1e30 (over the 1 TiB cap)", 2, app=APP_USAGE,
         export=EXPORT_USAGE, make=make_valid, args=("--max-bytes", "1e30"), bug="B3"),
    Case("max-bytes-zero", "--max-bytes 0", 2, app=APP_USAGE, export=EXPORT_USAGE,
         make=make_valid, args=("--max-bytes", "0")),
    # -- round two (issue 9) -----------------------------------------------------------------
    # durations too large for Python, or that mean nothing
    Case("offset-25000000000h", "offset: 25000000000h (past timedelta's range)", 1, "value",
         (20, 82), make=_maker("offset-huge", _with_event(
             _Q + "{kind: exact, relative_to: sched, offset: 25000000000h}}")),
         subprocess=True),
    Case("offset-1000-digits", "offset: a 1,000-digit number of minutes", 1, "value", (20, 82),
         make=_maker("offset-digits", _with_event(
             _Q + "{kind: exact, relative_to: sched, offset: " + "9" * 1000 + "m}}"))),
    Case("margin-huge", "margin: 99999999999999999999h on an 'about'", 1, "value", (20, 86),
         make=_maker("margin-huge", _with_event(
             _Q + '{kind: about, at: "2024-08-12 20:30", margin: 99999999999999999999h}}'))),
    Case("until-offset-huge", "until_offset: 25000000000h on a relative 'between'", 1, "value",
         (20, 102), make=_maker("until-offset-huge", _with_event(
             _Q + "{kind: between, relative_to: sched, offset: 1m, until_offset: 25000000000h}}"
         ))),
    Case("margin-negative", "margin: -20m (a range that would run backwards, 20:40–20:20)", 1,
         "value", (20, 86), make=_maker("margin-negative", _with_event(
             _Q + '{kind: about, at: "2024-08-12 20:30", margin: -20m}}'))),
    Case("margin-negative-after", "margin: -1h on an 'after'", 1, "value", (20, 86),
         make=_maker("margin-negative-after", _with_event(
             _Q + '{kind: after, at: "2024-08-12 20:30", margin: -1h}}'))),
    Case("relative-between-reversed", "a relative 'between' from 30m to 10m after", 1,
         "bad-range", (20, 103), make=_maker("relative-between-reversed", _with_event(
             _Q + "{kind: between, relative_to: sched, offset: 30m, until_offset: 10m}}"))),
    Case("relative-chain-past-2199", "30 events each ten years after the last (year 2324)", 1,
         "time-range", (105, 80), make=_relative_chain_past),
    Case("relative-chain-before-1900", "15 events each ten years before the last, ± 10 years",
         1, "time-range", (50, 79), make=_relative_chain_past_backwards),
    # dates checked as dates, not by shape
    Case("date-month-13", 'date: "2024-13-45"', 1, "time-range", (5, 7),
         make=_maker("date-month-13", BASE_TEXT.replace(
             'date: "2024-08-12"', 'date: "2024-13-45"').encode())),
    Case("date-feb-30", 'date: "2023-02-29" (not a leap year)', 1, "time-range", (5, 7),
         make=_maker("date-feb-29", BASE_TEXT.replace(
             'date: "2024-08-12"', 'date: "2023-02-29"').encode())),
    Case("date-year-0000", 'date: "0000-01-01"', 1, "time-range", (5, 7),
         make=_maker("date-year-0", BASE_TEXT.replace(
             'date: "2024-08-12"', 'date: "0000-01-01"').encode())),
    Case("published-99-99", 'published: "2024-99-99" on a source', 1, "time-range", (9, 84),
         make=_maker("published-99", BASE_TEXT.replace(
             "language: en}", 'language: en, published: "2024-99-99"}').encode())),
    Case("accessed-day-00", 'accessed: "2024-08-00" on a source', 1, "time-range", (9, 83),
         make=_maker("accessed-00", BASE_TEXT.replace(
             "language: en}", 'language: en, accessed: "2024-08-00"}').encode())),
    # zones that mean whatever the machine is set to
    Case("zone-localtime", "source_zone: localtime", 1, "unknown-zone", (6, 14),
         make=_maker("zone-localtime", BASE_TEXT.replace(
             "source_zone: America/New_York", "source_zone: localtime").encode()),
         subprocess=True),
    Case("zone-posixrules", "zone: posixrules on a claim", 1, "unknown-zone", (15, 114),
         make=_maker("zone-posixrules", BASE_TEXT.replace(
             "zone: EDT}", "zone: posixrules}").encode())),
    Case("zone-factory", "zone: Factory (IANA's 'no zone set' placeholder)", 1,
         "unknown-zone", (15, 114), make=_maker("zone-factory", BASE_TEXT.replace(
             "zone: EDT}", "zone: Factory}").encode())),
    Case("zone-right-utc", "zone: right/UTC (the leap-second copy of the zone files)", 1,
         "unknown-zone", (15, 114), make=_maker("zone-right", BASE_TEXT.replace(
             "zone: EDT}", "zone: right/UTC}").encode())),
    Case("zone-posix-display", "display_zones: [posix/Asia/Jakarta]", 1, "unknown-zone",
         (7, 17), make=_maker("zone-posix-display", BASE_TEXT.replace(
             "source_zone: America/New_York",
             "source_zone: America/New_York\ndisplay_zones: [posix/Asia/Jakarta]").encode())),
    # numbers only as numbers
    Case("amount-true", "amount: true (a boolean, not 1)", 1, "type", (20, 50),
         make=_maker("amount-true", _with_event(
             '{source: ap, quote: "q", value: {amount: true, unit: listeners}}'))),
    Case("amount-string", 'amount: "1300000" (text, although the schema says number)', 1,
         "type", (20, 50), make=_maker("amount-string", _with_event(
             '{source: ap, quote: "q", value: {amount: "1300000", unit: listeners}}'))),
    Case("amount-string-float", 'amount: "1.3e6"', 1, "type", (20, 50),
         make=_maker("amount-string-float", _with_event(
             '{source: ap, quote: "q", value: {amount: "1.3e6", unit: listeners}}'))),
    Case("amount-integer", "amount: 1300000 (an integer is a number)", 0, app=V[0],
         export=V[1], make=_maker("amount-integer", _with_event(
             '{source: ap, quote: "q", value: {amount: 1300000, unit: listeners}}'))),
    # bytes on disk
    Case("sparse-4gib", "a 4 GiB sparse file with --max-bytes 100G (read stops at the hole)",
         1, "binary", (2, 1), APP_UNUSABLE, make=make_sparse, args=("--max-bytes", "100G"),
         subprocess=True, session=True),
    Case("sparse-4gib-default-limit", "the same sparse file under the default 64 MiB limit",
         1, "too-large", (1, 1), APP_UNUSABLE, make=make_sparse_no_nul, session=True),
    Case("path-name-too-long", "a path whose last name is 300 bytes (cannot be checked)", 2,
         app=APP_USAGE, export=EXPORT_USAGE, make=make_name_too_long, subprocess=True),
    # Markdown made from file text at the start of a line
    Case("nasty-markdown-line-start", "'1. ', '- x', '3) x', '+ ', '= ', '> ', '---' starting "
         "summary, publisher, titles, notes, stated", 0, app=LIT[0], export=LIT[1]),
]
# fmt: on

BUGS = {
    "B1": "a raw control character is reported at 1:1 with libyaml's 'position N' text "
    "(ReaderError has no problem_mark)",
    "B2": "control characters and newlines in a file *name* reach the terminal raw",
    "B3": "--max-bytes above available memory: read_bytes() asks for max_bytes + 1 bytes up "
    "front (MemoryError/OverflowError traceback)",
    "B4": "--max-bytes inf: OverflowError from int(float('inf')) escapes argparse (traceback)",
    "B5": "a long chain of relative times makes checks._check_relative_cycles recurse past "
    "the recursion limit: RecursionError traceback from check_text",
    "B6": "an explicit !!str tag on a plain scalar is ignored: title: !!str 42 is read as the "
    "integer 42 (the builder cannot tell it from an untagged 42)",
    "B7": "the report writers bind sys.stdout as a default argument at import time, so a "
    "redirected stdout (pytest, contextlib.redirect_stdout) gets nothing",
    "B8": "formatting.visible (used by the app and the export) leaves U+061C ARABIC LETTER MARK, "
    "a bidi control, raw; validate is not affected",
    "B9": "loader.gc_paused() ends with gc.freeze(), which moves every live object of the process "
    "(the app's too) into the permanent generation: a reference cycle dropped later is never "
    "collected (test_checking_a_file_leaves_other_garbage_collectable)",
}
VALIDATE_BUGS = {"B1", "B2", "B3", "B4", "B5", "B6", "B7"}  # the bugs `incident validate` shows

# Bugs fixed in the foundation, with the commit: their cases are plain tests now. A bug id not
# listed here is open, and its cases are strict xfails until it is fixed.
FIXED = {bug: "1ed45aa" for bug in ("B1", "B2", "B3", "B4", "B5", "B6", "B7")} | {
    "B8": "52c4a45",
    "B9": "dbd6704",
}

BY_NAME = {case.name: case for case in CASES}
assert len(BY_NAME) == len(CASES), "case names must be unique"


def markdown() -> str:
    """The table for the README: input → surface → expected outcome."""
    lines = [
        "# Hostile inputs and what each surface must do",
        "",
        "Generated from `tests/hostile/cases.py` (`python tests/hostile/cases.py > "
        "tests/hostile/CASES.md`); `tests/hostile/test_hostile_validate.py` checks the "
        "`validate` column, `test_hostile_export.py` the export column and "
        "`test_hostile_app.py` the app column. A case marked with a bug id found a foundation "
        "bug; an open one is a strict xfail until it is fixed.",
        "",
        "| case | input | `incident validate` | app | export |",
        "| --- | --- | --- | --- | --- |",
    ]
    for case in CASES:
        if case.code is not None and case.where is not None:
            outcome = f"exit {case.exit}, `{case.code}` at {case.where[0]}:{case.where[1]}"
        elif case.exit == 2:
            outcome = "exit 2, one-line usage error on stderr"
        else:
            outcome = f"exit {case.exit}"
            if case.warning:
                outcome += f", warning `{case.warning}`"
        if case.args:
            outcome += f" (with `{' '.join(case.args)}`)"
        if case.bug:
            fixed = FIXED.get(case.bug)
            outcome += f" — bug {case.bug}" + (f", fixed in {fixed}" if fixed else " (**open**)")
        attack = case.attack.replace("|", "\\|").replace("`", "'")
        lines.append(f"| `{case.name}` | {attack} | {outcome} | {case.app} | {case.export} |")
    lines += ["", "## Foundation bugs found by this corpus", ""]
    for key, text in BUGS.items():
        state = f"fixed in {FIXED[key]}" if key in FIXED else "**open**"
        lines.append(f"- **{key}** ({state}): {text}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(markdown())
