"""Terms a page states only in its metadata (compliance/terms/metanotice.py, find_notice)."""

from __future__ import annotations

from compliance.documents import load_bytes
from compliance.terms.licences import licence_of_url
from compliance.terms.metanotice import notice_from_meta
from compliance.terms.notice_rule import find_notice

_BODY = (
    "<p>The river rose two metres overnight and the ferry stopped running before dawn, "
    "leaving the villages on the far bank cut off until the afternoon.</p>"
)


def _page(head: str, body: str = _BODY) -> bytes:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>".encode()


def _json_ld(fields: str) -> str:
    return (
        '<script type="application/ld+json">'
        f'{{"@context": "https://schema.org", "@type": "NewsArticle", {fields}}}</script>'
    )


def test_licence_id_is_read_from_a_deed_address() -> None:
    url = "https://creativecommons.org/licenses/by-nc-sa/3.0/deed.fr"
    assert licence_of_url(url) == "cc-by-nc-sa-3.0"


def test_a_site_terms_page_names_no_licence() -> None:
    assert licence_of_url("https://example.org/terms-of-use") is None


def test_json_ld_licence_gives_the_notice_when_the_text_states_none() -> None:
    page = _page(_json_ld('"license": "https://creativecommons.org/licenses/by-nd/4.0/"'))
    notice, where = find_notice(load_bytes(page, "story.html"))
    assert where == "metadata"
    assert notice.requires.license_notice == "cc-by-nd-4.0"
    assert notice.requires.no_modification


def test_rel_license_link_gives_the_notice() -> None:
    head = '<link rel="license" href="https://creativecommons.org/licenses/by-nc/4.0/">'
    notice, _ = find_notice(load_bytes(_page(head), "story.html"))
    assert notice.venues_allowed == ("non-commercial",)
    assert notice.venues_needing_permission == ("commercial",)


def test_copyright_holder_alone_reserves_the_rights() -> None:
    page = _page(_json_ld('"copyrightHolder": {"@type": "Organization", "name": "Valley Post"}'))
    notice, _ = find_notice(load_bytes(page, "story.html"))
    assert notice.republishing == "permission-required"


def test_printed_notice_wins_over_the_metadata() -> None:
    body = _BODY + "<p>You may republish this story as long as you credit the Valley Post.</p>"
    page = _page(_json_ld('"license": "https://creativecommons.org/licenses/by-nd/4.0/"'), body)
    notice, where = find_notice(load_bytes(page, "story.html"))
    assert where == "text" and notice.requires.license_notice is None


def test_public_domain_mark_allows_without_conditions() -> None:
    url = "https://creativecommons.org/publicdomain/mark/1.0/"
    assert notice_from_meta(url, None).republishing == "allowed"


def test_page_deed_link_makes_a_loosely_named_licence_exact() -> None:
    body = _BODY + "<p>You may republish this story under a Creative Commons licence.</p>"
    head = '<link rel="license" href="https://creativecommons.org/licenses/by-nc-nd/4.0/">'
    notice, _ = find_notice(load_bytes(_page(head, body), "story.html"))
    assert notice.requires.license_notice == "cc-by-nc-nd-4.0"
    assert notice.requires.no_modification


def test_page_deed_link_that_disagrees_leaves_the_notice_words() -> None:
    body = _BODY + "<p>You may republish this story under CC BY-SA.</p>"
    head = '<link rel="license" href="https://creativecommons.org/licenses/by-nd/4.0/">'
    notice, _ = find_notice(load_bytes(_page(head, body), "story.html"))
    assert notice.requires.license_notice == "cc-by-sa"
