"""What makes two fingerprints comparable: the shingle size, hash, MinHash and anchor choice.

Kept apart from ``fingerprint.py`` (numpy) because opening an index checks its scheme, and a
lookup by URL (the hook with a named original) needs no array.
"""

from __future__ import annotations

from ..similarity.minhash import NUM_PERM, SCHEME, SEED

__all__ = ["ANCHOR_MOD", "HASH_NAME", "SHINGLE_K", "fingerprint_scheme"]

SHINGLE_K = 5
"""Words per shingle for the index signature. Longer than the alignment's shingles on purpose:
3-word shingles such as "one of the" recur across unrelated articles and gave unrelated pairs
up to 6 shared minima out of 128 in the benchmark; with 5 words they share at most 1-2, while
an excerpt of 150 words still shares 7 or more with its source (bench/bench_scan.py)."""

ANCHOR_MOD = 4
"""One shingle in ANCHOR_MOD (chosen by its hash, so the same ones in every document) is kept as
an anchor. MinHash cannot see a 30-word quotation in an 800-word original (Jaccard ~0.03, about
four shared minima of 128, often none); anchors can: the quote's ~26 shingles hold ~6 anchors,
and the chance of none is 0.75**26 < 0.1%."""

HASH_NAME = "poly64-fmix64"
"""Names the shingle hash; part of ``fingerprint_scheme`` so an index made with another fails."""


def fingerprint_scheme() -> str:
    """Names what makes fingerprints comparable; an index made under another must be rebuilt."""
    from .notices import NOTICES_VERSION

    return (
        f"k={SHINGLE_K};perm={NUM_PERM};seed={SEED};scheme={SCHEME};hash={HASH_NAME};"
        f"anchors=%{ANCHOR_MOD};notices={NOTICES_VERSION}"
    )
