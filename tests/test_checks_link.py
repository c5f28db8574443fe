"""link_to_original, keep_links and license_notice: links a copy must carry."""

from __future__ import annotations

import pytest
from checks_builders import BODY, CLAUSE, HOME, ORIGINAL_URL, context, doc, original_doc, req, run

from compliance.checks import keep_links, license_notice, link_to_original
from compliance.documents import load_bytes
from compliance.model import Document, Link

LINK_REQ = req("link_to_original")
PATH = "/2017/03/harbour-talks-resume/5577"


def outcome_of(copy_text: str, rule=LINK_REQ, **doc_kwargs: object) -> str:  # type: ignore[no-untyped-def]
    ctx = context(doc(copy_text, **doc_kwargs), rule)  # type: ignore[arg-type]
    found = run(link_to_original, ctx, rule)
    return found[0].outcome if found else "ok"


@pytest.mark.parametrize(
    "href",
    [
        ORIGINAL_URL,
        ORIGINAL_URL.replace("https://", "http://"),
        ORIGINAL_URL.replace("www.", ""),
        ORIGINAL_URL + "/",
        ORIGINAL_URL + "?utm_source=twitter&utm_campaign=spring",
        ORIGINAL_URL + "?fbclid=IwAR3x&mc_cid=9",
        ORIGINAL_URL + "#comments",
        ORIGINAL_URL + "/amp",
        ORIGINAL_URL + "?amp=1",
        ORIGINAL_URL.replace("www.", "amp."),
    ],
)
def test_harmless_variants_of_the_article_address_are_compliant(href: str) -> None:
    assert outcome_of(f"{BODY}\n\nRead [the original]({href}).") == "ok"


def test_a_nofollow_link_is_compliant() -> None:
    assert outcome_of(f"{BODY}\n\n[Original]({ORIGINAL_URL})", rel=("nofollow",)) == "ok"


def test_a_relative_link_on_the_publishers_own_site_is_compliant() -> None:
    copy = f"{BODY}\n\n[Original]({PATH})"
    canonical = "https://www.meridianreview.org/partners/harbour-talks"
    assert outcome_of(copy, canonical=canonical) == "ok"


def test_a_relative_link_on_another_site_is_not_the_original() -> None:
    copy = f"{BODY}\n\n[Original]({PATH})"
    assert outcome_of(copy, canonical="https://www.repost.example/harbour") == "missing"


def test_no_link_at_all_is_missing() -> None:
    assert outcome_of(f"{BODY}\n\nSource: Harbour Light") == "missing"


def test_a_link_to_the_home_page_only_is_named_so() -> None:
    assert outcome_of(f"{BODY}\n\nSource: [Meridian Review]({HOME})") == "home-page-only"


def test_a_printed_but_unlinked_address_is_a_bare_url() -> None:
    ctx = context(doc(f"{BODY}\n\nSource: {ORIGINAL_URL}."), LINK_REQ)
    [finding] = run(link_to_original, ctx, LINK_REQ)
    assert finding.outcome == "bare-url"
    assert finding.evidence[0].snippet == ORIGINAL_URL
    assert ORIGINAL_URL in finding.fix


def test_a_link_to_another_article_of_the_publisher_is_the_wrong_article() -> None:
    other = "https://www.meridianreview.org/2017/03/ferry-strike/5570"
    ctx = context(doc(f"{BODY}\n\n[Original]({other})"), LINK_REQ)
    [finding] = run(link_to_original, ctx, LINK_REQ)
    assert finding.outcome == "wrong-article"
    assert finding.fix == f"replace the link to {other} with a link to {ORIGINAL_URL}"


def test_a_javascript_pseudo_link_is_named_so() -> None:
    assert outcome_of(f"{BODY}\n\n[Original](javascript:void(0))") == "javascript-link"


def test_a_link_inside_an_html_comment_is_named_so() -> None:
    hidden = Link(ORIGINAL_URL, "Original", place="comment")
    assert outcome_of(BODY, extra_links=(hidden,)) == "in-comment"


def test_a_link_only_in_the_page_navigation_is_boilerplate_only() -> None:
    nav = Link(ORIGINAL_URL, "Harbour talks", place="boilerplate")
    assert outcome_of(BODY, extra_links=(nav,)) == "boilerplate-only"


def test_findings_show_the_links_actually_present() -> None:
    ctx = context(doc(f"{BODY}\n\n[Meridian]({HOME})"), LINK_REQ)
    [finding] = run(link_to_original, ctx, LINK_REQ)
    assert any(HOME in e.snippet for e in finding.evidence)


def test_home_target_accepts_the_publishers_front_page() -> None:
    rule = req("link_to_original", target="home")
    assert outcome_of(f"{BODY}\n\n[Meridian Review]({HOME})", rule) == "ok"


def test_home_target_rejects_another_article_of_the_publisher() -> None:
    rule = req("link_to_original", target="home")
    other = "https://www.meridianreview.org/2017/03/ferry-timetable"
    assert outcome_of(f"{BODY}\n\n[Meridian Review]({other})", rule) == "wrong-article"


def test_home_target_still_rejects_another_site() -> None:
    rule = req("link_to_original", target="home")
    assert outcome_of(f"{BODY}\n\n[Echo](https://echo.example/)", rule) == "missing"


def test_not_pdf_target_rejects_a_pdf_of_the_article() -> None:
    rule = req("link_to_original", target="not_pdf")
    pdf = "https://www.meridianreview.org/print/harbour-talks.pdf"
    assert outcome_of(f"{BODY}\n\n[PDF]({pdf})", rule) == "pdf"


def test_not_pdf_target_accepts_the_article_page() -> None:
    rule = req("link_to_original", target="not_pdf")
    assert outcome_of(f"{BODY}\n\n[Original]({ORIGINAL_URL})", rule) == "ok"


KEEP_REQ = req("keep_links")
LINKED_LEDE = BODY.replace("berth fees", "[berth fees](https://port.example/fees)")


def test_keeping_the_storys_own_links_passes() -> None:
    original = doc(LINKED_LEDE)
    copy = doc(LINKED_LEDE.replace("/fees)", "/fees?utm_source=x)"))
    assert run(keep_links, context(copy, KEEP_REQ, original=original), KEEP_REQ) == []


def test_dropping_the_storys_own_links_fails_and_names_them() -> None:
    original = doc(LINKED_LEDE)
    ctx = context(doc(BODY), KEEP_REQ, original=original)
    [finding] = run(keep_links, ctx, KEEP_REQ)
    assert finding.outcome == "links-dropped"
    assert "https://port.example/fees" in finding.fix
    assert finding.evidence[0].snippet == "berth fees"


DEED = "https://creativecommons.org/licenses/by-nd/4.0/"
LICENCE_REQ = req("license_notice")


def licence_ctx(copy_text: str, rule=LICENCE_REQ):  # type: ignore[no-untyped-def]
    return context(doc(copy_text), rule, original=original_doc(license_url=DEED))


@pytest.mark.parametrize(
    "notice",
    [
        f"Republished under [CC BY-ND 4.0]({DEED}).",
        "Licensed [Creative Commons Attribution-NoDerivatives 4.0 International]"
        "(https://creativecommons.org/licenses/by-nd/4.0/legalcode).",
        "Under a [Creative Commons licence](http://creativecommons.org/licenses/by-nd/4.0/deed.fr).",
    ],
)
def test_a_licence_linked_to_its_deed_passes(notice: str) -> None:
    assert run(license_notice, licence_ctx(f"{BODY}\n\n{notice}"), LICENCE_REQ) == []


def test_a_licence_named_but_not_linked_fails() -> None:
    [finding] = run(license_notice, licence_ctx(f"{BODY}\n\nUnder CC BY-ND 4.0."), LICENCE_REQ)
    assert finding.outcome == "not-linked"


def test_a_link_to_another_licence_is_the_wrong_licence() -> None:
    text = f"{BODY}\n\n[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)"
    [finding] = run(license_notice, licence_ctx(text), LICENCE_REQ)
    assert finding.outcome == "wrong-license"


def test_no_licence_notice_is_missing() -> None:
    [finding] = run(license_notice, licence_ctx(BODY), LICENCE_REQ)
    assert finding.outcome == "missing"
    assert DEED in finding.fix


def _copy_with_caption(caption_href: str, notice: str = "") -> Document:
    """A copy page whose photo credit line links to ``caption_href``."""
    body = "".join(f"<p>{para}</p>" for para in BODY.split("\n\n"))
    figure = f"<p>Photo: Jon Berg, <a href='{caption_href}'>CC licence</a></p>"
    page = f"<html><body><article>{body}{figure}<p>{notice}</p></article></body></html>"
    return load_bytes(page.encode(), "copy.html")


def test_a_deed_link_only_in_a_photo_caption_does_not_license_the_article() -> None:
    ctx = context(_copy_with_caption(DEED), LICENCE_REQ, original=original_doc(license_url=DEED))
    [finding] = run(license_notice, ctx, LICENCE_REQ)
    assert finding.outcome == "missing"
    assert "photo caption" in finding.message


def test_a_photos_own_licence_link_is_not_the_wrong_licence_for_the_article() -> None:
    photo_deed = "https://creativecommons.org/licenses/by-sa/2.0/"
    copy = _copy_with_caption(photo_deed, "Republished under CC BY-ND 4.0.")
    ctx = context(copy, LICENCE_REQ, original=original_doc(license_url=DEED))
    [finding] = run(license_notice, ctx, LICENCE_REQ)
    assert finding.outcome == "not-linked"


def test_repeating_the_licence_terms_is_checked_when_demanded() -> None:
    rule = req("license_notice", repeat_terms=True)
    text = f"{BODY}\n\n[CC BY-ND 4.0]({DEED})"
    [finding] = run(license_notice, licence_ctx(text, rule), rule)
    assert finding.outcome == "terms-not-repeated"


def test_repeated_licence_terms_pass_when_demanded() -> None:
    rule = req("license_notice", repeat_terms=True)
    text = f"{BODY}\n\n[CC BY-ND 4.0]({DEED}). {CLAUSE}"
    assert run(license_notice, licence_ctx(text, rule), rule) == []


def test_an_address_printed_without_its_scheme_is_a_bare_url() -> None:
    printed = ORIGINAL_URL.replace("https://www.", "")
    assert outcome_of(f"{BODY}\n\nSource: Harbour Light, {printed}") == "bare-url"


def test_a_missing_link_points_at_the_credit_it_belongs_next_to() -> None:
    ctx = context(doc(f"{BODY}\n\nSource: Harbour Light"), LINK_REQ)
    [finding] = run(link_to_original, ctx, LINK_REQ)
    credit = next(e for e in finding.evidence if e.start >= 0)
    assert ctx.copy.text[credit.start : credit.end] == "Harbour Light"
