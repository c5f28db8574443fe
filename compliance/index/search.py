"""Containment-aware candidate search over the stored fingerprints.

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
4. Anchors, for short quotations MinHash cannot see: the shingles whose hash is 0 mod 4 are
   kept per original (``fingerprint.ANCHOR_MOD``) in one sorted array. A copy makes an original
   a candidate when the original holds ``min_anchors`` *consecutive* anchors of the copy
   spanning at least ``CLUSTER_SPAN`` shingles: inside a quotation every anchor is shared, while
   between two short shared phrases (names, stock phrases, the facts every report of one event
   gives) the copy's own words put anchors the original does not hold.

Common text is no evidence: a minimum or an anchor held by more originals than
``common_cutoff(N)`` (a publisher's footer, an author's credit line, a topic's stock phrases)
is ignored. The cut-off grows with the archive, as a phrase's document frequency does.

Without the common-text cut, the result equals a brute-force MinHash comparison against every
original (``brute_force``), but the work is proportional to the collisions, not to the archive.

The built search is kept inside the index itself (``Storage.search_blob``, tagged with the
index generation it was built from): the commands that change the index save it once at their
end (``save``), and a scan or hook run loads it (``load``) instead of rebuilding; a reader
never writes to the index.

Example:
    >>> search = ContainmentSearch.load(storage)
    >>> [c.id for c in search.query_fingerprint(fingerprint(text))]
    ['3f5c...']
"""

from __future__ import annotations

import contextlib
import functools
import io
import math
import sys
import zipfile
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..errors import ComplianceError, IndexFileError
from .fingerprint import Fingerprint
from .storage import Fingerprints

if TYPE_CHECKING:
    from .storage import Storage

__all__ = [
    "CLUSTER_SPAN",
    "DEFAULT_MIN_ANCHORS",
    "DEFAULT_MIN_HITS",
    "DEFAULT_THRESHOLD",
    "Candidate",
    "ContainmentSearch",
    "common_cutoff",
]

DEFAULT_THRESHOLD = 0.05
"""Estimated containment (either way) that makes a candidate; the full alignment decides.

Kept low for recall: an excerpt of a long original holds a small share of it, and the full
alignment (a passage of 16+ words in order, or ``compliance.similarity.DEFAULT_MIN_CONTAINMENT``)
decides what is a copy."""

DEFAULT_MIN_HITS = 3
"""Shared minima required, so a stray common phrase or two does not make a candidate."""

DEFAULT_MIN_ANCHORS = 2
"""Consecutive shared anchors of the copy that make a candidate on their own (see CLUSTER_SPAN)."""

CLUSTER_SPAN = 10
"""Shingle positions the first and last anchor of such a run must lie apart: a shared run of
10 + SHINGLE_K = 15 words or more, just under the alignment's 16-word passage. Reports of one
event share names, facts and a statement quoted with its speaker, up to about 14 words each;
with runs of 13 words they still made false candidates (topical benchmark). A quotation of
30 words is found 96 % of the time, one of 40 words always (bench/bench_scan.py --topical)."""

UNCLUSTERED_THRESHOLD = 0.15
"""Estimated containment a MinHash candidate needs when it shares no cluster of anchors with
the copy (``similarity.DEFAULT_MIN_CONTAINMENT``, what makes a copy without a passage). Reports
of one event share dozens of short facts and names strewn over the text: 5-10 % of their
shingles, enough for the MinHash threshold, with no run a quotation would make."""

COMMON_SHARE = 0.002
"""Share of the archive above which a minimum or anchor is common text (see common_cutoff)."""
COMMON_FLOOR = 5
"""A minimum or anchor held by at most this many originals is never common text."""

SAME_WORK_SHARE = 0.5
"""An original holding this share of another's anchors holds the same work (the article
republished, or indexed twice): its text is the article's own, not a source the copy might have
shared with it. Reports of one event share their facts and quotations, a few per cent."""
SAME_WORK_ANCHORS = 12
"""...and at least this many of them (some 50 words): half of a brief that is mostly one quoted
statement is that statement, which every report quoting it holds."""

SAVE_MAX_BYTES = 256 * 2**20
"""A larger search is not saved into the index (Redis values stop at 512 MB); it is rebuilt."""
_BLOB_FORMAT = "containment-search/2"


def common_cutoff(originals: int) -> int:
    """Originals above which a shingle is common text: COMMON_FLOOR, or COMMON_SHARE of them.

    Example:
        >>> common_cutoff(1_000), common_cutoff(10_000), common_cutoff(100_000)
        (5, 20, 200)
    """
    return max(COMMON_FLOOR, math.ceil(originals * COMMON_SHARE))


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
    """An in-memory search structure built from the stored fingerprints."""

    def __init__(
        self,
        ids: list[str],
        sizes: np.ndarray,
        matrix: np.ndarray,
        anchors: list[np.ndarray] | None = None,
        *,
        max_df: int | None = None,
    ) -> None:
        self._setup(ids, sizes, matrix, max_df)
        self._index_anchors([_fold(a) for a in anchors or [np.zeros(0, np.uint64)] * len(ids)])

    def _setup(
        self, ids: list[str], sizes: np.ndarray, matrix: np.ndarray, max_df: int | None
    ) -> None:
        """The MinHash postings: every original's minima in one sorted key space."""
        if matrix.ndim != 2 or matrix.shape[0] != len(ids) or sizes.shape != (len(ids),):
            raise ValueError("ids, sizes and signature matrix disagree in length")
        n, p = matrix.shape
        matrix = np.asarray(matrix, dtype=np.uint32)
        self.ids = ids
        self.sizes = sizes.astype(np.float64)
        self.num_perm = int(p) if matrix.size else 0
        self.max_df = max_df if max_df is not None else common_cutoff(n)
        # One flat sorted key space: column p's values live at p * 2**32 + value. Built one
        # column at a time, so the build needs little beyond the arrays it keeps.
        self._sorted = np.empty(n * p, np.uint64)
        self._rows = np.empty(n * p, np.int32)
        for col in range(p):
            order = np.argsort(matrix[:, col], kind="stable")
            self._sorted[col * n : (col + 1) * n] = matrix[order, col]
            self._sorted[col * n : (col + 1) * n] += np.uint64(col) << np.uint64(32)
            self._rows[col * n : (col + 1) * n] = order

    def _index_anchors(self, anchors: list[np.ndarray]) -> None:
        """Postings of the anchors (folded to 32 bits) held by at most max_df originals; the
        list of each original's anchors is consumed (emptied) on the way."""
        lengths = np.asarray([len(a) for a in anchors], dtype=np.int64)
        self.anchor_counts = lengths.astype(np.float64)
        # Sort (anchor, row) pairs packed in one uint64: no argsort order, no gathered copies.
        packed = np.concatenate(anchors).astype(np.uint64) if anchors else np.zeros(0, np.uint64)
        anchors.clear()  # consumed: the packed pairs replace them
        packed <<= np.uint64(32)
        packed |= np.repeat(np.arange(len(lengths), dtype=np.uint32), lengths)
        packed.sort()
        halves = packed.view(np.uint32)  # each pair's two halves, no copies
        low = 0 if sys.byteorder == "little" else 1
        values, rows = halves[1 - low :: 2], halves[low::2]
        starts = np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))
        runs = np.diff(np.append(starts, len(values)))
        keep = np.repeat(runs <= self.max_df, runs)
        self.common_anchors = values[starts[runs > self.max_df]]
        self._anchor_values = values[keep]
        self._anchor_rows = rows[keep].view(np.int32)

    @classmethod
    def build(
        cls, signatures: Iterable[Fingerprints], *, max_df: int | None = None
    ) -> ContainmentSearch:
        """Build from ``Storage.signatures()`` output."""
        ids: list[str] = []
        sizes: list[int] = []
        sigs: list[bytes] = []
        anchors: list[np.ndarray] = []
        for entry_id, count, sig, anchor_bytes in signatures:
            if sigs and len(sig) != len(sigs[0]):
                raise IndexFileError(
                    f"original {entry_id[:12]} has {len(sig) // 4} permutations, others "
                    f"{len(sigs[0]) // 4}; rebuild the index"
                )
            ids.append(entry_id)
            sizes.append(count)
            sigs.append(sig)
            anchors.append(_fold(np.frombuffer(anchor_bytes, dtype="<u8")))
        width = len(sigs[0]) // 4 if sigs else 0
        matrix = np.frombuffer(b"".join(sigs), dtype="<u4").reshape(len(sigs), width)
        del sigs
        search = cls.__new__(cls)
        search._setup(ids, np.asarray(sizes), matrix, max_df)
        del matrix
        search._index_anchors(anchors)
        return search

    @classmethod
    def load(cls, storage: Storage) -> ContainmentSearch:
        """The search saved inside ``storage`` for its current content, else one built in
        memory. Reading never writes: the commands that change the index save it (``save``)."""
        found = cls.from_bytes(storage.search_blob() or b"")
        return found if found is not None else cls.build(storage.signatures())

    @classmethod
    def save(cls, storage: Storage) -> ContainmentSearch:
        """Build the search of ``storage``'s current content and keep it inside the index, for
        the scans and hook runs that follow; called once by each command that writes."""
        generation = storage.generation()
        search = cls.build(storage.signatures())
        if search.ids and search.nbytes <= SAVE_MAX_BYTES:
            with contextlib.suppress(ComplianceError):  # busy or read-only: built on use
                storage.save_search_blob(generation, search.to_bytes())
        return search

    def to_bytes(self) -> bytes:
        """The built arrays as one ``.npz`` payload (no pickles)."""
        buf = io.BytesIO()
        np.savez(
            buf,
            format=np.asarray(_BLOB_FORMAT),
            ids=np.asarray(self.ids, dtype=str),
            meta=np.asarray([self.num_perm, self.max_df], dtype=np.int64),
            **{name: getattr(self, name) for name in _ARRAYS},
        )
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> ContainmentSearch | None:
        """The search ``to_bytes`` saved, or None when ``data`` is empty, foreign or damaged."""
        if not data:
            return None
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as npz:
                if str(npz["format"]) != _BLOB_FORMAT:
                    return None
                ids, meta = npz["ids"], npz["meta"]
                arrays = {name: npz[name] for name in _ARRAYS}
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
            return None
        n = len(ids)
        ok = (
            meta.shape == (2,)
            and arrays["sizes"].shape == arrays["anchor_counts"].shape == (n,)
            and arrays["_sorted"].shape == arrays["_rows"].shape == (n * int(meta[0]),)
            and arrays["_anchor_values"].shape == arrays["_anchor_rows"].shape
        )
        if not ok:
            return None
        search = cls.__new__(cls)
        search.ids = [str(i) for i in ids.tolist()]
        for name, value in arrays.items():
            setattr(search, name, value)
        search.num_perm, search.max_df = int(meta[0]), int(meta[1])
        return search

    def __len__(self) -> int:
        return len(self.ids)

    def matrix(self) -> np.ndarray:
        """The ``N x P`` signature matrix, rebuilt from the postings on first use and then kept
        (only brute force needs it, so a search used for queries holds no second copy)."""
        found: np.ndarray | None = getattr(self, "_matrix", None)
        if found is not None:
            return found
        n, p = len(self.ids), self.num_perm
        out = np.empty((n, p), np.uint32)
        for col in range(p):
            part = slice(col * n, (col + 1) * n)
            out[self._rows[part], col] = self._sorted[part] & np.uint64(0xFFFFFFFF)
        self._matrix = out
        return out

    @property
    def nbytes(self) -> int:
        return int(sum(getattr(self, name).nbytes for name in _ARRAYS))

    def hits(self, hashvalues: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(row indices, shared minima) of every original sharing at least one minimum that
        is not common text."""
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
        return self._count(self._rows, left, right)

    def common(self, anchors: np.ndarray) -> np.ndarray:
        """Which of these 64-bit anchors are common text of the archive (held by > max_df)."""
        return np.isin(_fold(anchors), self.common_anchors)

    def holders(self, anchors: np.ndarray, *, besides: Collection[str] = ()) -> np.ndarray:
        """How many originals hold each of these 64-bit anchors, not counting those ``besides``
        names (the pair's own texts); ``max_df + 1`` for common text, whose postings are not
        kept."""
        folded = _fold(anchors)
        left = np.searchsorted(self._anchor_values, folded, side="left")
        right = np.searchsorted(self._anchor_values, folded, side="right")
        counts: np.ndarray = right - left
        left_out = self._rows_of(besides)
        if len(left_out) and counts.any():
            rows = _gather(self._anchor_rows, left, right)
            owner = np.repeat(np.arange(len(folded)), counts)
            counts = counts - np.bincount(owner[np.isin(rows, left_out)], minlength=len(folded))
        counts[np.isin(folded, self.common_anchors)] = self.max_df + 1
        return counts

    def same_work(self, anchors: np.ndarray, share: float = SAME_WORK_SHARE) -> list[str]:
        """Ids of the originals holding at least ``share`` of these anchors (an article's own),
        and ``SAME_WORK_ANCHORS`` of them or more: the article itself and its republications in
        the archive, one work, not other sources."""
        folded = np.unique(_fold(anchors))
        folded = folded[~np.isin(folded, self.common_anchors)]
        if not len(folded):
            return []
        left = np.searchsorted(self._anchor_values, folded, side="left")
        right = np.searchsorted(self._anchor_values, folded, side="right")
        rows, counts = self._count(self._anchor_rows, left, right)
        enough = (counts >= share * len(folded)) & (counts >= SAME_WORK_ANCHORS)
        return [self.ids[int(r)] for r in rows[enough]]

    def _rows_of(self, ids: Collection[str]) -> np.ndarray:
        rows = [self._row_of[name] for name in ids if name in self._row_of]
        return np.asarray(rows, np.int32)

    @functools.cached_property
    def _row_of(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.ids)}

    def _count(
        self, postings: np.ndarray, left: np.ndarray, right: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Rows named by the postings slices ``[left, right)`` no longer than max_df, counted."""
        keep = (right > left) & (right - left <= self.max_df)
        rows = _gather(postings, left[keep], right[keep])
        if not len(rows):
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        return _runs(np.sort(rows).astype(np.int64))

    def anchor_hits(
        self, anchors: np.ndarray, positions: np.ndarray | None = None, *, min_anchors: int = 1
    ) -> tuple[np.ndarray, np.ndarray]:
        """(row indices, shared anchors) of every original holding a run of ``min_anchors``
        consecutive anchors of the copy that spans at least CLUSTER_SPAN shingles.

        ``anchors`` are the copy's anchor occurrences in text order and ``positions`` their
        shingle positions; without positions every shared anchor counts, in no particular run.
        Common anchors are left out of the copy's sequence: they say nothing either way.
        """
        values = _fold(np.asarray(anchors, dtype=np.uint64))
        if not len(values) or not len(self._anchor_values):
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        at = np.zeros(len(values), np.int64) if positions is None else np.asarray(positions)
        if len(self.common_anchors):  # common anchors are left out of the sequence
            at_common = np.searchsorted(self.common_anchors, values)
            at_common[at_common == len(self.common_anchors)] = 0
            known = self.common_anchors[at_common] != values
            values, at = values[known], at[known]
        left = np.searchsorted(self._anchor_values, values, side="left")
        right = np.searchsorted(self._anchor_values, values, side="right")
        rows = _gather(self._anchor_rows, left, right).astype(np.int64)
        if not len(rows):
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        # Sort (row, rank) pairs as one int64 key: rank is the anchor's place in the copy.
        keys = rows * len(values) + np.repeat(np.arange(len(values)), right - left)
        keys.sort()
        rows, rank = np.divmod(keys, len(values))
        found, counts = _runs(rows)
        if min_anchors > 1 and positions is not None:
            where = at[rank]
            keep = np.isin(found, _rows_with_runs(rows, rank, where, min_anchors))
            found, counts = found[keep], counts[keep]
        return found, counts

    def query_fingerprint(self, fp: Fingerprint, **options: float | int | None) -> list[Candidate]:
        """``query`` with everything a Fingerprint carries (minima, size, anchors and where)."""
        return self.query(
            fp.hashvalues,
            fp.size,
            anchors=fp.anchor_hashes,
            anchor_positions=fp.anchor_positions,
            **options,  # type: ignore[arg-type]
        )

    def query(
        self,
        hashvalues: np.ndarray,
        size: int,
        *,
        anchors: np.ndarray | None = None,
        anchor_positions: np.ndarray | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        min_hits: int = DEFAULT_MIN_HITS,
        min_anchors: int = DEFAULT_MIN_ANCHORS,
        limit: int | None = None,
    ) -> list[Candidate]:
        """Originals sharing ``min_anchors`` clustered anchors with the copy (a quotation),
        with their estimated containment either way; best first. With anchor positions, an
        original without such a cluster is kept only at UNCLUSTERED_THRESHOLD containment;
        without anchors, every original at ``threshold`` containment is.

        Raises:
            ValueError: if ``threshold`` is not in (0, 1] or ``min_hits`` is below 1.
        """
        _check(threshold, min_hits)
        rows, counts = self.hits(hashvalues)
        found = self._rank(rows, counts, size, threshold, min_hits, None)
        if anchors is not None:
            clustered = self.anchor_hits(anchors, anchor_positions, min_anchors=min_anchors)
            found = self._merge_anchors(found, anchors, clustered)
            if anchor_positions is not None:
                ok = {self.ids[r] for r in clustered[0].tolist()}
                found = [c for c in found if c.id in ok or c.containment >= UNCLUSTERED_THRESHOLD]
        return found[:limit] if limit else found

    def _merge_anchors(
        self, found: list[Candidate], anchors: np.ndarray, hits: tuple[np.ndarray, np.ndarray]
    ) -> list[Candidate]:
        rows, counts = hits
        if not len(rows):
            return found
        by_id = {c.id: c for c in found}
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
        """The same answer computed by comparing against every signature (the baseline; it
        makes no common-text cut)."""
        _check(threshold, min_hits)
        if not self.ids:
            return []
        query = np.asarray(hashvalues, dtype=np.uint64).astype(np.uint32)
        counts = (self.matrix() == query[None, :]).sum(axis=1)
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


_ARRAYS = (
    "sizes",
    "_sorted",
    "_rows",
    "anchor_counts",
    "common_anchors",
    "_anchor_values",
    "_anchor_rows",
)


def _rows_with_runs(rows: np.ndarray, rank: np.ndarray, where: np.ndarray, m: int) -> np.ndarray:
    """Rows sharing a run of at least ``m`` consecutive copy anchors (ranks r, r + 1, ...) whose
    first and last lie CLUSTER_SPAN or more shingle positions apart. ``rows`` and ``rank`` are
    sorted by row, then rank."""
    breaks = (rows[1:] != rows[:-1]) | (rank[1:] - rank[:-1] != 1)
    starts = np.flatnonzero(np.concatenate(([True], breaks)))
    ends = np.append(starts[1:], len(rows)) - 1
    run = (ends - starts + 1 >= m) & (where[ends] - where[starts] >= CLUSTER_SPAN)
    return np.unique(rows[starts[run]])


def _runs(ordered: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(distinct values, how often each occurs) of a sorted array, without another sort."""
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    return ordered[starts], np.diff(np.append(starts, len(ordered)))


def _gather(postings: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """``concatenate(postings[a:b] for a, b in zip(left, right))``, vectorised."""
    lengths = right - left
    total = int(lengths.sum())
    if not total:
        return np.zeros(0, postings.dtype)
    starts = np.repeat(left - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
    return postings[starts + np.arange(total)]


def _fold(anchors: np.ndarray) -> np.ndarray:
    """Anchors as the search keeps them: the high 32 bits of the 64-bit hash. Half the memory;
    a chance collision adds a stray anchor, and a candidate needs three in a cluster."""
    folded: np.ndarray = (np.asarray(anchors, dtype=np.uint64) >> np.uint64(32)).astype(np.uint32)
    return folded


def _keys(matrix: np.ndarray) -> np.ndarray:
    values = np.asarray(matrix, dtype=np.uint64) & np.uint64(0xFFFFFFFF)
    columns = np.arange(matrix.shape[1], dtype=np.uint64) << np.uint64(32)
    return values + columns[None, :]


def _check(threshold: float, min_hits: int) -> None:
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1] (got {threshold})")
    if min_hits < 1:
        raise ValueError(f"min_hits must be at least 1 (got {min_hits})")
