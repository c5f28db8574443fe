"""Edges of an edited passage: words beyond the seeds that mostly recur still belong to it."""

from __future__ import annotations

import random

from compliance.similarity import align

_EDGE = [
    "the",
    "minister",
    "said",
    "that",
    "it",
    "was",
    "in",
    "the",
    "end",
    "a",
    "matter",
    "for",
    "the",
    "courts",
    "and",
    "not",
    "for",
    "him",
    "to",
    "decide",
    "on",
]
_CORE = [f"core{i}" for i in range(40)]


def _filler(n: int, seed: int) -> list[str]:
    """Unrelated words: stop words and tokens that occur in no other text."""
    r = random.Random(seed)
    small = ["the", "of", "and", "a", "to", "in", "is", "was", "for", "on", "with", "by"]
    return [w for _ in range(n // 2) for w in (r.choice(small), f"w{seed}x{r.randrange(10**6)}")]


def test_edited_first_line_with_few_content_words_left_is_part_of_the_passage() -> None:
    edge = list(_EDGE)
    for i, word in ((1, "premier"), (2, "stated"), (9, "finish"), (13, "tribunals")):
        edge[i] = word
    core = [f"changed{i}" if i % 5 == 0 else w for i, w in enumerate(_CORE)]
    original = " ".join(_filler(200, 1) + _EDGE + _CORE + _filler(200, 2))
    copy = " ".join(_filler(200, 7) + edge + core + _filler(200, 8))
    (passage,) = align(original, copy)
    assert copy[passage.copy.start :].startswith("the premier stated")
    assert original[passage.original.start :].startswith("the minister said")


def test_unrelated_text_beside_an_edited_passage_stays_outside_it() -> None:
    core = [f"changed{i}" if i % 5 == 0 else w for i, w in enumerate(_CORE)]
    before = _filler(40, 7)
    original = " ".join(_filler(200, 1) + _CORE + _filler(200, 2))
    copy = " ".join(_filler(200, 9) + before + core + _filler(200, 8))
    (passage,) = align(original, copy)
    assert passage.copy.start >= len(" ".join(_filler(200, 9) + before))
