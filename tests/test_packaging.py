"""The wheel alone is the product: in a new, empty venv it finds its terms and runs the demo.

The venv has no system site packages and the commands run away from the checkout with a clean
environment, so a dependency only this machine happens to have, or a file only the checkout has,
fails here as it would on a new machine. Works whether pytest itself runs in a venv or not.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from samples_table import SAMPLES, expectations

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
    rules |= {f"compliance/rules/notices/{p.name}" for p in (ROOT / "rules/notices").glob("*.yaml")}
    templates = {
        f"compliance/reports/templates/{p.name}"
        for p in (ROOT / "compliance/reports/templates").iterdir()
    }
    assert rules | templates <= names
    assert "compliance/schemas/report.schema.json" in names
    assert "compliance/schemas/rule-file.schema.json" in names
    assert "compliance/terms/needles.json" in names
    assert "compliance/index/notices.txt" in names
    assert "compliance/py.typed" in names
    assert "compliance/documents/regions.yaml" in names


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv (no system site packages) holding the wheel and its declared dependencies."""
    env_dir = tmp_path_factory.mktemp("fresh") / "venv"
    venv.create(env_dir, system_site_packages=False, with_pip=True, clear=True)
    python = env_dir / "bin" / "python"
    done = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        capture_output=True,
        text=True,
        timeout=900,
        env=_clean_env(env_dir),
    )
    assert done.returncode == 0, done.stderr
    return env_dir


def _clean_env(env_dir: Path) -> dict[str, str]:
    """The environment of a new shell with only the fresh venv activated."""
    keep = {k: v for k, v in os.environ.items() if k in {"HOME", "LANG", "LC_ALL", "TMPDIR"}}
    keep |= {"PATH": f"{env_dir / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin"}
    return keep | {"VIRTUAL_ENV": str(env_dir), "NO_COLOR": "1", "COLUMNS": "200"}


def _run(env_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(env_dir / "bin" / "compliance"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env=_clean_env(env_dir),
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder away from the checkout with a copy of samples/, as a user would have."""
    folder = tmp_path_factory.mktemp("demo")
    shutil.copytree(SAMPLES, folder / "samples")
    return folder


def test_the_installed_wheel_imports_from_the_venv_not_the_checkout(
    installed: Path, demo: Path
) -> None:
    script = "import compliance; print(compliance.__file__)"
    python = installed / "bin" / "python"
    done = subprocess.run(
        [str(python), "-c", script],
        cwd=demo,
        capture_output=True,
        text=True,
        env=_clean_env(installed),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith(str(installed))


def test_the_quick_start_demo_yields_the_verdicts_samples_readme_promises(
    installed: Path, demo: Path
) -> None:
    index = demo / ".compliance" / "samples.sqlite"
    added = _run(installed, demo, "index", "add", "samples/originals", "--index", str(index))
    assert added.returncode == 0, added.stderr
    scanned = _run(
        installed,
        demo,
        "scan",
        "samples/republished",
        "--index",
        str(index),
        "--today",
        "2024-06-01",
        "--format",
        "json",
    )
    assert scanned.returncode == 1, scanned.stderr  # ten demo copies break their terms
    found = {}
    for line in scanned.stdout.splitlines():
        record = json.loads(line)
        copy = Path(record["copy"]["origin"]).relative_to("samples").as_posix()
        errors = {f["rule_id"] for f in record["findings"] if f["severity"] in ("error", "warning")}
        found[copy] = (record["verdict"], errors)
    promised = {
        row.copy: (row.verdict, set(row.rule_ids))
        for row in expectations()
        if row.verdict != "not-a-copy"
    }
    assert found == promised


def test_one_installed_check_yields_the_promised_verdict(installed: Path, demo: Path) -> None:
    row = next(r for r in expectations() if r.copy == "republished/missing-link.html")
    done = _run(
        installed,
        demo,
        "check",
        f"samples/{row.copy}",
        "--original",
        f"samples/{row.original}",
        "--format",
        "json",
    )
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    errors = {f["rule_id"] for f in report["findings"] if f["severity"] in ("error", "warning")}
    assert (report["verdict"], errors) == (row.verdict, set(row.rule_ids))


def test_the_installed_wheel_finds_every_built_in_rule_file(installed: Path, demo: Path) -> None:
    done = _run(installed, demo, "rules", "list")
    assert done.returncode == 0, done.stderr
    for rule in (ROOT / "rules").glob("*.yaml"):
        assert rule.stem in done.stdout
