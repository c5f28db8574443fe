"""The copy / not-a-copy decision: a copy is a pair with evidence a legal team can show.

The aligner reports every passage that clears its evidence bar (what PAN measures); the decision
asks more of the pair. A verbatim passage is a copy. An edited passage counts only when the
copy keeps a run of at least ``MIN_COPY_RUN`` of the original's words in a row
(``Comparison.longest_run``, the aligner's own word alignment): two outlets' independent reports
of one event share the event's noun phrases in order ("two doctors and five nurses", 4-6 words
in a row), never a clause of the other's prose. ``compare`` still returns such a pair's
passages (``align`` and PAN see them); the pair is not a copy, so ``check`` gives it no findings
and its report shows nothing copied (:func:`as_judged`). ``scan`` runs this same check on each
candidate and then, having the archive at hand, asks the run to be the pair's own (no notice
or quoted words, none another original holds, two anchors no other original holds; or half
the original word for word, quotations included: ``index.evidence.has_distinctive_run``): a
pair ``check`` calls a copy only through text other originals share is not listed by ``scan``.

Example:
    >>> from compliance.model import Comparison, Passage, Span
    >>> loose = Passage(Span(0, 300), Span(0, 280), 58.0, "modified", 50)
    >>> same_story = Comparison(jaccard=0.05, containment=0.06, coverage=0.4, longest_run=5,
    ...                         new_text_share=0.6, passages=(loose,))
    >>> is_copy(same_story)
    False
    >>> from dataclasses import replace
    >>> is_copy(replace(same_story, longest_run=MIN_COPY_RUN))
    True
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Comparison

__all__ = ["DEFAULT_MIN_CONTAINMENT", "MIN_COPY_RUN", "as_judged", "is_copy"]

MIN_COPY_RUN = 7
"""Words in a row an edited passage must keep for the pair to be a copy. The smallest run
above the same-story range (4-6 in ``bench/realpages.py``'s independent pairs), which is
what PAN's tune half favours: every run threshold keeps decision precision 1.000 there, and
recall only falls as it rises (5: 0.838, 7: 0.717, 9: 0.555 of 1,085 positives; 0.875 with no
run asked; docs/accuracy.md, seventh round)."""

DEFAULT_MIN_CONTAINMENT = 0.15
"""A suggested opt-in threshold (``--min-containment``): share of the original's shingles that
must recur in the copy for a pair *without* a passage to count as well. 0.15 was chosen on the
PAN13 tune half (precision 0.999 -> 1.000, recall 0.915 -> 0.889 against 0.05); same-story
reports of one event reach 0.10-0.12 (bench/accuracy/samestory.py)."""


def is_copy(c: Comparison, min_containment: float | None = None) -> bool:
    """True when the copy reuses the original: a verbatim passage, or an edited one keeping a
    run of ``MIN_COPY_RUN`` words.

    A lone loosely edited passage whose longest run is a noun phrase is what two reports of one
    story share; a copy, however edited, keeps longer stretches of the original's wording. With
    ``min_containment`` set, a pair without such evidence also counts when that share of the
    original's word shingles recurs in the copy.

    Raises:
        ValueError: if ``min_containment`` is outside 0..1.
    """
    evidence = bool(c.passages) and (
        c.longest_run >= MIN_COPY_RUN or any(p.kind == "verbatim" for p in c.passages)
    )
    if min_containment is None:
        return evidence
    if not 0.0 <= min_containment <= 1.0:
        raise ValueError(f"min_containment must be within 0..1 (got {min_containment})")
    return c.containment >= min_containment or evidence


def as_judged(c: Comparison, copied: bool) -> Comparison:
    """``c`` as a report shows it once judged: a pair that is not a copy has copied nothing.

    Its loose passages are not evidence, so they are dropped with the copied share they would
    give (one definition of "copied share" everywhere: ``NOT A COPY`` never sits beside "copied
    share 94%"); the longest run is kept, as the reason (under ``MIN_COPY_RUN``).
    """
    if copied or not c.passages:
        return c
    return replace(c, coverage=0.0, new_text_share=1.0, passages=())
