"""Stage 4 of alignment: the evidence bar, and verbatim pieces of a nearly verbatim passage.

A passage is reported only when at least ``min_matched`` of its words recur, in order, on both
sides (longest common subsequence of the normalised words). Two unrelated articles on one topic
share short, loose stretches by chance; on PAN13 (tune half) every such stretch has fewer than
16 words in common, while a quoted sentence of 30 words clears the bar. The copy / not-a-copy
decision counts passages, so this bar is what keeps an innocent article from being called a
copy.
"""

from __future__ import annotations

import itertools

from ..model import Passage
from .params import AlignParams
from .text import Text, make_passage, token_range
from .wordalign import equal_runs

__all__ = ["drop_overlaps", "evident", "matched", "verbatim_pieces"]


def drop_overlaps(passages: list[Passage]) -> list[Passage]:
    """Keep the longest passage where two claim the same copy text."""
    kept: list[Passage] = []
    for cand in sorted(passages, key=lambda q: (-q.words, q.copy.start)):
        if all(cand.copy.end <= q.copy.start or cand.copy.start >= q.copy.end for q in kept):
            kept.append(cand)
    return kept


def matched(passage: Passage, o: Text, c: Text) -> int:
    """Words the two stretches of ``passage`` share in order (LCS of the normalised words),
    quoted speech left out.

    Two outlets reporting one event both quote its officials word for word: a shared quotation
    shows they heard the same person, not that one copied the other (plagiarism checkers offer
    the same "exclude quotes" rule). A copy shares the prose around its quotes as well, so it
    still clears the bar.
    """
    return sum(_unquoted_runs(passage, o, c))


def evident(passage: Passage, o: Text, c: Text, p: AlignParams) -> bool:
    """True when ``passage`` clears the evidence bar: ``min_matched`` words shared in order
    outside short quotations and, for a modified passage, a run of ``min_run`` of them in a row.

    Two reports of one event paraphrase the same lead with the same names and numbers: enough
    words in order, but never more than three in a row outside the quotes; an edited copy
    keeps runs of its original's wording.
    """
    runs = _unquoted_runs(passage, o, c)
    shared = sum(runs)
    if shared < p.min_matched:
        return False
    return (
        passage.kind == "verbatim"
        or max(runs, default=0) >= p.min_run
        or shared >= p.min_matched_loose
    )


def _unquoted_runs(passage: Passage, o: Text, c: Text) -> list[int]:
    """Lengths of the runs of shared words of ``passage`` (its word alignment), each split at
    the words of short quotations of the copy, which are left out."""
    a0, a1 = token_range(o, passage.original)
    b0, b1 = token_range(c, passage.copy)
    quoted = c.quoted
    out: list[int] = []
    for _, j, n in equal_runs(o.words[a0:a1], c.words[b0:b1]):
        flags = quoted[b0 + j : b0 + j + n]
        if not any(flags):
            out.append(n)
        else:
            out.extend(len(piece) for piece in flags.split(b"\x01") if piece)
    return out


def verbatim_pieces(q: Passage, o: Text, c: Text, p: AlignParams) -> list[Passage]:
    """``q`` cut where the copy leaves out or adds a line (a dateline, a donation box), when it
    is otherwise word for word the original: a report then shows which stretches are verbatim.

    Only a passage whose runs of at least ``min_piece`` shared words cover ``piece_cover`` of
    it is cut, and only between two such runs with at least ``min_gap`` words on one side: an
    edited or translated passage, and one with a word changed here and there, stays whole.
    """
    if q.kind == "verbatim":
        return [q]
    a0, a1 = token_range(o, q.original)
    b0, b1 = token_range(c, q.copy)
    a, b = o.words[a0:a1], c.words[b0:b1]
    runs = [r for r in equal_runs(a, b) if r[2] >= p.min_piece]
    if sum(n for _, _, n in runs) < p.piece_cover * min(len(a), len(b)):
        return [q]
    # Pieces as [a_start, a_end, b_start, b_end) word ranges; the first and last keep q's edges.
    pieces = [[0, runs[0][0] + runs[0][2], 0, runs[0][1] + runs[0][2]]]
    for (pi, pj, pn), (i, j, n) in itertools.pairwise(runs):
        if max(i - pi - pn, j - pj - pn) >= p.min_gap:
            pieces.append([i, i + n, j, j + n])
        else:
            pieces[-1][1], pieces[-1][3] = i + n, j + n
    if len(pieces) == 1:
        return [q]
    pieces[-1][1], pieces[-1][3] = len(a), len(b)
    return [make_passage(o, c, a0 + i0, a0 + i1, b0 + j0, b0 + j1) for i0, i1, j0, j1 in pieces]
