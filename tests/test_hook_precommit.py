"""A real git repository with a real pre-commit config: a copy missing its hyperlink is refused,
and the same copy is accepted once the link is added."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
ORIGINAL = SAMPLES / "originals" / "northwind-port-strike.md"
COMPLIANT = SAMPLES / "republished" / "compliant-full.md"
LINKED = re.compile(r"\[([^\]]+)\]\((https?://[^)]+)\)")

PRE_COMMIT_CONFIG = f"""\
repos:
  - repo: local
    hooks:
      - id: compliance
        name: republishing terms (compliance)
        entry: {sys.executable} -m compliance hook
        language: system
        types_or: [markdown, html]
        require_serial: true
"""

PROJECT_CONFIG = """\
originals: originals
files: ["posts/**/*.md", "posts/**/*.html"]
fail_on: error
"""


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A publisher's git repository with pre-commit installed and one original archived."""
    repo = tmp_path / "site"
    (repo / "originals").mkdir(parents=True)
    (repo / "posts").mkdir()
    shutil.copy(ORIGINAL, repo / "originals" / ORIGINAL.name)
    (repo / "compliance.yaml").write_text(PROJECT_CONFIG, encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(PRE_COMMIT_CONFIG, encoding="utf-8")
    env = dict(os.environ)
    env.update(
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
        GIT_AUTHOR_NAME="Editor",
        GIT_AUTHOR_EMAIL="editor@example.org",
        GIT_COMMITTER_NAME="Editor",
        GIT_COMMITTER_EMAIL="editor@example.org",
        GIT_CONFIG_NOSYSTEM="1",
        HOME=str(tmp_path),
    )
    for args in (
        ["git", "init", "-q", "-b", "main"],
        [sys.executable, "-m", "pre_commit", "install"],
        ["git", "add", "."],
        ["git", "commit", "-q", "-m", "site skeleton"],
    ):
        done = _run(args, repo, env)
        assert done.returncode == 0, done.stdout + done.stderr
    return repo, env


def _commit(repo: Path, env: dict[str, str], name: str, text: str) -> subprocess.CompletedProcess:
    (repo / "posts" / name).write_text(text, encoding="utf-8")
    _run(["git", "add", f"posts/{name}"], repo, env)
    return _run(["git", "commit", "-m", f"publish {name}"], repo, env)


def test_a_compliant_republication_is_committed(site: tuple[Path, dict[str, str]]) -> None:
    repo, env = site
    done = _commit(repo, env, "strike.md", COMPLIANT.read_text(encoding="utf-8"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "strike.md" in _run(["git", "show", "--stat", "HEAD"], repo, env).stdout


def test_a_copy_missing_its_hyperlink_is_refused_until_the_link_is_added(
    site: tuple[Path, dict[str, str]],
) -> None:
    repo, env = site
    compliant = COMPLIANT.read_text(encoding="utf-8")
    unlinked = LINKED.sub(r"\1", compliant)
    assert unlinked != compliant

    refused = _commit(repo, env, "strike.md", unlinked)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert re.search(r"posts/strike\.md:\d+: [\w.-]+/[\w.-]+: ", output), output
    head = _run(["git", "log", "--format=%s", "-1"], repo, env).stdout.strip()
    assert head == "site skeleton"

    accepted = _commit(repo, env, "strike.md", compliant)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def test_a_post_that_copies_nothing_is_committed_silently(
    site: tuple[Path, dict[str, str]],
) -> None:
    repo, env = site
    post = "---\ntitle: Notes\n---\n\nOur own reporting on the harbour, written from scratch.\n"
    done = _commit(repo, env, "notes.md", post)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "posts/notes.md:" not in done.stdout + done.stderr


def test_the_shipped_hook_manifest_is_valid_for_pre_commit() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
