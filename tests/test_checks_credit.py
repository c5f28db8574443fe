"""credit_source, copyright_notice and byline: the copy names who made the story."""

from __future__ import annotations

import pytest
from checks_builders import (
    BODY,
    CREDIT,
    ORIGINAL_URL,
    attribution,
    context,
    doc,
    original_doc,
    req,
    run,
    terms,
)

from compliance.checks import byline, copyright_notice, credit_source
from compliance.model import Detect

CREDIT_REQ = req("credit_source")


@pytest.mark.parametrize(
    "credit",
    [
        "The original source of this article is Harbour Light",
        "Originally published by Harbour Light.",
        "Originally published at harbour light on 7 March.",
        "Source: HARBOUR LIGHT",
        "Source: HarbourLight",
        "via Harbour-Light",
        "First published in Meridian Review.",
        "[Harbour Light](https://example.org/elsewhere)",
    ],
)
def test_credit_wordings_that_name_the_source_pass(credit: str) -> None:
    ctx = context(doc(f"{BODY}\n\n{credit}"), CREDIT_REQ)
    assert run(credit_source, ctx, CREDIT_REQ) == []


def test_a_copy_without_the_source_name_fails_as_missing() -> None:
    ctx = context(doc(BODY), CREDIT_REQ)
    [finding] = run(credit_source, ctx, CREDIT_REQ)
    assert finding.outcome == "missing"
    assert "Harbour Light" in finding.fix


def test_a_name_that_only_occurs_inside_the_copied_story_is_not_a_credit() -> None:
    body = BODY.replace("met again", "met Harbour Light reporters again")
    original = doc(body)
    ctx = context(doc(body), CREDIT_REQ, original=original)
    [finding] = run(credit_source, ctx, CREDIT_REQ)
    assert finding.outcome == "named-in-body-only"
    assert finding.evidence[0].snippet.lower() == "harbour light"


def test_an_exact_template_matches_despite_quotes_and_spacing() -> None:
    rule = req("credit_source", template="This story was originally published by {publisher}.")
    ctx = context(doc(f"This story was  originally published by ‘Meridian Review’\n\n{BODY}"), rule)
    assert run(credit_source, ctx, rule) == []


def test_a_missing_template_line_is_reported_with_the_line_to_add() -> None:
    rule = req("credit_source", template="This story was originally published by {publisher}.")
    ctx = context(doc(f"Thanks to our friends.\n\n{BODY}\n\nSource: Harbour Light"), rule)
    [finding] = run(credit_source, ctx, rule)
    assert finding.outcome == "template-missing"
    assert finding.fix == "add: This story was originally published by Meridian Review."


def test_the_closest_wording_after_a_sharp_s_is_quoted_exactly() -> None:
    rule = req("credit_source", template="This story was originally published by {publisher}.")
    line = "This story was first published by Meridian Review."
    ctx = context(doc(f"Große Straße, große Maße.\n\n{BODY}\n\n{line}"), rule)
    [finding] = run(credit_source, ctx, rule)
    assert finding.evidence[0].snippet == line


def test_an_edited_copy_must_use_the_edited_template() -> None:
    rule = req(
        "credit_source",
        template="Originally published by {publisher}.",
        edited_template="Adapted from {publisher}.",
    )
    edited = BODY.replace("double the cost", "triple the cost")
    ctx = context(doc(f"Originally published by Meridian Review.\n\n{edited}"), rule)
    [finding] = run(credit_source, ctx, rule)
    assert finding.fix == "add: Adapted from Meridian Review."


def test_the_url_slot_is_satisfied_by_a_link_to_the_original() -> None:
    rule = req("credit_source", template="Read the original at {url}.")
    ctx = context(doc(f"{BODY}\n\nRead the original at [Meridian Review]({ORIGINAL_URL})."), rule)
    assert run(credit_source, ctx, rule) == []


def test_an_unknown_source_is_a_warning_asking_for_the_flag() -> None:
    ctx = context(
        doc(BODY),
        attribution_=attribution(source=None, publisher=None),
        terms_=terms(CREDIT_REQ, publisher=""),
    )
    [finding] = run(credit_source, ctx, CREDIT_REQ)
    assert (finding.outcome, finding.severity) == ("source-unknown", "warning")


COPY_REQ = req("copyright_notice")


@pytest.mark.parametrize(
    "line",
    [
        "Copyright © Harbour Light, 2017",
        "(c) 2017 Harbour Light",
        "(C) Harbour Light 2017",
        "Copyright 2017 harbour light",
        "© HarbourLight 2017. All rights reserved.",
    ],
)
def test_copyright_lines_naming_the_holder_pass(line: str) -> None:
    ctx = context(doc(f"{BODY}\n\n{line}"), COPY_REQ)
    assert run(copyright_notice, ctx, COPY_REQ) == []


def test_a_copyright_line_naming_someone_else_is_a_wrong_holder() -> None:
    ctx = context(doc(f"{BODY}\n\nCopyright © Daily Echo, 2017"), COPY_REQ)
    [finding] = run(copyright_notice, ctx, COPY_REQ)
    assert finding.outcome == "wrong-holder"
    assert finding.evidence[0].snippet == "Copyright © Daily Echo, 2017"
    assert finding.fix == "replace with: Copyright © Harbour Light, 2017"


def test_no_copyright_line_is_missing_with_the_notice_to_add() -> None:
    ctx = context(doc(f"{BODY}\n\nSource: Harbour Light"), COPY_REQ)
    [finding] = run(copyright_notice, ctx, COPY_REQ)
    assert (finding.outcome, finding.severity) == ("missing", "error")
    assert finding.fix == "add: Copyright © Harbour Light, 2017"


def test_a_notice_naming_another_year_is_an_error_with_expected_and_found() -> None:
    ctx = context(doc(f"{BODY}\n\nCopyright © Harbour Light, 2016"), COPY_REQ)
    [finding] = run(copyright_notice, ctx, COPY_REQ)
    assert (finding.outcome, finding.severity) == ("year-mismatch", "error")
    assert "expected 'Copyright © Harbour Light, 2017'" in finding.message
    assert "found 'Copyright © Harbour Light, 2016'" in finding.message


def test_a_notice_naming_another_holder_says_what_was_expected_and_found() -> None:
    ctx = context(doc(f"{BODY}\n\nCopyright © Daily Echo, 2017"), COPY_REQ)
    [finding] = run(copyright_notice, ctx, COPY_REQ)
    assert "expected 'Copyright © Harbour Light, 2017', found 'Copyright © Daily Echo, 2017'" in (
        finding.message
    )


def test_nothing_is_asked_when_the_original_carries_no_notice() -> None:
    unnoticed = attribution(copyright_holder=None, copyright_year=None)
    ctx = context(doc(BODY), COPY_REQ, attribution_=unnoticed)
    assert run(copyright_notice, ctx, COPY_REQ) == []


BYLINE_REQ = req("byline")
INSTITUTION_REQ = req("byline", institution=True)


def test_a_byline_naming_the_author_passes() -> None:
    ctx = context(doc(f"By ANA COSTA\n\n{BODY}"), BYLINE_REQ)
    assert run(byline, ctx, BYLINE_REQ) == []


def test_a_copy_without_the_author_fails_the_byline() -> None:
    ctx = context(doc(f"By Staff Writer\n\n{BODY}"), BYLINE_REQ)
    [finding] = run(byline, ctx, BYLINE_REQ)
    assert finding.outcome == "missing"
    assert finding.fix == "add the byline: By Ana Costa"


def test_the_institution_next_to_the_author_passes_when_demanded() -> None:
    ctx = context(doc(f"Ana Costa, University of Porto\n\n{BODY}"), INSTITUTION_REQ)
    assert run(byline, ctx, INSTITUTION_REQ) == []


def test_a_byline_without_the_demanded_institution_fails() -> None:
    ctx = context(doc(f"By Ana Costa\n\n{BODY}"), INSTITUTION_REQ)
    [finding] = run(byline, ctx, INSTITUTION_REQ)
    assert finding.outcome == "institution-missing"


def test_the_shared_credit_block_satisfies_source_and_copyright() -> None:
    ctx = context(doc(f"{BODY}\n\n{CREDIT}"), CREDIT_REQ, COPY_REQ)
    assert run(credit_source, ctx, CREDIT_REQ) + run(copyright_notice, ctx, COPY_REQ) == []


def test_the_terms_publisher_is_a_credit_name_when_the_original_names_no_source() -> None:
    ctx = context(
        doc(f"{BODY}\n\nOriginally published by Meridian Review."),
        CREDIT_REQ,
        attribution_=attribution(source=None, publisher=None),
    )
    assert run(credit_source, ctx, CREDIT_REQ) == []


def test_a_credit_earlier_on_the_line_is_not_the_copyright_holder() -> None:
    ctx = context(doc(f"{BODY}\n\nSource: Harbour Light. Copyright © Daily Echo, 2017"), COPY_REQ)
    [finding] = run(copyright_notice, ctx, COPY_REQ)
    assert finding.outcome == "wrong-holder"
    assert finding.evidence[0].snippet == "Copyright © Daily Echo, 2017"


def test_a_holder_before_a_bare_year_mark_is_read_from_the_line() -> None:
    ctx = context(doc(f"{BODY}\n\nHarbour Light ©2017"), COPY_REQ)
    assert run(copyright_notice, ctx, COPY_REQ) == []


@pytest.mark.parametrize(
    ("source", "credit"),
    [
        ("The Hill", "Originally published by TheHill."),
        ("TheHill", "Originally published by The Hill."),
        ("thehill.com", "Originally published by The Hill."),
        ("The Hill", "Source: thehill.com"),
        ("Associated Press", "Source: AP"),
        ("The Associated Press", "Copyright 2017 AP"),
    ],
)
def test_a_credit_by_short_name_domain_or_initials_names_the_source(
    source: str, credit: str
) -> None:
    named = attribution(source=source, publisher=None)
    ctx = context(doc(f"{BODY}\n\n{credit}"), CREDIT_REQ, attribution_=named)
    assert run(credit_source, ctx, CREDIT_REQ) == []


def test_initials_in_lower_case_are_not_a_credit() -> None:
    named = attribution(source="Associated Press", publisher=None)
    ctx = context(doc(f"{BODY}\n\nSource: ap"), CREDIT_REQ, attribution_=named)
    [finding] = run(credit_source, ctx, CREDIT_REQ)
    assert finding.outcome == "missing"


def test_the_original_address_is_a_credit_name() -> None:
    named = attribution(source="Harbour Light", publisher=None)
    ctx = context(doc(f"{BODY}\n\nSource: meridianreview.org"), CREDIT_REQ, attribution_=named)
    assert run(credit_source, ctx, CREDIT_REQ) == []


def test_a_licence_stewards_label_is_never_demanded_as_the_source() -> None:
    licence = terms(
        CREDIT_REQ,
        id="cc-by-4.0",
        publisher="Creative Commons (licence steward)",
        detect=Detect(license_urls=("https://creativecommons.org/licenses/by/4.0/",)),
    )
    unnamed = attribution(source=None, publisher=None, url=None)
    original = original_doc(canonical=None)
    ctx = context(doc(BODY), CREDIT_REQ, original=original, attribution_=unnamed, terms_=licence)
    [finding] = run(credit_source, ctx, CREDIT_REQ)
    assert finding.outcome == "source-unknown"
    assert "Creative Commons" not in finding.message + finding.fix


def test_another_publishers_rule_publisher_is_not_the_source_of_this_article() -> None:
    unnamed = attribution(source=None, publisher=None, url="https://harbour.example/story")
    original = original_doc(canonical="https://harbour.example/story")
    copy = doc(f"{BODY}\n\nOriginally published by Meridian Review.")
    ctx = context(copy, CREDIT_REQ, original=original, attribution_=unnamed)
    [finding] = run(credit_source, ctx, CREDIT_REQ)
    assert "Meridian Review" not in finding.message + finding.fix
