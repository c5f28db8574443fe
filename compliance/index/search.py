"""Containment-aware candidate search over the stored MinHash signatures.

Why not plain Jaccard LSH: an excerpt of 150 words from a 3,000-word original has Jaccard near
0.05, far below any usable LSH threshold, yet it is all copied. This search is MinHash LSH with
one-row bands (one inverted list per permutation) followed by a containment re-check:

1. Build: the signatures form an ``N x P`` matrix. Each column is sorted once, so the originals
   whose ``p``-th minimum equals a value are one ``searchsorted`` slice away.
2. Query: the slices for the query's ``P`` values are gathered and counted with ``bincount``.
   ``hits / P`` is the MinHash estimate of the Jaccard similarity ``J`` (Broder 1997), for every
   original that shares at least one minimum; the others have an estimate of 0 anyway.
3. Re-check: with the shingle counts ``|Q|`` and ``|X|`` stored beside each signature,
   ``|Q ∩ X| = J (|Q| + |X|) / (1 + J)``, giving containment both ways: the share of the copy
   found in the original (excerpts) and of the original found in the copy (a copy padded with
   comments, or one quoting several originals). A candidate needs ``min_hits`` shared minima and
   one containment at or above ``threshold``.

The result equals a brute-force MinHash comparison against every original (``brute_force``),
but the work is proportional to the collisions, not to the archive size.

Building takes ~50 ms CPU for 1,000 originals, as much as the rest of a one-post hook run, so
``build(..., cache=True)`` keeps the built arrays in the user's cache folder, keyed by a digest of
the signatures themselves (not the index generation, which restarts when an index is re-created):
a stale or foreign cache can never be used, and a corrupt one is ignored and rebuilt.

4. Anchors, for short quotations MinHash cannot see: the shingles whose hash is 0 mod 4 are
   kept per original (see ``entry.ANCHOR_MOD``) in one sorted array. A copy sharing at least
   ``min_anchors`` of them with an original makes it a candidate too. Anchors held by more than
   ``max_df`` originals (a publisher's footer, stock phrases) are ignored, so boilerplate does
   not make every original of a publisher a candidate.

Example:
    >>> search = ContainmentSearch.build(storage.signatures())
    >>> [c.id for c in search.query(hashvalues, shingle_count)]
    ['3f5c...']
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from hashlib import blake2b
from pathlib import Path

import numpy as np

from ..errors import IndexFileError
from .entry import hashvalues_of

__all__ = ["DEFAULT_MIN_HITS", "DEFAULT_THRESHOLD", "Candidate", "ContainmentSearch"]

DEFAULT_THRESHOLD = 0.05
"""Estimated containment (either way) that makes a candidate; the full alignment decides.

Kept low for recall: an excerpt of a long original holds a small share of it, and the full
alignment (a passage of 16+ words in order, or ``compliance.similarity.DEFAULT_MIN_CONTAINMENT``)
decides what is a copy."""

DEFAULT_MIN_HITS = 3
"""Shared minima required, so a stray common phrase or two does not make a candidate."""

DEFAULT_MIN_ANCHORS = 2
"""Shared anchors that make a candidate on their own (a quotation of ~20 words or more)."""


@dataclass(frozen=True)
class Candidate:
    """An original worth a full comparison, with the MinHash estimates that chose it."""

    id: str
    jaccard: float
    copy_in_original: float  # share of the copy's shingles estimated to be in the original
    original_in_copy: float  # share of the original's shingles estimated to be in the copy
    hits: int
    anchors: int = 0  # shared anchor shingles

    @property
    def containment(self) -> float:
        return max(self.copy_in_original, self.original_in_copy)


class ContainmentSearch:
    """An in-memory search structure, rebuilt from stored signatures at scan start."""

    def __init__(
        self,
        ids: list[str],
        sizes: np.ndarray,
        matrix: np.ndarray,
        anchors: list[np.ndarray] | None = None,
        *,
        max_df: int | None = None,
    ) -> None:
        if matrix.ndim != 2 or matrix.shape[0] != len(ids) or sizes.shape != (len(ids),):
            raise ValueError("ids, sizes and signature matrix disagree in length")
        self.ids = ids
        self.sizes = sizes.astype(np.float64)
        self.matrix = matrix
        self.num_perm = int(matrix.shape[1]) if matrix.size else 0
        n, p = matrix.shape
        # One flat sorted key space: column p's values live at p * 2**32 + value (values < 2**32
        # for 32-bit schemes; 64-bit schemes are folded, which only adds rare false hits that
        # the containment re-check and the full alignment remove).
        keys = _keys(matrix)
        order = np.argsort(keys, axis=None, kind="stable")
        self._sorted = keys.ravel()[order]
        self._rows = (order // p).astype(np.int32) if n else np.zeros(0, np.int32)
        self._index_anchors(anchors or [np.zeros(0, np.uint64)] * n, max_df)

    def _index_anchors(self, anchors: list[np.ndarray], max_df: int | None) -> None:
        n = len(self.ids)
        self.anchor_counts = np.asarray([len(a) for a in anchors], dtype=np.float64)
        values = np.concatenate(anchors) if anchors else np.zeros(0, np.uint64)
        rows = np.repeat(np.arange(n, dtype=np.int32), [len(a) for a in anchors])
        self.max_df = max_df if max_df is not None else max(50, n // 1000)
        if len(values):
            uniq, inverse, df = np.unique(values, return_inverse=True, return_counts=True)
            keep = df[inverse] <= self.max_df
            values, rows = values[keep], rows[keep]
            self.common_anchors = uniq[df > self.max_df]
        else:
            self.common_anchors = np.zeros(0, np.uint64)
        order = np.argsort(values, kind="stable")
        self._anchor_values = values[order]
        self._anchor_rows = rows[order]

    @classmethod
    def build(
        cls,
        signatures: Iterable[tuple[str, int, bytes, bytes]],
        *,
        max_df: int | None = None,
        cache: bool = False,
    ) -> ContainmentSearch:
        """Build from ``Storage.signatures()`` output.

        With ``cache``, a search built before from the same signatures is loaded from the cache
        folder instead (see the module docstring), and a new one is saved there.
        """
        if not cache:
            return cls._build(signatures, max_df)
        rows = list(signatures)
        key = _content_key(rows, max_df)
        found = _load_cached(cls, key)
        if found is None:
            found = cls._build(rows, max_df)
            _save_cached(found, key)
        return found

    @classmethod
    def _build(
        cls, signatures: Iterable[tuple[str, int, bytes, bytes]], max_df: int | None
    ) -> ContainmentSearch:
        ids: list[str] = []
        sizes: list[int] = []
        rows: list[np.ndarray] = []
        anchors: list[np.ndarray] = []
        for entry_id, count, sig, anchor_bytes in signatures:
            values = hashvalues_of(sig)
            if rows and len(values) != len(rows[0]):
                raise IndexFileError(
                    f"original {entry_id[:12]} has {len(values)} permutations, others "
                    f"{len(rows[0])}; rebuild the index"
                )
            ids.append(entry_id)
            sizes.append(count)
            rows.append(values)
            anchors.append(np.frombuffer(anchor_bytes, dtype="<u8").astype(np.uint64))
        matrix = np.vstack(rows) if rows else np.zeros((0, 0), dtype=np.uint64)
        return cls(ids, np.asarray(sizes, dtype=np.int64), matrix, anchors, max_df=max_df)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def nbytes(self) -> int:
        parts = (
            self._sorted,
            self._rows,
            self.matrix,
            self.sizes,
            self._anchor_values,
            self._anchor_rows,
            self.anchor_counts,
        )
        return int(sum(a.nbytes for a in parts))

    def hits(self, hashvalues: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(row indices, shared minima) of every original sharing at least one minimum."""
        if not self.ids:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        query = np.asarray(hashvalues, dtype=np.uint64)
        if len(query) != self.num_perm:
            raise IndexFileError(
                f"the index holds {self.num_perm}-permutation signatures but this version makes "
                f"{len(query)}; rebuild the index"
            )
        qkeys = _keys(query[None, :])[0]
        left = np.searchsorted(self._sorted, qkeys, side="left")
        right = np.searchsorted(self._sorted, qkeys, side="right")
        spans = [self._rows[a:b] for a, b in zip(left, right, strict=True) if b > a]
        if not spans:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        counts = np.bincount(np.concatenate(spans), minlength=len(self.ids))
        rows = np.flatnonzero(counts)
        return rows, counts[rows]

    def anchor_hits(self, anchors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(row indices, shared anchors) of every original sharing at least one anchor."""
        query = np.unique(np.asarray(anchors, dtype=np.uint64))
        if not len(query) or not len(self._anchor_values):
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        left = np.searchsorted(self._anchor_values, query, side="left")
        right = np.searchsorted(self._anchor_values, query, side="right")
        spans = [self._anchor_rows[a:b] for a, b in zip(left, right, strict=True) if b > a]
        if not spans:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        counts = np.bincount(np.concatenate(spans), minlength=len(self.ids))
        rows = np.flatnonzero(counts)
        return rows, counts[rows]

    def query(
        self,
        hashvalues: np.ndarray,
        size: int,
        *,
        anchors: np.ndarray | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        min_hits: int = DEFAULT_MIN_HITS,
        min_anchors: int = DEFAULT_MIN_ANCHORS,
        limit: int | None = None,
    ) -> list[Candidate]:
        """Originals whose estimated containment either way is at least ``threshold``, plus
        those sharing ``min_anchors`` anchors with the copy (short quotations); best first.

        Raises:
            ValueError: if ``threshold`` is not in (0, 1] or ``min_hits`` is below 1.
        """
        _check(threshold, min_hits)
        rows, counts = self.hits(hashvalues)
        found = self._rank(rows, counts, size, threshold, min_hits, None)
        if anchors is not None:
            found = self._merge_anchors(found, anchors, min_anchors)
        return found[:limit] if limit else found

    def _merge_anchors(
        self, found: list[Candidate], anchors: np.ndarray, min_anchors: int
    ) -> list[Candidate]:
        rows, counts = self.anchor_hits(anchors)
        if not len(rows):
            return found
        by_id = {c.id: c for c in found}
        known = np.fromiter((self.ids[r] in by_id for r in rows.tolist()), bool, len(rows))
        keep = known | (counts >= min_anchors)
        rows, counts = rows[keep], counts[keep]
        q = max(1, len(np.unique(anchors)))
        copy_in = np.minimum(1.0, counts / q)
        orig_in = np.minimum(1.0, counts / np.maximum(1.0, self.anchor_counts[rows]))
        for row, shared, c_in, o_in in zip(
            rows.tolist(), counts.tolist(), copy_in.tolist(), orig_in.tolist(), strict=True
        ):
            entry_id = self.ids[row]
            have = by_id.get(entry_id)
            if have is None:
                by_id[entry_id] = Candidate(entry_id, 0.0, c_in, o_in, 0, shared)
            else:
                by_id[entry_id] = Candidate(
                    entry_id,
                    have.jaccard,
                    max(have.copy_in_original, c_in),
                    max(have.original_in_copy, o_in),
                    have.hits,
                    shared,
                )
        return sorted(by_id.values(), key=lambda c: (-c.containment, -c.anchors, c.id))

    def brute_force(
        self,
        hashvalues: np.ndarray,
        size: int,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        min_hits: int = DEFAULT_MIN_HITS,
        limit: int | None = None,
    ) -> list[Candidate]:
        """The same answer computed by comparing against every signature (the baseline)."""
        _check(threshold, min_hits)
        if not self.ids:
            return []
        query = np.asarray(hashvalues, dtype=np.uint64)
        counts = (self.matrix == query[None, :]).sum(axis=1)
        rows = np.flatnonzero(counts)
        return self._rank(rows, counts[rows], size, threshold, min_hits, limit)

    def _rank(
        self,
        rows: np.ndarray,
        counts: np.ndarray,
        size: int,
        threshold: float,
        min_hits: int,
        limit: int | None,
    ) -> list[Candidate]:
        keep = counts >= min_hits
        rows, counts = rows[keep], counts[keep]
        if not len(rows) or size <= 0:
            return []
        jaccard = counts / float(self.num_perm)
        other = self.sizes[rows]
        shared = jaccard * (size + other) / (1.0 + jaccard)
        copy_in = np.minimum(shared / size, 1.0)
        orig_in = np.minimum(shared / np.maximum(other, 1.0), 1.0)
        best = np.maximum(copy_in, orig_in)
        ok = best >= threshold
        order = np.argsort(-best[ok], kind="stable")
        picked = [
            Candidate(
                id=self.ids[int(r)],
                jaccard=float(j),
                copy_in_original=float(c),
                original_in_copy=float(o),
                hits=int(h),
            )
            for r, j, c, o, h in zip(
                rows[ok][order],
                jaccard[ok][order],
                copy_in[ok][order],
                orig_in[ok][order],
                counts[ok][order],
                strict=True,
            )
        ]
        return picked[:limit] if limit else picked


# -- the on-disk cache of built searches --------------------------------------------------------

_CACHE_FORMAT = b"containment-search/1"
CACHE_KEEP = 4
"""Cached searches kept in the cache folder (most recently written); older ones are removed."""
CACHE_MAX_BYTES = 256 * 2**20
"""Larger searches are not cached: a long scan builds once anyway, and disk is not free."""
_ARRAYS = (
    "sizes",
    "matrix",
    "_sorted",
    "_rows",
    "anchor_counts",
    "common_anchors",
    "_anchor_values",
    "_anchor_rows",
)


def _content_key(rows: Sequence[tuple[str, int, bytes, bytes]], max_df: int | None) -> str:
    """A digest of everything the build reads, so equal keys mean equal searches."""
    digest = blake2b(_CACHE_FORMAT, digest_size=20)
    digest.update(repr(max_df).encode())
    for entry_id, count, sig, anchors in rows:
        head = f"\0{entry_id}\0{count}\0{len(sig)}\0{len(anchors)}\0"
        digest.update(head.encode("utf-8"))
        digest.update(sig)
        digest.update(anchors)
    return digest.hexdigest()


def _cache_path(key: str) -> Path:
    from ..fileio import cache_dir

    return cache_dir() / f"search-{key}.npy"


def _load_cached(cls: type[ContainmentSearch], key: str) -> ContainmentSearch | None:
    """The search saved under ``key``, or None when it is missing, unreadable or inconsistent."""
    try:
        with open(_cache_path(key), "rb") as handle:
            loaded = [np.load(handle, allow_pickle=False) for _ in range(len(_ARRAYS) + 2)]
    except (OSError, ValueError, EOFError):
        return None
    ids, meta, arrays = loaded[0], loaded[1], dict(zip(_ARRAYS, loaded[2:], strict=True))
    n = len(ids)
    matrix = arrays["matrix"]
    ok = (
        ids.ndim == 1
        and meta.shape == (2,)
        and matrix.ndim == 2
        and matrix.shape[0] == n
        and arrays["sizes"].shape == (n,)
        and arrays["anchor_counts"].shape == (n,)
        and arrays["_sorted"].shape == arrays["_rows"].shape == (matrix.size,)
        and arrays["_anchor_values"].shape == arrays["_anchor_rows"].shape
    )
    if not ok:
        return None
    search = cls.__new__(cls)
    search.ids = [str(i) for i in ids.tolist()]
    for name, value in arrays.items():
        setattr(search, name, value)
    search.num_perm = int(meta[0])
    search.max_df = int(meta[1])
    return search


def _save_cached(search: ContainmentSearch, key: str) -> None:
    """Write ``search`` atomically under ``key``; any failure only means no cache next time."""
    from ..fileio import open_atomic

    if not search.ids or search.nbytes > CACHE_MAX_BYTES:
        return
    path = _cache_path(key)
    try:
        with open_atomic(path, binary=True) as handle:
            np.save(handle, np.asarray(search.ids, dtype=str), allow_pickle=False)
            np.save(handle, np.asarray([search.num_perm, search.max_df], dtype=np.int64))
            for name in _ARRAYS:
                np.save(handle, getattr(search, name), allow_pickle=False)
        _prune(path.parent)
    except OSError:
        pass


def _prune(folder: Path) -> None:
    """Keep the CACHE_KEEP most recently written cached searches."""
    found = []
    for path in folder.glob("search-*.npy"):
        with contextlib.suppress(OSError):
            found.append((path.stat().st_mtime_ns, path))
    for _, path in sorted(found, reverse=True)[CACHE_KEEP:]:
        with contextlib.suppress(OSError):
            path.unlink()


def _keys(matrix: np.ndarray) -> np.ndarray:
    values = np.asarray(matrix, dtype=np.uint64) & np.uint64(0xFFFFFFFF)
    columns = np.arange(matrix.shape[1], dtype=np.uint64) << np.uint64(32)
    return values + columns[None, :]


def _check(threshold: float, min_hits: int) -> None:
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1] (got {threshold})")
    if min_hits < 1:
        raise ValueError(f"min_hits must be at least 1 (got {min_hits})")
