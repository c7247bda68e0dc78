"""From a wheel, outside the checkout, a person finds and exports a bundled incident by
following the README: ``incident list``, then ``incident export ID -o FILE``.

Slow (it builds a wheel and installs it with its dependencies into a fresh virtual
environment), so it runs only when asked: ``pytest -m slow``.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from incident_samples import ROOT

pytestmark = pytest.mark.slow


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )


def test_a_wheel_install_lists_and_exports_the_bundled_incidents(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    built = _run(
        sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", ROOT, "-w", wheels, cwd=tmp_path
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("incident-*.whl")
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    installed = _run(env / "bin" / "pip", "install", "-q", wheel, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    work = tmp_path / "elsewhere"
    work.mkdir()
    incident = env / "bin" / "incident"

    listed = _run(incident, "list", cwd=work)
    assert listed.returncode == 0, listed.stderr
    ids = [line.split()[0] for line in listed.stdout.splitlines() if not line.startswith(" ")][:-1]
    assert "x-spaces-2024" in ids
    paths = [Path(line.strip()) for line in listed.stdout.splitlines() if line.startswith("    ")]
    assert paths and all(p.is_file() and "site-packages" in p.parts for p in paths)

    exported = _run(incident, "export", "x-spaces-2024", "-o", "x-spaces.md", cwd=work)
    assert exported.returncode == 0, exported.stderr
    text = (work / "x-spaces.md").read_text(encoding="utf-8")
    assert "- **Data file:** x-spaces-2024 (incident id x-spaces-2024)" in text
    by_path = _run(incident, "export", paths[-1], cwd=work)
    assert by_path.returncode == 0 and f"- **Data file:** {paths[-1]}" in by_path.stdout.replace(
        "\\_", "_"
    )

    checked = _run(incident, "validate", cwd=work)
    assert checked.returncode == 2
    assert "incident list" in checked.stderr
