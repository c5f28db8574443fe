"""venue, commerce, timing and advisory: where and when the copy runs, and what it sells."""

from __future__ import annotations

from checks_builders import BODY, context, doc, req, run, terms

from compliance.checks import advisory, commerce, timing, venue
from compliance.model import Detect, Media

VENUE = req("venue")


def test_the_venue_check_leaves_its_finding_to_the_verdict() -> None:
    ctx = context(doc(BODY), VENUE, venue="print")
    assert run(venue, ctx, VENUE) == []


def test_without_a_contact_the_original_holder_is_asked_never_a_licence_steward() -> None:
    licence = terms(
        VENUE,
        id="cc-by-nc-4.0",
        publisher="Creative Commons (licence steward)",
        contact=None,
        detect=Detect(),
    )
    ctx = context(doc(BODY), VENUE, venue="commercial", terms_=licence)
    assert venue.ask(ctx) == "Harbour Light"  # the original's copyright holder


NO_ADS = req("commerce", no_ads=True, paywall=False)
AD = Media("script", "https://securepubads.g.doubleclick.net/tag/js/gpt.js")


def test_a_copy_without_ads_paywall_or_offers_passes() -> None:
    own = Media("script", "https://repost.example/site.js")
    assert run(commerce, context(doc(BODY, media=(own,)), NO_ADS), NO_ADS) == []


def test_ad_network_scripts_are_ads() -> None:
    [finding] = run(commerce, context(doc(BODY, media=(AD,)), NO_ADS), NO_ADS)
    assert finding.outcome == "ads"
    assert finding.evidence[0].snippet == AD.src


def test_ads_are_allowed_when_the_terms_do_not_forbid_them() -> None:
    rule = req("commerce")
    assert run(commerce, context(doc(BODY, media=(AD,)), rule), rule) == []


def test_paywall_wording_is_a_paywall() -> None:
    text = f"{BODY}\n\nSubscribe to continue reading this story."
    [finding] = run(commerce, context(doc(text), NO_ADS), NO_ADS)
    assert finding.outcome == "paywall"


def test_an_offer_to_sell_the_story_is_selling() -> None:
    text = f"{BODY}\n\nBuy this article as a PDF: Price: $4"
    [finding] = run(commerce, context(doc(text), NO_ADS), NO_ADS)
    assert finding.outcome == "selling"


DELAY = req("timing", min_delay_hours=48)
RETAIN = req("timing", max_retention_days=30)


def test_a_copy_after_the_minimum_delay_passes() -> None:
    ctx = context(doc(BODY, published="2017-03-09"), DELAY)
    assert run(timing, ctx, DELAY) == []


def test_a_copy_before_the_minimum_delay_is_too_early() -> None:
    ctx = context(doc(BODY, published="2017-03-08"), DELAY)
    [finding] = run(timing, ctx, DELAY)
    assert finding.outcome == "too-early"
    assert "24 hours" in finding.message


def test_a_copy_kept_past_the_retention_period_fails() -> None:
    assert run(timing, context(doc(BODY), RETAIN, today="2017-04-01"), RETAIN) == []
    [finding] = run(timing, context(doc(BODY), RETAIN, today="2017-05-01"), RETAIN)
    assert finding.outcome == "retention-exceeded"


def test_an_unknown_copy_date_is_a_warning() -> None:
    [finding] = run(timing, context(doc(BODY), DELAY), DELAY)
    assert (finding.outcome, finding.severity) == ("date-unknown", "warning")


def test_an_advisory_is_always_reported_and_never_an_error() -> None:
    rule = req("advisory", text="Please tell us when you republish.")
    [finding] = run(advisory, context(doc(BODY), rule), rule)
    assert (finding.severity, finding.outcome) == ("advisory", "advisory")
    assert finding.message == "Please tell us when you republish."
