"""Word tokens and shingles: typography must not matter, offsets must point at the real text."""

from __future__ import annotations

import pytest

from compliance.similarity.shingles import shingles, words


def test_tokens_are_case_folded_and_keep_offsets_into_the_original_string() -> None:
    text = "The  QUICK fox"
    assert [(t, text[s:e]) for t, s, e in words(text)] == [
        ("the", "The"),
        ("quick", "QUICK"),
        ("fox", "fox"),
    ]


def test_curly_and_straight_apostrophes_give_the_same_token() -> None:
    assert [t for t, _, _ in words("don’t")] == [t for t, _, _ in words("don't")]


def test_punctuation_quotes_and_dashes_are_not_tokens() -> None:
    assert [t for t, _, _ in words("“Yes” — he said -- “no”.")] == ["yes", "he", "said", "no"]


def test_compatibility_characters_are_normalised() -> None:
    assert [t for t, _, _ in words("ﬁne Ｆｕｌｌ")] == ["fine", "full"]


def test_shingles_are_overlapping_word_k_grams() -> None:
    assert shingles("one two three four", k=2) == {"one two", "two three", "three four"}


def test_a_text_shorter_than_k_is_one_shingle() -> None:
    assert shingles("just two", k=3) == {"just two"}


def test_shingles_ignore_typographic_differences() -> None:
    assert shingles("It’s a “fine” day—really.") == shingles('it\'s a "fine" day -- really')


def test_shingle_size_below_one_is_rejected() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        shingles("text", k=0)
