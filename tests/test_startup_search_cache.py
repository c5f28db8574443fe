"""A built candidate search is cached on disk by the content of the signatures it was built from.

`ContainmentSearch.build(..., cache=True)` saves the arrays it built in the user's cache folder
and later loads them instead of rebuilding, as long as every stored signature is the same.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from compliance.index import ContainmentSearch, fingerprint
from compliance.index.entry import encode_signature
from compliance.index.search import CACHE_KEEP

_RNG = random.Random(7)
VOCAB = ["".join(_RNG.choice("bdfgklmnprstvz") + _RNG.choice("aeiou") for _ in range(3))
         for _ in range(4000)]  # fmt: skip
Row = tuple[str, int, bytes, bytes]


def _text(seed: int, words: int = 600) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(VOCAB) for _ in range(words))


def _rows(seeds: range) -> list[Row]:
    """``Storage.signatures()`` rows for synthetic originals, as the index stores them."""
    rows = []
    for seed in seeds:
        fp = fingerprint(_text(seed))
        anchors = fp.anchors.astype("<u8").tobytes()
        rows.append((f"id{seed:04d}", fp.size, encode_signature(fp.minhash), anchors))
    return rows


ROWS = _rows(range(40))
ARRAYS = ("sizes", "matrix", "_sorted", "_rows", "anchor_counts", "common_anchors",
          "_anchor_values", "_anchor_rows")  # fmt: skip


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(folder))
    yield folder


def _same(a: ContainmentSearch, b: ContainmentSearch) -> bool:
    arrays = all(np.array_equal(getattr(a, n), getattr(b, n)) for n in ARRAYS)
    return arrays and (a.ids, a.num_perm, a.max_df) == (b.ids, b.num_perm, b.max_df)


def _query_ids(search: ContainmentSearch, text: str) -> list[str]:
    fp = fingerprint(text)
    return [c.id for c in search.query(fp.hashvalues, fp.size, anchors=fp.anchors)]


def test_without_cache_nothing_is_written(cache: Path) -> None:
    ContainmentSearch.build(ROWS)
    assert not cache.exists()


def test_a_cached_search_is_saved_and_loads_equal_to_a_fresh_build(cache: Path) -> None:
    fresh = ContainmentSearch.build(ROWS)
    first = ContainmentSearch.build(ROWS, cache=True)
    assert len(list(cache.glob("search-*.npy"))) == 1
    loaded = ContainmentSearch.build(ROWS, cache=True)
    assert _same(fresh, first) and _same(fresh, loaded)
    copy = " ".join(_text(5).split()[100:300])
    assert _query_ids(loaded, copy) == _query_ids(fresh, copy) == ["id0005"]


def test_the_cache_is_what_gets_loaded(cache: Path) -> None:
    ContainmentSearch.build(ROWS[:10], cache=True)
    (other,) = cache.glob("search-*.npy")
    ContainmentSearch.build(ROWS, cache=True)
    (mine,) = set(cache.glob("search-*.npy")) - {other}
    other.replace(mine)  # a search of 10 originals stored under the key of 40
    assert len(ContainmentSearch.build(ROWS, cache=True)) == 10


def test_any_changed_signature_misses_the_cache(cache: Path) -> None:
    ContainmentSearch.build(ROWS, cache=True)
    entry_id, count, sig, anchors = ROWS[3]
    changed = [*ROWS[:3], (entry_id, count + 1, sig, anchors), *ROWS[4:]]
    search = ContainmentSearch.build(changed, cache=True)
    assert len(list(cache.glob("search-*.npy"))) == 2
    assert search.sizes[3] == count + 1


def test_a_corrupt_cache_file_is_ignored_and_replaced(cache: Path) -> None:
    ContainmentSearch.build(ROWS, cache=True)
    (path,) = cache.glob("search-*.npy")
    path.write_bytes(path.read_bytes()[:5000])
    search = ContainmentSearch.build(ROWS, cache=True)
    assert _same(search, ContainmentSearch.build(ROWS))
    assert path.stat().st_size > 5000
    assert _same(ContainmentSearch.build(ROWS, cache=True), search)


def test_only_the_most_recent_searches_are_kept(cache: Path) -> None:
    for n in range(CACHE_KEEP + 2):
        ContainmentSearch.build(ROWS[: 10 + n], cache=True)
    assert len(list(cache.glob("search-*.npy"))) == CACHE_KEEP
