"""Republished pages as real publishing systems print them: the story and its credit are text.

Each page ``tests/data/documents/pages/<name>.html`` is modelled on the markup of one publishing
system or site layout (WordPress, Ghost, Substack, Medium, Drupal, a news site and its AMP page,
credit boxes, comment threads, related-story lists), with article text written for these tests.
Its ``<name>.yml`` says what loading must find:

- ``body``: snippets of the story that must be in ``Document.text``;
- ``credit`` and ``credit_link``: the credit line, in the text, and its link at ``place="text"``;
- ``not_text``: hrefs of menus, sharing buttons, related stories and comments (never text);
- ``not_in_text``: furniture strings that must stay out of the text;
- ``meta``: metadata the loader must read; ``attribution``: facts ``extract_attribution`` finds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from compliance.documents import load_path
from compliance.documents.attribution import extract_attribution
from compliance.model import Document

PAGES = Path(__file__).parent / "data" / "documents" / "pages"
NAMES = sorted(p.stem for p in PAGES.glob("*.html"))
_LOADED: dict[str, Document] = {}


def _case(name: str) -> tuple[Document, dict[str, Any]]:
    if name not in _LOADED:
        _LOADED[name] = load_path(PAGES / f"{name}.html")
    expected = yaml.safe_load((PAGES / f"{name}.yml").read_text(encoding="utf-8"))
    return _LOADED[name], expected


def test_there_is_an_expectation_file_for_every_page() -> None:
    assert len(NAMES) >= 10
    assert sorted(p.stem for p in PAGES.glob("*.yml")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_story_paragraphs_are_in_the_text(name: str) -> None:
    doc, expected = _case(name)
    missing = [snippet for snippet in expected["body"] if snippet not in doc.text]
    assert missing == []


@pytest.mark.parametrize("name", NAMES)
def test_credit_line_is_a_paragraph_of_the_text(name: str) -> None:
    doc, expected = _case(name)
    assert any(expected["credit"] in p for p in doc.text.split("\n\n"))


@pytest.mark.parametrize("name", NAMES)
def test_credit_link_is_in_the_text_at_its_anchor(name: str) -> None:
    doc, expected = _case(name)
    want = expected["credit_link"]
    found = [link for link in doc.links if link.href == want["href"] and link.place == "text"]
    assert len(found) == 1, [link for link in doc.links if link.href == want["href"]]
    link = found[0]
    assert doc.text[link.start : link.end] == link.text == want["text"]
    line_start = doc.text.index(expected["credit"])
    assert line_start <= link.start < line_start + len(expected["credit"])


@pytest.mark.parametrize("name", NAMES)
def test_furniture_links_are_not_text(name: str) -> None:
    doc, expected = _case(name)
    by_href: dict[str, set[str]] = {}
    for link in doc.links:
        by_href.setdefault(link.href, set()).add(link.place)
    wrong = {
        href: by_href.get(href)
        for href in expected["not_text"]
        if by_href.get(href) is None or "text" in by_href[href]
    }
    assert wrong == {}


@pytest.mark.parametrize("name", NAMES)
def test_furniture_text_is_not_article_text(name: str) -> None:
    doc, expected = _case(name)
    leaked = [s for s in expected.get("not_in_text", []) if s in doc.text]
    assert leaked == []


@pytest.mark.parametrize("name", NAMES)
def test_metadata_is_read(name: str) -> None:
    doc, expected = _case(name)
    got = {key: getattr(doc.meta, key) for key in expected["meta"]}
    assert got == expected["meta"]


@pytest.mark.parametrize("name", NAMES)
def test_attribution_facts_are_found(name: str) -> None:
    doc, expected = _case(name)
    facts = extract_attribution(doc)
    want = expected.get("attribution", {})
    got = {key: getattr(facts, key) for key in want}
    assert got == want
