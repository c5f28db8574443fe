"""PAN's text-alignment measures (Potthast, Stein, Barrón-Cedeño, Rosso: "An Evaluation
Framework for Plagiarism Detection", COLING 2010), implemented from the paper's definitions.

A *case* is a true reuse: a span of the suspicious document (``this``) and the span of the source
it came from. A *detection* has the same shape. Both are sets of characters of the two documents.
A detection *detects* a case when they belong to the same pair and overlap in both documents.

    rec(S, R)  = 1/|S| * sum_s |s ∩ ⋃{r in R detecting s}| / |s|          (macro-averaged)
    prec(S, R) = 1/|R| * sum_r |r ∩ ⋃{s in S detected by r}| / |r|
    gran(S, R) = 1/|S_R| * sum_{s in S_R} |{r in R detecting s}|          (S_R: detected cases)
    plagdet    = F1(prec, rec) / log2(1 + gran)

Micro-averaged precision and recall (characters pooled over all cases or detections) are given
too, since some PAN overviews quote them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Case", "Scores", "precision_recall", "roc_auc", "score"]


@dataclass(frozen=True)
class Case:
    """A case or a detection: ``pair`` names the document pair; spans are ``(offset, length)``."""

    pair: str
    this_offset: int
    this_length: int
    source_offset: int
    source_length: int

    @property
    def size(self) -> int:
        return self.this_length + self.source_length


@dataclass(frozen=True)
class Scores:
    """PAN measures over one set of cases and detections."""

    precision: float
    recall: float
    granularity: float
    plagdet: float
    micro_precision: float
    micro_recall: float
    cases: int
    detections: int


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _detects(r: Case, s: Case) -> bool:
    return (
        r.pair == s.pair
        and _overlap(
            r.this_offset,
            r.this_offset + r.this_length,
            s.this_offset,
            s.this_offset + s.this_length,
        )
        and _overlap(
            r.source_offset,
            r.source_offset + r.source_length,
            s.source_offset,
            s.source_offset + s.source_length,
        )
    )


def _covered(lo: int, hi: int, spans: Iterable[tuple[int, int]]) -> int:
    """Characters of ``[lo, hi)`` inside the union of ``spans``."""
    total, end = 0, lo
    for s, e in sorted(spans):
        s, e = max(s, end), min(e, hi)
        if e > s:
            total += e - s
            end = e
    return total


def _share(x: Case, others: Sequence[Case]) -> int:
    """Characters of ``x`` (both documents) inside the union of ``others``."""
    this = _covered(
        x.this_offset,
        x.this_offset + x.this_length,
        ((o.this_offset, o.this_offset + o.this_length) for o in others),
    )
    src = _covered(
        x.source_offset,
        x.source_offset + x.source_length,
        ((o.source_offset, o.source_offset + o.source_length) for o in others),
    )
    return this + src


def score(cases: Sequence[Case], detections: Sequence[Case]) -> Scores:
    """PAN measures. With no cases, recall is 1.0; with no detections, precision is 1.0
    (nothing claimed, nothing wrong) — plagdet is then driven by the other measure."""
    by_pair: dict[str, list[Case]] = defaultdict(list)
    for r in detections:
        by_pair[r.pair].append(r)
    case_pair: dict[str, list[Case]] = defaultdict(list)
    for s in cases:
        case_pair[s.pair].append(s)

    rec_sum = 0.0
    rec_chars = 0
    gran_sum, detected = 0, 0
    for s in cases:
        hits = [r for r in by_pair.get(s.pair, ()) if _detects(r, s)]
        if hits:
            got = _share(s, hits)
            rec_sum += got / s.size
            rec_chars += got
            gran_sum += len(hits)
            detected += 1
    prec_sum = 0.0
    prec_chars = 0
    for r in detections:
        hits = [s for s in case_pair.get(r.pair, ()) if _detects(r, s)]
        if hits:
            got = _share(r, hits)
            prec_sum += got / r.size if r.size else 0.0
            prec_chars += got
    rec = rec_sum / len(cases) if cases else 1.0
    prec = prec_sum / len(detections) if detections else 1.0
    gran = gran_sum / detected if detected else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    case_chars = sum(s.size for s in cases)
    det_chars = sum(r.size for r in detections)
    return Scores(
        precision=prec,
        recall=rec,
        granularity=gran,
        plagdet=f1 / math.log2(1 + gran),
        micro_precision=prec_chars / det_chars if det_chars else 1.0,
        micro_recall=rec_chars / case_chars if case_chars else 1.0,
        cases=len(cases),
        detections=len(detections),
    )


def roc_auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Area under the ROC curve: the chance a random positive outscores a random negative
    (ties count half; Mann-Whitney U over the ranks)."""
    pos = sum(1 for y in labels if y)
    neg = len(labels) - pos
    if not pos or not neg:
        raise ValueError("ROC AUC needs at least one positive and one negative")
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    rank_pos = sum(r for r, y in zip(ranks, labels, strict=True) if y)
    return (rank_pos - pos * (pos + 1) / 2) / (pos * neg)


def precision_recall(predicted: Sequence[bool], labels: Sequence[int]) -> tuple[float, float]:
    """Precision and recall of a yes/no decision (precision 1.0 when nothing is predicted)."""
    tp = sum(1 for p, y in zip(predicted, labels, strict=True) if p and y)
    fp = sum(1 for p, y in zip(predicted, labels, strict=True) if p and not y)
    fn = sum(1 for p, y in zip(predicted, labels, strict=True) if not p and y)
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)
