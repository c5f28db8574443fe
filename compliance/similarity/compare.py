"""compare(): how much of the original a copy reuses, and where.

Example:
    >>> c = compare("one two three four five six", "intro: one two three four five six")
    >>> c.containment
    1.0
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Comparison, Passage
from .align import DEFAULT_PARAMS, AlignParams, align_texts
from .minhash import containment, exact_jaccard
from .shingles import shingle_keys
from .text import Text, token_range
from .wordalign import equal_runs

__all__ = ["compare", "longest_run", "shared_runs"]


def compare(original: str, copy: str, params: AlignParams | None = None) -> Comparison:
    """Measure how much of ``original`` the ``copy`` reuses, and align the passages.

    Each side is tokenised once; shingles, alignment and the longest run all read those tokens.
    Jaccard is exact here (both shingle sets are at hand); MinHash estimates it only for an
    index of signatures.
    """
    p = params or DEFAULT_PARAMS
    o, c = Text.of(original), Text.of(copy)
    o_sh, c_sh = shingle_keys(o.words, p.shingle_k), shingle_keys(c.words, p.shingle_k)
    passages = tuple(align_texts(o, c, p))
    return Comparison(
        jaccard=round(exact_jaccard(o_sh, c_sh), 4),
        containment=round(containment(o_sh, c_sh), 4),
        coverage=_share(passages, "original", original),
        longest_run=longest_run(o, c, passages),
        new_text_share=round(1.0 - _share(passages, "copy", copy), 4) if _own(copy) else 0.0,
        passages=passages,
    )


def longest_run(o: Text, c: Text, passages: tuple[Passage, ...] | list[Passage]) -> int:
    """Longest stretch of identical consecutive words (normalised) inside the aligned passages.

    A verbatim passage is one run; inside a modified one, the longest run of shared words in
    the word alignment the aligner itself uses (:func:`~.wordalign.equal_runs`).
    """
    return max((n for _, _, n in shared_runs(o, c, passages)), default=0)


def shared_runs(
    o: Text, c: Text, passages: tuple[Passage, ...] | list[Passage]
) -> Iterator[tuple[int, int, int]]:
    """``(word in o, word in c, length)`` of each run of shared words inside the passages: a
    verbatim passage whole, a modified one's runs from its word alignment, each extended both
    ways (the alignment may have broken a longer run where a word recurs)."""
    for p in passages:
        a0, a1 = token_range(o, p.original)
        b0, b1 = token_range(c, p.copy)
        if p.kind == "verbatim":
            yield a0, b0, a1 - a0
            continue
        a, b = o.words[a0:a1], c.words[b0:b1]
        for i, j, n in equal_runs(a, b):
            while i > 0 and j > 0 and a[i - 1] == b[j - 1]:
                i, j, n = i - 1, j - 1, n + 1
            while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
                n += 1
            yield a0 + i, b0 + j, n


def _own(text: str) -> int:
    """The text's own characters: whitespace excluded, so the spaces that blank notice and
    furniture (:func:`~compliance.documents.regions.mask`) count on neither side of a share."""
    return sum(map(len, text.split()))  # split() cuts at exactly the characters isspace() names


def _share(passages: tuple[Passage, ...], side: str, text: str) -> float:
    """Share of ``text``'s own characters inside the union of the passages' spans on ``side``."""
    total = _own(text)
    return round(_covered(passages, side, text) / total, 4) if total else 0.0


def _covered(passages: tuple[Passage, ...], side: str, text: str) -> int:
    """Own (non-whitespace) characters of one side inside the union of the passages' spans."""
    spans = sorted((getattr(p, side).start, getattr(p, side).end) for p in passages)
    total, end = 0, -1
    for s, e in spans:
        if e <= end:
            continue
        total += _own(text[max(s, end) : e])
        end = e
    return total
