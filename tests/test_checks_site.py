"""venue, commerce, timing and advisory: where and when the copy runs, and what it sells."""

from __future__ import annotations

from checks_builders import BODY, context, doc, req, terms

from compliance.checks import advisory, commerce, timing, venue
from compliance.model import Detect, Grant, Media

VENUE = req("venue")


def test_an_allowed_venue_passes() -> None:
    assert venue.check(context(doc(BODY), VENUE, venue="community"), VENUE) == []


def test_a_venue_needing_permission_without_a_grant_names_the_contact() -> None:
    ctx = context(doc(BODY), VENUE, venue="commercial", copy_site="repost.example")
    [finding] = venue.check(ctx, VENUE)
    assert finding.outcome == "needs-permission"
    assert "permissions@meridianreview.org" in finding.message


def test_without_a_contact_the_original_holder_is_named_never_a_licence_steward() -> None:
    licence = terms(
        VENUE,
        id="cc-by-nc-4.0",
        publisher="Creative Commons (licence steward)",
        contact=None,
        detect=Detect(),
    )
    ctx = context(doc(BODY), VENUE, venue="commercial", terms_=licence)
    [finding] = venue.check(ctx, VENUE)
    assert "Creative Commons" not in finding.message + finding.fix
    assert "Harbour Light" in finding.message  # the original's copyright holder


def test_a_valid_grant_for_the_site_covers_a_permission_venue() -> None:
    grant = Grant(site="www.repost.example", terms="meridian", expires="2018-01-01")
    ctx = context(doc(BODY), VENUE, venue="commercial", copy_site="repost.example", grants=(grant,))
    assert venue.check(ctx, VENUE) == []


def test_an_expired_grant_does_not_cover_the_copy() -> None:
    grant = Grant(site="repost.example", terms="meridian", expires="2017-01-01")
    ctx = context(doc(BODY), VENUE, venue="commercial", copy_site="repost.example", grants=(grant,))
    assert [f.outcome for f in venue.check(ctx, VENUE)] == ["needs-permission"]


def test_a_forbidden_venue_fails() -> None:
    [finding] = venue.check(context(doc(BODY), VENUE, venue="print"), VENUE)
    assert finding.outcome == "forbidden"


NO_ADS = req("commerce", no_ads=True, paywall=False)
AD = Media("script", "https://securepubads.g.doubleclick.net/tag/js/gpt.js")


def test_a_copy_without_ads_paywall_or_offers_passes() -> None:
    own = Media("script", "https://repost.example/site.js")
    assert commerce.check(context(doc(BODY, media=(own,)), NO_ADS), NO_ADS) == []


def test_ad_network_scripts_are_ads() -> None:
    [finding] = commerce.check(context(doc(BODY, media=(AD,)), NO_ADS), NO_ADS)
    assert finding.outcome == "ads"
    assert finding.evidence[0].snippet == AD.src


def test_ads_are_allowed_when_the_terms_do_not_forbid_them() -> None:
    rule = req("commerce")
    assert commerce.check(context(doc(BODY, media=(AD,)), rule), rule) == []


def test_paywall_wording_is_a_paywall() -> None:
    text = f"{BODY}\n\nSubscribe to continue reading this story."
    [finding] = commerce.check(context(doc(text), NO_ADS), NO_ADS)
    assert finding.outcome == "paywall"


def test_an_offer_to_sell_the_story_is_selling() -> None:
    text = f"{BODY}\n\nBuy this article as a PDF: Price: $4"
    [finding] = commerce.check(context(doc(text), NO_ADS), NO_ADS)
    assert finding.outcome == "selling"


DELAY = req("timing", min_delay_hours=48)
RETAIN = req("timing", max_retention_days=30)


def test_a_copy_after_the_minimum_delay_passes() -> None:
    ctx = context(doc(BODY, published="2017-03-09"), DELAY)
    assert timing.check(ctx, DELAY) == []


def test_a_copy_before_the_minimum_delay_is_too_early() -> None:
    ctx = context(doc(BODY, published="2017-03-08"), DELAY)
    [finding] = timing.check(ctx, DELAY)
    assert finding.outcome == "too-early"
    assert "24 hours" in finding.message


def test_a_copy_kept_past_the_retention_period_fails() -> None:
    assert timing.check(context(doc(BODY), RETAIN, today="2017-04-01"), RETAIN) == []
    [finding] = timing.check(context(doc(BODY), RETAIN, today="2017-05-01"), RETAIN)
    assert finding.outcome == "retention-exceeded"


def test_an_unknown_copy_date_is_a_warning() -> None:
    [finding] = timing.check(context(doc(BODY), DELAY), DELAY)
    assert (finding.outcome, finding.severity) == ("date-unknown", "warning")


def test_an_advisory_is_always_reported_and_never_an_error() -> None:
    rule = req("advisory", text="Please tell us when you republish.")
    [finding] = advisory.check(context(doc(BODY), rule), rule)
    assert (finding.severity, finding.outcome) == ("advisory", "advisory")
    assert finding.message == "Please tell us when you republish."
