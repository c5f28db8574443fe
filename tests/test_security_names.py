"""Patterns built from input run on RE2: a hostile name or document costs linear time."""

from __future__ import annotations

import pytest

from compliance.checks._text import find_name
from compliance.documents.source_map import locate


def test_a_name_of_underscores_matches_nothing_and_returns() -> None:
    text = "_ " * 20 + "x" + " _" * 20_000
    assert find_name(text, "_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _") == []


@pytest.mark.timeout(60)  # a hang guard: on a backtracking engine this pair never returns
def test_a_backtracking_bomb_name_returns() -> None:
    name = "_ " * 30 + "b"
    text = "_ " * 100_000 + "c"
    assert find_name(text, name) == []


def test_spacing_case_and_punctuation_are_ignored() -> None:
    text = "By SOUTH-FRONT, then southfront."
    assert [text[s.start : s.end] for s in find_name(text, "South Front")] == [
        "SOUTH-FRONT",
        "southfront",
    ]


def test_a_name_inside_a_longer_word_is_not_a_mention() -> None:
    assert find_name("Southfronter and xSouth Front", "South Front") == []


def test_offsets_count_characters_not_bytes() -> None:
    text = "Écrit par Élan Vital, repris."
    spans = find_name(text, "élan vital")
    assert [(s.start, text[s.start : s.end]) for s in spans] == [(10, "Élan Vital")]


def test_curly_quotes_in_names_match_straight_ones() -> None:
    text = "Courtesy of O'Neil Media."
    assert len(find_name(text, "O\u2019Neil Media")) == 1


@pytest.mark.timeout(60)  # a hang guard: "<>" is a tag or two gap characters, 2**40 ways
def test_locating_a_stretch_after_overlapping_gap_characters_returns() -> None:
    assert locate("Read " + "<>" * 40 + " x", "Read the original") is None


def test_locating_still_skips_markup_and_entities_between_words() -> None:
    source = "<p>Read&nbsp;<a href='/x'>the</a>\n  original.</p>"
    start, end = locate(source, "Read the original") or (0, 0)
    assert source[start:end] == "Read&nbsp;<a href='/x'>the</a>\n  original"
