"""The attribution matrix holds: no false violations, every planted violation found."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench" / "accuracy"))

import attribution_matrix as matrix


@pytest.fixture(scope="module")
def outcomes() -> list[matrix.Outcome]:
    return matrix.run_matrix()


def test_the_matrix_has_forty_or_more_variants_of_each_kind_of_credit() -> None:
    assert len(matrix.VARIANTS) >= 40
    assert sum(not v.expected for v in matrix.VARIANTS) >= 20
    assert sum(bool(v.expected) for v in matrix.VARIANTS) >= 10


def test_the_matrix_covers_every_sample_original_with_a_canonical_url(
    outcomes: list[matrix.Outcome],
) -> None:
    assert len({o.original for o in outcomes}) == len(matrix.originals())
    assert len(matrix.originals()) >= 2


def test_no_compliant_variant_is_reported_as_a_violation(outcomes: list[matrix.Outcome]) -> None:
    wrong = [(o.original, o.variant, o.false_violations) for o in outcomes if o.false_violations]
    assert wrong == []


def test_every_planted_violation_is_found(outcomes: list[matrix.Outcome]) -> None:
    missed = [(o.original, o.variant, o.missed_violations) for o in outcomes if o.missed_violations]
    assert missed == []


def test_compliant_variants_get_a_compliant_verdict(outcomes: list[matrix.Outcome]) -> None:
    clean = {v.name for v in matrix.VARIANTS if not v.expected}
    verdicts = {o.verdict for o in outcomes if o.variant in clean}
    assert verdicts == {"compliant"}


def test_a_planted_violation_is_caught_by_the_comparison() -> None:
    planted = matrix.Outcome("x", "v", ("link_to_original:missing",), (), "compliant")
    assert planted.missed_violations == ("link_to_original:missing",)
    assert matrix.summary([planted])["missed_violations"] == 1
