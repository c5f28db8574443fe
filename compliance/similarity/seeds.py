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
        o_keys, c_keys = _keys(ow, k), _keys(cw, k)
        n_o, n_c, most = len(o_keys), len(c_keys), p.max_occurrences
        where: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i in at_o:
            if i < n_o:
                where[o_keys[i]].append(i)
        in_copy: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for j in at_c:
            if j < n_c and (key := c_keys[j]) in where:
                in_copy[key].append(j)
        common_o: list[int] = []
        common_c: list[int] = []
        for key, js in in_copy.items():
            is_ = where[key]
            if len(is_) > most or len(js) > most:
                common_o.extend(is_)
                common_c.extend(js)
            else:
                out.extend(itertools.product(is_, js))
        if not common_o:
            break
        at_o, at_c = common_o, common_c
    return out


def _keys(words: list[str], k: int) -> list[tuple[str, ...]]:
    """The ``k`` words starting at each position that has ``k`` words left (built in C)."""
    return list(zip(*(words[s:] for s in range(k)), strict=False))


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
    """Split seed groups along each of ``axes`` in turn until none splits; the groups in order
    of their first seed.

    A part a split leaves has no gap along that axis, so a group is final once it has passed
    every axis whole since it last lost seeds: only the axes not yet passed are checked again
    (checking every axis of every part each round sorted most groups once more than needed).
    Splitting never grows a group, so one with fewer than ``least`` seeds is dropped as soon as
    it appears (chance seeds stand alone; dropping them early spares most of the splitting).
    """
    done: list[list[Seed]] = []
    # (group, index in axes of the next axis to check, axes passed whole since it lost seeds)
    todo = [(group, 0, 0)] if len(group) >= least else []
    while todo:
        g, at, passed = todo.pop()
        parts = _split(g, axes[at], gap, k) if len(g) > 1 else [g]
        after = (at + 1) % len(axes)
        if len(parts) == 1:
            if passed + 1 >= len(axes):
                done.append(g)
            else:
                todo.append((g, after, passed + 1))
        else:
            todo.extend((q, after, 1) for q in reversed(parts) if len(q) >= least)
    done.sort(key=min)
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
