"""PAN measures on hand-made cases (Potthast et al. 2010)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench" / "accuracy"))

from measures import Case, precision_recall, roc_auc, score

CASE = Case("p", 100, 200, 1000, 200)


def test_an_exact_detection_scores_one_everywhere() -> None:
    s = score([CASE], [CASE])
    assert (s.precision, s.recall, s.granularity, s.plagdet) == (1.0, 1.0, 1.0, 1.0)


def test_half_a_case_found_is_recall_one_half_with_full_precision() -> None:
    s = score([CASE], [Case("p", 100, 100, 1000, 100)])
    assert s.recall == pytest.approx(0.5)
    assert s.precision == pytest.approx(1.0)


def test_one_case_found_in_two_pieces_has_granularity_two() -> None:
    halves = [Case("p", 100, 100, 1000, 100), Case("p", 200, 100, 1100, 100)]
    s = score([CASE], halves)
    assert s.granularity == 2.0
    assert s.recall == pytest.approx(1.0)
    assert s.plagdet == pytest.approx(1.0 / math.log2(3))


def test_a_detection_on_another_pair_detects_nothing() -> None:
    s = score([CASE], [Case("q", 100, 200, 1000, 200)])
    assert (s.recall, s.precision, s.plagdet) == (0.0, 0.0, 0.0)


def test_a_detection_must_overlap_in_both_documents() -> None:
    s = score([CASE], [Case("p", 100, 200, 5000, 200)])
    assert s.recall == 0.0


def test_a_detection_twice_as_long_as_its_case_has_precision_one_half() -> None:
    s = score([CASE], [Case("p", 100, 400, 1000, 400)])
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(1.0)


def test_precision_and_recall_are_averaged_over_cases_and_detections() -> None:
    other = Case("p", 5000, 100, 9000, 100)
    s = score([CASE, other], [CASE])
    assert s.recall == pytest.approx(0.5)
    assert s.micro_recall == pytest.approx(400 / 600)


def test_roc_auc_of_a_perfect_ranking_is_one_and_of_a_reversed_one_zero() -> None:
    assert roc_auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]) == 1.0
    assert roc_auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]) == 0.0


def test_roc_auc_counts_ties_as_one_half() -> None:
    assert roc_auc([0.5, 0.5], [0, 1]) == 0.5


def test_precision_and_recall_of_a_decision() -> None:
    assert precision_recall([True, True, False, False], [1, 0, 1, 0]) == (0.5, 0.5)
