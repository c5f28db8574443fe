"""Two outlets' own reports of one event are not copies; a report that copies the other is."""

from __future__ import annotations

import sys
from pathlib import Path

from checks_builders import doc

from compliance.pipeline import CheckOptions, check_pair
from compliance.similarity import compare, is_copy

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench" / "accuracy"))

from samestory import event, report, same_story

STORIES = range(60)


def test_independent_reports_of_one_event_share_no_passage() -> None:
    assert [s for s in STORIES if compare(*same_story(s)).passages] == []


def test_independent_reports_of_one_event_are_not_a_copy_in_check() -> None:
    first, second = same_story(7)
    r = check_pair(doc(second), doc(first), CheckOptions(terms_id="all-rights-reserved"))
    assert r.verdict == "not-a-copy"
    assert r.comparison.coverage == 0.0


def test_a_report_that_takes_the_other_outlets_paragraphs_is_a_copy() -> None:
    first, second = same_story(7)
    taken = first.split("\n\n")[:3]
    edited = [p.replace(" the ", " a ", 1) for p in taken]
    c = compare(first, "\n\n".join([*edited, *second.split("\n\n")[3:]]))
    assert is_copy(c)
    assert c.coverage > 0.2


def test_a_short_quote_both_reports_give_word_for_word_is_no_passage() -> None:
    e = event(11)
    quote = f'"{e.quotes[2]}"'
    first = report(e, 0).replace("\n\n", f"\n\n{quote} said {e.person}.\n\n", 1)
    second = report(e, 1).replace("\n\n", f"\n\n{e.person} told reporters: {quote}\n\n", 1)
    assert compare(first, second).passages == ()


def _noun_phrase_pair() -> tuple[str, str]:
    """Two reports of one event sharing its noun phrases (4-6 words in a row), not its prose."""
    first = (
        "A new health clinic opened its doors in Millbrook on Tuesday, four years after the town "
        "first asked the regional health board for one. Two doctors and five nurses have been "
        "hired so far, and the clinic hopes to add a dentist by September. The clinic has 14 "
        "rooms for consultations and a small pharmacy. The old surgery on the market square "
        "will become a community centre."
    )
    second = (
        "Millbrook's clinic began seeing patients on Tuesday. The town had lobbied the regional "
        "health board for four years before getting it. Staff currently number two doctors and "
        "five nurses; a dentist could join in September. There are 14 consulting rooms plus a "
        "pharmacy counter. Plans call for the former surgery on the market square to house "
        "community groups."
    )
    return first, second


def test_reports_sharing_the_events_noun_phrases_are_not_a_copy() -> None:
    assert not is_copy(compare(*_noun_phrase_pair()))


def test_reports_sharing_the_events_noun_phrases_get_no_findings_in_check() -> None:
    first, second = _noun_phrase_pair()
    r = check_pair(doc(second), doc(first), CheckOptions(terms_id="all-rights-reserved"))
    assert (r.verdict, r.findings) == ("not-a-copy", ())


def test_a_report_of_a_pair_that_is_not_a_copy_shows_no_copied_share() -> None:
    first, second = _noun_phrase_pair()
    c = check_pair(doc(second), doc(first), CheckOptions(terms_id="all-rights-reserved")).comparison
    assert (c.coverage, c.passages, c.new_text_share) == (0.0, (), 1.0)
