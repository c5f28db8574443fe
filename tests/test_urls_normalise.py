"""URL identity: the variants of an article's address that a compliant copy may link to."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.documents.urls import (
    domain,
    home_page,
    host_of,
    is_home_page,
    is_web_url,
    normalise_url,
    resolve,
    same_article,
)

ARTICLE = "https://www.example-news.org/2017/03/troops-meet-near-manbij/5577"


@pytest.mark.parametrize(
    "variant",
    [
        "http://www.example-news.org/2017/03/troops-meet-near-manbij/5577",
        "https://example-news.org/2017/03/troops-meet-near-manbij/5577",
        "https://www.example-news.org/2017/03/troops-meet-near-manbij/5577/",
        "https://WWW.Example-News.org/2017/03/troops-meet-near-manbij/5577",
        "https://www.example-news.org:443/2017/03/troops-meet-near-manbij/5577",
        "http://www.example-news.org:80/2017/03/troops-meet-near-manbij/5577",
        "https://www.example-news.org/2017/03/troops-meet-near-manbij/5577#comments",
        "https://www.example-news.org/2017/03/troops-meet-near-manbij/5577?utm_source=tw&utm_medium=x",
        "https://www.example-news.org/2017/03/troops-meet-near-manbij/5577?fbclid=IwAR0",
        "https://www.example-news.org/2017/03/troops-meet-near-manbij/5577?gclid=1&mc_cid=2&mc_eid=3",
        "https://www.example-news.org/2017/03/troops-meet-near-manbij/5577/amp",
        "https://www.example-news.org/2017/03/troops-meet-near-manbij/5577/amp/",
        "https://www.example-news.org/2017/03/troops-meet-near-manbij/5577?amp=1",
        "https://amp.example-news.org/2017/03/troops-meet-near-manbij/5577",
        "//www.example-news.org/2017/03/troops-meet-near-manbij/5577",
    ],
)
def test_variants_of_an_article_address_are_the_same_article(variant: str) -> None:
    assert same_article(variant, ARTICLE)


def test_amp_html_edition_is_the_same_article_as_the_html_page() -> None:
    assert same_article("https://example.org/story.amp.html", "https://example.org/story.html")


def test_article_identifying_query_parameters_are_kept() -> None:
    assert not same_article("https://example.org/?p=12", "https://example.org/?p=13")


def test_query_parameter_order_does_not_matter() -> None:
    assert same_article("https://example.org/a?x=1&y=2", "https://example.org/a?y=2&x=1")


def test_a_different_article_on_the_same_site_is_not_the_same_article() -> None:
    assert not same_article("https://www.example-news.org/2017/03/other-story/5578", ARTICLE)


def test_a_non_default_port_is_kept() -> None:
    assert normalise_url("https://example.org:8080/a") == "https://example.org:8080/a"


def test_normal_form_is_https_without_www_fragment_or_tracking() -> None:
    assert (
        normalise_url("HTTP://www.Example.org:80/story/amp/?utm_source=x&fbclid=y#top")
        == "https://example.org/story"
    )


def test_javascript_and_mailto_hrefs_are_never_the_same_article() -> None:
    assert not same_article("javascript:void(0)", "javascript:void(0)")
    assert not same_article("mailto:desk@example.org", ARTICLE)


def test_relative_href_resolves_against_the_page_it_sits_on() -> None:
    resolved = resolve("/2017/03/troops-meet-near-manbij/5577", "https://www.example-news.org/x/y")
    assert same_article(resolved, ARTICLE)


def test_absolute_href_is_not_changed_by_resolving() -> None:
    assert resolve("https://other.org/a", "https://example.org/") == "https://other.org/a"


def test_home_page_of_an_article_is_the_site_root() -> None:
    assert home_page(ARTICLE) == "https://example-news.org/"


@pytest.mark.parametrize(
    "href",
    [
        "https://www.example-news.org/",
        "http://example-news.org",
        "https://www.example-news.org/index.html",
        "https://www.example-news.org/?utm_source=footer",
    ],
)
def test_links_to_the_publishers_front_page_are_home_page_links(href: str) -> None:
    assert is_home_page(href, ARTICLE)


def test_the_article_itself_is_not_a_home_page_link() -> None:
    assert not is_home_page(ARTICLE, ARTICLE)


def test_another_sites_front_page_is_not_the_publishers_home_page() -> None:
    assert not is_home_page("https://elsewhere.org/", ARTICLE)


def test_domain_is_the_registrable_domain() -> None:
    assert domain("https://news.bbc.co.uk/a/b") == "bbc.co.uk"
    assert domain("https://www.globalresearch.ca/story/1") == "globalresearch.ca"


def test_domain_accepts_a_bare_host() -> None:
    assert domain("www.example.org") == "example.org"


def test_a_host_under_no_known_public_suffix_is_its_own_domain() -> None:
    assert domain("http://www.intranet.test/a") == "intranet.test"


def test_a_private_suffix_keeps_each_site_apart() -> None:
    assert domain("https://a.news.blogspot.com/x") == "news.blogspot.com"


def test_a_subdomain_matches_its_domain_but_a_lookalike_does_not() -> None:
    from compliance.documents.urls import host_matches

    assert host_matches("News.Example.org", "www.example.org")
    assert host_matches("example.org", "example.org")
    assert not host_matches("badexample.org", "example.org")
    assert not host_matches("", "example.org")


def test_a_malformed_address_is_not_a_web_url() -> None:
    assert not is_web_url("http://[::1/story")
    assert not same_article("http://[::1/story", "http://[::1/story")


def test_a_malformed_address_has_no_host() -> None:
    assert host_of("http://[x/a") == ""


def test_a_malformed_scheme_relative_href_has_no_domain() -> None:
    assert domain("//[x/story") == ""


def test_a_malformed_href_is_not_a_home_page() -> None:
    assert not is_home_page("//[x/story", ARTICLE)
    assert not is_home_page("http://[x/", "http://[x/story")


def test_a_malformed_address_has_no_home_page() -> None:
    assert home_page("http://[x/a") == ""


def test_a_malformed_port_leaves_the_address_as_written() -> None:
    assert normalise_url(" https://example.org:abc/x ") == "https://example.org:abc/x"


def test_dot_segments_in_the_path_are_resolved() -> None:
    assert same_article(
        "https://example.org/news/../2024/./story", "https://example.org/2024/story"
    )


def test_a_two_label_host_is_its_own_domain_under_every_rule_of_the_list() -> None:
    from publicsuffixlist import PSLFILE

    from compliance.documents.urls import _suffixes

    lines = Path(PSLFILE).read_text(encoding="utf-8").splitlines()
    names = {line.strip().lstrip("!*.") for line in lines if line and not line.startswith("/")}
    labels = {name.encode("idna").decode("ascii") for name in names}
    hosts = {name if "." in name else f"example.{name}" for name in labels}
    two = sorted(h for h in hosts if h.count(".") == 1 and not h.startswith("www."))
    wrong = [h for h in two if (_suffixes().privatesuffix(h) or h) != domain(h)]
    assert len(two) > 1000
    assert wrong == []


_HOST = st.from_regex(r"[a-z0-9-]{1,12}(\.[a-z0-9-]{1,12}){1,3}", fullmatch=True)
_SEGMENT = st.text(alphabet=st.sampled_from("abcXYZ019_.~!=:,-%é /?#&+@;"), min_size=1, max_size=8)


@given(_HOST, st.lists(_SEGMENT, max_size=4), st.sampled_from(["https://", "http://"]))
@settings(max_examples=400, deadline=None)
def test_an_address_taken_as_courlans_normal_form_is_one(
    host: str, segments: list[str], scheme: str
) -> None:
    from courlan import normalize_url

    from compliance.documents.urls import _COURLAN_FIXED

    url = scheme + host + "".join("/" + s for s in segments)
    if _COURLAN_FIXED.fullmatch(url):
        assert normalize_url(url, trailing_slash=False) == url


def test_a_canonical_address_needs_no_courlan_but_others_do() -> None:
    from compliance.documents.urls import _COURLAN_FIXED

    assert _COURLAN_FIXED.fullmatch(ARTICLE.replace("www.", ""))
    for changed in (
        "https://Example.org/a",
        "https://xn--bcher-kva.example/a",
        "https://example.org/a//b",
        "https://example.org/a/../b",
        "https://example.org/a/",
        "https://example.org/caf%C3%A9",
        "https://example.org/a?id=1",
        "https://example.org:8080/a",
        "http://example.org/a",
    ):
        assert not _COURLAN_FIXED.fullmatch(changed), changed
