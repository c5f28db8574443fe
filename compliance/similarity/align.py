"""Passage alignment: which stretches of the copy came from which stretches of the original.

Method, one module per stage (their tunables in :class:`~.params.AlignParams`):

1. **Seed** (:mod:`.seeds`) on shared *content words* (stop words removed, so an inserted or
   dropped "the" does not break a seed). Words very common in either text are skipped.
2. **Fragments and groups** (:mod:`.seeds`): seeds are points (position in original, position
   in copy), grouped by splitting wherever two neighbours are more than ``seed_gap`` content
   words apart. Fragments with fewer than ``min_seeds`` seeds are chance matches and dropped;
   the surviving seeds are grouped again with the wider ``merge_gap`` into passages. A
   reordered paragraph forms its own group; navigation wrapped around a copy has no seeds.
3. **Score and refine** (:mod:`.passages`): each group becomes passages, scored with rapidfuzz,
   their ends cut to the words both sides share; left-over seeds are aligned again.
4. **Evidence bar** (:mod:`.evidence`): a passage is reported only when at least
   ``min_matched`` of its words recur in order on both sides; a nearly verbatim passage is cut
   into its verbatim pieces.
5. **Edges** (:mod:`.edges`): an edited passage's edges move outwards over the words beyond
   them while enough of them recur in order on the other side.
6. **Summaries** (:mod:`.summary`, adaptive, decided per pair from the passages found so far):
   nearby passages of a short copy stretch that condense a long stretch of the original are
   joined into one passage over it.

A passage is ``verbatim`` when both stretches are the same words after normalisation (case,
quotes, dashes, apostrophes and whitespace ignored), otherwise ``modified``. Offsets index the
strings given, so they slice the same text a reader sees.

Example:
    >>> text = ("The harbour board voted on Tuesday to close the old ferry landing for six "
    ...         "weeks of repairs, and a replacement bus will run over the causeway.")
    >>> [(p.kind, p.words) for p in align(text, "News in brief. " + text)]
    [('verbatim', 26)]
"""

from __future__ import annotations

from ..model import Passage
from .edges import extend_edges
from .evidence import drop_overlaps, evident, verbatim_pieces
from .params import DEFAULT_PARAMS, AlignParams
from .passages import passages
from .seeds import cluster, seeds
from .summary import summaries
from .text import Text
from .wordalign import forget

__all__ = ["DEFAULT_PARAMS", "AlignParams", "align", "align_texts"]


def align(original: str, copy: str, params: AlignParams | None = None) -> list[Passage]:
    """Aligned passages of ``original`` and ``copy``, sorted by their offset in the copy."""
    return align_texts(Text.of(original), Text.of(copy), params)


def align_texts(o: Text, c: Text, params: AlignParams | None = None) -> list[Passage]:
    """:func:`align` over texts already tokenised (a comparison tokenises each side once)."""
    p = params or DEFAULT_PARAMS
    forget()  # the word runs remembered are this pair's only
    found = seeds(o, c, p)
    if not found:
        return []
    # Fragments: dense runs of seeds along one diagonal. Chance matches are isolated and fail
    # min_seeds. Surviving seeds are then grouped into passages with the wider merge_gap, so
    # shuffled or swapped neighbouring sentences stay one passage, as they are one copied piece.
    frags = [
        f
        for f in cluster(found, p.seed_gap, p.seed_k, axes=(1, 0, 2), least=p.min_seeds)
        if len({s[1] for s in f}) >= p.min_seeds
    ]
    kept = [seed for f in frags for seed in f]
    first: list[Passage] = []
    for group in cluster(kept, p.merge_gap, p.seed_k) if kept else []:
        first.extend(passages(group, o, c, p))
    shown = [
        piece
        for q in drop_overlaps(first)
        if evident(q, o, c, p)
        for piece in verbatim_pieces(q, o, c, p)
    ]
    out = summaries(extend_edges(shown, o, c, p), o, c, p)
    return sorted(out, key=lambda q: (q.copy.start, q.original.start))
