"""Stages 1 and 2 of alignment: seeds, and the fragments and groups they form.

A seed is a point ``(i, j)``: the ``seed_k`` content words starting at content position ``i``
of the original recur at content position ``j`` of the copy. Seeds are grouped by splitting,
alternately along the copy, the original (and the diagonal), wherever two neighbours lie more
than a gap apart, until no group splits.

Example:
    >>> cluster([(0, 0), (1, 1), (2, 2), (40, 40), (41, 41)], gap=5, k=1)
    [[(0, 0), (1, 1), (2, 2)], [(40, 40), (41, 41)]]
    >>> chain([(0, 0), (5, 1), (1, 2), (2, 3)])
    [(0, 0), (1, 2), (2, 3)]
"""

from __future__ import annotations

from collections import defaultdict
from operator import itemgetter

from .params import AlignParams
from .text import Text

__all__ = ["Seed", "chain", "cluster", "seeds"]

Seed = tuple[int, int]


def seeds(o: Text, c: Text, p: AlignParams) -> list[Seed]:
    """(original, copy) content positions where the same ``seed_k`` content words start;
    words occurring more than ``max_occurrences`` times in either text seed nothing."""
    k = p.seed_k
    where: dict[tuple[str, ...], list[int]] = defaultdict(list)
    o_words = [o.words[i] for i in o.idx]
    c_words = [c.words[i] for i in c.idx]
    for i in range(len(o_words) - k + 1):
        where[tuple(o_words[i : i + k])].append(i)
    in_copy: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j in range(len(c_words) - k + 1):
        key = tuple(c_words[j : j + k])
        if key in where:
            in_copy[key].append(j)
    out: list[Seed] = []
    for key, js in in_copy.items():
        is_ = where[key]
        if len(is_) > p.max_occurrences or len(js) > p.max_occurrences:
            continue
        out.extend((i, j) for i in is_ for j in js)
    return out


def _diagonal(seed: Seed) -> int:
    return seed[0] - seed[1]


_KEYS = (itemgetter(0), itemgetter(1), _diagonal)


def _split(group: list[Seed], axis: int, gap: int, k: int) -> list[list[Seed]]:
    """Cut ``group`` wherever neighbours along ``axis`` (0 original, 1 copy, 2 diagonal) are
    more than ``gap`` apart; a seed spans ``k`` words along the two text axes."""
    key = _KEYS[axis]
    group.sort(key=key)
    width = k - 1 if axis < 2 else 0
    parts: list[list[Seed]] = [[group[0]]]
    end = key(group[0]) + width
    for seed in group[1:]:
        pos = key(seed)
        if pos - end > gap:
            parts.append([seed])
            end = pos + width
        else:
            parts[-1].append(seed)
            end = max(end, pos + width)
    return parts


def cluster(
    group: list[Seed], gap: int, k: int, axes: tuple[int, ...] = (1, 0)
) -> list[list[Seed]]:
    """Split seed groups along each of ``axes`` in turn until a full round splits nothing.

    Groups split independently, so a group a full round leaves whole is final and set aside.
    """
    done: list[list[Seed]] = []
    todo = [group]
    while todo:
        nxt: list[list[Seed]] = []
        for g in todo:
            parts = [g]
            for axis in axes:
                parts = [
                    q
                    for part in parts
                    for q in (_split(part, axis, gap, k) if len(part) > 1 else [part])
                ]
            if len(parts) == 1:
                done.append(g)
            else:
                nxt.extend(parts)
        todo = nxt
    return done


def chain(group: list[Seed]) -> list[Seed]:
    """The longest run of seeds rising in both texts: its ends bound the passage, so a chance
    match just outside the copied stretch cannot stretch it (patience sorting, O(n log n))."""
    ordered = sorted(group, key=lambda s: (s[1], -s[0]))
    tails: list[int] = []  # tails[n]: index in ordered of the smallest end of a chain of n+1
    back: list[int] = [-1] * len(ordered)
    for i, (orig, _) in enumerate(ordered):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if ordered[tails[mid]][0] < orig:
                lo = mid + 1
            else:
                hi = mid
        back[i] = tails[lo - 1] if lo else -1
        if lo == len(tails):
            tails.append(i)
        else:
            tails[lo] = i
    out: list[Seed] = []
    i = tails[-1]
    while i >= 0:
        out.append(ordered[i])
        i = back[i]
    return out[::-1]
