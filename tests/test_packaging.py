"""The wheel carries the built-in terms, templates and schema, and finds them once installed."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (found,) = out.glob("compliance-*.whl")
    return found


def test_the_wheel_holds_every_rule_file_template_and_schema(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    rules = {f"compliance/rules/{p.name}" for p in (ROOT / "rules").glob("*.yaml")}
    templates = {
        f"compliance/reports/templates/{p.name}"
        for p in (ROOT / "compliance/reports/templates").iterdir()
    }
    assert rules | templates <= names
    assert "compliance/schemas/report.schema.json" in names
    assert "compliance/schemas/rule-file.schema.json" in names
    assert "compliance/py.typed" in names


def test_an_installed_wheel_loads_the_built_in_terms_away_from_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, system_site_packages=True, with_pip=False)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    script = (
        "import compliance, compliance.terms as t; "
        "print(compliance.__file__); print(len(t.load_library(cache=False)))"
    )
    result = subprocess.run(
        [str(python), "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    location, count = result.stdout.split()
    assert str(env_dir) in location
    assert int(count) == len(list((ROOT / "rules").glob("*.yaml")))
