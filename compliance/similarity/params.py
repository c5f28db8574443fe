"""The tunables of passage alignment, each named, bounded and documented with its figure.

Every default was chosen on the PAN13 *tune* half only (docs/accuracy.md has each sweep); the
figures quoted below are tune-half plagdet unless they say otherwise. Grouped by the stage that
reads them (see :mod:`compliance.similarity.align`).

Example:
    >>> AlignParams(min_matched=20).min_matched
    20
    >>> AlignParams(min_score=120)
    Traceback (most recent call last):
    ...
    ValueError: AlignParams.min_score must be within 0..100 (got 120)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from .shingles import DEFAULT_K

__all__ = ["DEFAULT_PARAMS", "AlignParams"]

_SCORES = ("min_score", "split_gain", "trim_gain", "leftover_score")
_SHARES = ("piece_cover", "extend_cost", "summary_min_share", "summary_whole")
_NON_NEGATIVE = ("seed_growth", "seed_gap", "merge_gap", "max_trim", "max_depth", "summary_beyond")


@dataclass(frozen=True)
class AlignParams:
    """The tunables of :func:`~compliance.similarity.align.align` and of the comparison.

    Raises:
        ValueError: on construction, for a value out of range (so a bad config fails early).
    """

    # -- comparison ----------------------------------------------------------------------
    shingle_k: int = DEFAULT_K
    """Words per shingle for containment and Jaccard (3: see shingles.DEFAULT_K)."""

    # -- 1. seeds ------------------------------------------------------------------------
    seed_k: int = 1
    """Content words per seed. Two-word seeds reached only 0.73 plagdet: machine edits and
    translations rarely leave two content words side by side."""
    max_occurrences: int = 8
    """Seeds occurring more often than this in either text grow (they match everywhere)."""
    seed_growth: int = 2
    """Content words a too-common seed may add until it is rare enough (0: it is skipped)."""

    # -- 2. fragments and groups ---------------------------------------------------------
    seed_gap: int = 6
    """Content words allowed between two seeds of one fragment (first-round grid, 0.803)."""
    min_seeds: int = 4
    """Seeds a fragment needs to survive: isolated chance matches drop out (first round)."""
    merge_gap: int = 30
    """Content words allowed between two fragments of one passage (grid 20/30/50, first round)."""

    # -- 3. score and refine -------------------------------------------------------------
    min_words: int = 12
    """Words a passage must span in both texts (first round)."""
    min_score: float = 55.0
    """0..100 rapidfuzz ratio below which a passage is dropped (first round)."""
    split_gain: float = 10.0
    """Score points both halves must gain before a passage is split in two (swapped
    paragraphs; second round, 0.839 -> 0.840)."""
    max_trim: int = 3
    """Stray seeds trimmed at most from each end of a passage (second round)."""
    trim_gain: float = 2.0
    """Score points a passage must gain for a stray end seed to be trimmed (second round)."""
    max_depth: int = 3
    """Rounds of aligning the seeds a group's passages left over (shuffled sentences,
    0.840 -> 0.858 in the second round)."""
    leftover_score: float = 90.0
    """A passage from left-over seeds standing alone must be (nearly) verbatim (second round)."""
    min_piece: int = 5
    """Words in a row a verbatim piece of a passage needs; shorter runs are joints (second
    round, verbatim copies missing a few lines: verbatim 0.992 kept)."""
    piece_cover: float = 0.95
    """Share of a passage its verbatim runs must cover before it is cut into pieces."""
    min_gap: int = 5
    """Words left out or added on one side where a passage is cut into pieces."""
    edge_window: int = 40
    """Words at each end of a passage realigned to place its edges exactly (second round,
    0.839 -> 0.840 with words only one side has cut)."""
    edge_run: int = 5
    """Shared words in a row that settle an edge (shorter runs may be chance)."""

    # -- 4. evidence bar -----------------------------------------------------------------
    min_run: int = 4
    """Shared words in a row (outside short quotes) a *modified* passage needs. Same-story
    reports share at most three in a row outside their quotes (bench/accuracy/samestory.py);
    on a 500-pair PAN13 tune sample the longest run of 10 of 307 edited passages is shorter
    than 4 (plagdet 0.905 -> see docs/accuracy.md)."""
    min_matched_loose: int = 28
    """Words in order (outside short quotes) that let a modified passage without such a run
    through: a heavy edit or a translation keeps many words in order but few in a row."""
    min_matched: int = 16
    """Words a passage must share, in order, with its original stretch. Swept 8-20: below 16,
    chance likenesses between articles on one topic survive (2 to 7 negatives with
    detections); above it, recall falls. 0.803 -> 0.839, 16 -> 0 negatives detected."""

    # -- 5. edges ------------------------------------------------------------------------
    extend_window: int = 30
    """Words beyond each edge of an edited passage searched for more of it (fourth round,
    0.876 -> 0.889; a window of 50 gained only 0.0002)."""
    extend_cost: float = 0.3
    """Shared words each word an edge moves over must earn, averaged on both sides (swept
    0.6 -> 0.879, 0.4 -> 0.886, 0.3 -> 0.889, 0.25 -> 0.889 with lower precision)."""

    # -- 6. summaries --------------------------------------------------------------------
    summary_join: int = 40
    """Copy words between two passages of one summary (third round; 100 changed nothing)."""
    summary_max: int = 150
    """Copy words a summary may span; a longer stretch is a copied passage (300 before: same
    plagdet, 0.876)."""
    summary_margin: int = 20
    """Copy words around the passages searched for the summary's other words (50 for the
    decision itself: 0.865, verbatim precision 0.96)."""
    summary_occ: int = 2
    """A summary word occurs at most this often in the original (4 for the decision: 0.866)."""
    summary_seeds: int = 8
    """Words in order a summary must share with the original stretch it covers (6: no change)."""
    summary_ratio: float = 2.0
    """Original words per copy word before a stretch counts as summarised (3: 0.862, 2: 0.873)."""
    summary_beyond: int = 5
    """Of those words, how many lie outside the passages' stretch of the original (4 or 6:
    0.873 either way; 0 gave 0.806)."""
    summary_wide_margin: int = 50
    """Margin, once a summary is found, for the stretch it covers (0.873 -> 0.876)."""
    summary_wide_occ: int = 4
    """Occurrences allowed in that wider search."""
    summary_min_share: float = 0.3
    """Share of a summary's copy words that must recur in order (quotes left out) in the
    stretch it summarises, so a loose stretch of shared names never claims a whole original.
    Tune half: 0.0 or 0.3 -> 0.886 (summary 0.543), 0.5 -> 0.885 (summary 0.510)."""
    summary_whole: float = 0.3
    """Share of the original a summary reaches before it counts as all of it (0.5 -> 0.8915,
    0.7 -> 0.8905, 0 or 0.15 -> 0.8922; 0.3 the more cautious of near-equal settings)."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, float) and not math.isfinite(value):
                raise ValueError(f"AlignParams.{f.name} must be a finite number (got {value})")
            if f.name in _SCORES:
                if not 0.0 <= value <= 100.0:
                    raise ValueError(f"AlignParams.{f.name} must be within 0..100 (got {value})")
            elif f.name in _SHARES:
                if not 0.0 <= value <= 1.0:
                    raise ValueError(f"AlignParams.{f.name} must be within 0..1 (got {value})")
            elif f.name in _NON_NEGATIVE:
                if value < 0:
                    raise ValueError(f"AlignParams.{f.name} must be >= 0 (got {value})")
            elif value < 1:
                raise ValueError(f"AlignParams.{f.name} must be >= 1 (got {value})")


DEFAULT_PARAMS = AlignParams()
