"""compare(): the figures a report shows, and the copy / not-a-copy decision."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.documents import load_path
from compliance.documents.regions import work_text
from compliance.model import Comparison
from compliance.similarity import DEFAULT_MIN_CONTAINMENT, compare, is_copy

ARTICLE = (
    "The river ferry between Northgate and the island villages will stop running for six weeks "
    "while the landing stage is rebuilt, the transport office said in a statement on Friday. "
    "Commuters will be offered a replacement bus over the causeway, which adds about forty "
    "minutes to the journey each way, and season tickets will be extended at no extra cost. "
    "Shopkeepers on the island worry that visitors will stay away during the busiest part of "
    "the summer, and the chamber of commerce has asked for a temporary second boat instead."
)
UNRELATED = (
    "A choir from the eastern hills won the national folk singing prize with an arrangement of "
    "old harvest songs collected by a schoolteacher during the nineteen fifties. The judges "
    "praised the soloists and the unusual use of a hammered dulcimer in the final piece."
)


def test_a_full_copy_has_full_containment_coverage_and_no_new_text() -> None:
    c = compare(ARTICLE, ARTICLE)
    assert c.containment == 1.0
    assert c.coverage == 1.0
    assert c.new_text_share == 0.0
    assert c.longest_run == len(ARTICLE.split())


def test_an_original_quoted_whole_in_a_long_copy_has_full_containment_but_low_jaccard() -> None:
    filler = " ".join(f"note{n} item{n} entry{n}" for n in range(400))
    c = compare(ARTICLE, filler + "\n\n" + ARTICLE + "\n\n" + filler[::-1])
    assert c.containment == 1.0
    assert c.jaccard < 0.3


def test_new_text_share_counts_what_the_copy_adds() -> None:
    copy = UNRELATED + "\n\n" + ARTICLE
    c = compare(ARTICLE, copy)
    assert abs(c.new_text_share - len(UNRELATED) / len(copy)) < 0.02


def test_passages_are_sorted_by_their_offset_in_the_copy() -> None:
    half = len(ARTICLE) // 2
    cut = ARTICLE.index(". ", half) + 2
    copy = ARTICLE[cut:] + "\n\n" + UNRELATED + "\n\n" + ARTICLE[:cut]
    starts = [p.copy.start for p in compare(ARTICLE, copy).passages]
    assert len(starts) == 2
    assert starts == sorted(starts)


def test_unrelated_text_is_not_a_copy() -> None:
    c = compare(ARTICLE, UNRELATED)
    assert c.passages == ()
    assert not is_copy(c)


def test_a_full_copy_is_a_copy() -> None:
    assert is_copy(compare(ARTICLE, ARTICLE))


def test_the_copy_threshold_is_a_share() -> None:
    assert 0.0 < DEFAULT_MIN_CONTAINMENT < 1.0


def test_a_threshold_outside_zero_to_one_is_rejected() -> None:
    c = Comparison(jaccard=0.0, containment=0.0, coverage=0.0, longest_run=0, new_text_share=1.0)
    with pytest.raises(ValueError, match="min_containment"):
        is_copy(c, min_containment=1.5)


def test_an_exact_copy_of_a_page_has_full_coverage_though_its_notice_is_blanked() -> None:
    page = load_path(
        Path(__file__).parent.parent / "samples/originals/meridian-flood-barriers.html"
    )
    assert page.regions  # notice and furniture are blanked out of the work text
    c = compare(work_text(page), work_text(page))
    assert c.coverage == 1.0
    assert c.new_text_share == 0.0
