"""The copy / not-a-copy decision: a copy is a pair with an aligned passage.

One definition of what was copied, from the aligned passages, everywhere: the decision, the
copied share (``Comparison.coverage``, the share of the original inside aligned passages) that
fair use weighs and reports show, and the pairs ``scan`` lists (it runs this same check on each
candidate). A pair with no passage has no copied expression to show a reader, so it is never
called a copy by default, however many three-word phrases the two texts share.

Example:
    >>> from compliance.model import Comparison
    >>> shared_phrases = Comparison(jaccard=0.1, containment=0.2, coverage=0.0, longest_run=0,
    ...                             new_text_share=1.0)
    >>> is_copy(shared_phrases)
    False
    >>> is_copy(shared_phrases, min_containment=DEFAULT_MIN_CONTAINMENT)
    True
"""

from __future__ import annotations

from ..model import Comparison

__all__ = ["DEFAULT_MIN_CONTAINMENT", "is_copy"]

DEFAULT_MIN_CONTAINMENT = 0.15
"""A suggested opt-in threshold (``--min-containment``): share of the original's shingles that
must recur in the copy for a pair *without* a passage to count as well. 0.15 was chosen on the
PAN13 tune half (precision 0.999 -> 1.000, recall 0.915 -> 0.889 against 0.05); same-story
reports of one event reach 0.10-0.12 (bench/accuracy/samestory.py)."""


def is_copy(c: Comparison, min_containment: float | None = None) -> bool:
    """True when the copy reuses the original: it has an aligned passage.

    Passages count because :func:`~compliance.similarity.align.align` reports only those that
    clear the evidence bar (``AlignParams.min_matched`` words in order outside short quotes, and
    a run of ``min_run`` for an edited passage): a loose likeness between two articles on one
    story never becomes a passage, while a quoted sentence of thirty words still does. With
    ``min_containment`` set, a pair without a passage also counts when that share of the
    original's word shingles recurs in the copy (its copied share then stays 0).

    Raises:
        ValueError: if ``min_containment`` is outside 0..1.
    """
    if min_containment is None:
        return bool(c.passages)
    if not 0.0 <= min_containment <= 1.0:
        raise ValueError(f"min_containment must be within 0..1 (got {min_containment})")
    return c.containment >= min_containment or bool(c.passages)
