"""Attribution facts as real pages print them: footers, JSON-LD, Dublin Core, bylines, captions."""

from __future__ import annotations

import json

from compliance.documents import load_bytes
from compliance.documents.attribution import extract_attribution
from compliance.model import Attribution

URL = "https://www.valleynews.example/2019/river-levels"
STORY = (
    "<p>River levels across the valley fell for a third day on Sunday as the rain moved east "
    "and the pumping stations at the lower weir ran through the night without a fault.</p>"
    "<p>Engineers said the embankments held everywhere except at the old mill, where a small "
    "breach was closed with sandbags before dawn and no homes were flooded in the end.</p>"
)


def _facts(article: str = STORY, *, head: str = "", footer: str = "") -> Attribution:
    page = (
        f"<!doctype html><html><head><title>River levels fall</title>"
        f"<link rel='canonical' href='{URL}'>{head}</head><body>"
        f"<nav><a href='/'>Home</a></nav><article>{article}</article>"
        f"<footer>{footer}</footer></body></html>"
    )
    return extract_attribution(load_bytes(page.encode(), "page.html"))


def _ld(**obj: object) -> str:
    data = {"@context": "https://schema.org", **obj}
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_a_copyright_notice_in_the_page_footer_is_read() -> None:
    facts = _facts(footer="<p>Copyright © 2019 Valley News.</p>")
    assert (facts.copyright_holder, facts.copyright_year) == ("Valley News", 2019)
    assert facts.found["copyright_holder"] == "page footer"


def test_a_bare_footer_notice_names_the_publisher_when_nothing_else_does() -> None:
    facts = _facts(footer="<div class='colophon'><p>© 2019 Valley News</p></div>")
    assert (facts.copyright_holder, facts.publisher, facts.source) == ("Valley News",) * 3


def test_schema_org_facts_are_read_when_the_page_prints_none() -> None:
    head = _ld(
        **{
            "@type": "NewsArticle",
            "author": {"@type": "Person", "name": "Mara Lindqvist"},
            "publisher": {"@type": "Organization", "name": "Valley News"},
            "copyrightHolder": {"@type": "Organization", "name": "Valley News Media"},
            "copyrightYear": 2019,
        }
    )
    facts = _facts(head=head)
    assert (facts.author, facts.publisher) == ("Mara Lindqvist", "Valley News")
    assert (facts.copyright_holder, facts.copyright_year) == ("Valley News Media", 2019)


def test_dublin_core_author_and_publisher_are_read() -> None:
    head = (
        "<meta name='DC.creator' content='Mara Lindqvist'>"
        "<meta name='DC.publisher' content='Valley News'>"
    )
    facts = _facts(head=head)
    assert (facts.author, facts.publisher) == ("Mara Lindqvist", "Valley News")


def test_rel_author_names_the_author() -> None:
    facts = _facts(f"<p>Story: <a rel='author' href='/people/ml'>Mara Lindqvist</a></p>{STORY}")
    assert facts.author == "Mara Lindqvist"


def test_the_visible_byline_wins_over_metadata_naming_someone_else() -> None:
    facts = _facts(
        f"<p class='byline'>By Mara Lindqvist</p>{STORY}",
        head="<meta name='author' content='Web Desk'>",
    )
    assert (facts.author, facts.found["author"]) == ("Mara Lindqvist", "byline")


def test_an_image_credit_in_a_caption_is_not_the_copyright_holder() -> None:
    figure = "<figure><img src='w.jpg' alt=''><figcaption>© A. Photographer</figcaption></figure>"
    facts = _facts(figure + STORY)
    assert facts.copyright_holder is None


def test_a_photo_credit_line_in_the_text_is_not_the_copyright_holder() -> None:
    facts = _facts(STORY + "<p>Photo: © Jon Berg / Valley Images</p>")
    assert facts.copyright_holder is None


def test_a_prose_sentence_is_never_the_source() -> None:
    prose = "<p>The travelling fair first appeared in West Michigan at the end of August.</p>"
    assert _facts(STORY + prose).source is None


def test_a_section_label_given_as_site_name_is_not_the_source() -> None:
    facts = _facts(head="<meta property='og:site_name' content='U.S.'>")
    assert (facts.publisher, facts.source) == (None, None)


def test_a_site_name_matching_the_address_is_the_source() -> None:
    facts = _facts(head="<meta property='og:site_name' content='Valley News'>")
    assert facts.source == "Valley News"


def test_a_byline_in_another_language_names_the_author() -> None:
    facts = _facts(f"<p>Von Jonas Weber</p>{STORY}")
    assert (facts.author, facts.found["author"]) == ("Jonas Weber", "byline")


def test_a_sentence_opening_like_a_foreign_byline_is_not_one() -> None:
    facts = _facts(f"<p>Par ailleurs, la ville a voté.</p>{STORY}")
    assert facts.author is None


def test_a_date_after_a_publication_lead_is_not_the_source() -> None:
    facts = _facts(
        f"<p>First published on 3 March 2019</p>{STORY}",
        head="<meta property='og:site_name' content='Valley News'>",
    )
    assert facts.source == "Valley News"


def test_a_source_line_keeps_the_name_and_leaves_out_its_date() -> None:
    assert _facts(f"{STORY}<p>Source: Valley News, March 3, 2019</p>").source == "Valley News"
