"""MinHash signatures of shingle sets (datasketch), Jaccard and containment.

Jaccard ``|A ∩ B| / |A ∪ B|`` is small when an excerpt is copied from a long original, so the
copy decision uses *containment* ``|A ∩ B| / |A|`` (A = the original's shingles): the share of
the original that reappears in the copy. For one pair the exact sets are at hand; for an index
of signatures, :func:`estimate_containment` recovers containment from the Jaccard estimate and
the two set sizes: ``|A ∩ B| = J (|A| + |B|) / (1 + J)`` (Broder 1997; Zhu et al., LSH Ensemble,
VLDB 2016).

Example:
    >>> a, b = {"a b c", "b c d", "c d e"}, {"a b c", "b c d"}
    >>> containment(a, b)
    0.6666666666666666
    >>> round(jaccard(signature(a), signature(b)), 1)
    0.7
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # datasketch's package import loads scipy (~0.5 s): only where a signature is
    from datasketch import LeanMinHash

__all__ = [
    "NUM_PERM",
    "SCHEME",
    "SEED",
    "containment",
    "estimate_containment",
    "exact_jaccard",
    "jaccard",
    "signature",
]

NUM_PERM = 128
"""Permutations per signature: standard error of the Jaccard estimate about 1/sqrt(128) = 0.09."""
SEED = 1
SCHEME = "affine32"
"""Fixed so that signatures stored by one version of the tool compare with fresh ones."""


def signature(shingle_set: Iterable[str], num_perm: int = NUM_PERM) -> LeanMinHash:
    """A compact, immutable MinHash of ``shingle_set`` (an empty set gives an empty signature).

    Raises:
        ValueError: if ``num_perm`` is less than 2.
    """
    if num_perm < 2:
        raise ValueError(f"num_perm must be at least 2 (got {num_perm})")
    from datasketch import LeanMinHash, MinHash

    mh = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingle_set])
    return LeanMinHash(mh)


def jaccard(a: LeanMinHash, b: LeanMinHash) -> float:
    """MinHash estimate of the Jaccard similarity; 0.0 when either set was empty."""
    if a.is_empty() or b.is_empty():
        return 0.0
    return float(a.jaccard(b))


def exact_jaccard(a: AbstractSet[Hashable], b: AbstractSet[Hashable]) -> float:
    """Exact Jaccard similarity of two shingle sets (0.0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def containment(original: AbstractSet[Hashable], copy: AbstractSet[Hashable]) -> float:
    """Exact share of the original's shingles that occur in the copy (0.0 for an empty original)."""
    return len(original & copy) / len(original) if original else 0.0


def estimate_containment(
    original: LeanMinHash, copy: LeanMinHash, original_size: int, copy_size: int
) -> float:
    """Containment of ``original`` in ``copy`` from signatures and set sizes, clamped to [0, 1].

    Raises:
        ValueError: if a set size is negative.
    """
    if original_size < 0 or copy_size < 0:
        raise ValueError(f"set sizes must be >= 0 (got {original_size}, {copy_size})")
    if original_size == 0:
        return 0.0
    j = jaccard(original, copy)
    shared = j * (original_size + copy_size) / (1.0 + j)
    return max(0.0, min(1.0, shared / original_size))
