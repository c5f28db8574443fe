"""The copy / not-a-copy decision, with the threshold tuned on PAN13 (see docs/accuracy.md).

Example:
    >>> from compliance.model import Comparison
    >>> is_copy(Comparison(jaccard=0.0, containment=0.2, coverage=0.0, longest_run=0,
    ...                    new_text_share=1.0))
    True
"""

from __future__ import annotations

from ..model import Comparison

__all__ = ["DEFAULT_MIN_CONTAINMENT", "is_copy"]

DEFAULT_MIN_CONTAINMENT = 0.15
"""Share of the original's shingles that must recur in the copy for it to count as a copy when no
passage was aligned. A copy with a passage (16+ words in order) counts whatever its share; without
one, 0.05 let topic-related articles through on common phrases alone (2 false copies of 703
negatives on the PAN report half). 0.15 was chosen on the tune half (precision 0.999 -> 1.000,
recall 0.915 -> 0.889): a pair with no copied passage has no copied expression to show a reader."""


def is_copy(c: Comparison, min_containment: float = DEFAULT_MIN_CONTAINMENT) -> bool:
    """True when the copy reuses the original: containment at the threshold, or any passage.

    Passages count because :func:`~compliance.similarity.align.align` reports only those sharing
    at least ``AlignParams.min_matched`` words in order with the original: a short, loose
    likeness between two articles on one topic never becomes a passage, so it cannot make an
    innocent article a copy, while a quoted sentence of some thirty words from a long original
    still does.

    Raises:
        ValueError: if ``min_containment`` is outside 0..1.
    """
    if not 0.0 <= min_containment <= 1.0:
        raise ValueError(f"min_containment must be within 0..1 (got {min_containment})")
    return c.containment >= min_containment or bool(c.passages)
