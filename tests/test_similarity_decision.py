"""The copy / not-a-copy decision: an innocent article is never a copy, a real quotation is."""

from __future__ import annotations

from pathlib import Path

from compliance.documents import load_path
from compliance.model import Comparison, Passage, Span
from compliance.similarity import compare, is_copy
from compliance.similarity.align import AlignParams, align

ROOT = Path(__file__).resolve().parents[1]

ORIGINAL = (
    "The harbour authority in Port Elwyn confirmed on Monday that dredging of the northern "
    "channel will begin in early spring, after three years of delays caused by funding disputes "
    "between the regional council and the shipping cooperative.\n\n"
    "Residents living along the estuary have raised concerns about noise from the night shifts, "
    "and a petition signed by more than four hundred households asks the contractor to pause "
    "work between midnight and six in the morning during the breeding season of local birds."
)
# Another story on a similar theme: one sentence loosely echoes the original's wording.
ECHO = (
    "Shop owners along the high street raised concerns over noise from weekend night "
    "markets; a petition signed by ninety households asks organisers to stop music at midnight."
)
OTHER = (
    "Volunteers at the mountain library spent the weekend cataloguing a donated collection of "
    "railway timetables, postcards and engineering drawings from the early twentieth century. "
    "The librarian hopes a grant will pay for scanning the most fragile maps before winter."
)
INNOCENT = f"{OTHER}\n\n{ECHO}\n\n{OTHER[::-1]}"


def test_a_loose_echo_of_a_few_words_would_align_without_the_evidence_bar() -> None:
    assert align(ORIGINAL, INNOCENT, AlignParams(min_matched=1))


def test_a_loose_echo_of_a_few_words_gives_no_passage() -> None:
    assert align(ORIGINAL, INNOCENT) == []


def test_an_article_that_merely_echoes_a_sentence_is_not_a_copy() -> None:
    assert not is_copy(compare(ORIGINAL, INNOCENT))


def test_a_thirty_word_quotation_from_a_long_original_is_a_copy() -> None:
    original = load_path(ROOT / "samples" / "originals" / "meridian-flood-barriers.html")
    column = load_path(ROOT / "samples" / "republished" / "excerpt-in-new-article.md")
    c = compare(original.text, column.text)
    assert is_copy(c)
    assert is_copy(c, min_containment=1.0)  # the quoted passage alone decides it
    assert c.coverage > 0
    assert c.longest_run >= 25


def test_the_evidence_bar_must_be_at_least_one_word() -> None:
    try:
        AlignParams(min_matched=0)
    except ValueError as exc:
        assert "min_matched" in str(exc)
    else:
        raise AssertionError("min_matched=0 was accepted")


def _comparison(containment: float, passages: int) -> Comparison:
    passage = Passage(Span(0, 120), Span(0, 120), 100.0, "verbatim", 20)
    return Comparison(0.0, containment, 0.0, 0, 1.0, (passage,) * passages)


def test_a_pair_without_a_passage_is_not_a_copy_whatever_phrases_it_shares() -> None:
    assert not is_copy(_comparison(containment=0.4, passages=0))


def test_a_containment_threshold_set_explicitly_also_counts_a_pair_without_a_passage() -> None:
    assert is_copy(_comparison(containment=0.2, passages=0), min_containment=0.15)


def test_one_aligned_passage_is_a_copy_whatever_the_share() -> None:
    assert is_copy(_comparison(containment=0.01, passages=1))


def test_a_pair_is_a_copy_exactly_when_some_of_the_original_is_copied() -> None:
    originals = sorted((ROOT / "samples" / "originals").iterdir())[:3]
    copies = sorted((ROOT / "samples" / "republished").iterdir())
    for original in (load_path(p).text for p in originals):
        for path in copies:
            c = compare(original, load_path(path).text)
            assert is_copy(c) == (c.coverage > 0), path.name
