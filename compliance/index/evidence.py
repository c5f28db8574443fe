"""Which copied passages are evidence of copying: not notice text, not text the archive shares.

A passage the alignment found between a copy and an original proves copying only through the
words of the original that are neither notice lines (``notices.py``: credits, copyright and
licence lines, republish boxes, appeals) nor common text of the archive (shingles whose anchors
more than ``search.common_cutoff`` originals hold: a site's footer, an author's credit line).
A scan drops a pair whose passages are all such shared text.

Example:
    >>> text = "Story words one two three.\\nCopyright 2024 Example News. All rights reserved."
    >>> is_evidence(text, 27, len(text))
    False
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..model import Passage
from ..similarity.shingles import tokens
from .fingerprint import fingerprint
from .notices import notice_spans

__all__ = ["MIN_EVIDENCE_WORDS", "Common", "has_evidence", "is_evidence"]

MIN_EVIDENCE_WORDS = 16
"""Words outside notice lines a passage needs, as the alignment's own bar for a passage
(``AlignParams.min_matched``)."""


def _outside(text: str, start: int, end: int) -> str:
    """``text[start:end]`` without the notice lines of ``text`` that overlap it."""
    kept: list[str] = []
    at = start
    for a, b in notice_spans(text):
        if b <= at or a >= end:
            continue
        kept.append(text[at:a])
        at = max(at, b)
    kept.append(text[at:end])
    return "\n".join(k for k in kept if k)


Common = Callable[[np.ndarray], np.ndarray]
"""Which of some anchors are the archive's common text (``ContainmentSearch.common``)."""


def is_evidence(text: str, start: int, end: int, *, common: Common | None = None) -> bool:
    """True when ``text[start:end]`` holds MIN_EVIDENCE_WORDS words outside notice lines, and
    not all of its anchors are ``common`` text of the archive."""
    own = _outside(text, start, end)
    if len(tokens(own)) < MIN_EVIDENCE_WORDS:
        return False
    anchors = fingerprint(own).anchors
    if not len(anchors) or common is None:
        return True
    return not bool(common(anchors).all())


def has_evidence(
    original: str, passages: tuple[Passage, ...], *, common: Common | None = None
) -> bool:
    """True when no passage was aligned (containment alone decided) or one is evidence."""
    if not passages:
        return True
    return any(
        is_evidence(original, p.original.start, p.original.end, common=common) for p in passages
    )
