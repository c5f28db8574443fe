"""What keeps `compliance hook` fast: a cached terms library and a lazy datasketch import."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from compliance.hook import load_library_cached
from compliance.terms import load_library

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def house_rules(tmp_path: Path) -> Path:
    """An extra rules folder with one rule file, derived from a built-in one."""
    folder = tmp_path / "rules"
    folder.mkdir()
    text = (ROOT / "rules" / "cc-by-4.0.yaml").read_text(encoding="utf-8")
    text = text.replace("id: cc-by-4.0", "id: house-terms", 1)
    (folder / "house-terms.yaml").write_text(text, encoding="utf-8")
    return folder


def test_the_cached_library_equals_the_loaded_one(cache: Path) -> None:
    first = load_library_cached()
    second = load_library_cached()
    assert first == load_library()
    assert second == first
    assert list(cache.glob("terms-*.json"))


def test_a_changed_rule_file_is_read_again(cache: Path, house_rules: Path) -> None:
    assert "house-terms" in load_library_cached([house_rules])
    rule = house_rules / "house-terms.yaml"
    text = rule.read_text(encoding="utf-8")
    old_name = load_library_cached([house_rules])["house-terms"].name
    rule.write_text(text.replace(f"name: {old_name}", "name: House terms v2", 1), "utf-8")
    os.utime(rule, ns=(rule.stat().st_atime_ns, rule.stat().st_mtime_ns + 10**9))
    assert load_library_cached([house_rules])["house-terms"].name == "House terms v2"


def test_an_unwritable_cache_still_gives_the_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(blocker / "cache"))
    assert load_library_cached() == load_library()


def test_a_corrupt_cache_file_is_ignored(cache: Path) -> None:
    load_library_cached()
    for path in cache.glob("terms-*.json"):
        path.write_text("{not json", encoding="utf-8")
    assert load_library_cached() == load_library()


def _python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_minhash_is_usable_without_loading_scipy() -> None:
    out = _python(
        "import sys\n"
        "from compliance.hook import speedup_imports\n"
        "speedup_imports()\n"
        "from datasketch import LeanMinHash, MinHash\n"
        "m = MinHash(num_perm=16); m.update(b'x')\n"
        "print(LeanMinHash(m).jaccard(LeanMinHash(m)), 'scipy' in sys.modules)\n"
    )
    assert out == "1.0 False"


def test_the_rest_of_datasketch_still_loads_on_first_use() -> None:
    out = _python(
        "from compliance.hook import speedup_imports\n"
        "speedup_imports()\n"
        "import datasketch\n"
        "from datasketch import MinHashLSH\n"
        "print(MinHashLSH.__name__, datasketch.MinHashLSHEnsemble.__name__)\n"
    )
    assert out == "MinHashLSH MinHashLSHEnsemble"
