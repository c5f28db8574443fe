"""HTML pages: the article's text with every link at its offsets, page furniture and comments
kept apart, media and metadata found."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from compliance.documents import load_bytes, load_path
from compliance.documents.attribution import extract_attribution
from compliance.model import Document, Link

DATA = Path(__file__).parent / "data" / "documents"
ORIGINAL = DATA / "crosspost-original.html"
COPY = DATA / "republisher-copy.html"
CANONICAL = "https://www.northernledger.example/harbour-dredging-plan-stalls/5512"


@pytest.fixture(scope="module")
def original() -> Document:
    return load_path(ORIGINAL)


@pytest.fixture(scope="module")
def copy() -> Document:
    return load_path(COPY)


def _text_links(doc: Document) -> list[Link]:
    return [link for link in doc.links if link.place == "text"]


def _html(body: str, head: str = "") -> bytes:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode()


def test_article_paragraphs_are_kept(original: Document) -> None:
    assert "The county council voted on Tuesday to defer" in original.text
    assert "before the summer recess." in original.text


def test_paragraphs_are_separated_by_exactly_one_blank_line(original: Document) -> None:
    assert "\n\n\n" not in original.text
    paragraphs = original.text.split("\n\n")
    assert all(p == p.strip() and p for p in paragraphs)
    assert "The harbour authority said it would seek a grant" in paragraphs[-7]


def test_footer_credit_lines_survive_extraction(original: Document) -> None:
    assert (
        "The original source of this article is Northern Ledger\n"
        "Copyright © Mara Quill, Northern Ledger, 2017"
    ) in original.text


def test_byline_and_dateline_above_the_body_are_kept(original: Document) -> None:
    assert original.text.startswith(
        "Harbour Dredging Plan Stalls After Budget Vote\n\nBy Mara Quill\n\n"
        "Northern Ledger, March 09, 2017"
    )


def test_article_footer_with_the_terms_is_kept(original: Document) -> None:
    assert "grants permission to repost its articles on non-commercial" in original.text


def test_navigation_sidebar_and_site_footer_are_left_out(original: Document) -> None:
    for furniture in (
        "Most popular",
        "Ferry timetable",
        "Privacy",
        "Share on Twitter",
        "Get the Ledger in your inbox",
        "2009–2017 Northern Ledger Media",
    ):
        assert furniture not in original.text


def test_left_out_page_text_is_kept_as_furniture(original: Document) -> None:
    assert "© 2009–2017 Northern Ledger Media Ltd. All rights reserved." in original.furniture
    assert "Home" not in original.furniture.split("\n\n")  # menus are not even furniture


def test_link_offsets_point_at_their_anchor_text(original: Document, copy: Document) -> None:
    for doc in (original, copy):
        for link in _text_links(doc):
            assert doc.text[link.start : link.end] == link.text
            assert link.text


def test_links_in_text_come_in_reading_order(original: Document) -> None:
    starts = [link.start for link in _text_links(original)]
    assert starts == sorted(starts)


def test_relative_links_resolve_against_the_canonical_url(original: Document) -> None:
    hrefs = [link.href for link in _text_links(original)]
    assert "https://www.northernledger.example/2016/11/harbour-survey" in hrefs


def test_relative_links_resolve_against_base_href(copy: Document) -> None:
    credit = next(link for link in _text_links(copy) if link.text == "Northern Ledger")
    assert credit.href == "https://coastwatch.example/harbour-original"


def test_rel_values_are_kept(copy: Document) -> None:
    credit = next(link for link in _text_links(copy) if link.text == "Northern Ledger")
    assert credit.rel == ("nofollow", "noopener")


def test_nav_only_link_is_boilerplate_not_text(copy: Document) -> None:
    to_original = [link for link in copy.links if link.href == CANONICAL]
    assert [(link.place, link.text, link.start) for link in to_original] == [
        ("boilerplate", "Today's pick", -1)
    ]


def test_sharing_comment_and_widget_links_are_boilerplate(copy: Document) -> None:
    places = {link.text: link.place for link in copy.links}
    assert places["Email"] == places["this post"] == places["March 2017"] == "boilerplate"


def test_link_in_html_comment_is_recorded_as_comment(original: Document) -> None:
    hidden = [link for link in original.links if link.place == "comment"]
    assert [(link.href, link.text, link.start, link.end) for link in hidden] == [
        (CANONICAL, "hidden permalink", -1, -1)
    ]


def test_javascript_links_keep_their_href(original: Document) -> None:
    js = [link for link in original.links if link.href.startswith("javascript:")]
    assert [(link.href, link.text) for link in js] == [("javascript:void(0)", "Cookie settings")]


def test_every_anchor_is_recorded_once() -> None:
    body = (
        '<nav><a href="/a">A</a></nav><article><p>Words of a story that is long enough to be '
        'the article body, with <a href="/b">a link</a> inside it.</p></article>'
        '<!-- <a href="/c">C</a> --><footer><a href="/d">D</a></footer>'
    )
    doc = load_bytes(_html(body), "page.html", url="https://site.example/x")
    assert sorted((link.href, link.place) for link in doc.links) == [
        ("https://site.example/a", "boilerplate"),
        ("https://site.example/b", "text"),
        ("https://site.example/c", "comment"),
        ("https://site.example/d", "boilerplate"),
    ]


def test_links_stay_relative_when_no_base_is_known() -> None:
    doc = load_bytes(_html('<p>Read <a href="../story">the story</a> here.</p>'), "page.html")
    assert [link.href for link in doc.links] == ["../story"]


def test_link_spanning_formatting_is_one_link() -> None:
    doc = load_bytes(
        _html('<p>See <a href="https://o.example/a">the <b>original</b>\n article</a>.</p>'),
        "p.html",
    )
    (link,) = doc.links
    assert (link.text, doc.text[link.start : link.end]) == ("the original article",) * 2


def test_image_only_link_is_a_zero_length_link_in_text() -> None:
    doc = load_bytes(
        _html(
            '<p>Credit: <a href="https://o.example/"><img src="logo.png" alt="Ledger"></a> '
            "and more words after it.</p>"
        ),
        "p.html",
    )
    (link,) = [link for link in doc.links if link.place == "text"]
    assert link.start == link.end == len("Credit:")


def test_text_is_nfc_and_whitespace_is_normalised() -> None:
    decomposed = unicodedata.normalize("NFD", "Café Zürich")
    doc = load_bytes(
        _html(f"<p>  {decomposed}\n\n   news&nbsp;today\u200b  </p><p>Second&#160;one</p>"),
        "p.html",
    )
    assert doc.text == "Café Zürich news today\n\nSecond one"
    assert unicodedata.is_normalized("NFC", doc.text)


def test_line_breaks_inside_a_paragraph_become_newlines() -> None:
    doc = load_bytes(_html("<p>Source: Ledger<br>Copyright © Ledger, 2017</p>"), "p.html")
    assert doc.text == "Source: Ledger\nCopyright © Ledger, 2017"


def test_tracking_pixel_anywhere_in_the_page_is_media(original: Document) -> None:
    assert [(m.kind, m.src, m.width) for m in original.media] == [
        ("pixel", "https://stats.northernledger.example/pixel.gif?id=5512", 1)
    ]


@pytest.mark.parametrize(
    ("tag", "kind"),
    [
        ('<img src="/photos/quay.jpg" width="800" height="500" alt="The quay">', "image"),
        ('<img src="/a.gif" width="1" height="1">', "pixel"),
        ('<img src="/a.png" style="display:none">', "pixel"),
        ('<img src="https://counter.example/content/5512/count.gif">', "pixel"),
        ('<img src="https://ledger.example/track/5512.png" alt="">', "pixel"),
        ('<iframe src="https://video.example/embed/9"></iframe>', "iframe"),
        ('<video><source src="/clip.mp4"></video>', "video"),
        ('<audio src="/clip.mp3"></audio>', "audio"),
        ('<script src="/js/story-widget.js"></script>', "script"),
    ],
)
def test_media_kinds_inside_the_article(tag: str, kind: str) -> None:
    doc = load_bytes(
        _html(f"<article><p>Story text goes here for readers.</p>{tag}</article>"),
        "p.html",
        url="https://ledger.example/story",
    )
    assert [m.kind for m in doc.media] == [kind]
    assert doc.media[0].src.startswith("https://")


def test_site_logo_outside_the_article_is_not_media(original: Document) -> None:
    assert all("logo" not in m.src for m in original.media)


def test_meta_from_head_tags(original: Document) -> None:
    meta = original.meta
    assert (
        meta.title,
        meta.author,
        meta.site_name,
        meta.canonical_url,
        meta.published,
        meta.language,
    ) == (
        "Harbour Dredging Plan Stalls After Budget Vote",
        "Mara Quill",
        "Northern Ledger",
        CANONICAL,
        "2017-03-09",
        "en",
    )
    assert original.title == meta.title


def _footer_facts(doc: Document) -> tuple[object, ...]:
    """Source, copyright holder and year read from ``doc``'s own notice lines ("footer")."""
    facts = extract_attribution(doc)
    found = [getattr(facts, f) for f in ("source", "copyright_holder", "copyright_year")]
    return tuple(
        v if facts.found.get(f) == "footer" else None
        for f, v in zip(("source", "copyright_holder", "copyright_year"), found, strict=True)
    )


def test_source_and_copyright_lines_are_read_from_the_page(original: Document) -> None:
    assert _footer_facts(original) == ("Northern Ledger", "Mara Quill, Northern Ledger", 2017)


def test_og_url_is_the_canonical_url_without_link_rel() -> None:
    head = '<meta property="og:url" content="https://a.example/story/1">'
    doc = load_bytes(_html("<p>Some text.</p>", head), "p.html")
    assert doc.meta.canonical_url == "https://a.example/story/1"


def test_json_ld_gives_author_date_and_publisher() -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "NewsArticle", "headline": "Quay works", "datePublished": '
        '"2021-06-02T10:00:00Z", "author": [{"@type": "Person", "name": "Ona Brack"}], '
        '"publisher": {"@type": "Organization", "name": "Coast Daily"}}]}</script>'
    )
    meta = load_bytes(_html("<p>Some text.</p>", head), "p.html").meta
    assert (meta.title, meta.author, meta.published, meta.site_name) == (
        "Quay works",
        "Ona Brack",
        "2021-06-02",
        "Coast Daily",
    )


def test_time_element_gives_the_published_date() -> None:
    doc = load_bytes(_html('<p>Posted <time datetime="2019-11-05">5 Nov</time></p>'), "p.html")
    assert doc.meta.published == "2019-11-05"


def test_license_url_from_rel_license() -> None:
    body = '<p>Licensed <a rel="license" href="/licence">under our licence</a>.</p>'
    doc = load_bytes(_html(body), "p.html", url="https://a.example/x")
    assert doc.meta.license_url == "https://a.example/licence"


def test_license_url_from_a_creative_commons_link() -> None:
    body = (
        '<p>This work is under <a href="https://creativecommons.org/licenses/by-nd/4.0/">'
        "CC BY-ND 4.0</a>.</p>"
    )
    doc = load_bytes(_html(body), "p.html")
    assert doc.meta.license_url == "https://creativecommons.org/licenses/by-nd/4.0/"


def test_credit_in_a_page_footer_outside_the_article_is_kept() -> None:
    story = "".join(
        f"<p>Paragraph {i} of the report on city trees and their soil.</p>" for i in range(8)
    )
    body = (
        f"<article><h1>Trees</h1>{story}</article><footer><p>This article was originally "
        "published by Golden Desk. Golden Desk is a nonprofit newsroom.</p>"
        '<ul class="menu"><li><a href="/about">About us</a></li></ul></footer>'
    )
    doc = load_bytes(_html(body), "p.html")
    assert doc.text.endswith(
        "This article was originally published by Golden Desk. Golden Desk is a nonprofit newsroom."
    )
    assert "About us" not in doc.text


def test_site_copyright_line_in_page_footer_is_not_article_text(copy: Document) -> None:
    assert "Coastwatch volunteers" not in copy.text
    assert _footer_facts(copy)[1:] == ("Mara Quill, Northern Ledger", 2017)


def test_short_page_without_article_markup_keeps_its_text() -> None:
    doc = load_bytes(_html("<h1>Note</h1><p>Two lines.</p>"), "p.html")
    assert doc.text == "Note\n\nTwo lines."


def test_format_and_hash_of_an_html_document(original: Document) -> None:
    import hashlib

    assert original.format == "html"
    assert original.id == hashlib.sha256(ORIGINAL.read_bytes()).hexdigest()
    assert original.size == ORIGINAL.stat().st_size
    assert original.origin == str(ORIGINAL)


def _long_page(words: int) -> bytes:
    vocabulary = [
        "harbour",
        "council",
        "dredging",
        "channel",
        "skipper",
        "vote",
        "grant",
        "survey",
        "sediment",
        "quay",
        "trawler",
        "budget",
        "winter",
        "storm",
    ]
    paragraphs = []
    for i in range(words // 50):
        sentence = " ".join(vocabulary[(i * 7 + j) % len(vocabulary)] for j in range(50))
        paragraphs.append(f'<p>{sentence} <a href="/ref/{i}">ref {i}</a>.</p>')
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(60))
    side = "".join(f'<li><a href="/story/{i}">Popular story {i}</a></li>' for i in range(40))
    return _html(
        f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>Long</h1>"
        f"{''.join(paragraphs)}<p>The original source of this article is Ledger<br>"
        f"Copyright © Ledger, 2017</p></article></main><aside><ul>{side}</ul></aside>"
        f"<footer><ul>{nav}</ul></footer>",
        '<link rel="canonical" href="https://ledger.example/long">',
    )


def test_a_5000_word_page_keeps_its_whole_text_and_copyright_line() -> None:
    doc = load_bytes(_long_page(5000), "long.html")
    assert len(doc.text.split()) >= 5000
    assert _footer_facts(doc)[1:] == ("Ledger", 2017)


def test_credit_box_right_after_the_article_body_is_kept() -> None:
    story = "".join(
        f"<p>Paragraph {i}: the council debated the harbour plan for hours and "
        "reached no decision on the budget.</p>"
        for i in range(6)
    )
    body = (
        f'<div id="wrap"><div class="top"><a href="/">Blog</a></div>'
        f'<div class="post-body">{story}</div>'
        '<div class="post-credits"><p>Source: <a href="https://ledger.example/s">Ledger</a></p>'
        "<p>Copyright © Ledger, 2017</p></div>"
        '<div class="sidebar"><p>© Someone in a sidebar 2020</p></div>'
        '<div class="site-footer"><p>© 2024 My Blog.</p></div></div>'
    )
    doc = load_bytes(_html(body), "p.html")
    assert doc.text.endswith("Source: Ledger\n\nCopyright © Ledger, 2017")
    assert [link.place for link in doc.links if link.text == "Ledger"] == ["text"]
    assert "sidebar" not in doc.text and "My Blog" not in doc.text
