"""Baselines measured in the same run as `compliance`, on the same pairs.

- ``naive_align``: exact word 5-gram seeds (all words, normalised like the real aligner), with
  neighbouring seeds merged when they are close in both texts. The textbook aligner the PAN
  overviews use as a floor.
- ``minhash_jaccard``: the document-level decision a plain near-duplicate detector makes, MinHash
  Jaccard of the two shingle sets (datasketch), thresholded.
"""

from __future__ import annotations

from collections import defaultdict

from compliance.similarity.minhash import jaccard, signature
from compliance.similarity.shingles import shingles, words

NAIVE_K = 5
NAIVE_GAP = 10  # words allowed between two seeds of one passage
NAIVE_MIN_WORDS = 15


def naive_align(original: str, copy: str) -> list[tuple[int, int, int, int]]:
    """Passages ``(orig_start, orig_end, copy_start, copy_end)`` from exact 5-gram seeds."""
    o, c = words(original), words(copy)
    grams: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in range(len(o) - NAIVE_K + 1):
        grams[tuple(t for t, _, _ in o[i : i + NAIVE_K])].append(i)
    seeds = sorted(
        (j, i)
        for j in range(len(c) - NAIVE_K + 1)
        for i in grams.get(tuple(t for t, _, _ in c[j : j + NAIVE_K]), ())
    )
    runs: list[list[int]] = []  # [copy_lo, copy_hi, orig_lo, orig_hi, last seed] (word indices)
    for j, i in seeds:
        last = runs[-1] if runs else None
        if last and j - last[1] <= NAIVE_GAP and 0 < i - last[4] <= NAIVE_GAP + NAIVE_K:
            last[1], last[3], last[4] = j + NAIVE_K - 1, max(last[3], i + NAIVE_K - 1), i
        else:
            runs.append([j, j + NAIVE_K - 1, i, i + NAIVE_K - 1, i])
    return [
        (o[ol][1], o[oh][2], c[cl][1], c[ch][2])
        for cl, ch, ol, oh, _ in runs
        if min(ch - cl, oh - ol) + 1 >= NAIVE_MIN_WORDS
    ]


def minhash_jaccard(original: str, copy: str) -> float:
    """MinHash estimate of the Jaccard similarity of the two texts' default shingle sets."""
    return jaccard(signature(shingles(original)), signature(shingles(copy)))
