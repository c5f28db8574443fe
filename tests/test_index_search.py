"""Candidate search: containment both ways, short quotations, and agreement with brute force."""

from __future__ import annotations

import random

import numpy as np
import pytest

from compliance.errors import IndexFileError
from compliance.index.fingerprint import fingerprint
from compliance.index.search import ContainmentSearch, common_cutoff

_RNG = random.Random(42)
VOCAB = [
    "".join(_RNG.choice("bcdfghklmnprstvz") + _RNG.choice("aeiou") for _ in range(3))
    for _ in range(8000)
]


def text(seed: int, words: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(VOCAB) for _ in range(words))


def build(texts: dict[str, str], **kwargs: int) -> ContainmentSearch:
    fps = {key: fingerprint(t) for key, t in texts.items()}
    return ContainmentSearch(
        list(fps),
        np.array([f.size for f in fps.values()]),
        np.vstack([f.hashvalues for f in fps.values()]),
        [f.anchors for f in fps.values()],
        **kwargs,
    )


def find(search: ContainmentSearch, copy: str) -> list[str]:
    return [c.id for c in search.query_fingerprint(fingerprint(copy))]


ARCHIVE = {f"o{i}": text(i, 1500 if i % 2 else 700) for i in range(60)}
SEARCH = build(ARCHIVE)


def test_a_verbatim_copy_finds_its_original_first() -> None:
    assert find(SEARCH, ARCHIVE["o7"])[0] == "o7"


def test_an_excerpt_of_a_long_original_is_found_despite_low_jaccard() -> None:
    words = ARCHIVE["o9"].split()
    excerpt = " ".join(words[400:560])
    fp = fingerprint(excerpt)
    (best, *_) = SEARCH.query(fp.hashvalues, fp.size, anchors=fp.anchors)
    assert best.id == "o9"
    assert best.jaccard < 0.2
    assert best.copy_in_original > 0.8


def test_an_original_inside_a_much_longer_copy_is_found() -> None:
    padded = " ".join([text(1000, 1500), ARCHIVE["o4"], text(1001, 1500)])
    assert "o4" in find(SEARCH, padded)


def test_a_copy_quoting_two_originals_finds_both() -> None:
    a = " ".join(ARCHIVE["o11"].split()[100:300])
    b = " ".join(ARCHIVE["o20"].split()[50:250])
    assert {"o11", "o20"} <= set(find(SEARCH, f"{a} {text(2000, 300)} {b}"))


def test_a_short_quotation_is_found_through_anchors() -> None:
    quote = " ".join(ARCHIVE["o13"].split()[600:640])
    copy = f"{text(3000, 200)} {quote} {text(3001, 200)}"
    assert find(SEARCH, copy) == ["o13"]


def test_unrelated_text_has_no_candidates() -> None:
    assert find(SEARCH, text(5000, 900)) == []


def test_lsh_answer_equals_the_brute_force_answer() -> None:
    for key in ("o1", "o2", "o30"):
        copy = " ".join(ARCHIVE[key].split()[200:500])
        fp = fingerprint(copy)
        fast = [(c.id, c.hits) for c in SEARCH.query(fp.hashvalues, fp.size)]
        slow = [(c.id, c.hits) for c in SEARCH.brute_force(fp.hashvalues, fp.size)]
        assert fast
        assert fast == slow


def test_anchors_shared_by_many_originals_are_ignored() -> None:
    footer = " ".join(text(9000, 60).split())  # a 60-word footer every original carries
    archive = {f"p{i}": f"{text(100 + i, 300)} {footer}" for i in range(8)}
    search = build(archive, max_df=3)
    footer_anchors = fingerprint(footer).anchors
    assert len(footer_anchors)
    assert search.common(footer_anchors).all()
    rows, _ = search.anchor_hits(fingerprint(f"{text(7000, 300)} {footer}").anchors)
    assert len(rows) == 0


def test_limit_keeps_the_best_candidates() -> None:
    fp = fingerprint(ARCHIVE["o3"])
    assert [c.id for c in SEARCH.query(fp.hashvalues, fp.size, limit=1)] == ["o3"]


def test_threshold_outside_zero_to_one_is_refused() -> None:
    fp = fingerprint(ARCHIVE["o3"])
    with pytest.raises(ValueError, match="threshold"):
        SEARCH.query(fp.hashvalues, fp.size, threshold=1.5)


def test_signatures_of_another_length_are_refused() -> None:
    with pytest.raises(IndexFileError, match="rebuild the index"):
        SEARCH.query(np.zeros(64, dtype=np.uint64), 10)


def test_an_empty_archive_finds_nothing() -> None:
    search = ContainmentSearch.build([])
    fp = fingerprint(ARCHIVE["o1"])
    assert search.query(fp.hashvalues, fp.size, anchors=fp.anchors) == []


def test_short_shared_phrases_make_no_candidate_even_close_together() -> None:
    """Phrases of 8 words shared with an original, a dozen words apart, are a topic's names and
    stock phrases, not a quotation: the copy's own words between them hold anchors the
    original lacks."""
    words = ARCHIVE["o15"].split()
    phrases = [" ".join(words[i : i + 8]) for i in range(0, 800, 100)]
    filler = [text(4000 + i, 12) for i in range(len(phrases))]
    shared = " ".join(f"{f} {p}" for f, p in zip(filler, phrases, strict=True))
    copy = f"{shared} {text(4100, 500)}"  # the rest of the article: containment stays low
    fp = fingerprint(copy)
    rows, _ = SEARCH.anchor_hits(fp.anchor_hashes, min_anchors=1)
    assert SEARCH.ids.index("o15") in rows.tolist()  # the phrases do share anchors
    assert "o15" not in find(SEARCH, copy)


def test_the_common_text_cut_off_grows_with_the_archive() -> None:
    assert common_cutoff(10) == common_cutoff(1_000) == 5
    assert common_cutoff(10_000) == 20
    assert common_cutoff(100_000) == 200


def test_a_search_survives_its_round_trip_through_bytes() -> None:
    loaded = ContainmentSearch.from_bytes(SEARCH.to_bytes())
    assert loaded is not None
    assert find(loaded, ARCHIVE["o7"]) == find(SEARCH, ARCHIVE["o7"])


def test_damaged_search_bytes_are_refused() -> None:
    assert ContainmentSearch.from_bytes(SEARCH.to_bytes()[:-100]) is None
    assert ContainmentSearch.from_bytes(b"not a search") is None


def test_fingerprint_minima_are_datasketchs_affine32_minhash() -> None:
    from datasketch import MinHash

    from compliance.index.fingerprint import shingle_hashes

    hashes = np.unique(shingle_hashes(ARCHIVE["o5"]))
    reference = MinHash(num_perm=128, seed=1, scheme="affine32", hashfunc=int)
    reference.update_batch((hashes >> np.uint64(32)).tolist())
    assert np.array_equal(fingerprint(ARCHIVE["o5"]).hashvalues, reference.hashvalues)


def test_fingerprint_permutations_are_datasketchs_without_importing_it() -> None:
    from datasketch import MinHash

    from compliance.index.fingerprint import _permutations
    from compliance.similarity.minhash import NUM_PERM, SCHEME, SEED

    a, b = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations
    assert np.array_equal(_permutations()[0], a)
    assert np.array_equal(_permutations()[1], b)


def test_fingerprint_tokens_are_the_alignments_words() -> None:
    from compliance.similarity.shingles import tokens, words

    text = "Don’t  PANIC — it's fine. Straße, café, naïve; snake_case 3.14 " + ARCHIVE["o2"]
    assert tokens(text) == [w for w, _, _ in words(text)]


def test_a_word_hashes_the_same_wherever_it_stands() -> None:
    from compliance.index.fingerprint import _word_hashes

    first = _word_hashes(["harbour", "strike", "ends", "strike"])
    second = _word_hashes(["the", "strike", "of", "the", "harbour", "café"])
    assert first[1] == first[3] == second[1]
    assert first[0] == second[4]
    assert len(set(first.tolist())) == 3


def test_holders_leaves_out_the_originals_it_is_told_are_the_pairs() -> None:
    shared = " ".join(text(9100, 80).split())
    archive = {f"p{i}": f"{text(200 + i, 300)} {shared}" for i in range(3)}
    search = build(archive, max_df=5)
    besides = [search.ids[0], search.ids[1]]
    assert set(search.holders(fingerprint(shared).anchors, besides=besides).tolist()) == {1}


def test_same_work_names_the_originals_holding_most_of_an_articles_anchors() -> None:
    article = text(300, 400)
    archive = {
        "article": article,
        "republished": f"{article} {text(301, 60)}",  # the article and a note of its own
        "excerpt": " ".join(article.split()[:80]),  # a fifth of it
        "other": text(302, 400),
    }
    search = build(archive, max_df=5)
    assert sorted(search.same_work(fingerprint(article).anchors)) == ["article", "republished"]


def test_same_work_needs_more_than_a_statement_a_brief_is_made_of() -> None:
    statement = " ".join(text(310, 40).split())  # the words a brief and a report both quote
    archive = {
        "brief": f"The mayor said on Monday: {statement} The council meets in May.",
        "report": f"{text(311, 300)} In a statement the mayor said: {statement}",
    }
    search = build(archive, max_df=5)
    assert "report" not in search.same_work(fingerprint(archive["brief"]).anchors)


def test_holders_counts_the_originals_that_hold_each_anchor() -> None:
    shared = " ".join(text(9100, 80).split())  # a passage two originals carry
    footer = " ".join(text(9000, 60).split())  # a footer every original carries
    archive = {f"p{i}": f"{text(200 + i, 300)} {footer}" for i in range(8)}
    archive["p0"] += f" {shared}"
    archive["p1"] += f" {shared}"
    search = build(archive, max_df=3)
    own = fingerprint(text(200 + 5, 300)).anchors
    assert set(search.holders(fingerprint(shared).anchors).tolist()) == {2}
    assert set(search.holders(own).tolist()) == {1}
    assert (search.holders(fingerprint(footer).anchors) > 3).all()
