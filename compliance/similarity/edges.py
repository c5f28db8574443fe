"""Stage 5 of alignment: an edited passage's edges move outwards over the words beyond them.

An edited passage's first and last lines keep too few content words in place to seed, yet share
most of their small words with the original. Each edge of a *modified* passage moves outwards
(up to ``extend_window`` words, never into a neighbouring passage as that one already extended)
to the end of the run of shared words where the shared words most exceed ``extend_cost`` times
the words taken (averaged over both sides). Verbatim passages are left alone: their exact
extension already stopped where the words differ.
"""

from __future__ import annotations

from rapidfuzz.distance import Indel

from ..model import Passage
from .params import AlignParams
from .text import Text, make_passage, token_range

__all__ = ["extend_edges"]


def extend_edges(passages: list[Passage], o: Text, c: Text, p: AlignParams) -> list[Passage]:
    """``passages`` with each modified passage's edges moved over the words that still mostly
    recur on the other side."""
    if not passages:
        return passages
    ordered = sorted(passages, key=lambda q: q.copy.start)
    out: list[Passage] = []
    w = p.extend_window
    for n, q in enumerate(ordered):
        if q.kind == "verbatim":
            out.append(q)
            continue
        a0, a1 = token_range(o, q.original)
        b0, b1 = token_range(c, q.copy)
        # The previous passage has already moved its end, so this one starts reaching back
        # from there: two passages never both take the words between them.
        lo_b = token_range(c, out[-1].copy)[1] if out else 0
        hi_b = token_range(c, ordered[n + 1].copy)[0] if n + 1 < len(ordered) else len(c.tok)
        # Before the passage: both windows read backwards from its first words.
        back = _reach(o.words[max(0, a0 - w) : a0][::-1], c.words[max(lo_b, b0 - w) : b0][::-1], p)
        ahead = _reach(o.words[a1 : a1 + w], c.words[b1 : min(hi_b, b1 + w)], p)
        if back == (0, 0) and ahead == (0, 0):
            out.append(q)
            continue
        out.append(make_passage(o, c, a0 - back[0], a1 + ahead[0], b0 - back[1], b1 + ahead[1]))
    return out


def _reach(a: list[str], b: list[str], p: AlignParams) -> tuple[int, int]:
    """Words of ``a`` and ``b`` (read outwards from a passage edge) worth adding to it: the
    end of the run of shared words where the words shared most exceed the cost of the words
    taken, ``(0, 0)`` when no extension pays."""
    if not a or not b:
        return 0, 0
    best, at, shared = 0.0, (0, 0), 0
    for op in Indel.opcodes(a, b):
        if op.tag != "equal":
            continue
        shared += op.src_end - op.src_start
        gain = shared - p.extend_cost * (op.src_end + op.dest_end) / 2
        if gain > best:
            best, at = gain, (op.src_end, op.dest_end)
    return at
