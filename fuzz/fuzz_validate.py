"""Coverage-guided fuzzing of the validate engine with atheris (libFuzzer for Python).

    pip install atheris            # a dev tool for this harness only, not a project dependency
    mkdir -p /tmp/fuzz-work
    python fuzz/fuzz_validate.py -max_total_time=120 -dict=fuzz/yaml.dict /tmp/fuzz-work fuzz/corpus

Every input goes through the same path as a file on disk: ``loader.decode`` (size, NUL,
encoding, BOM) and then ``validate.check_text``. The property: no exception escapes, every
problem has a location (line and column ≥ 1) and a one-line message with no raw control
character. A crash leaves ``crash-…`` in the working directory (or ``-artifact_prefix``);
turn it into a case in tests/hostile/ and report it.

Without atheris, ``python fuzz/fuzz_validate.py --hypothesis SECONDS`` runs the same property
under hypothesis for a time budget (not coverage-guided, but the same oracle).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RAW = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MAX_INPUT = 64 * 1024


def check_one(data: bytes) -> None:
    """The oracle: raises AssertionError (or whatever escaped) on a bug."""
    from incident.loader import LoadError, decode
    from incident.validate import FileResult, check_text

    if len(data) > MAX_INPUT:
        return
    try:
        text = decode(data)
    except LoadError as exc:
        assert exc.line >= 1 and exc.column >= 1, (exc.code, exc.line, exc.column)
        assert RAW.search(exc.message) is None, exc.message
        return
    result = check_text(text, "fuzz.yaml")
    assert isinstance(result, FileResult)
    for problem in result.problems:
        assert problem.line >= 1 and problem.column >= 1, problem
        assert RAW.search(problem.message) is None, problem
    if result.ok:
        assert result.incident is not None


def run_atheris(argv: list[str]) -> None:
    import atheris

    with atheris.instrument_imports(include=["incident", "schemas", "yaml"]):
        import incident.loader
        import incident.validate  # noqa: F401

    def test_one_input(data: bytes) -> None:
        check_one(data)

    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


def _dict_entry(line: str) -> bytes:
    """One libFuzzer dictionary entry: "text" with \\xNN, \\\\ and \\" escapes."""
    body = line.strip()[1:-1]
    out = bytearray()
    index = 0
    while index < len(body):
        if body[index] == "\\" and body[index + 1 : index + 2] == "x":
            out.append(int(body[index + 2 : index + 4], 16))
            index += 4
        elif body[index] == "\\":
            out.extend(body[index + 1].encode())
            index += 2
        else:
            out.extend(body[index].encode())
            index += 1
    return bytes(out)


def run_hypothesis(seconds: float) -> None:
    """Fallback without atheris: random and YAML-ish bytes for a time budget."""
    import time

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    lines = (ROOT / "fuzz" / "yaml.dict").read_text(encoding="utf-8").splitlines()
    words = [_dict_entry(line) for line in lines if line.startswith('"')]
    seeds = [p.read_bytes() for p in sorted((ROOT / "fuzz" / "corpus").glob("*"))]
    pieces = st.sampled_from(words) | st.binary(max_size=8) | st.sampled_from(seeds)
    inputs = st.binary(max_size=512) | st.lists(pieces, max_size=40).map(b"".join)
    deadline = time.monotonic() + seconds
    runs = 0
    while time.monotonic() < deadline:

        @settings(
            max_examples=500, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        @given(inputs)
        def fuzz(data: bytes) -> None:
            check_one(data)

        fuzz()
        runs += 500
    print(f"hypothesis fuzz: about {runs} inputs in {seconds:.0f} s, no failure")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--hypothesis":
        run_hypothesis(float(sys.argv[2]))
    else:
        run_atheris(sys.argv)
