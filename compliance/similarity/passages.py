"""Stage 3 of alignment: each group of seeds becomes passages, scored and refined.

A group becomes a passage from its first to its last seed word in both texts, extended outwards
while the words agree; passages shorter than ``min_words`` or scoring below ``min_score``
(rapidfuzz ``ratio`` of the normalised word strings) are dropped. Word ends that only one side
has are cut. Seeds a passage leaves over (sentences shuffled inside an edited stretch) are
aligned again; a left-over passage beside one already found is joined to it (its score, over
reordered text, may then fall below ``min_score``).
"""

from __future__ import annotations

from bisect import bisect_left
from difflib import SequenceMatcher

from ..model import Passage, Span
from .params import AlignParams
from .seeds import Seed, chain, cluster
from .text import Text, gap, make_passage, words_in
from .wordalign import equal_runs, ratio

__all__ = ["passages"]


def passages(group: list[Seed], o: Text, c: Text, p: AlignParams, depth: int = 0) -> list[Passage]:
    """Passages of one group. Seeds left outside the first passage (a paragraph swapped with
    its neighbour, sentences shuffled inside an edited stretch) are grouped and aligned again,
    ``max_depth`` levels deep at most. A left-over passage next to a passage in both texts is
    joined to it (one copied stretch, reordered inside), unless both are nearly verbatim
    (swapped paragraphs, reported apart); one standing alone is kept only when nearly verbatim
    (a looser one is the ragged edge of an edited passage)."""
    found = _refine(group, o, c, p)
    if depth >= p.max_depth:
        return found
    claimed = bytearray(len(c.idx))  # content words of the copy inside a found passage
    for q in found:
        lo, hi = (bisect_left(c.content_starts, x) for x in (q.copy.start, q.copy.end))
        claimed[lo:hi] = b"\x01" * (hi - lo)
    left = [s for s in group if not claimed[s[1]]]
    extra: list[Passage] = []
    if len(left) >= p.min_seeds and len(left) < len(group):
        for sub in cluster(left, p.merge_gap, p.seed_k):
            extra.extend(passages(sub, o, c, p, depth + 1))
    return _join(found, extra, o, c, p)


def _join(
    main: list[Passage], extra: list[Passage], o: Text, c: Text, p: AlignParams
) -> list[Passage]:
    """``main`` with each of ``extra`` joined to the passages within ``merge_gap`` words of it
    in both texts (see :func:`passages`)."""
    out = list(main)
    for q in sorted(extra, key=lambda x: -x.words):
        near = [m for m in out if _adjoins(m, q, o, c, p.merge_gap)]
        verbatim = q.score >= p.leftover_score and all(m.score >= p.leftover_score for m in near)
        if near and not verbatim:
            out = [m for m in out if m not in near] + [_union([*near, q], o, c)]
        elif q.score >= p.leftover_score:
            out.append(q)
    return out


def _adjoins(a: Passage, b: Passage, o: Text, c: Text, most: int) -> bool:
    """True when two passages lie within ``most`` words of each other in both texts."""
    return gap(o, a.original, b.original) <= most and gap(c, a.copy, b.copy) <= most


def _union(parts: list[Passage], o: Text, c: Text) -> Passage:
    """One passage spanning ``parts`` in both texts, scored afresh."""
    ospan = Span(min(q.original.start for q in parts), max(q.original.end for q in parts))
    cspan = Span(min(q.copy.start for q in parts), max(q.copy.end for q in parts))
    a, b = words_in(o, ospan), words_in(c, cspan)
    score = 100.0 if a == b else ratio(a, b)
    return Passage(
        original=ospan,
        copy=cspan,
        score=round(float(score), 2),
        kind="verbatim" if a == b else "modified",
        words=len(a),
    )


def _refine(group: list[Seed], o: Text, c: Text, p: AlignParams) -> list[Passage]:
    """One passage per group, split in two where the original runs backwards (swapped
    paragraphs) if both halves are then nearly verbatim and clearly better than the whole."""
    whole = _passage(group, o, c, p)
    if whole is None or whole.kind == "verbatim":
        return [whole] if whole is not None else []
    if whole.score + p.split_gain > 100.0:  # no split could gain enough
        return [whole]
    group = sorted(group, key=lambda s: (s[1], s[0]))
    jumps: list[tuple[int, int]] = []
    high = group[0][0]
    for n in range(1, len(group)):
        if high - group[n][0] > p.seed_gap:
            jumps.append((high - group[n][0], n))
        high = max(high, group[n][0])
    for _, n in sorted(jumps, reverse=True)[:3]:
        left, right = _passage(group[:n], o, c, p), _passage(group[n:], o, c, p)
        if (
            left
            and right
            and min(left.score, right.score) >= max(p.leftover_score, whole.score + p.split_gain)
        ):
            return _refine(group[:n], o, c, p) + _refine(group[n:], o, c, p)
    return [whole]


def _passage(group: list[Seed], o: Text, c: Text, p: AlignParams) -> Passage | None:
    """The passage a group of seeds spans, with a stray seed at either end trimmed off when the
    passage scores better without it (refining boundaries with rapidfuzz)."""
    best = _span(group, o, c, p)
    for end in (0, -1):
        for _ in range(p.max_trim):
            if best is None or best.score + p.trim_gain > 100.0 or len(group) <= p.min_seeds:
                break
            stray = chain(group)[end]
            rest = [s for s in group if s != stray]
            cand = _span(rest, o, c, p)
            if cand is None or cand.score < best.score + p.trim_gain:
                break
            group, best = rest, cand
    return best


def _span(group: list[Seed], o: Text, c: Text, p: AlignParams) -> Passage | None:
    k = p.seed_k
    ow, cw = o.words, c.words
    run = chain(group)
    (o0, c0), (o1, c1) = run[0], run[-1]
    # Seeds before the chain in both texts, or after it in both, still belong to the passage;
    # a seed before it in one text and after it in the other is a chance match.
    o_lo = o.idx[min([o0] + [s[0] for s in group if s[1] <= c0])]
    c_lo = c.idx[min([c0] + [s[1] for s in group if s[0] <= o0])]
    o_hi = o.idx[max([o1] + [s[0] for s in group if s[1] >= c1]) + k - 1]
    c_hi = c.idx[max([c1] + [s[1] for s in group if s[0] >= o1]) + k - 1]
    o_lo, o_hi, c_lo, c_hi = _trim_edges(ow, cw, o_lo, o_hi, c_lo, c_hi, p)
    # Extend outwards while the words agree (e.g. the leading "The" a content seed skipped).
    while o_lo > 0 and c_lo > 0 and ow[o_lo - 1] == cw[c_lo - 1]:
        o_lo, c_lo = o_lo - 1, c_lo - 1
    while o_hi + 1 < len(ow) and c_hi + 1 < len(cw) and ow[o_hi + 1] == cw[c_hi + 1]:
        o_hi, c_hi = o_hi + 1, c_hi + 1
    if min(o_hi - o_lo + 1, c_hi - c_lo + 1) < p.min_words:
        return None
    passage = make_passage(o, c, o_lo, o_hi + 1, c_lo, c_hi + 1)
    if passage.kind == "modified" and passage.score < p.min_score:
        return None
    return passage


def _trim_edges(
    ow: list[str], cw: list[str], o_lo: int, o_hi: int, c_lo: int, c_hi: int, p: AlignParams
) -> tuple[int, int, int, int]:
    """Cut the words at either end that have no counterpart on the other side.

    A stray seed can carry one side of a passage past the copied stretch (the original repeats
    a heading or phrase just outside it); the words it adds on that side alone align with
    nothing. Before the first and after the last shared word, as many words are kept on each
    side as the other side has there too (an edited edge); the excess is cut. A word alignment
    of the whole passage (:func:`~.wordalign.equal_runs`) finds the gross edges; difflib's
    longest-match-first alignment of ``edge_window`` words at each end then settles which of two
    repeats is the copied one.
    """
    a, b = ow[o_lo : o_hi + 1], cw[c_lo : c_hi + 1]
    if a == b:
        return o_lo, o_hi, c_lo, c_hi
    runs = equal_runs(a, b)
    if not runs:
        return o_lo, o_hi, c_lo, c_hi
    (a0, b0, _), (i, j, n) = runs[0], runs[-1]
    a1, b1 = i + n, j + n
    w = p.edge_window
    head = _blocks(a[a0 : a0 + w], b[b0 : b0 + w])
    if head and head[0][2] >= p.edge_run:
        a0, b0 = a0 + head[0][0], b0 + head[0][1]
    tail = _blocks(a[max(a0, a1 - w) : a1], b[max(b0, b1 - w) : b1])
    if tail and tail[-1][2] >= p.edge_run:
        i, j, n = tail[-1]
        a1, b1 = max(a0, a1 - w) + i + n, max(b0, b1 - w) + j + n
    lead, trail = min(a0, b0), min(len(a) - a1, len(b) - b1)
    return o_lo + a0 - lead, o_lo + a1 - 1 + trail, c_lo + b0 - lead, c_lo + b1 - 1 + trail


def _blocks(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """Runs of shared words of two short word lists, longest found first (difflib)."""
    return [
        (m.a, m.b, m.size)
        for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
        if m.size
    ]
