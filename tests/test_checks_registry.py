"""The registry of requirement kinds and the engine that runs a set of terms."""

from __future__ import annotations

from dataclasses import fields

import pytest
from checks_builders import BODY, CLAUSE, HOME, context, doc, req, terms

from compliance.checks import KINDS, get, run_checks
from compliance.model import Requirement
from compliance.params import help_of
from compliance.terms import load_library
from compliance.terms.describe import describe_requirement


def test_the_registry_holds_exactly_the_closed_set_of_kinds() -> None:
    assert list(KINDS) == [
        "credit_source", "copyright_notice", "byline", "license_notice", "link_to_original",
        "keep_links", "no_modification", "disclose_changes", "excerpt_limit", "tracking_pixel",
        "media", "placement", "proximity", "venue", "commerce", "timing", "advisory",
    ]  # fmt: skip


def test_an_unknown_kind_raises_a_key_error_listing_the_known_kinds() -> None:
    with pytest.raises(KeyError, match=r"unknown requirement kind 'linkk'.*link_to_original"):
        get("linkk")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_declares_typed_params_with_help_and_runnable_examples(kind: str) -> None:
    module = get(kind)
    assert kind == module.KIND == module.Params.KIND
    assert all(help_of(f) for f in fields(module.Params))
    doc = module.__doc__ or ""
    assert "PASS" in doc and "FAIL" in doc
    assert ">>> " in doc  # the examples run as doctests
    assert callable(module.check) and callable(module.describe)


def test_parameters_of_another_kind_are_a_type_error() -> None:
    rule = Requirement(id="c", kind="copyright_notice", params=get("byline").Params())
    with pytest.raises(TypeError, match=r"'c' \(copyright_notice\) has byline parameters"):
        run_checks(context(doc(BODY), rule))


def test_findings_carry_the_full_rule_id_and_the_quoted_clause() -> None:
    ctx = context(doc(BODY), req("copyright_notice", "copyright"))
    [finding] = run_checks(ctx)
    assert finding.rule_id == "meridian/copyright"
    assert finding.clause == CLAUSE


def test_a_requirement_can_quote_a_named_clause() -> None:
    rule = Requirement(id="notice", kind="copyright_notice", clause="copyright")
    named = terms(rule, clauses={"main": CLAUSE, "copyright": "Keep our notice."})
    [finding] = run_checks(context(doc(BODY), terms_=named))
    assert finding.clause == "Keep our notice."


def test_the_requirements_message_leads_and_the_check_says_what_it_saw() -> None:
    rule = Requirement(id="c", kind="copyright_notice", message="Keep the Harbour Light notice.")
    [finding] = run_checks(context(doc(BODY), rule))
    assert finding.message == (
        "Keep the Harbour Light notice: no copyright notice naming 'Harbour Light'"
    )


def test_the_requirements_severity_is_the_findings_severity() -> None:
    rule = Requirement(id="c", kind="copyright_notice", severity="warning")
    [finding] = run_checks(context(doc(BODY), rule))
    assert finding.severity == "warning"


def test_findings_come_sorted_errors_first() -> None:
    rules = (
        Requirement(id="a-note", kind="advisory", severity="advisory", message="Tell us."),
        Requirement(id="b-link", kind="link_to_original"),
        Requirement(id="c-copyright", kind="copyright_notice", severity="warning"),
    )
    findings = run_checks(context(doc(f"{BODY}\n\n[Home]({HOME})"), *rules))
    assert [f.rule_id for f in findings] == [
        "meridian/b-link",
        "meridian/c-copyright",
        "meridian/a-note",
    ]


def test_a_compliant_copy_yields_no_findings() -> None:
    rules = (req("credit_source"), req("copyright_notice"), req("link_to_original"))
    credit = (
        "The original source of this article is [Harbour Light]"
        "(https://meridianreview.org/2017/03/harbour-talks-resume/5577/)\n\n"
        "(c) Harbour Light 2017"
    )
    assert run_checks(context(doc(f"{BODY}\n\n{credit}"), *rules)) == []


def test_every_built_in_requirement_reads_as_one_plain_sentence() -> None:
    requirements = [r for t in load_library().values() for r in t.requirements]
    for rule in requirements:
        words = describe_requirement(rule)
        assert words[0].isupper() and words.endswith("."), rule
        assert "_" not in words.rstrip("."), rule


def test_plain_words_follow_the_parameters() -> None:
    rule = req("proximity", within_chars=300, elements=["source", "link"])
    assert describe_requirement(rule) == (
        "Keep the source and link together, within 300 characters of each other."
    )
