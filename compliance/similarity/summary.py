"""Stage 6 of alignment: a summary joined into one passage over the stretch it summarises.

A short passage that condenses a long stretch of the original leaves only a few short,
scattered passages in the first pass (each a sentence that kept its wording), far apart in the
original and close together in the copy. Decided per pair from that first pass alone (adaptive
alignment, after Sanchez-Perez et al., "A Winning Approach to Text Alignment", PAN 2014):
passages close together in the copy are joined when they lie far apart in the original, or when
the rare words of their neighbourhood recur, in order, across a stretch of the original at least
``summary_ratio`` times longer. Pairs without a passage never get one here, so this cannot make
an innocent article a copy.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict

from ..model import Passage
from .evidence import matched
from .params import AlignParams
from .seeds import chain
from .text import Text, gap, make_passage, token_range

__all__ = ["summaries"]


def summaries(passages: list[Passage], o: Text, c: Text, p: AlignParams) -> list[Passage]:
    """``passages`` with each summary joined into one passage over the stretch it summarises."""
    if not passages:
        return passages
    ordered = sorted(passages, key=lambda q: q.copy.start)
    groups: list[list[Passage]] = [[ordered[0]]]
    for q in ordered[1:]:
        if gap(c, groups[-1][-1].copy, q.copy) <= p.summary_join:
            groups[-1].append(q)
        else:
            groups.append([q])
    where: dict[str, list[int]] = defaultdict(list)
    for i in o.idx:
        where[o.words[i]].append(i)
    out: list[Passage] = []
    for group in groups:
        joined = _summary(group, o, c, where, p)
        if joined is not None and (
            _claims_copied_text(joined, group, passages) or not _condenses(joined, o, c, p)
        ):
            joined = None
        out.extend([joined] if joined is not None else group)
    return out


def _condenses(joined: Passage, o: Text, c: Text, p: AlignParams) -> bool:
    """True when at least ``summary_min_share`` of the summary's copy words recur, in order and
    outside quotations, in the stretch it summarises: a summary keeps the original's wording
    while it condenses it; an independent report of the same event shares its names, numbers
    and quotes, scattered among its own words."""
    b0, b1 = token_range(c, joined.copy)
    return matched(joined, o, c) >= p.summary_min_share * (b1 - b0)


def _claims_copied_text(joined: Passage, group: list[Passage], passages: list[Passage]) -> bool:
    """True when a summary's stretch of the original reaches text another passage of the copy
    already reproduces: that stretch was copied elsewhere, not condensed here (a reordered
    paragraph beside a copied one looks like a summary to the rare-word chains alone)."""
    span = joined.original
    return any(
        q.original.start < span.end and span.start < q.original.end
        for q in passages
        if q not in group
    )


def _summary(
    group: list[Passage], o: Text, c: Text, where: dict[str, list[int]], p: AlignParams
) -> Passage | None:
    """The one passage a group of nearby passages forms if it summarises the original: the
    passages themselves lie far apart in the original, or the rare words around them recur in
    order well beyond them (the stretch then reaches the first and last of those words)."""
    b0 = bisect_left(c.starts, min(q.copy.start for q in group))
    b1 = bisect_right(c.ends, max(q.copy.end for q in group))
    if b1 - b0 > p.summary_max:
        return None
    a0 = bisect_left(o.starts, min(q.original.start for q in group))
    a1 = bisect_right(o.ends, max(q.original.end for q in group))
    spread = len(group) > 1 and a1 - a0 >= p.summary_ratio * (b1 - b0)
    found = _chain(o, c, where, b0, b1, p.summary_margin, p.summary_occ)
    if len(found) >= p.summary_seeds:
        (o0, c0), (o1, c1) = found[0], found[-1]
        beyond = sum(1 for i, _ in found if not a0 <= i < a1)
        if o1 - o0 >= p.summary_ratio * max(c1 - c0, b1 - b0) and beyond >= p.summary_beyond:
            a0, a1, b0, b1 = min(o0, a0), max(o1 + 1, a1), min(c0, b0), max(c1 + 1, b1)
        elif not spread:
            return None
    elif not spread:
        return None
    # Decided: the stretch then reaches the farthest words of a looser chain (commoner words,
    # wider margin), which a summary of the whole original shares with its first and last lines.
    wide = _chain(o, c, where, b0, b1, p.summary_wide_margin, p.summary_wide_occ)
    if len(wide) >= p.summary_seeds:
        a0, a1 = min(a0, wide[0][0]), max(a1, wide[-1][0] + 1)
        b0, b1 = min(b0, wide[0][1]), max(b1, wide[-1][1] + 1)
    # A summary over much of the original condenses all of it: its opening and closing lines
    # are summarised too, though rarely in words the chains can find.
    if a1 - a0 >= p.summary_whole * len(o.tok):
        a0, a1 = 0, len(o.tok)
    return make_passage(o, c, a0, a1, b0, b1)


def _chain(
    o: Text, c: Text, where: dict[str, list[int]], b0: int, b1: int, margin: int, occ: int
) -> list[tuple[int, int]]:
    """(original, copy) word positions of the longest run, rising in both texts, of rare
    content words shared by the original and the copy's words ``[b0, b1)`` and their margin
    (``where``: each content word's positions in the original)."""
    lo, hi = max(0, b0 - margin), min(len(c.tok), b1 + margin)
    here: dict[str, list[int]] = defaultdict(list)
    for j in c.idx[bisect_left(c.idx, lo) : bisect_left(c.idx, hi)]:
        here[c.words[j]].append(j)
    pairs = [
        (i, j)
        for w, js in here.items()
        if len(js) <= occ and 0 < len(where.get(w, ())) <= occ
        for i in where[w]
        for j in js
    ]
    return chain(pairs) if pairs else []
