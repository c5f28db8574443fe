"""Whose licence: a licence applies to the article only when its notice is about the article."""

from __future__ import annotations

import json

from compliance.documents import load_bytes
from compliance.documents.attribution import extract_attribution
from compliance.model import Document
from compliance.terms import choose_terms, load_library

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
CC_BY_SA_2 = "https://creativecommons.org/licenses/by-sa/2.0/"
STORY = (
    "<p>River levels across the valley fell for a third day on Sunday as the rain moved east "
    "and the pumping stations at the lower weir ran through the night without a fault.</p>"
    "<p>Engineers said the embankments held everywhere except at the old mill, where a small "
    "breach was closed with sandbags before dawn and no homes were flooded in the end.</p>"
)
PHOTO = (
    "<figure><img src='weir.jpg' alt='The weir'><figcaption>The lower weir. Photo by Jon Berg, "
    f"<a href='{CC_BY_SA_2}'>CC BY-SA 2.0</a></figcaption></figure>"
)


def _load(article: str, *, head: str = "", footer: str = "") -> Document:
    page = (
        f"<!doctype html><html><head><title>River levels fall</title>{head}</head><body>"
        f"<article>{article}</article><footer>{footer}</footer></body></html>"
    )
    return load_bytes(page.encode(), "page.html")


def _terms_id(doc: Document) -> str:
    library = load_library(())
    return choose_terms(doc, extract_attribution(doc), library).terms_id


def _ld(**obj: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


def test_a_cc_link_in_a_photo_caption_is_not_the_articles_licence() -> None:
    doc = _load(PHOTO + STORY)
    assert doc.meta.license_url is None
    assert _terms_id(doc) == "all-rights-reserved"


def test_a_link_in_a_caption_is_flagged_as_about_the_picture() -> None:
    doc = _load(PHOTO + STORY)
    assert {link.role for link in doc.links if link.href == CC_BY_SA_2} == {"caption"}


def test_a_link_in_a_photo_credit_line_of_the_text_is_about_the_picture() -> None:
    credit = f"<p>Photo: Jon Berg / <a href='{CC_BY}'>CC BY 4.0</a></p>"
    doc = _load(STORY + credit)
    [link] = [link for link in doc.links if link.href == CC_BY]
    assert link.role == "caption"
    assert doc.meta.license_url is None
    assert _terms_id(doc) == "all-rights-reserved"


def test_a_licence_line_under_the_article_is_the_articles_licence() -> None:
    notice = f"<p>This article is licensed under <a href='{CC_BY}'>CC BY 4.0</a>.</p>"
    doc = _load(PHOTO + STORY + notice)
    assert doc.meta.license_url == CC_BY
    assert _terms_id(doc) == "cc-by-4.0"


def test_rel_license_in_the_page_footer_is_the_articles_licence() -> None:
    doc = _load(STORY, footer=f"<p>Content under <a rel='license' href='{CC_BY}'>CC BY</a></p>")
    assert doc.meta.license_url == CC_BY


def test_the_articles_schema_org_licence_is_the_articles_licence() -> None:
    head = _ld(**{"@context": "https://schema.org", "@type": "NewsArticle", "license": CC_BY})
    doc = _load(PHOTO + STORY, head=head)
    assert doc.meta.license_url == CC_BY


def test_an_images_schema_org_licence_is_not_the_articles() -> None:
    head = _ld(**{"@context": "https://schema.org", "@type": "ImageObject", "license": CC_BY})
    doc = _load(STORY, head=head)
    assert doc.meta.license_url is None
