"""What a `compliance` process imports: short commands never pay for libraries they do not use.

Each test runs the real entry point (`python -m compliance ...`) in a fresh interpreter and looks
at ``sys.modules`` when the command has finished, so the guard is about imports, not timings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"

# Runs `compliance ARGS...` as `python -m compliance` does, then prints the loaded modules.
_PROBE = """
import json, os, runpy, sys
sys.argv = ["compliance", *json.loads(sys.argv[1])]
status = 0
try:
    runpy.run_module("compliance", run_name="__main__", alter_sys=True)
except SystemExit as exc:
    status = exc.code if isinstance(exc.code, int) else 1
found = {"status": status, "modules": sorted(sys.modules)}
found["blas"] = os.environ.get("OPENBLAS_NUM_THREADS")
print("\\n@@MODULES@@" + json.dumps(found))
"""


def _probe(args: list[str], cwd: Path, tmp_path: Path, **env_vars: str) -> dict[str, Any]:
    """Run `compliance ARGS` in a fresh interpreter: its exit status, modules and BLAS setting."""
    env = {
        **{k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"},
        "PYTHONPATH": str(ROOT),
        "COMPLIANCE_CACHE_DIR": str(tmp_path / "cache"),
        **env_vars,
    }
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "@@MODULES@@" in done.stdout, done.stderr
    data: dict[str, Any] = json.loads(done.stdout.rsplit("@@MODULES@@", 1)[1])
    return data


def _run(args: list[str], cwd: Path, tmp_path: Path) -> tuple[int, set[str]]:
    data = _probe(args, cwd, tmp_path)
    return data["status"], set(data["modules"])


def _top(modules: set[str]) -> set[str]:
    """Top-level packages that were imported."""
    return {m.split(".")[0] for m in modules}


def test_help_loads_no_analysis_library(tmp_path: Path) -> None:
    status, modules = _run(["--help"], tmp_path, tmp_path)
    assert status == 0
    assert not _top(modules) & {"datasketch", "numpy", "scipy", "trafilatura", "rapidfuzz"}


def test_a_check_loads_no_index_and_no_sketch_library(tmp_path: Path) -> None:
    copy = SAMPLES / "republished" / "compliant-full.html"
    original = SAMPLES / "originals" / "meridian-flood-barriers.html"
    args = ["check", str(copy), "--original", str(original), "--format", "json"]
    status, modules = _run(args, tmp_path, tmp_path)
    assert status in (0, 1)
    assert not _top(modules) & {"datasketch", "scipy", "numpy"}
    assert "compliance.index" not in modules


def test_a_check_builds_only_its_own_command(tmp_path: Path) -> None:
    copy = SAMPLES / "republished" / "compliant-full.md"
    original = SAMPLES / "originals" / "northwind-port-strike.md"
    status, modules = _run(["check", str(copy), "--original", str(original)], tmp_path, tmp_path)
    assert status in (0, 1)
    assert "compliance.cli.check" in modules
    assert not modules & {"compliance.cli.scan", "compliance.cli.serve", "compliance.cli.index"}


def test_a_hook_on_a_file_it_does_not_select_loads_no_analysis_library(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Nothing to check here.\n", encoding="utf-8")
    status, modules = _run(["hook", str(notes)], tmp_path, tmp_path)
    assert status == 0
    heavy = {"datasketch", "numpy", "scipy", "trafilatura", "markdown_it", "lxml"}
    assert not _top(modules) & heavy
    assert "importlib.metadata" not in modules  # the version is read only for a report


def test_a_check_loads_no_typer_and_no_pydantic(tmp_path: Path) -> None:
    copy = SAMPLES / "republished" / "compliant-full.md"
    original = SAMPLES / "originals" / "northwind-port-strike.md"
    status, modules = _run(["check", str(copy), "--original", str(original)], tmp_path, tmp_path)
    assert status in (0, 1)
    assert not _top(modules) & {"typer", "pydantic"}


def test_index_and_scan_work_through_the_entry_point(tmp_path: Path) -> None:
    index = tmp_path / "index.sqlite"
    original = SAMPLES / "originals" / "northwind-port-strike.md"
    status, _ = _run(["index", "add", str(original), "--index", str(index)], tmp_path, tmp_path)
    assert status == 0
    copy = SAMPLES / "republished" / "compliant-full.md"
    out = tmp_path / "scan.json"
    args = ["scan", str(copy), "--index", str(index), "--format", "json", "--output", str(out)]
    status, _ = _run(args, tmp_path, tmp_path)
    assert status in (0, 1)
    assert "northwind-port-strike" in out.read_text(encoding="utf-8")


def test_an_unknown_command_is_one_line_from_the_whole_command_tree(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "compliance", "chek"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "Did you mean 'check'?" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_the_entry_point_keeps_openblas_to_one_thread(tmp_path: Path) -> None:
    assert _probe(["--help"], tmp_path, tmp_path)["blas"] == "1"


def test_a_users_own_openblas_setting_is_kept(tmp_path: Path) -> None:
    data = _probe(["--help"], tmp_path, tmp_path, OPENBLAS_NUM_THREADS="2")
    assert data["blas"] == "2"
