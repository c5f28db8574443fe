"""What a command imports: only what it uses, read from a real process's ``-X importtime``.

Start-up time is the hook's budget (every commit runs it), and a module imported at the top of
the wrong file silently spends it. These tests run the real command and list the modules the
interpreter loaded, so such an import fails here instead of only in bench/bench_hook.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
ORIGINAL = SAMPLES / "originals" / "northwind-port-strike.md"
ORIGINAL_URL = "https://northwindanalysis.net/articles/2023/11/port-strike-third-week"
COPY = SAMPLES / "republished" / "compliant-full.md"
ARRAYS = {"numpy", "scipy", "datasketch"}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose index holds the Northwind original; ``declared.md`` names it by URL and
    ``searched.md`` does not (the hook searches the index)."""
    from compliance.documents import load_path
    from compliance.index import open_index
    from compliance.index.ingest import add_documents

    root = tmp_path_factory.mktemp("startup")
    (root / "posts").mkdir()
    storage = open_index(root / "index.sqlite")
    list(add_documents(storage, [load_path(ORIGINAL)]))
    storage.close()
    (root / "compliance.yaml").write_text("index: index.sqlite\n", encoding="utf-8")
    body = COPY.read_text(encoding="utf-8").replace(f"]({ORIGINAL_URL})", "]")
    declared = body.replace("---\n", f"---\noriginal_url: {ORIGINAL_URL}\n", 1)
    (root / "posts" / "declared.md").write_text(declared, encoding="utf-8")
    (root / "posts" / "searched.md").write_text(body, encoding="utf-8")
    shutil.copy(ORIGINAL, root / "original.md")
    return root


def imported(cwd: Path, *args: str) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """Top-level package names ``compliance ARGS`` imported, and the finished process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), COMPLIANCE_CACHE_DIR=str(cwd / "cache"))
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "compliance", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return {name.split(".")[0] for name in modules(done)}, done


def modules(done: subprocess.CompletedProcess[str]) -> set[str]:
    """Every module a process run with ``-X importtime`` imported, by its full name."""
    return {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


@pytest.fixture(scope="module")
def declared(project: Path) -> set[str]:
    """What the hook imported to check a post that names its original by a canonical URL (no
    HTML in the post), after checking that it did check the post against that original."""
    names, done = imported(project, "hook", "posts/declared.md")
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert "link-to-original" in done.stdout
    return names


def test_the_hook_with_a_named_original_loads_no_array_library(declared: set[str]) -> None:
    assert not declared & ARRAYS


def test_the_hook_looking_up_a_canonical_address_loads_no_url_library(declared: set[str]) -> None:
    assert not declared & {"courlan", "urllib3"}


def test_the_hook_on_a_markdown_post_without_html_loads_no_html_parser(declared: set[str]) -> None:
    assert "lxml" not in declared


def test_the_hook_searching_the_index_loads_numpy_but_not_scipy(project: Path) -> None:
    names, done = imported(project, "hook", "posts/searched.md")
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert "numpy" in names
    assert not names & {"scipy", "datasketch"}


def test_check_in_a_project_whose_config_sets_hook_globs_loads_no_glob_library(
    project: Path, tmp_path: Path
) -> None:
    (tmp_path / "compliance.yaml").write_text("files: ['posts/**/*.md']\n", encoding="utf-8")
    copy = tmp_path / "copy.md"
    shutil.copy(project / "posts" / "searched.md", copy)
    names, done = imported(tmp_path, "check", str(copy), "--original", str(project / "original.md"))
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert "pathspec" not in names


def test_the_hook_on_a_post_the_config_does_not_select_reads_no_terms(
    project: Path, tmp_path: Path
) -> None:
    (tmp_path / "compliance.yaml").write_text("files: ['posts/**/*.md']\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    shutil.copy(project / "posts" / "declared.md", tmp_path / "drafts" / "later.md")
    _, done = imported(tmp_path, "hook", "drafts/later.md")
    assert done.returncode == 0, done.stderr[-2000:]
    assert not modules(done) & {"compliance.terms.detect", "compliance.terms.notice"}
