"""The verdict for a copy: venue policy, grants, fair use and the severity of findings."""

from __future__ import annotations

from checks_builders import BODY, CREDIT, context, doc, req, terms

from compliance.checks import run_checks
from compliance.model import CheckContext, Factor, FairUse, Grant, Requirement
from compliance.verdict import decide

GOOD = doc(f"{BODY}\n\n{CREDIT}")
BAD = doc(BODY)
RULES = (req("credit_source"), req("copyright_notice"), req("link_to_original"))
SITE = "repost.example"
LIKELY = FairUse(overall="likely-fair-use", factors=())
REVIEW = FairUse(
    overall="needs-review",
    factors=(Factor("amount", "neutral", "lede taken"),),
)


def decided(ctx: CheckContext, fair_use: FairUse | None = None) -> tuple[str, list[str]]:
    verdict, findings = decide(ctx, run_checks(ctx), fair_use)
    return verdict, [f.outcome for f in findings]


def test_a_copy_meeting_every_requirement_is_compliant() -> None:
    assert decided(context(GOOD, *RULES, venue="community")) == ("compliant", [])


def test_a_copy_with_an_error_finding_has_violations() -> None:
    verdict, outcomes = decided(context(BAD, *RULES))
    assert verdict == "violations"
    assert "missing" in outcomes


def test_warnings_alone_leave_a_copy_compliant() -> None:
    warned = doc(f"{BODY}\n\n{CREDIT.replace('Light, 2017', 'Light, 2015')}")
    notice = Requirement(id="copyright-notice", kind="copyright_notice", severity="warning")
    assert decided(context(warned, *RULES[::2], notice)) == ("compliant", ["year-mismatch"])


def test_a_commercial_copy_without_a_grant_needs_permission_and_names_the_contact() -> None:
    ctx = context(GOOD, *RULES, venue="commercial", copy_site=SITE)
    verdict, findings = decide(ctx, run_checks(ctx), None)
    assert verdict == "needs-permission"
    [finding] = findings
    assert finding.outcome == "needs-permission"
    assert "permissions@meridianreview.org" in finding.message


def test_the_venue_requirement_and_the_verdict_do_not_double_the_finding() -> None:
    ctx = context(GOOD, *RULES, req("venue"), venue="commercial", copy_site=SITE)
    assert decided(ctx) == ("needs-permission", ["needs-permission"])


def test_a_valid_grant_covers_a_commercial_copy() -> None:
    grant = Grant(site=SITE, terms="meridian", reference="PR-7", expires="2018-12-31")
    ctx = context(GOOD, *RULES, venue="commercial", copy_site=SITE, grants=(grant,))
    assert decided(ctx) == ("compliant", [])


def test_a_grant_for_another_site_does_not_cover_the_copy() -> None:
    grant = Grant(site="partner.example", terms="meridian")
    ctx = context(GOOD, *RULES, venue="commercial", copy_site=SITE, grants=(grant,))
    assert decided(ctx)[0] == "needs-permission"


def test_a_grant_for_other_terms_does_not_cover_the_copy() -> None:
    grant = Grant(site=SITE, terms="another-publisher")
    ctx = context(GOOD, *RULES, venue="commercial", copy_site=SITE, grants=(grant,))
    assert decided(ctx)[0] == "needs-permission"


def test_an_expired_grant_is_a_finding_and_no_permission() -> None:
    grant = Grant(site=SITE, terms="meridian", reference="PR-7", expires="2017-01-31")
    ctx = context(GOOD, *RULES, venue="commercial", copy_site=SITE, grants=(grant,))
    verdict, findings = decide(ctx, run_checks(ctx), None)
    assert verdict == "needs-permission"
    expired = next(f for f in findings if f.outcome == "grant-expired")
    assert "expired on 2017-01-31" in expired.message
    assert expired.severity == "error"


def test_a_forbidden_venue_is_a_violation() -> None:
    assert decided(context(GOOD, *RULES, venue="print")) == ("violations", ["forbidden"])


def test_wire_copy_with_its_notice_copied_along_needs_permission_when_no_venue_is_set() -> None:
    wire = terms(*RULES, venues={"community": "permission", "commercial": "permission"})
    verdict, outcomes = decided(context(GOOD, terms_=wire))
    assert (verdict, outcomes) == ("needs-permission", ["needs-permission"])


ARR = terms(req("credit_source", "credit-quotes"), licensed=False, id="all-rights-reserved")


def test_all_rights_reserved_with_likely_fair_use_is_likely_fair_use() -> None:
    ctx = context(GOOD, terms_=ARR, venue="community")
    assert decided(ctx, LIKELY) == ("likely-fair-use", [])


def test_all_rights_reserved_without_fair_use_needs_permission() -> None:
    ctx = context(GOOD, terms_=ARR, venue="community")
    verdict, findings = decide(ctx, run_checks(ctx), REVIEW)
    assert verdict == "needs-permission"
    [finding] = findings
    assert finding.outcome == "not-licensed"
    assert "fair use is needs-review" in finding.message


def test_all_rights_reserved_with_a_grant_is_judged_on_its_findings() -> None:
    grant = Grant(site=SITE, terms="all-rights-reserved")
    ctx = context(BAD, terms_=ARR, copy_site=SITE, grants=(grant,))
    assert decided(ctx, REVIEW) == ("violations", ["missing"])


def test_fair_use_replaces_the_permission_the_venue_requirement_asked_for() -> None:
    arr = terms(
        req("venue", "permission"),
        licensed=False,
        id="all-rights-reserved",
        venues={"community": "permission"},
    )
    ctx = context(GOOD, terms_=arr, venue="community")
    assert run_checks(ctx)[0].outcome == "needs-permission"
    assert decided(ctx, LIKELY) == ("likely-fair-use", [])
