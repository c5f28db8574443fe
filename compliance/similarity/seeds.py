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

import itertools
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from operator import itemgetter

from .params import AlignParams
from .text import Text

__all__ = ["Seed", "chain", "cluster", "seeds"]

Seed = tuple[int, int]


def seeds(o: Text, c: Text, p: AlignParams) -> list[Seed]:
    """(original, copy) content positions where the same ``seed_k`` content words start.

    A seed occurring more than ``max_occurrences`` times in either text matches everywhere and
    proves nothing; where it starts, the seed grows by one content word at a time (up to
    ``seed_growth`` words more) until it is rare enough. A long document repeats its key words
    far more than 8 times, yet their pairs with the next word stay rare, so its copies keep
    seeds as dense as a short one's.
    """
    ow = [o.words[i] for i in o.idx]
    cw = [c.words[j] for j in c.idx]
    at_o: Sequence[int] = range(len(ow))
    at_c: Sequence[int] = range(len(cw))
    out: list[Seed] = []
    for k in range(p.seed_k, p.seed_k + p.seed_growth + 1):
        where: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i in at_o:
            if i + k <= len(ow):
                where[tuple(ow[i : i + k])].append(i)
        in_copy: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for j in at_c:
            key = tuple(cw[j : j + k])
            if len(key) == k and key in where:
                in_copy[key].append(j)
        common_o: list[int] = []
        common_c: list[int] = []
        for key, js in in_copy.items():
            is_ = where[key]
            if len(is_) > p.max_occurrences or len(js) > p.max_occurrences:
                common_o.extend(is_)
                common_c.extend(js)
            else:
                out.extend((i, j) for i in is_ for j in js)
        if not common_o:
            break
        at_o, at_c = common_o, common_c
    return out


def _diagonal(seed: Seed) -> int:
    return seed[0] - seed[1]


_KEYS = (itemgetter(0), itemgetter(1), _diagonal)


def _split(group: list[Seed], axis: int, gap: int, k: int) -> list[list[Seed]]:
    """Cut ``group`` wherever neighbours along ``axis`` (0 original, 1 copy, 2 diagonal) are
    more than ``gap`` apart; a seed spans ``k`` words along the two text axes.

    Sorted along the axis, a run's reach is its last seed's position plus the seed's width, so
    each cut is found from two neighbours alone.
    """
    group.sort(key=_KEYS[axis])
    keys = list(map(_KEYS[axis], group))
    most = gap + (k - 1 if axis < 2 else 0)
    cuts = [n for n in range(1, len(keys)) if keys[n] - keys[n - 1] > most]
    if not cuts:
        return [group]
    bounds = [0, *cuts, len(group)]
    return [group[a:b] for a, b in itertools.pairwise(bounds)]


def cluster(
    group: list[Seed], gap: int, k: int, axes: tuple[int, ...] = (1, 0), least: int = 1
) -> list[list[Seed]]:
    """Split seed groups along each of ``axes`` in turn until a full round splits nothing.

    Groups split independently, so a group a full round leaves whole is final and set aside.
    Splitting never grows a group, so one with fewer than ``least`` seeds is dropped as soon as
    it appears (chance seeds stand alone; dropping them early spares most of the rounds).
    """
    done: list[list[Seed]] = []
    todo = [group] if len(group) >= least else []
    while todo:
        nxt: list[list[Seed]] = []
        for g in todo:
            parts = [g]
            for axis in axes:
                parts = [
                    q
                    for part in parts
                    for q in (_split(part, axis, gap, k) if len(part) > 1 else [part])
                    if len(q) >= least
                ]
            if len(parts) == 1 and len(parts[0]) == len(g):
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
    ends: list[int] = []  # ends[n]: that end's position in the original
    back: list[int] = [-1] * len(ordered)
    for i, (orig, _) in enumerate(ordered):
        lo = bisect_left(ends, orig)
        back[i] = tails[lo - 1] if lo else -1
        if lo == len(tails):
            tails.append(i)
            ends.append(orig)
        else:
            tails[lo], ends[lo] = i, orig
    out: list[Seed] = []
    i = tails[-1]
    while i >= 0:
        out.append(ordered[i])
        i = back[i]
    return out[::-1]
