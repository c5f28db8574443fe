"""A kind's typed parameters refuse values its check could not honour, wherever they are built."""

from __future__ import annotations

import math

import pytest

from compliance.checks import credit_source, excerpt_limit, no_modification, proximity
from compliance.params import ParamsError, from_rule


def test_defaults_are_the_documented_ones() -> None:
    assert proximity.Params() == proximity.Params(
        within_chars=600, elements=("source", "copyright", "link")
    )


def test_building_params_with_a_negative_distance_raises() -> None:
    with pytest.raises(ParamsError, match=r"'within_chars' must be at least 0 \(got -1\)"):
        proximity.Params(within_chars=-1)


def test_building_params_with_nan_raises() -> None:
    with pytest.raises(ParamsError, match=r"'min_score' must be a finite number \(got nan\)"):
        credit_source.Params(min_score=math.nan)


def test_an_excerpt_limit_without_any_limit_raises() -> None:
    with pytest.raises(ParamsError, match="needs max_words or max_paragraphs"):
        excerpt_limit.Params()


def test_a_value_outside_the_declared_choices_raises() -> None:
    with pytest.raises(ParamsError, match=r"'tolerance' must be a list of whitespace"):
        no_modification.Params(tolerance=("spelling",))  # type: ignore[arg-type]


def test_params_error_lists_every_problem_with_its_parameter() -> None:
    with pytest.raises(ParamsError) as caught:
        excerpt_limit.Params(max_words=0, max_paragraphs=-2)
    assert [i.name for i in caught.value.issues] == ["max_words", "max_paragraphs"]


def test_rule_values_become_typed_lists_become_tuples_and_integers_numbers() -> None:
    params, issues = from_rule(credit_source.Params, {"min_score": 85})
    assert issues == []
    assert params == credit_source.Params(min_score=85.0)
    assert isinstance(params.min_score, float)


def test_a_single_choice_stands_for_a_one_item_list() -> None:
    params, _ = from_rule(no_modification.Params, {"tolerance": "style"})
    assert params == no_modification.Params(tolerance=("style",))


def test_true_is_not_a_number() -> None:
    params, issues = from_rule(proximity.Params, {"within_chars": True})
    assert params is None
    assert [i.message for i in issues] == [
        "'within_chars' must be an integer (got True that is bool)"
    ]


def test_a_huge_integer_distance_is_compared_exactly_not_an_overflow() -> None:
    params, issues = from_rule(proximity.Params, {"within_chars": 10**340})
    assert issues == []
    assert params is not None and params.within_chars == 10**340


def test_a_huge_negative_integer_distance_is_reported_with_its_digits() -> None:
    _, issues = from_rule(proximity.Params, {"within_chars": -(10**340)})
    assert [i.message for i in issues] == [f"'within_chars' must be at least 0 (got {-(10**340)})"]


def test_an_integer_too_large_for_a_float_parameter_is_not_finite() -> None:
    _, issues = from_rule(credit_source.Params, {"min_score": 10**340})
    assert [i.message for i in issues] == ["'min_score' must be a finite number (got inf)"]
