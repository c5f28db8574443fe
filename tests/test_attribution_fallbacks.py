"""Fallbacks when a page prints less than usual: the rights meta tag names the copyright holder,
a dateline in the text gives the published date."""

from __future__ import annotations

import pytest

from compliance.documents import load_bytes
from compliance.documents.attribution import extract_attribution, find_dateline

STORY = "".join(
    f"<p>Paragraph {i}: the ferry board met again about the winter timetable and the new "
    "slipway, and residents asked for later sailings on Fridays.</p>"
    for i in range(5)
)


def _page(head: str = "", top: str = "", tail: str = "") -> bytes:
    return (
        f"<!doctype html><html><head>{head}</head><body><article><h1>Ferry</h1>{top}"
        f"{STORY}{tail}</article></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Meridian Observer, March 12, 2024", "2024-03-12"),
        ("Published 12 March 2024", "2024-03-12"),
        ("Posted on Sept. 3rd, 2023 by Lee Amos", "2023-09-03"),
        ("By Ana Ruiz | 2024-02-29", "2024-02-29"),
        (
            "LONDON, March 12, 2024 — The ferry board met again about the winter timetable, "
            "and residents asked for later sailings on Fridays and Sundays.",
            "2024-03-12",
        ),
    ],
)
def test_dateline_forms(line: str, iso: str) -> None:
    assert find_dateline(f"Ferry\n\n{line}\n\nThe story begins here.") == iso


def test_a_date_in_the_prose_is_not_a_dateline() -> None:
    prose = (
        "The board first discussed the slipway on March 12, 2019, when residents asked for "
        "later sailings on Fridays and the operator promised to look again at the budget."
    )
    assert find_dateline(f"Ferry\n\n{prose}") is None


def test_an_updated_line_is_not_the_published_date() -> None:
    text = "Ferry\n\nUpdated March 14, 2024\n\nMeridian Observer, March 12, 2024\n\nStory."
    assert find_dateline(text) == "2024-03-12"


def test_a_dateline_far_below_the_headline_is_not_read() -> None:
    paragraphs = ["Ferry"] + [f"Paragraph {i} of the story." for i in range(10)]
    assert find_dateline("\n\n".join([*paragraphs, "March 12, 2024"])) is None


def test_an_impossible_date_is_no_date() -> None:
    assert find_dateline("Ferry\n\nMeridian Observer, February 30, 2024") is None


def test_dateline_is_the_published_date_when_metadata_has_none() -> None:
    doc = load_bytes(_page(top="<p>Meridian Observer, March 12, 2024</p>"), "p.html")
    assert doc.meta.published == "2024-03-12"
    assert extract_attribution(doc).published == "2024-03-12"


def test_metadata_date_wins_over_the_dateline() -> None:
    head = '<meta property="article:published_time" content="2024-03-11T22:00:00Z">'
    doc = load_bytes(_page(head, top="<p>Meridian Observer, March 12, 2024</p>"), "p.html")
    assert doc.meta.published == "2024-03-11"


def test_dateline_of_a_markdown_document() -> None:
    doc = load_bytes(b"# Ferry\n\nMeridian Observer, March 12, 2024\n\nThe story.\n", "p.md")
    assert doc.meta.published == "2024-03-12"


@pytest.mark.parametrize(
    "tag",
    [
        '<meta name="copyright" content="© 2023 Meridian Observer Ltd">',
        '<meta name="dc.rights" content="Copyright 2023 Meridian Observer Ltd">',
        '<meta name="DCTERMS.rights" content="(c) Meridian Observer Ltd, 2023">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "copyrightYear": 2023, '
        '"copyrightHolder": {"@type": "Organization", "name": "Meridian Observer Ltd"}}</script>',
    ],
    ids=["copyright", "dc.rights", "dcterms.rights", "json-ld"],
)
def test_rights_meta_is_the_fallback_copyright_holder(tag: str) -> None:
    facts = extract_attribution(load_bytes(_page(tag), "p.html"))
    assert (facts.copyright_holder, facts.copyright_year) == ("Meridian Observer Ltd", 2023)
    assert facts.found["copyright_holder"] == "meta"


def test_a_notice_in_the_text_wins_over_the_rights_meta() -> None:
    page = _page(
        '<meta name="copyright" content="© 2023 Site Owner">',
        tail="<p>Copyright © Meridian Observer, 2024</p>",
    )
    facts = extract_attribution(load_bytes(page, "p.html"))
    assert (facts.copyright_holder, facts.copyright_year) == ("Meridian Observer", 2024)
    assert facts.found["copyright_holder"] == "footer"


@pytest.mark.parametrize("content", ["All rights reserved", "https://example.org/rights"])
def test_rights_meta_naming_no_holder_gives_no_holder(content: str) -> None:
    page = _page(f'<meta name="copyright" content="{content}">')
    assert extract_attribution(load_bytes(page, "p.html")).copyright_holder is None
