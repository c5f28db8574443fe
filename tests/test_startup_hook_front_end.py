"""`compliance hook` without typer: the plain command lines it reads itself, and the same answers.

`compliance.cli.hook.fast_main` parses plain hook arguments and runs the hook body without
importing typer (and the pydantic behind it). Whatever it does not take (``--help``, unknown or
repeated options, missing values) goes to the typer command, so help, usage errors and exit
codes stay typer's. These tests run real processes and compare both front ends on real posts.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compliance.cli import app
from compliance.cli.hook import HookArgs, parse_plain

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
NORTHWIND = SAMPLES / "originals" / "northwind-port-strike.md"
MISSING_COPYRIGHT = SAMPLES / "republished" / "missing-copyright.md"

# Runs `python -m compliance ARGS...`, then prints its exit status and whether typer was loaded.
_PROBE = """
import json, runpy, sys
sys.argv = ["compliance", *json.loads(sys.argv[1])]
status = 0
try:
    runpy.run_module("compliance", run_name="__main__", alter_sys=True)
except SystemExit as exc:
    status = exc.code if isinstance(exc.code, int) else 1
sys.stdout.flush()
loaded = sorted(m for m in ("typer", "pydantic") if m in sys.modules)
print("\\n@@PROBE@@" + json.dumps({"status": status, "loaded": loaded}))
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site whose originals folder holds the Northwind original, with one post copying it."""
    root = tmp_path / "site"
    (root / "originals").mkdir(parents=True)
    (root / "posts").mkdir()
    shutil.copy(NORTHWIND, root / "originals" / NORTHWIND.name)
    shutil.copy(MISSING_COPYRIGHT, root / "posts" / "a.md")
    (root / "compliance.yaml").write_text(
        'originals: originals\nfiles: ["posts/**/*.md"]\n', encoding="utf-8"
    )
    return root


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "COMPLIANCE_CACHE_DIR": str(tmp_path / "cache"),
        "COLUMNS": "100",
    }


def _untimed(output: str) -> str:
    """Reports carry the time of the check; two runs a second apart differ only there."""
    output = re.sub(r'"(checked_at|generated_at)": "[^"]*"', r'"\1": ""', output)
    return re.sub(r"\*\*Checked\*\* \S+", "**Checked** TIME", output)


def _process(args: list[str], cwd: Path, tmp_path: Path) -> tuple[int, str, list[str], str]:
    """(exit status, stdout, loaded modules of interest, stderr) of a fresh `compliance` run."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(args)],
        cwd=cwd,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    out, _, probe = done.stdout.rpartition("\n@@PROBE@@")
    data = json.loads(probe)
    return data["status"], _untimed(out), data["loaded"], done.stderr


def _typer(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(app, ["hook", *args])
    return result.exit_code, _untimed(result.output)


@pytest.mark.parametrize(
    "args",
    [
        ["posts/a.md"],
        ["--format", "json", "posts/a.md"],
        ["posts/a.md", "-fjson"],
        ["--fail-on=never", "posts/a.md"],
        ["--fail-on", "advisory", "--", "posts/a.md"],
        ["--format", "markdown", "--config", "compliance.yaml", "posts/a.md"],
    ],
)
def test_plain_command_lines_run_without_typer_and_answer_as_the_typer_command(
    args: list[str], site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(tmp_path / "cache"))
    status, out, loaded, err = _process(["hook", *args], site, tmp_path)
    assert loaded == [], err
    assert (status, out) == _typer(args, site, monkeypatch)
    assert status in (0, 1)


def test_a_bad_format_is_the_same_usage_error_on_both_front_ends(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    status, _, loaded, err = _process(["hook", "--format", "xml", "posts/a.md"], site, tmp_path)
    assert (status, loaded) == (2, [])
    assert (status, err) == _typer(["--format", "xml", "posts/a.md"], site, monkeypatch)


def test_a_bad_fail_on_is_the_same_usage_error_on_both_front_ends(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    status, _, loaded, err = _process(["hook", "--fail-on", "fatal", "posts/a.md"], site, tmp_path)
    assert (status, loaded) == (2, [])
    assert (status, err) == _typer(["--fail-on", "fatal", "posts/a.md"], site, monkeypatch)


def test_output_goes_to_the_named_file(site: Path, tmp_path: Path) -> None:
    status, out, loaded, _ = _process(["hook", "--output", "out.txt", "posts/a.md"], site, tmp_path)
    assert (status, out, loaded) == (1, "", [])
    assert (site / "out.txt").read_text(encoding="utf-8").startswith("posts/a.md:")


def test_a_bad_config_is_one_line_and_exit_two_without_typer(site: Path, tmp_path: Path) -> None:
    (site / "compliance.yaml").write_text("fail_on: sometimes\n", encoding="utf-8")
    status, out, loaded, err = _process(["hook", "posts/a.md"], site, tmp_path)
    assert (status, out, loaded) == (2, "", [])
    assert err.startswith("compliance: error: ") and err.count("\n") == 1
    assert "compliance.yaml" in err


def test_help_is_typers_own(site: Path, tmp_path: Path) -> None:
    status, out, loaded, _ = _process(["hook", "--help"], site, tmp_path)
    assert status == 0
    assert "typer" in loaded
    assert "Check changed posts against the originals they republish" in out
    assert "--fail-on" in out and "--output" in out


def test_an_unknown_option_is_typers_usage_error(site: Path, tmp_path: Path) -> None:
    status, _, loaded, err = _process(["hook", "--formt", "json", "posts/a.md"], site, tmp_path)
    assert status == 2
    assert "typer" in loaded
    assert "No such option: --formt" in err


def test_a_missing_option_value_is_typers_usage_error(site: Path, tmp_path: Path) -> None:
    status, _, loaded, err = _process(["hook", "posts/a.md", "--format"], site, tmp_path)
    assert status == 2
    assert "typer" in loaded
    assert "requires an argument" in err


def test_plain_forms_parse_to_the_commands_parameters() -> None:
    parsed = parse_plain(["a.md", "-fsarif", "--config=site", "--output", "r.sarif", "-", "b.md"])
    assert parsed == HookArgs(
        files=(Path("a.md"), Path("-"), Path("b.md")),
        fmt="sarif",
        config_path=Path("site"),
        output=Path("r.sarif"),
    )


def test_everything_after_a_double_dash_is_a_file() -> None:
    parsed = parse_plain(["--", "--format", "-x.md"])
    assert parsed == HookArgs(files=(Path("--format"), Path("-x.md")))


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["-h"],
        ["--formt", "json"],
        ["--format"],
        ["--format", "json", "-f", "sarif"],
        ["--format", "--fail-on"],
        ["--format="],
        ["--output", ""],
        [""],
    ],
)
def test_anything_but_plain_forms_is_left_to_typer(args: list[str]) -> None:
    assert parse_plain(args) is None


_LIGHT = """
import runpy, sys
sys.argv = ["compliance", "hook", "notes.txt"]
try:
    runpy.run_module("compliance", run_name="__main__", alter_sys=True)
except SystemExit as exc:
    print(exc.code, sorted(m for m in ("typer", "yaml", "rapidfuzz", "compliance.terms")
                           if m in sys.modules))
"""


def test_a_hook_without_config_on_an_unselected_file_loads_neither_typer_nor_yaml(
    tmp_path: Path,
) -> None:
    (tmp_path / "notes.txt").write_text("Nothing to check.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _LIGHT],
        cwd=tmp_path,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.strip() == "0 []", done.stderr
