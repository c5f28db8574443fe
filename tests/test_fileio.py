"""Reports and exports are written atomically: the old file survives a failed write."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.fileio import open_atomic, write_atomic


def test_write_atomic_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    write_atomic(target, "first")
    write_atomic(target, "second")
    assert target.read_text(encoding="utf-8") == "second"
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


def test_a_failed_write_keeps_the_old_content(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("good", encoding="utf-8")
    with pytest.raises(RuntimeError), open_atomic(target) as handle:
        handle.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "good"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_new_file_gets_the_usual_permissions_and_a_replaced_one_keeps_its_own(
    tmp_path: Path,
) -> None:
    import os

    fresh = tmp_path / "fresh.html"
    write_atomic(fresh, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.html"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    write_atomic(kept, "new")
    assert kept.stat().st_mode & 0o777 == 0o640


def test_a_failed_chmod_closes_the_temporary_file_and_removes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError("chmod refused")

    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        pytest.skip("needs /proc/self/fd to count open descriptors")
    before = len(list(fds.iterdir()))
    monkeypatch.setattr("compliance.fileio.os.chmod", refuse)
    with pytest.raises(PermissionError), open_atomic(tmp_path / "report.json"):
        pass
    assert len(list(fds.iterdir())) == before
    assert list(tmp_path.iterdir()) == []
