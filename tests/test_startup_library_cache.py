"""The parsed terms library is cached on disk, and the cache never serves stale or broken terms."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from compliance.errors import RuleFileError
from compliance.terms import load_library
from compliance.terms.library import load_library_cached

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def house_rules(tmp_path: Path) -> Path:
    """An extra rules folder holding one rule file derived from a built-in one."""
    folder = tmp_path / "rules"
    folder.mkdir()
    text = (ROOT / "rules" / "cc-by-4.0.yaml").read_text(encoding="utf-8")
    text = text.replace("id: cc-by-4.0", "id: house-terms", 1)
    (folder / "house-terms.yaml").write_text(text, encoding="utf-8")
    return folder


def _cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("terms-*.json"))


def test_load_library_caches_by_default_and_equals_a_fresh_parse(
    cache: Path, house_rules: Path
) -> None:
    cached = load_library([house_rules])
    assert len(_cache_files(cache)) == 1
    assert load_library([house_rules]) == cached == load_library([house_rules], cache=False)


def test_an_unchanged_rule_set_is_read_from_the_cache(cache: Path) -> None:
    load_library()
    (path,) = _cache_files(cache)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["terms"]["cc-by-4.0"]["name"] = "Read from the cache"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_library()["cc-by-4.0"].name == "Read from the cache"


def test_without_cache_nothing_is_written(cache: Path) -> None:
    load_library(cache=False)
    assert _cache_files(cache) == []


def test_an_edited_rule_file_is_parsed_again_even_with_same_size_and_mtime(
    cache: Path, house_rules: Path
) -> None:
    rule = house_rules / "house-terms.yaml"
    old_name = load_library([house_rules])["house-terms"].name
    new_name = "X" * len(old_name)  # same byte count, so size alone cannot tell
    stat = rule.stat()
    text = rule.read_text(encoding="utf-8")
    rule.write_text(text.replace(f"name: {old_name}", f"name: {new_name}", 1), "utf-8")
    os.utime(rule, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert rule.stat().st_size == stat.st_size
    assert load_library([house_rules])["house-terms"].name == new_name


def test_a_rule_file_added_to_a_folder_is_seen(cache: Path, house_rules: Path) -> None:
    assert "second-house" not in load_library([house_rules])
    text = (house_rules / "house-terms.yaml").read_text(encoding="utf-8")
    second = text.replace("id: house-terms", "id: second-house", 1)
    (house_rules / "second-house.yaml").write_text(second, encoding="utf-8")
    assert "second-house" in load_library([house_rules])


def test_a_rule_file_broken_after_caching_still_raises(cache: Path, house_rules: Path) -> None:
    load_library([house_rules])
    rule = house_rules / "house-terms.yaml"
    rule.write_text(rule.read_text(encoding="utf-8") + "\nno_such_key: 1\n", "utf-8")
    with pytest.raises(RuleFileError, match=r"house-terms\.yaml"):
        load_library([house_rules])


def test_a_corrupt_cache_file_is_ignored_and_replaced(cache: Path) -> None:
    load_library()
    for path in _cache_files(cache):
        path.write_text("{not json", encoding="utf-8")
    assert load_library() == load_library(cache=False)
    (path,) = _cache_files(cache)
    assert json.loads(path.read_text(encoding="utf-8"))["terms"]


def test_a_cache_of_the_wrong_shape_is_ignored(cache: Path) -> None:
    load_library()
    for path in _cache_files(cache):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["terms"] = ["not", "a", "mapping"]
        path.write_text(json.dumps(data), encoding="utf-8")
    assert load_library() == load_library(cache=False)


def test_an_unwritable_cache_folder_still_gives_the_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(blocker / "cache"))
    assert load_library() == load_library(cache=False)


def test_cached_sources_are_shown_relative_to_the_current_folder(
    cache: Path, house_rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_library([house_rules])
    monkeypatch.chdir(house_rules.parent)
    cached = load_library_cached([house_rules])
    assert cached["house-terms"].source == str(Path("rules") / "house-terms.yaml")
    assert cached == load_library([house_rules], cache=False)
