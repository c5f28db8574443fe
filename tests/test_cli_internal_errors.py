"""A crash never looks like a finding: any unexpected exception exits 3 with one line.

Exit status 1 means "findings" to CI and pre-commit, so a bug must never end that way. Each test
makes one real component of a command raise (in-process, with monkeypatch) and runs the real
command tree.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from compliance.cli import app
from compliance.errors import exception_text
from compliance.status import INTERNAL

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = ROOT / "samples" / "originals" / "northwind-port-strike.md"
COPY = ROOT / "samples" / "republished" / "missing-copyright.md"

runner = CliRunner()


def _boom(*_: Any, **__: Any) -> Any:
    raise RuntimeError("boom")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose originals folder holds one original and whose posts/ one copy of it."""
    (tmp_path / "originals").mkdir()
    (tmp_path / "posts").mkdir()
    shutil.copy(ORIGINAL, tmp_path / "originals" / ORIGINAL.name)
    shutil.copy(COPY, tmp_path / "posts" / "a.md")
    (tmp_path / "compliance.yaml").write_text(
        'originals: originals\nfiles: ["posts/*.md"]\n', encoding="utf-8"
    )
    (tmp_path / "pairs").write_text("a.txt b.txt\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _saved_result(project: Path) -> str:
    out = project / "result.json"
    args = ["check", "posts/a.md", "--original", f"originals/{ORIGINAL.name}", "-f", "json"]
    runner.invoke(app, [*args, "--output", str(out)])
    return str(out)


# (command line, module whose attribute the command calls, attribute)
CASES: dict[str, tuple[Callable[[Path], list[str]], str, str]] = {
    "check": (
        lambda p: ["check", "posts/a.md", "--original", f"originals/{ORIGINAL.name}"],
        "compliance.pipeline",
        "check_pair",
    ),
    "hook": (lambda p: ["hook", "posts/a.md"], "compliance.pipeline", "check_pair"),
    "index": (
        lambda p: ["index", "add", "originals", "--index", str(p / "i.sqlite")],
        "compliance.index.ingest",
        "add_documents",
    ),
    "report": (lambda p: ["report", _saved_result(p)], "compliance.reports.html", "render_many"),
    "align": (lambda p: ["align", "pairs", ".", ".", "."], "compliance.pan", "read_pairs"),
    "rules": (lambda p: ["rules", "list"], "compliance.terms", "load_library"),
    "serve": (lambda p: ["serve"], "compliance.serve", "serve"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_an_unexpected_exception_exits_3_with_one_line(
    name: str, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args, module, attribute = CASES[name]
    command = args(project)
    monkeypatch.setattr(f"{module}.{attribute}", _boom)
    result = runner.invoke(app, command)
    assert result.exit_code == INTERNAL, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("compliance: internal error: RuntimeError: boom")
    assert lines[0].endswith("(run with --debug for the traceback)")


def test_debug_prints_the_traceback_too(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("compliance.pipeline.check_pair", _boom)
    result = runner.invoke(app, ["--debug", "hook", "posts/a.md"])
    assert result.exit_code == INTERNAL
    assert "Traceback (most recent call last)" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("compliance: internal error:")


def test_the_hook_names_the_post_it_was_checking(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("compliance.pipeline.check_pair", _boom)
    result = runner.invoke(app, ["hook", "posts/a.md"])
    assert "while checking posts/a.md" in result.stderr


def _crashing_scan(project: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    """``compliance scan ARGS -f json`` against the project's originals, every check a bug."""
    index = str(project / "i.sqlite")
    assert runner.invoke(app, ["index", "add", "originals", "--index", index]).exit_code == 0
    monkeypatch.setattr("compliance.scan.scan_document", _boom)
    return runner.invoke(app, ["scan", *args, "--index", index, "-f", "json"])


def test_scan_names_the_document_and_exits_3_after_writing_the_rest(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = project / "scan.jsonl"
    result = _crashing_scan(project, monkeypatch, "posts/a.md", "--output", str(out))
    assert result.exit_code == INTERNAL
    assert result.stderr.strip().splitlines()[-1] == (
        "compliance: internal error: RuntimeError: boom while checking posts/a.md"
        " (counted as skipped)"
    )
    assert '"type": "error"' in out.read_text(encoding="utf-8")


def test_scan_says_each_failed_document_was_skipped_in_the_skip_line_shape(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "posts" / "b.md").write_text("Another post.\n", encoding="utf-8")
    result = _crashing_scan(project, monkeypatch, "posts/a.md", "posts/b.md")
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "compliance: skipped posts/a.md: internal error: RuntimeError: boom",
        "compliance: skipped posts/b.md: internal error: RuntimeError: boom",
        "compliance: internal error: RuntimeError: boom while checking posts/a.md"
        " (counted as skipped, like 1 other document with an internal error)",
    ]


def test_an_exception_is_one_line_whatever_its_text() -> None:
    assert exception_text(RuntimeError("two\nlines")) == "RuntimeError: two lines"
    assert exception_text(KeyError()) == "KeyError"
