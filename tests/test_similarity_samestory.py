"""Two outlets' own reports of one event are not copies; a report that copies the other is."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
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


@pytest.mark.xfail(
    strict=True,
    reason="issue 13: reports sharing the event's noun phrases (4-6 words in a row) still get a "
    "modified passage; no passage-level measure separates them from PAN translations "
    "(docs/accuracy.md, sixth round)",
)
def test_reports_sharing_the_events_noun_phrases_share_no_passage() -> None:
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
    assert compare(first, second).passages == ()
