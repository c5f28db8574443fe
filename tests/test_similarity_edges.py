"""Edges of an edited passage: words beyond the seeds that mostly recur still belong to it."""

from __future__ import annotations

import random

from compliance.similarity import align
from compliance.similarity.edges import extend_edges
from compliance.similarity.params import AlignParams
from compliance.similarity.text import Text, make_passage

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


def test_two_edited_passages_never_both_take_the_words_between_them() -> None:
    first = [f"alpha{i}" for i in range(20)]
    between = [f"mid{i}" for i in range(12)]
    second = [f"beta{i}" for i in range(20)]

    def edited(words: list[str]) -> list[str]:
        return [f"changed{w}" if i % 4 == 0 else w for i, w in enumerate(words)]

    o = Text.of(" ".join(first + between + second))
    c = Text.of(" ".join(edited(first) + between + edited(second)))
    end, start = len(first), len(first) + len(between)
    passages = [
        make_passage(o, c, 0, end, 0, end),
        make_passage(o, c, start, start + len(second), start, start + len(second)),
    ]
    before, after = extend_edges(passages, o, c, AlignParams())
    assert before.copy.end <= after.copy.start
