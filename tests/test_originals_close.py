"""`Originals` owns every index connection it opens: ``close()`` leaves none behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from compliance.config import load_config
from compliance.documents import load_path
from compliance.index import open_index
from compliance.index.ingest import add_documents
from compliance.originals import Originals

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def _open_files_under(folder: Path) -> list[str]:
    fds = Path("/proc/self/fd")
    found = []
    for fd in fds.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(folder)):
            found.append(target)
    return found


def test_closing_originals_after_an_index_search_leaves_no_connection_open(
    tmp_path: Path,
) -> None:
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc/self/fd to list open files")
    site = tmp_path / "site"
    site.mkdir()
    storage = open_index(site / "originals.sqlite")
    list(add_documents(storage, (load_path(p) for p in sorted((SAMPLES / "originals").iterdir()))))
    storage.close()
    (site / "compliance.yaml").write_text("index: originals.sqlite\n", encoding="utf-8")
    originals = Originals(load_config(site))
    post = load_path(SAMPLES / "republished" / "missing-copyright.md")
    assert originals.reuse(post, originals.options())  # the search found the original
    assert _open_files_under(site)  # ...through an open index
    originals.close()
    assert _open_files_under(site) == []
