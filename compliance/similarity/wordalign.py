"""Word alignment of two stretches, in near-linear time however long they are.

rapidfuzz aligns two word lists bit-parallel in ``O(len(a) * len(b) / 64)``: instant for an
article's passage, quadratic for a book-length one (100,000 words each: seconds per call). Long
lists are first cut at words that occur exactly once in each and rise in both (patience diff,
Bram Cohen; the longest rising chain by :func:`~.seeds.chain`), and each piece between two such
anchors is aligned on its own (directly once small enough, else recursively). Pieces are short
where a copy follows its original, so the cost grows with the text, not its square. Lists short
enough to align directly are aligned directly, exactly as before.

Example:
    >>> equal_runs("a b c d e".split(), "a b x d e".split())
    [(0, 0, 2), (3, 3, 2)]
    >>> ratio("a b c".split(), "a b c".split())
    100.0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from .seeds import chain

__all__ = ["DIRECT_PAIRS", "equal_runs", "forget", "ratio"]

Run = tuple[int, int, int]  # (start in a, start in b, words)

DIRECT_PAIRS = 4_000_000
"""Word pairs (``len(a) * len(b)``) up to which two lists are aligned directly (2,000 x 2,000
words: a few milliseconds). Every PAN13 passage is below it, so their figures are unchanged."""


def equal_runs(a: Sequence[str], b: Sequence[str]) -> list[Run]:
    """Runs of words ``a`` and ``b`` share, in order (a longest common subsequence).

    Remembered for the last few pairs until :func:`forget`: trimming, scoring, the evidence
    bar, verbatim pieces and the longest run each ask for the runs of the same passage, and a
    long one costs milliseconds.
    """
    return list(_remembered(tuple(a), tuple(b)))


def forget() -> None:
    """Drop the remembered runs: each alignment starts afresh (its texts are not the last ones)."""
    _remembered.cache_clear()


@lru_cache(maxsize=8)
def _remembered(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[Run, ...]:
    return tuple(_runs(a, b))


def _runs(a: Sequence[str], b: Sequence[str]) -> list[Run]:
    if len(a) * len(b) <= DIRECT_PAIRS:
        return _direct(a, b)
    anchors = _anchors(a, b)
    if not anchors:
        return _direct(a, b)
    runs: list[Run] = []
    pa = pb = 0
    for i, j in [*_cuts(anchors, len(a), len(b)), (len(a), len(b))]:
        runs += [(pa + x, pb + y, n) for x, y, n in _runs(a[pa:i], b[pb:j])]
        if i < len(a):
            runs.append((i, j, 1))
        pa, pb = i + 1, j + 1
    return _merged(runs)


def _cuts(anchors: list[tuple[int, int]], len_a: int, len_b: int) -> list[tuple[int, int]]:
    """The anchors to cut at: as few as keep each piece small enough to align directly (a
    piece with no anchor that small inside is aligned recursively, on its own unique words)."""
    cuts: list[tuple[int, int]] = []
    pa = pb = 0
    last: tuple[int, int] | None = None
    for i, j in [*anchors, (len_a, len_b)]:
        if (i - pa) * (j - pb) > DIRECT_PAIRS and last is not None:
            cuts.append(last)
            pa, pb, last = last[0] + 1, last[1] + 1, None
        if (i - pa) * (j - pb) > DIRECT_PAIRS and i < len_a:
            cuts.append((i, j))
            pa, pb = i + 1, j + 1
        else:
            last = (i, j)
    return cuts or [anchors[len(anchors) // 2]]


def ratio(a: list[str], b: list[str]) -> float:
    """0..100 rapidfuzz ``ratio`` of the two word strings (joined by spaces).

    Long lists: the character edits are counted only between the shared runs of
    :func:`equal_runs`, which is what ``ratio`` measures, up to where a word recurs.
    """
    if len(a) * len(b) <= DIRECT_PAIRS:
        return float(fuzz.ratio(" ".join(a), " ".join(b)))
    total = len(" ".join(a)) + len(" ".join(b))
    if not total:
        return 100.0
    distance = 0
    pa = pb = 0
    for i, j, n in [*equal_runs(a, b), (len(a), len(b), 0)]:
        distance += Indel.distance(" ".join(a[pa:i]), " ".join(b[pb:j]))
        pa, pb = i + n, j + n
    return 100.0 * (1.0 - distance / total)


def _direct(a: Sequence[str], b: Sequence[str]) -> list[Run]:
    return [
        (op.src_start, op.dest_start, op.src_end - op.src_start)
        for op in Indel.opcodes(a, b)
        if op.tag == "equal"
    ]


def _anchors(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Positions of the words that occur once in each list, longest chain rising in both."""
    in_a, in_b = Counter(a), Counter(b)
    where = {w: i for i, w in enumerate(a) if in_a[w] == 1 and in_b[w] == 1}
    pairs = [(where[w], j) for j, w in enumerate(b) if w in where]
    return chain(pairs) if pairs else []


def _merged(runs: list[Run]) -> list[Run]:
    """Adjacent runs (one ending where the next starts, in both lists) as one."""
    out: list[Run] = []
    for i, j, n in runs:
        if out and out[-1][0] + out[-1][2] == i and out[-1][1] + out[-1][2] == j:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] + n)
        elif n:
            out.append((i, j, n))
    return out
