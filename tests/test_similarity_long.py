"""Long documents: alignment keeps its recall and its cost grows with the text, not its square."""

from __future__ import annotations

import itertools
import random

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from compliance.similarity import AlignParams, compare
from compliance.similarity.wordalign import DIRECT_PAIRS, equal_runs, ratio


def _prose(words: int, seed: int = 3) -> str:
    """Sentences over a Zipf-weighted vocabulary: like real prose, its key words recur far more
    than eight times in a long document."""
    rng = random.Random(seed)
    vocab = [f"{rng.choice('bcdfghklmnprstvz')}{rng.choice('aeiou')}{n}" for n in range(4000)]
    weights = [1.0 / (rank + 1) for rank in range(len(vocab))]
    out: list[str] = []
    while len(out) < words:
        sentence = rng.choices(vocab, weights, k=rng.randint(8, 24))
        out.extend([sentence[0].capitalize(), *sentence[1:-1], sentence[-1] + "."])
    return " ".join(out)


def _edited(text: str, rng: random.Random) -> str:
    """``text`` with one word in fifty replaced, as a light edit does."""
    words = text.split()
    for i in rng.sample(range(len(words)), k=len(words) // 50):
        words[i] = "reportedly"
    return " ".join(words)


def test_a_long_edited_copy_is_aligned_as_fully_as_a_short_one() -> None:
    rng = random.Random(5)
    short, long = _prose(5_000), _prose(20_000)
    short_share = compare(short, _edited(short, rng)).coverage
    long_share = compare(long, _edited(long, rng)).coverage
    assert long_share >= short_share - 0.02


def test_without_seed_growth_a_long_copy_loses_passages() -> None:
    rng = random.Random(5)
    long = _prose(20_000)
    copy = _edited(long, rng)
    grown = compare(long, copy).coverage
    assert compare(long, copy, AlignParams(seed_growth=0)).coverage < grown


def test_a_long_edited_copy_shares_as_many_words_in_order_as_a_direct_alignment() -> None:
    a = _prose(3_000).split()
    b = _edited(" ".join(a), random.Random(1)).split()
    assert len(a) * len(b) > DIRECT_PAIRS
    lcs = (len(a) + len(b) - Indel.distance(a, b)) // 2
    assert sum(n for _, _, n in equal_runs(a, b)) == lcs


def test_every_run_of_a_long_alignment_is_shared_words_in_order() -> None:
    a = _prose(3_000).split()
    b = _edited(" ".join(a), random.Random(1)).split()
    runs = equal_runs(a, b)
    assert all(a[i : i + n] == b[j : j + n] for i, j, n in runs)
    assert all(i + n <= i2 and j + n <= j2 for (i, j, n), (i2, j2, _) in itertools.pairwise(runs))


def test_the_score_of_long_lists_is_close_to_rapidfuzz_ratio() -> None:
    a = _prose(3_000).split()
    b = _edited(" ".join(a), random.Random(1)).split()
    assert abs(ratio(a, b) - fuzz.ratio(" ".join(a), " ".join(b))) < 0.5


def test_remembered_runs_are_a_fresh_list_each_time() -> None:
    a, b = ["a", "b", "c", "d", "e"], ["a", "b", "x", "d", "e"]
    equal_runs(a, b).clear()
    assert equal_runs(a, b) == [(0, 0, 2), (3, 3, 2)]
