"""Spaced texts for RE2 searches (compliance/linear.py) and how many a process keeps.

The service and Dask workers live long: a cache of whole texts must hold what one check needs
(its copy and its original), not every text or name the process has searched.
"""

from __future__ import annotations

import re

from compliance.checks import _text
from compliance.checks._text import find_name
from compliance.documents import source_map
from compliance.documents.source_map import locate
from compliance.linear import compile_linear, spaced

TEXTS = [f"Story {n}. Reported by South Front, with Example News." for n in range(5)]


def test_spacing_keeps_every_offset() -> None:
    text = "Ana's café_bar — 12 %"
    out = spaced(text, re.compile(r"[\W_]+"))
    assert (len(out), out) == (len(text), "Ana s café bar   12  ")


def test_name_search_keeps_at_most_two_spaced_texts() -> None:
    for text in TEXTS:
        find_name(text, "South Front")
    assert _text._spaced.cache_info().currsize <= 2


def test_name_search_finds_the_same_after_its_text_left_the_cache() -> None:
    first = find_name(TEXTS[0], "Example News")
    for text in TEXTS[1:]:
        find_name(text, "Example News")
    assert find_name(TEXTS[0], "Example News") == first != []


def test_locating_keeps_the_views_of_at_most_two_sources() -> None:
    for text in TEXTS:
        locate(f"<p>{text}</p>", "Example News")
    assert source_map._views.cache_info().currsize <= 2


def test_compiled_search_patterns_are_kept_for_a_bounded_number() -> None:
    for n in range(300):
        find_name(TEXTS[0], f"Name{n}")
    assert compile_linear.cache_info().currsize <= 256
