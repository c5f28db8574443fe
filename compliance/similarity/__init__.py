"""Comparison of a copy with its original: shingles, MinHash, containment, passage alignment.

One algorithm per module: :mod:`.shingles` (tokens), :mod:`.text` (a side tokenised once),
the alignment stages (:mod:`.seeds`, :mod:`.passages`, :mod:`.evidence`, :mod:`.edges`,
:mod:`.summary`, wired by :mod:`.align`, tuned by :mod:`.params`), :mod:`.compare` (the figures
of a comparison) and :mod:`.decision` (copy or not). ``compare`` is the one entry point the
pipeline uses; ``is_copy`` is the copy / not-a-copy decision.
"""

from __future__ import annotations

from .align import AlignParams, align
from .compare import compare, longest_run
from .decision import DEFAULT_MIN_CONTAINMENT, MIN_COPY_RUN, as_judged, is_copy

__all__ = [
    "DEFAULT_MIN_CONTAINMENT",
    "MIN_COPY_RUN",
    "AlignParams",
    "align",
    "as_judged",
    "compare",
    "is_copy",
    "longest_run",
]
