"""MinHash signatures, Jaccard and containment (exact and estimated from signatures)."""

from __future__ import annotations

import pytest

from compliance.similarity.minhash import (
    containment,
    estimate_containment,
    exact_jaccard,
    jaccard,
    signature,
)
from compliance.similarity.shingles import shingles


def _text(n: int, offset: int = 0) -> str:
    return " ".join(f"w{i}" for i in range(offset, offset + n))


def test_identical_sets_have_jaccard_one() -> None:
    s = shingles(_text(200))
    assert jaccard(signature(s), signature(s)) == 1.0


def test_jaccard_estimate_is_close_to_the_exact_value() -> None:
    a, b = shingles(_text(400)), shingles(_text(400, offset=200))
    assert abs(jaccard(signature(a), signature(b)) - exact_jaccard(a, b)) < 0.12


def test_an_empty_set_has_jaccard_zero_with_anything() -> None:
    assert jaccard(signature(set()), signature(shingles(_text(50)))) == 0.0


def test_containment_of_an_excerpt_in_its_source_is_full() -> None:
    excerpt, source = shingles(_text(50, offset=100)), shingles(_text(1000))
    assert containment(excerpt, source) == 1.0


def test_containment_is_the_share_of_the_original_found_in_the_copy() -> None:
    assert containment({"a", "b", "c", "d"}, {"a", "b", "x"}) == 0.5


def test_estimated_containment_finds_a_short_original_inside_a_long_copy() -> None:
    original, copy = shingles(_text(300, offset=500)), shingles(_text(3000))
    estimate = estimate_containment(signature(original), signature(copy), len(original), len(copy))
    assert estimate > 0.6
    assert jaccard(signature(original), signature(copy)) < 0.2


def test_signatures_are_reproducible_across_calls() -> None:
    s = shingles(_text(100))
    assert signature(s).hashvalues.tolist() == signature(set(s)).hashvalues.tolist()


def test_too_few_permutations_are_rejected() -> None:
    with pytest.raises(ValueError, match="num_perm"):
        signature({"a"}, num_perm=1)


def test_negative_set_sizes_are_rejected() -> None:
    s = signature({"a"})
    with pytest.raises(ValueError, match="set sizes"):
        estimate_containment(s, s, -1, 3)
