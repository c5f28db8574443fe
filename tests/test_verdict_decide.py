"""The verdict, decided in one place: the verdict table row by row, then on checked pairs."""

from __future__ import annotations

import pytest
from checks_builders import BODY, CREDIT, context, doc, req, terms

from compliance.checks import run_checks
from compliance.model import CheckContext, Factor, FairUse, Finding, Grant, Requirement
from compliance.verdict import RULES, Facts, decide, judge

# -- the table -------------------------------------------------------------------------------

COPY = Facts(copied=True, licensed=True)
ARR_COPY = Facts(copied=True, licensed=False)
LIKELY_READING = "likely-fair-use"

TABLE = [
    # (facts, verdict, the row's words)
    (Facts(copied=False, licensed=True, errors=True), "not-a-copy", "nothing of the original"),
    (Facts(copied=False, licensed=True, venue="forbidden"), "not-a-copy", "nothing of the"),
    (Facts(copied=True, licensed=True, venue="forbidden"), "violations", "forbid the copy's venue"),
    (
        Facts(copied=True, licensed=True, venue="forbidden", granted=True),
        "violations",
        "forbid the copy's venue",
    ),
    (Facts(copied=True, licensed=True, venue="permission"), "needs-permission", "venue needs"),
    (
        Facts(copied=True, licensed=True, venue="permission", errors=True),
        "needs-permission",
        "venue needs permission",
    ),
    (
        Facts(copied=True, licensed=True, venue="permission", granted=True),
        "compliant",
        "meets every",
    ),
    (
        Facts(copied=True, licensed=False, fair_use=LIKELY_READING),
        "likely-fair-use",
        "no licence is offered, no grant covers the copy, and fair use is likely",
    ),
    (
        Facts(copied=True, licensed=False, errors=True, fair_use=LIKELY_READING),
        "likely-fair-use",
        "no licence is offered, no grant covers the copy, and fair use is likely",
    ),
    (Facts(copied=True, licensed=False, fair_use="needs-review"), "needs-permission", "no licence"),
    (Facts(copied=True, licensed=False), "needs-permission", "fair use is not likely"),
    (Facts(copied=True, licensed=False, granted=True), "compliant", "meets every"),
    (Facts(copied=True, licensed=False, granted=True, errors=True), "violations", "misses an"),
    (
        Facts(copied=True, licensed=True, errors=True, fair_use=LIKELY_READING),
        "likely-fair-use",
        "so no licence covers it, and fair use is likely",
    ),
    (Facts(copied=True, licensed=True, errors=True, fair_use="unlikely"), "violations", "misses"),
    (Facts(copied=True, licensed=True, errors=True), "violations", "error-level requirement"),
    (Facts(copied=True, licensed=True, venue="allowed"), "compliant", "meets every"),
    (Facts(copied=True, licensed=True, fair_use=LIKELY_READING), "compliant", "meets every"),
]


@pytest.mark.parametrize(("facts", "verdict", "words"), TABLE)
def test_the_first_row_of_the_verdict_table_that_applies_decides(
    facts: Facts, verdict: str, words: str
) -> None:
    rule = decide(facts)
    assert (rule.verdict, words in rule.when) == (verdict, True)


def test_every_row_of_the_table_is_reached_by_some_facts() -> None:
    reached = {decide(facts) for facts, _, _ in TABLE}
    assert reached == set(RULES)


def test_the_last_row_applies_to_anything() -> None:
    assert RULES[-1].verdict == "compliant"
    assert all(RULES[-1].applies(facts) for facts, _, _ in TABLE)


# -- on checked pairs ------------------------------------------------------------------------

GOOD = doc(f"{BODY}\n\n{CREDIT}")
BAD = doc(BODY)
RULES_ = (req("credit_source"), req("copyright_notice"), req("link_to_original"))
SITE = "repost.example"
LIKELY = FairUse(overall="likely-fair-use", factors=())
REVIEW = FairUse(
    overall="needs-review",
    factors=(Factor("amount", "neutral", "lede taken"),),
)


def judged(ctx: CheckContext, fair_use: FairUse | None = None) -> tuple[str, list[Finding]]:
    return judge(ctx, True, run_checks(ctx), fair_use)


def outcomes(ctx: CheckContext, fair_use: FairUse | None = None) -> tuple[str, list[str]]:
    verdict, findings = judged(ctx, fair_use)
    return verdict, [f.outcome for f in findings]


def test_a_pair_that_is_no_copy_keeps_no_findings() -> None:
    ctx = context(BAD, *RULES_)
    assert judge(ctx, False, run_checks(ctx), None) == ("not-a-copy", [])


def test_a_copy_meeting_every_requirement_is_compliant() -> None:
    assert outcomes(context(GOOD, *RULES_, venue="community")) == ("compliant", [])


def test_a_copy_with_an_error_finding_has_violations() -> None:
    verdict, found = outcomes(context(BAD, *RULES_))
    assert verdict == "violations"
    assert "missing" in found


def test_warnings_alone_leave_a_copy_compliant() -> None:
    warned = doc(f"{BODY}\n\n{CREDIT.replace('Light, 2017', 'Light, 2015')}")
    notice = Requirement(id="copyright-notice", kind="copyright_notice", severity="warning")
    assert outcomes(context(warned, *RULES_[::2], notice)) == ("compliant", ["year-mismatch"])


def test_a_commercial_copy_without_a_grant_needs_permission_and_names_the_contact() -> None:
    ctx = context(GOOD, *RULES_, venue="commercial", copy_site=SITE)
    verdict, [finding] = judged(ctx)
    assert verdict == "needs-permission"
    assert finding.outcome == "needs-permission"
    assert finding.rule_id == "meridian/venue"
    assert "permissions@meridianreview.org" in finding.message


def test_the_venue_finding_is_made_once_under_the_terms_venue_requirement() -> None:
    rule = Requirement(id="where", kind="venue", message="Commercial sites must ask first.")
    ctx = context(GOOD, *RULES_, rule, venue="commercial", copy_site=SITE)
    verdict, [finding] = judged(ctx)
    assert (verdict, finding.rule_id) == ("needs-permission", "meridian/where")
    assert finding.message.startswith("Commercial sites must ask first: a commercial site")


def test_a_valid_grant_covers_a_commercial_copy() -> None:
    grant = Grant(site=SITE, terms="meridian", reference="PR-7", expires="2018-12-31")
    ctx = context(GOOD, *RULES_, venue="commercial", copy_site=SITE, grants=(grant,))
    assert outcomes(ctx) == ("compliant", [])


def test_a_grant_for_a_subdomain_spelling_of_the_site_covers_it() -> None:
    grant = Grant(site="www.repost.example", terms="meridian", expires="2018-01-01")
    ctx = context(GOOD, *RULES_, venue="commercial", copy_site=SITE, grants=(grant,))
    assert outcomes(ctx) == ("compliant", [])


def test_a_grant_for_another_site_does_not_cover_the_copy() -> None:
    grant = Grant(site="partner.example", terms="meridian")
    ctx = context(GOOD, *RULES_, venue="commercial", copy_site=SITE, grants=(grant,))
    assert outcomes(ctx)[0] == "needs-permission"


def test_a_grant_for_other_terms_does_not_cover_the_copy() -> None:
    grant = Grant(site=SITE, terms="another-publisher")
    ctx = context(GOOD, *RULES_, venue="commercial", copy_site=SITE, grants=(grant,))
    assert outcomes(ctx)[0] == "needs-permission"


def test_an_expired_grant_is_a_finding_and_no_permission() -> None:
    grant = Grant(site=SITE, terms="meridian", reference="PR-7", expires="2017-01-31")
    ctx = context(GOOD, *RULES_, venue="commercial", copy_site=SITE, grants=(grant,))
    verdict, findings = judged(ctx)
    assert verdict == "needs-permission"
    expired = next(f for f in findings if f.outcome == "grant-expired")
    assert "expired on 2017-01-31" in expired.message
    assert expired.severity == "error"


def test_an_expired_grant_where_none_is_needed_is_a_warning() -> None:
    grant = Grant(site=SITE, terms="meridian", expires="2017-01-31")
    ctx = context(GOOD, *RULES_, venue="community", copy_site=SITE, grants=(grant,))
    verdict, [expired] = judged(ctx)
    assert (verdict, expired.outcome, expired.severity) == ("compliant", "grant-expired", "warning")


def test_terms_that_allow_no_venue_need_permission_when_no_venue_is_configured() -> None:
    wire = terms(*RULES_, venues={"community": "permission", "commercial": "permission"})
    verdict, [finding] = judged(context(GOOD, terms_=wire))
    assert (verdict, finding.outcome) == ("needs-permission", "needs-permission")
    assert "any site (no venue is configured)" in finding.message


def test_an_unconfigured_venue_passes_where_the_terms_allow_some_venue() -> None:
    assert outcomes(context(GOOD, *RULES_)) == ("compliant", [])


def test_a_forbidden_venue_is_a_violation() -> None:
    assert outcomes(context(GOOD, *RULES_, venue="print")) == ("violations", ["forbidden"])


ARR = terms(req("credit_source", "credit-quotes"), licensed=False, id="all-rights-reserved")


def test_all_rights_reserved_with_likely_fair_use_is_likely_fair_use() -> None:
    ctx = context(GOOD, terms_=ARR, venue="community")
    assert outcomes(ctx, LIKELY) == ("likely-fair-use", [])


def test_all_rights_reserved_without_fair_use_needs_permission() -> None:
    ctx = context(GOOD, terms_=ARR, venue="community")
    verdict, [finding] = judged(ctx, REVIEW)
    assert verdict == "needs-permission"
    assert finding.outcome == "not-licensed"
    assert "fair use is needs-review" in finding.message


def test_all_rights_reserved_with_a_grant_is_judged_on_its_findings() -> None:
    grant = Grant(site=SITE, terms="all-rights-reserved")
    ctx = context(BAD, terms_=ARR, copy_site=SITE, grants=(grant,))
    assert outcomes(ctx, REVIEW) == ("violations", ["missing"])


def test_fair_use_covers_a_copy_that_misses_licence_conditions_as_advisories() -> None:
    verdict, findings = judged(context(BAD, *RULES_), LIKELY)
    assert verdict == "likely-fair-use"
    assert {f.severity for f in findings} == {"advisory"}
    assert all("not required: the reuse is likely fair use" in f.message for f in findings)
