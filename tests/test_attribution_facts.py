"""Attribution facts of an original: source, copyright holder and year, author and institution,
URL, title, publisher; flags win; ``found`` says where each fact came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.documents import load_bytes, load_path
from compliance.documents.attribution import (
    extract_attribution,
    find_byline,
    find_copyright_line,
    find_institution,
    find_source_line,
    parse_copyright,
)
from compliance.model import Document

DATA = Path(__file__).parent / "data" / "documents"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("The original source of this article is South Coast Review", "South Coast Review"),
        ("The original source of this article is Global Desk.", "Global Desk"),
        ("the original source of this article is  The Harbour Times ", "The Harbour Times"),
        ("Original source of this story is Field Notes", "Field Notes"),
        ("Originally published by Truth Desk on March 9, 2017.", "Truth Desk"),
        ("Originally published at Coast Daily.", "Coast Daily"),
        ("This article was originally published on The Dialogue.", "The Dialogue"),
        ("This story originally appeared in Mountain Weekly on 4 May 2021.", "Mountain Weekly"),
        ("This article was first published by Prof. Ada Lind's Blog.", "Prof. Ada Lind's Blog"),
        (
            "This article is republished from The Dialogue under a Creative Commons license.",
            "The Dialogue",
        ),
        ("Republished with permission from U.S. Harbour News.", "U.S. Harbour News"),
        ("Source: Northern Ledger", "Northern Ledger"),
        ("SOURCE: Northern Ledger | Photo: Ona Brack", "Northern Ledger"),
        ("The original source of this article is Ledger, https://ledger.example/a", "Ledger"),
        ("The original source of this article is Ledger Copyright © Ledger, 2017", "Ledger"),
        ("Originally published by “Quay Post”.", "Quay Post"),
    ],
)
def test_source_line_variants(line: str, name: str) -> None:
    found = find_source_line(f"Body text of the story.\n\n{line}\n\nMore.")
    assert found is not None
    assert found.name == name


def test_no_source_line_in_ordinary_prose() -> None:
    text = "The source of the river is in the hills.\n\nSources said the vote was close."
    assert find_source_line(text) is None


def test_strongest_source_phrase_wins() -> None:
    text = "Source: Wire Photo\n\nBody.\n\nThe original source of this article is Coast Daily"
    assert find_source_line(text).name == "Coast Daily"  # type: ignore[union-attr]


def test_source_line_keeps_only_its_own_sentence() -> None:
    text = "This article was originally published by Golden Desk. Golden Desk is nonprofit."
    assert find_source_line(text).line == (  # type: ignore[union-attr]
        "This article was originally published by Golden Desk."
    )


@pytest.mark.parametrize(
    ("notice", "holder", "year"),
    [
        ("Copyright © South Coast Review, 2017", "South Coast Review", 2017),
        ("Copyright © Mara Quill, Mara Quill, 2017", "Mara Quill", 2017),
        ("Copyright © Mara Quill, Northern Ledger, 2017", "Mara Quill, Northern Ledger", 2017),
        ("© 2017 Northern Ledger", "Northern Ledger", 2017),
        ("©2019 Coast Daily. All rights reserved.", "Coast Daily", 2019),
        ("(c) Field Notes 2016", "Field Notes", 2016),
        ("(C) 2016 Field Notes", "Field Notes", 2016),
        ("Copyright 2017 The Wire Agency. All rights reserved.", "The Wire Agency", 2017),
        ("Copyright 2017 Ledger Media Ltd. All rights reserved.", "Ledger Media Ltd", 2017),
        ("Copyright Northern Ledger", "Northern Ledger", None),
        ("Copyright © 2009–2017 Northern Ledger", "Northern Ledger", 2017),
        ("Copyright © 2015-17 Northern Ledger", "Northern Ledger", 2017),
        ("Copyright © by Ona Brack 2020", "Ona Brack", 2020),
        ("© Ward Notes, 2024. Published under a Creative Commons licence.", "Ward Notes", 2024),
        ("Copyright © 2021 Quay Post | Privacy policy", "Quay Post", 2021),
    ],
)
def test_copyright_notice_variants(notice: str, holder: str, year: int | None) -> None:
    found = find_copyright_line(f"Story text.\n\n{notice}")
    assert found is not None
    assert (found.holder, found.year) == (holder, year)


@pytest.mark.parametrize(
    "prose",
    [
        "You must request permission from the copyright owner before reuse.",
        "The site contains copyrighted material the use of which is not always authorized.",
        "Copyright law in the country changed in 2019, the minister said.",
        "Options (a), (b) and (c) were all rejected by the council.",
    ],
)
def test_prose_mentioning_copyright_is_not_a_notice(prose: str) -> None:
    assert find_copyright_line(prose) is None


def test_notice_beside_the_source_line_beats_a_later_site_notice() -> None:
    text = (
        "Body.\n\nThe original source of this article is Coast Daily\n"
        "Copyright © Coast Daily, 2017\n\nMore text.\n\n© 2024 Reposting Blog"
    )
    assert find_copyright_line(text).holder == "Coast Daily"  # type: ignore[union-attr]


def test_parse_copyright_of_a_flag_value() -> None:
    assert parse_copyright("South Front, 2017") == ("South Front", 2017)
    assert parse_copyright("South Front") == ("South Front", None)


@pytest.mark.parametrize(
    ("text", "author", "institution"),
    [
        ("Title\n\nBy Mara Quill\n\nBody.", "Mara Quill", None),
        ("Title\n\nBY Mara Quill, March 9, 2017\n\nBody.", "Mara Quill", None),
        ("Title\n\nWritten by Ona Brack | Coast desk\n\nBody.", "Ona Brack", None),
        ("Title\n\nBy Colby Harrington of The Texan\n\nBody.", "Colby Harrington", None),
        (
            "Title\n\nBy Jane Roe, University of Eastmarch\n\nBody.",
            "Jane Roe",
            "University of Eastmarch",
        ),
        (
            "Title\n\nAuthor: Jane Roe, Senior Lecturer in Ecology, Eastmarch College\n\nBody.",
            "Jane Roe",
            "Eastmarch College",
        ),
    ],
)
def test_byline_variants(text: str, author: str, institution: str | None) -> None:
    found = find_byline(text)
    assert found is not None
    assert (found.author, found.institution) == (author, institution)


def test_byline_that_opens_with_the_known_author() -> None:
    text = "Title\n\nPriya Walcott, Senior Lecturer in Urban Ecology, University of Eastmarch\n\nB."
    found = find_byline(text, "Priya Walcott")
    assert found is not None and found.institution == "University of Eastmarch"


def test_prose_starting_with_by_is_not_a_byline() -> None:
    assert find_byline("Title\n\nby the time the ferry left, the quay was empty.\n\nB.") is None


@pytest.mark.parametrize(
    ("note", "institution"),
    [
        (
            "Jane Roe is a professor of marine biology at the University of Eastmarch.",
            "University of Eastmarch",
        ),
        (
            "Jane Roe is an associate professor at Kelso Institute of Technology, where she "
            "studies tides.",
            "Kelso Institute of Technology",
        ),
        ("Jane Roe is a PhD candidate at Northfield University.", "Northfield University"),
        ("Jane Roe was a research fellow with the Coastal Policy Centre.", "Coastal Policy Centre"),
    ],
)
def test_institution_from_an_author_note(note: str, institution: str) -> None:
    assert find_institution(f"Body text.\n\n{note}", "Jane Roe") == institution


def test_institution_note_about_someone_else_is_ignored() -> None:
    text = "Body.\n\nOna Brack is a professor at Northfield University."
    assert find_institution(text, "Jane Roe") is None


@pytest.fixture(scope="module")
def original() -> Document:
    return load_path(DATA / "crosspost-original.html")


def test_attribution_of_a_crosspost_original(original: Document) -> None:
    facts = extract_attribution(original)
    assert (
        facts.source,
        facts.copyright_holder,
        facts.copyright_year,
        facts.author,
        facts.url,
        facts.title,
        facts.published,
        facts.publisher,
    ) == (
        "Northern Ledger",
        "Mara Quill, Northern Ledger",
        2017,
        "Mara Quill",
        "https://www.northernledger.example/harbour-dredging-plan-stalls/5512",
        "Harbour Dredging Plan Stalls After Budget Vote",
        "2017-03-09",
        "Northern Ledger",
    )


def test_found_says_where_each_fact_came_from(original: Document) -> None:
    assert extract_attribution(original).found == {
        "source": "footer",
        "copyright_holder": "footer",
        "copyright_year": "footer",
        "author": "byline",
        "url": "meta",
        "title": "meta",
        "published": "meta",
        "publisher": "meta",
    }


def test_flags_win_and_are_marked(original: Document) -> None:
    facts = extract_attribution(
        original,
        {
            "source": "Ledger Syndication",
            "copyright": "Ledger Media, 2016",
            "url": "https://ledger.example/x",
            "author": "M. Quill",
        },
    )
    assert (
        facts.source,
        facts.copyright_holder,
        facts.copyright_year,
        facts.url,
        facts.author,
    ) == ("Ledger Syndication", "Ledger Media", 2016, "https://ledger.example/x", "M. Quill")
    assert {
        k: facts.found[k] for k in ("source", "copyright_holder", "copyright_year", "url", "author")
    } == dict.fromkeys(("source", "copyright_holder", "copyright_year", "url", "author"), "flag")


def test_copyright_flag_without_year_keeps_the_footer_year(original: Document) -> None:
    facts = extract_attribution(original, {"copyright": "Ledger Media"})
    assert (facts.copyright_holder, facts.copyright_year) == ("Ledger Media", 2017)
    assert (facts.found["copyright_holder"], facts.found["copyright_year"]) == ("flag", "footer")


def test_empty_or_none_flags_are_not_given(original: Document) -> None:
    facts = extract_attribution(original, {"source": None, "author": "  "})
    assert (facts.source, facts.found["source"]) == ("Northern Ledger", "footer")
    assert facts.found["author"] == "byline"


def test_unknown_flag_is_a_programming_error(original: Document) -> None:
    with pytest.raises(ValueError, match="unknown attribution override"):
        extract_attribution(original, {"sauce": "x"})


def test_site_name_is_the_source_when_no_line_names_one() -> None:
    page = (
        b'<html><head><meta property="og:site_name" content="Quay Post"></head>'
        b"<body><p>Story text only.</p></body></html>"
    )
    facts = extract_attribution(load_bytes(page, "p.html"))
    assert (facts.source, facts.found["source"]) == ("Quay Post", "meta")


def test_byline_author_when_no_metadata_names_one() -> None:
    doc = load_bytes(b"# Title\n\nBy Ona Brack, Northfield University\n\nStory.\n", "s.md")
    facts = extract_attribution(doc)
    assert (facts.author, facts.author_institution) == ("Ona Brack", "Northfield University")
    assert facts.found["author"] == facts.found["author_institution"] == "byline"


def test_origin_url_is_the_url_when_nothing_else_is_known() -> None:
    doc = load_bytes(b"Story text.\n", "https://a.example/story")
    assert extract_attribution(doc).url == "https://a.example/story"


def test_nothing_found_gives_empty_facts() -> None:
    facts = extract_attribution(load_bytes(b"Just a few words.\n", "n.txt"))
    assert (facts.source, facts.copyright_holder, facts.author, facts.url) == (None,) * 4
    assert facts.found == {}
