"""Markdown and plain text: front matter into Meta, text without syntax, links with offsets,
bare URLs never links."""

from __future__ import annotations

import pytest

from compliance.documents import detect_format, load_bytes
from compliance.documents.attribution import extract_attribution
from compliance.errors import InputError
from compliance.model import Document

ARTICLE = """\
---
title: Ferry timetable cut again
author: Ona Brack
date: 2017-03-02
original_url: https://www.northernledger.example/ferry-timetable/5490
tags: [transport, islands]
---
# Ferry timetable cut again

The **island ferry** will run _twice_ a day from April, the operator said, citing
[crew shortages](https://www.northernledger.example/crew "Crew story") and fuel costs.

Residents can read the notice at https://ferries.example/notice or on the quay.

> "We were not consulted," said a councillor.

- one fewer sailing on Sundays
- the [late boat](/late-boat) withdrawn

Originally published by <a href="https://www.northernledger.example/" rel="nofollow">Northern
Ledger</a>. ![Ferry at dawn](img/ferry.jpg)

<!-- <a href="https://www.northernledger.example/ferry-timetable/5490">hidden</a> -->

Copyright © Ona Brack, Northern Ledger, 2017
"""


def _load(text: str, name: str = "story.md") -> Document:
    return load_bytes(text.encode("utf-8"), name)


def test_front_matter_feeds_meta() -> None:
    meta = _load(ARTICLE).meta
    assert (meta.title, meta.author, meta.published, meta.canonical_url) == (
        "Ferry timetable cut again",
        "Ona Brack",
        "2017-03-02",
        "https://www.northernledger.example/ferry-timetable/5490",
    )


def test_front_matter_is_kept_json_ready() -> None:
    front = _load(ARTICLE).meta.front_matter
    assert front["date"] == "2017-03-02"
    assert front["tags"] == ["transport", "islands"]


def test_text_has_no_markdown_syntax() -> None:
    text = _load(ARTICLE).text
    assert text.startswith("Ferry timetable cut again\n\nThe island ferry will run twice a day")
    for syntax in ("**", "_twice_", "](", "# ", "> ", "- one", "!["):
        assert syntax not in text


def test_paragraphs_are_separated_by_one_blank_line() -> None:
    paragraphs = _load(ARTICLE).text.split("\n\n")
    assert '"We were not consulted," said a councillor.' in paragraphs
    assert "one fewer sailing on Sundays" in paragraphs
    assert all(p and p == p.strip() for p in paragraphs)


def test_markdown_links_have_offsets_into_the_text() -> None:
    doc = _load(ARTICLE)
    links = {link.text: link for link in doc.links if link.place == "text"}
    crew = links["crew shortages"]
    assert crew.href == "https://www.northernledger.example/crew"
    assert doc.text[crew.start : crew.end] == "crew shortages"


def test_relative_markdown_links_resolve_against_the_front_matter_url() -> None:
    links = {link.text: link.href for link in _load(ARTICLE).links}
    assert links["late boat"] == "https://www.northernledger.example/late-boat"


def test_raw_html_anchor_in_markdown_is_a_link_with_rel() -> None:
    doc = _load(ARTICLE)
    (credit,) = [link for link in doc.links if link.rel]
    assert (credit.href, credit.rel, credit.place) == (
        "https://www.northernledger.example/",
        ("nofollow",),
        "text",
    )
    assert doc.text[credit.start : credit.end] == "Northern\nLedger"


def test_bare_url_is_not_a_link() -> None:
    doc = _load(ARTICLE)
    assert "https://ferries.example/notice" in doc.text
    assert all("ferries.example" not in link.href for link in doc.links)


def test_link_in_html_comment_is_recorded_as_comment() -> None:
    hidden = [link for link in _load(ARTICLE).links if link.place == "comment"]
    assert [(link.href, link.text, link.start) for link in hidden] == [
        ("https://www.northernledger.example/ferry-timetable/5490", "hidden", -1)
    ]
    assert "hidden" not in _load(ARTICLE).text


def test_images_become_media_not_text() -> None:
    doc = _load(ARTICLE)
    assert [(m.kind, m.src, m.alt) for m in doc.media] == [
        (
            "image",
            "https://www.northernledger.example/ferry-timetable/img/ferry.jpg",
            "Ferry at dawn",
        )
    ]
    assert "Ferry at dawn" not in doc.text


def test_copyright_line_is_found_in_markdown() -> None:
    facts = extract_attribution(_load(ARTICLE))
    assert (facts.copyright_holder, facts.copyright_year) == ("Ona Brack, Northern Ledger", 2017)
    assert facts.found["copyright_holder"] == "footer"


def test_html_block_inside_markdown_keeps_links_and_text() -> None:
    doc = _load(
        'Intro line.\n\n<div class="credit"><p>Source: <a href="https://a.example/x">'
        "A Daily</a></p></div>\n\nLast line.\n"
    )
    (link,) = doc.links
    assert doc.text == "Intro line.\n\nSource: A Daily\n\nLast line."
    assert doc.text[link.start : link.end] == "A Daily"


def test_autolink_is_a_link() -> None:
    doc = _load("Read it at <https://a.example/story>.\n")
    assert [(link.href, link.text) for link in doc.links] == [
        ("https://a.example/story", "https://a.example/story")
    ]


def test_title_falls_back_to_the_first_heading() -> None:
    assert _load("# Quay works resume\n\nBody.\n").title == "Quay works resume"


def test_front_matter_that_is_not_a_mapping_stays_text() -> None:
    doc = _load("---\njust a line\n---\n\nBody.\n")
    assert doc.meta.front_matter == {}
    assert "Body." in doc.text


def test_plain_text_paragraphs_are_normalised() -> None:
    doc = load_bytes(
        b"First  line\r\nstill first\t paragraph  \r\n \r\n\r\n\r\nSecond one\n", "note.txt"
    )
    assert doc.format == "text"
    assert doc.text == "First line\nstill first paragraph\n\nSecond one"
    assert doc.links == ()


def test_plain_text_urls_are_not_links() -> None:
    doc = load_bytes(b"The original source is https://a.example/story\n", "copy.txt")
    assert doc.links == ()


def test_format_is_detected_by_content_as_well_as_name() -> None:
    assert detect_format("<!DOCTYPE html><html><body><p>x</p></body></html>", ".txt") == "html"
    assert detect_format("<div><p>One</p><p>Two</p></div>", "") == "html"
    assert detect_format("# Title\n\nSee [a](https://a.example).", ".txt") == "markdown"
    assert detect_format("---\ntitle: x\n---\nBody", "") == "markdown"
    assert detect_format("Just words.\n\nMore words.", ".html") == "text"
    assert detect_format("Just words with <b>bold</b>.", ".md") == "markdown"
    assert detect_format("Plain words, nothing else.", ".txt") == "text"
    assert detect_format("Some words", "", "text/html; charset=utf-8") == "text"
    assert detect_format("Some <p>words</p>", "", "text/html") == "html"


def test_html_saved_as_txt_is_loaded_as_html() -> None:
    doc = load_bytes(
        b"<html><body><p>Hello <a href='https://a.example'>there</a></p></body></html>", "saved.txt"
    )
    assert (doc.format, doc.text, doc.links[0].text) == ("html", "Hello there", "there")


def test_url_origin_resolves_relative_links() -> None:
    doc = load_bytes(b"See [the list](../list).\n", "https://a.example/news/story.md")
    assert doc.links[0].href == "https://a.example/list"
    assert doc.meta.canonical_url == "https://a.example/news/story.md"


def test_charset_from_the_content_type_decodes_the_body() -> None:
    body = "Größere Fähren für die Inseln.".encode("iso-8859-1")
    doc = load_bytes(body, "https://a.example/x", content_type="text/plain; charset=ISO-8859-1")
    assert doc.text == "Größere Fähren für die Inseln."


def test_the_package_docstring_example_holds() -> None:
    import doctest

    import compliance.documents

    result = doctest.testmod(compliance.documents)
    assert (result.attempted, result.failed) == (3, 0)


def test_toml_front_matter_nested_past_the_bound_is_an_input_error() -> None:
    nested = "[" * 50_000 + "]" * 50_000
    post = f"+++\na = {nested}\n+++\n\nA body of ordinary words.\n".encode()
    with pytest.raises(InputError, match="nests deeper than 64 levels"):
        load_bytes(post, "deep.md")


def test_toml_front_matter_within_the_bound_is_read() -> None:
    post = b'+++\ntags = [["a", "b"], ["c"]]\n+++\n\nA body of ordinary words.\n'
    assert load_bytes(post, "shallow.md").meta.front_matter["tags"] == [["a", "b"], ["c"]]
