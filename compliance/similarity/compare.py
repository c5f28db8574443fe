"""compare(): how much of the original a copy reuses, and where.

Example:
    >>> c = compare("one two three four five six", "intro: one two three four five six")
    >>> c.containment
    1.0
"""

from __future__ import annotations

from difflib import SequenceMatcher

from ..model import Comparison, Passage
from .align import DEFAULT_PARAMS, AlignParams, align
from .minhash import containment, jaccard, signature
from .shingles import shingles, words

__all__ = ["compare", "longest_run"]


def compare(original: str, copy: str, params: AlignParams | None = None) -> Comparison:
    """Measure how much of ``original`` the ``copy`` reuses, and align the passages."""
    p = params or DEFAULT_PARAMS
    o_sh, c_sh = shingles(original, p.shingle_k), shingles(copy, p.shingle_k)
    passages = tuple(align(original, copy, p))
    return Comparison(
        jaccard=round(jaccard(signature(o_sh), signature(c_sh)), 4),
        containment=round(containment(o_sh, c_sh), 4),
        coverage=round(_covered(passages, "original") / len(original), 4) if original else 0.0,
        longest_run=longest_run(original, copy, passages),
        new_text_share=round(1.0 - _covered(passages, "copy") / len(copy), 4) if copy else 0.0,
        passages=passages,
    )


def longest_run(original: str, copy: str, passages: tuple[Passage, ...] | list[Passage]) -> int:
    """Longest stretch of identical consecutive words (normalised) inside the aligned passages."""
    best = 0
    for p in passages:
        if p.kind == "verbatim":
            best = max(best, p.words)
            continue
        a = [t for t, _, _ in words(original[p.original.start : p.original.end])]
        b = [t for t, _, _ in words(copy[p.copy.start : p.copy.end])]
        best = max(best, _longest_common_run(a, b))
    return best


def _longest_common_run(a: list[str], b: list[str]) -> int:
    """Longest common run of two word lists (difflib, without its popularity heuristic)."""
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match().size


def _covered(passages: tuple[Passage, ...], side: str) -> int:
    """Characters of one side inside the union of the passages' spans."""
    spans = sorted((getattr(p, side).start, getattr(p, side).end) for p in passages)
    total, end = 0, -1
    for s, e in spans:
        if e <= end:
            continue
        total += e - max(s, end)
        end = e
    return total
