"""Which copied passages are evidence of copying: not notice text, not text the archive shares.

A passage the alignment found between a copy and an original proves copying only through the
words of the original that are neither notice lines (``notices.py``: credits, copyright and
licence lines, republish boxes, appeals) nor common text of the archive (shingles whose anchors
more than ``search.common_cutoff`` originals hold: a site's footer, an author's credit line).
A scan drops a pair whose passages are all such shared text, and a pair the check called a
copy only through text another original holds too: the run of words in a row that decides a
copy (``similarity.MIN_COPY_RUN``) must be the pair's own (:func:`has_distinctive_run`).

Example:
    >>> text = "Story words one two three.\\nCopyright 2024 Example News. All rights reserved."
    >>> is_evidence(text, 27, len(text))
    False
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from ..model import Comparison, Passage, Span
from ..similarity import MIN_COPY_RUN
from ..similarity.compare import shared_runs
from ..similarity.shingles import tokens
from ..similarity.text import Text, quotations, token_range
from .fingerprint import ANCHOR_MOD, SHINGLE_K, fingerprint, shingle_hashes
from .notices import notice_spans

if TYPE_CHECKING:
    from .search import ContainmentSearch

__all__ = [
    "MIN_EVIDENCE_WORDS",
    "MIN_RARE_ANCHORS",
    "Common",
    "Holders",
    "has_distinctive_run",
    "has_evidence",
    "is_evidence",
]

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


Holders = Callable[[np.ndarray], np.ndarray]
"""How many originals of the archive other than the pair's own texts hold each of some anchors
(:func:`pair_holders`)."""

MIN_RARE_ANCHORS = 2
"""Anchors of the pair's own a deciding run must contain, as a quotation holds them.

With one, 1 of 200 same-topic reports of ``bench_scan.py --topical`` at 10,000 originals was
still a copy (a name after the quoted statement and the event's fact that opens the next
sentence: 9 words, one of their shingles in no other original); with two, none at 1,000 or
10,000, and every excerpt stays one (docs/accuracy.md, eighth round)."""


SUBSTANTIAL_SHARE = 0.5
"""Share of an original that runs of ``MIN_COPY_RUN`` words, quotations included, must cover
for the pair to be a copy however much of it is quoted. An article made mostly of quotations
("...," said X.) copied whole shares nothing outside them a run could use; two reports of one
event share a few per cent of each other word for word, most of it text other reports hold too,
which does not count."""


def has_distinctive_run(
    original: str,
    copy: str,
    comparison: Comparison,
    *,
    holders: Holders,
    min_containment: float | None = None,
) -> bool:
    """True when the pair keeps a run of ``MIN_COPY_RUN`` shared words in a row that are its
    own: no word of a notice line of the original or of a short quotation of the copy, none
    inside a shingle whose anchor another original holds, and at least ``MIN_RARE_ANCHORS``
    anchors no other original holds. ``holders`` counts the originals holding an anchor
    beyond the pair's own texts (:func:`pair_holders`).

    Reports of one event string the topic's stock phrases, the event's names and facts and
    the statement they all quote (12-20 words when real reports quote one official sentence)
    into shared runs; whatever two reports share, a third report of the event holds too, so
    text another original holds is the topic's or the event's, not the copy's. A copy keeps
    runs of the article's own sentences, or most of the article word for word
    (``SUBSTANTIAL_SHARE``), quotations included. A pair decided without a passage (the opt-in
    containment) is not asked. ``original`` and ``copy`` are the texts ``comparison`` aligned
    (its offsets index them).
    """
    if not comparison.passages:
        return True
    if min_containment is not None and comparison.containment >= min_containment:
        return True
    o, c = Text.of(original), Text.of(copy)
    hashes = shingle_hashes(" ".join(o.words))
    if len(hashes) != len(o.words) - SHINGLE_K + 1:  # no shingle per word: nothing to ask
        return True
    anchor = hashes % np.uint64(ANCHOR_MOD) == 0
    shared = np.zeros(len(hashes), bool)
    shared[anchor] = holders(hashes[anchor]) > 0
    rare = np.concatenate(([0], np.cumsum(anchor & ~shared)))  # own anchors before each start
    held = _covered(np.flatnonzero(shared), len(o.words))
    skip = bytearray(held)
    notices = 0
    for start, end in notice_spans(original):  # never fingerprinted, so never shared: skip them
        lo, hi = token_range(o, Span(start, end))
        skip[lo:hi] = bytes([1]) * (hi - lo)
        notices += hi - lo
    runs = list(shared_runs(o, c, comparison.passages))
    if _copies_most_of(runs, skip, len(o.words) - notices):
        return True
    quotes = quotations(c)
    for a, b, n in runs:
        flags = bytes(x | y for x, y in zip(skip[a : a + n], c.quoted[b : b + n], strict=True))
        flags = _without_shared_quotations(flags, a, b, held, quotes)
        at = a
        for piece in flags.split(b"\x01"):
            lo, hi = at, at + len(piece)
            at = hi + 1
            last = hi - SHINGLE_K + 1  # shingles starting in [lo, last) lie inside the piece
            if hi - lo >= MIN_COPY_RUN and rare[last] - rare[lo] >= MIN_RARE_ANCHORS:
                return True
    return False


def _copies_most_of(runs: list[tuple[int, int, int]], skip: bytearray, words: int) -> bool:
    """Whether runs of ``MIN_COPY_RUN`` words or more, quotations included, cover
    ``SUBSTANTIAL_SHARE`` of the original's ``words`` outside its notice lines and text another
    original holds (``skip``)."""
    covered = sum(n - skip[a : a + n].count(1) for a, _b, n in runs if n >= MIN_COPY_RUN)
    return words > 0 and covered >= SUBSTANTIAL_SHARE * words


def pair_holders(
    search: ContainmentSearch, original_anchors: np.ndarray, original_id: str, copy_id: str
) -> Holders:
    """Holders of anchors beyond the pair's own texts: the original, the copy (when it is
    indexed too) and every original holding the same work as the original
    (``ContainmentSearch.same_work``: the article republished or indexed twice). Without the
    last, a copy of an article the archive holds twice would be its own in neither."""
    besides = {original_id, copy_id, *search.same_work(original_anchors)}
    return functools.partial(search.holders, besides=besides)


def _without_shared_quotations(
    flags: bytes, a: int, b: int, held: bytes, quotes: list[tuple[int, int]]
) -> bytes:
    """``flags`` (1: not the pair's own) of the run at original word ``a``, copy word ``b``,
    with every word of a quotation of the copy flagged when one of its words is in text
    another original holds: the anchors see one shingle in four, and a statement other
    reports quote too is the speaker's, whatever its length, not the pair's."""
    out = bytearray(flags)
    for lo, hi in quotes:
        lo, hi = max(lo, b), min(hi, b + len(flags))
        if lo < hi and any(held[a + lo - b : a + hi - b]):
            out[lo - b : hi - b] = bytes([1]) * (hi - lo)
    return bytes(out)


def _covered(starts: np.ndarray, words: int) -> bytes:
    """1 for each of ``words`` inside a shingle starting at one of ``starts``."""
    edges = np.zeros(words + 1, np.int64)
    np.add.at(edges, starts, 1)
    np.add.at(edges, starts + SHINGLE_K, -1)
    flags: bytes = (np.cumsum(edges[:-1]) > 0).astype(np.uint8).tobytes()
    return flags
