"""What the candidate search compares: each text's shingles hashed once, MinHash, and anchors.

Every word k-shingle (k = SHINGLE_K) gets one 64-bit hash, computed for the whole text at once
with numpy from per-word hashes (``h = fmix64(sum_j word[i + j] * M_j)``, the M_j odd
constants, so word order counts); the word hashes themselves come from one prefix sum over the
text's bytes (``_word_hashes``), so no word is hashed in a Python loop. That one hash serves
both uses:

- its high 32 bits feed datasketch's ``affine32`` MinHash permutations (the signature);
- the shingles whose hash is 0 modulo ANCHOR_MOD are the *anchors*, kept with their positions
  in the text, so the search can ask whether shared anchors cluster as a quotation does.

Notice text (credit and copyright lines, licence lines, republish boxes, newsletter and
donation appeals, see ``notices.py``) is left out before hashing: every article by an author
carries it, so it is no evidence that one article copied another.

Example:
    >>> fp = fingerprint("one two three four five six seven")
    >>> fp.size, len(fp.hashvalues)
    (3, 128)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from ..similarity.minhash import NUM_PERM, SCHEME, SEED
from ..similarity.shingles import tokens
from .notices import without_notices
from .scheme import ANCHOR_MOD, SHINGLE_K, fingerprint_scheme

__all__ = [
    "ANCHOR_MOD",
    "SHINGLE_K",
    "Fingerprint",
    "fingerprint",
    "fingerprint_scheme",
    "shingle_hashes",
]

_MULTIPLIERS = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
     0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9],
    dtype=np.uint64,
)  # fmt: skip


@dataclass(frozen=True)
class Fingerprint:
    """One text as the search sees it: MinHash values, shingle count, anchors and where they sit.

    ``anchors`` is sorted and unique (what the index stores); ``anchor_hashes`` and
    ``anchor_positions`` list every anchor occurrence in text order (where a query looks for
    runs of shared anchors).
    """

    hashvalues: np.ndarray  # uint64, NUM_PERM MinHash minima
    size: int  # distinct shingles
    anchors: np.ndarray  # uint64, sorted unique
    anchor_hashes: np.ndarray  # uint64, one per anchor occurrence, in text order
    anchor_positions: np.ndarray  # int64, shingle position of each occurrence


_FMIX64 = (33, 0xFF51AFD7ED558CCD, 33, 0xC4CEB9FE1A85EC53, 33)
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)
"""MurmurHash3's finalizers (shift, multiply, shift, multiply, shift), 64- and 32-bit."""


def _fmix(h: np.ndarray, constants: tuple[int, int, int, int, int]) -> np.ndarray:
    """MurmurHash3's finalizer on an unsigned array (its own width): an avalanching bijection.

    The 64-bit one spreads the shingle sums so every bit of the hash is usable; the 32-bit one
    is what datasketch's affine32 scheme applies before its permutations.
    """
    s1, m1, s2, m2, s3 = (h.dtype.type(c) for c in constants)
    h = h ^ (h >> s1)
    h = h * m1
    h = h ^ (h >> s2)
    h = h * m2
    mixed: np.ndarray = h ^ (h >> s3)
    return mixed


_BASE = np.uint64(0x100000001B3)  # odd, so invertible modulo 2**64
_BASE_INVERSE = np.uint64(pow(0x100000001B3, -1, 2**64))
_SPACE = ord(" ")


def _word_hashes(toks: list[str]) -> np.ndarray:
    """One 64-bit hash per token, all at once: a polynomial hash of each token's UTF-8 bytes
    (``sum(byte_i * BASE**i)`` modulo 2**64, from one prefix sum over the joined tokens),
    then MurmurHash3's finalizer. Tokens hold no spaces, so spaces mark where each one ends."""
    data = np.frombuffer(" ".join(toks).encode("utf-8"), np.uint8)
    n = len(data)
    powers = np.full(n, _BASE, np.uint64)
    powers[0] = 1
    inverse = np.full(n + 1, _BASE_INVERSE, np.uint64)
    inverse[0] = 1
    with np.errstate(over="ignore"):
        np.cumprod(powers, out=powers)
        np.cumprod(inverse, out=inverse)
        prefix = np.zeros(n + 1, np.uint64)
        np.cumsum(data * powers, out=prefix[1:])
        spaces = np.flatnonzero(data == _SPACE)
        starts = np.concatenate(([0], spaces + 1))
        ends = np.concatenate((spaces, [n]))
        return _fmix((prefix[ends] - prefix[starts]) * inverse[starts], _FMIX64)


def shingle_hashes(text: str, k: int = SHINGLE_K) -> np.ndarray:
    """One 64-bit hash per word k-shingle of ``text``, in text order (a short text gives one).

    Raises:
        ValueError: if ``k`` is not between 1 and 8.
    """
    if not 1 <= k <= len(_MULTIPLIERS):
        raise ValueError(f"shingle size k must be between 1 and {len(_MULTIPLIERS)} (got {k})")
    toks = tokens(text)
    if not toks:
        return np.zeros(0, np.uint64)
    words = _word_hashes(toks)
    span = min(k, len(words))
    count = len(words) - span + 1
    total = np.zeros(count, np.uint64)
    with np.errstate(over="ignore"):
        for j in range(span):
            total += words[j : j + count] * _MULTIPLIERS[j]
        return _fmix(total, _FMIX64)


@functools.lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations for (NUM_PERM, SEED): the (a, b) of ``a * h + b``.

    Drawn the way ``MinHash._init_permutations`` draws them (numpy's legacy ``RandomState``
    seeded with SEED: an odd 32-bit ``a``, then a 32-bit ``b``), so a query needs numpy only;
    ``import datasketch`` loads scipy. tests/test_index_search.py checks they equal datasketch's.
    """
    if SCHEME != "affine32":
        raise ValueError(f"fingerprints use the affine32 scheme (got {SCHEME!r})")
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _minhash(hashes: np.ndarray) -> np.ndarray:
    """datasketch's affine32 MinHash of the shingles, fed their hashes' high 32 bits; the same
    values ``MinHash.update_batch`` gives, computed in one numpy expression."""
    a, b = _permutations()
    if not len(hashes):
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint64)
    h = _fmix((hashes >> np.uint64(32)).astype(np.uint32), _FMIX32)
    minima: np.ndarray = (h[:, None] * a[None, :] + b[None, :]).min(axis=0)
    return minima.astype(np.uint64)


def fingerprint(text: str) -> Fingerprint:
    """Fingerprint ``text`` (notice text left out) for the index and its queries."""
    hashes = shingle_hashes(without_notices(text))
    distinct = np.unique(hashes)
    is_anchor = (hashes % np.uint64(ANCHOR_MOD)) == 0
    return Fingerprint(
        hashvalues=_minhash(distinct),
        size=len(distinct),
        anchors=np.unique(hashes[is_anchor]),
        anchor_hashes=hashes[is_anchor],
        anchor_positions=np.flatnonzero(is_anchor).astype(np.int64),
    )
