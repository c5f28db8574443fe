"""Work, notice and furniture: each paragraph of a page is sorted before anything is compared."""

from __future__ import annotations

from compliance.documents import load_bytes
from compliance.documents.regions import classify, mask
from compliance.model import Document
from compliance.pipeline import CheckOptions, check_pair

STORY = (
    "River levels across the valley fell for a third day on Sunday as the rain moved east and "
    "the pumping stations at the lower weir ran through the night without a fault.",
    "Engineers said the embankments held everywhere except at the old mill, where a small "
    "breach was closed with sandbags before dawn and no homes were flooded in the end.",
    "The council will review the flood plan in April, when residents can ask questions at an "
    "open meeting in the town hall about the new barriers and the warning sirens.",
)
HEADLINE = "River levels fall across the valley"
TABLE = (
    "<table><tr><th>Station</th><th>Level</th></tr><tr><td>Upper weir</td><td>2.4 m</td></tr>"
    "<tr><td>Lower weir</td><td>3.1 m</td></tr></table>"
)


def _page(*blocks: str, head: str = "", footer: str = "") -> bytes:
    body = "".join(blocks)
    return (
        f"<!doctype html><html><head><title>{HEADLINE}</title>{head}</head><body>"
        f"<nav><a href='/'>Home</a></nav><article>{body}</article>"
        f"<footer>{footer}</footer></body></html>"
    ).encode()


def _story(*extra: str) -> list[str]:
    paragraphs = [f"<p>{p}</p>" for p in STORY]
    return [paragraphs[0], *extra, *paragraphs[1:]]


def _roles(doc: Document) -> dict[str, tuple[str, str]]:
    return {doc.text[r.start : r.end]: (r.role, r.reason) for r in doc.regions}


def _role_of(line: str, *blocks: str) -> tuple[str, str] | None:
    doc = load_bytes(_page(*_story(), *blocks), "page.html")
    return _roles(doc).get(line)


def test_a_licence_line_is_notice() -> None:
    line = "This article is republished from Valley News under a Creative Commons license."
    assert _role_of(line, f"<p>{line}</p>") == ("notice", "licence or republishing line")


def test_an_originally_published_line_is_notice() -> None:
    line = "This story was originally published by Valley News."
    assert _role_of(line, f"<p>{line}</p>") == ("notice", "credit line")


def test_a_copyright_line_is_notice() -> None:
    line = "Copyright © 2024 Valley News. All rights reserved."
    assert _role_of(line, f"<p>{line}</p>") == ("notice", "copyright notice")


def test_byline_and_date_lines_are_furniture() -> None:
    doc = load_bytes(_page("<p>By Mara Lindqvist</p><p>March 4, 2024</p>", *_story()), "a.html")
    roles = _roles(doc)
    assert roles["By Mara Lindqvist"] == ("furniture", "byline")
    assert roles["March 4, 2024"] == ("furniture", "date line")


def test_a_sentence_opening_with_by_is_not_a_byline() -> None:
    text = "By Tuesday, the river had fallen by two metres.\n\n" + "\n\n".join(STORY)
    assert classify(text) == ()


def test_a_tags_line_is_furniture() -> None:
    assert _role_of("Tags: flooding, weather", "<p>Tags: flooding, weather</p>") == (
        "furniture",
        "tags",
    )


def test_a_box_classed_as_tags_is_furniture_whatever_its_words() -> None:
    box = "<ul class='post-tags'><li>Flooding and weather</li></ul>"
    assert _role_of("Flooding and weather", box) == ("furniture", "tags")


def test_the_headline_printed_again_is_furniture() -> None:
    doc = load_bytes(_page(f"<h1>{HEADLINE}</h1>", *_story()), "a.html")
    assert _roles(doc)[HEADLINE] == ("furniture", "headline")


def test_a_donation_appeal_is_furniture() -> None:
    line = "Our reporting is free for everyone. Please donate today to keep it that way."
    assert _role_of(line, f"<p>{line}</p>") == ("furniture", "donation or newsletter appeal")


def test_a_suggested_citation_box_is_furniture() -> None:
    line = "Suggested citation: Lindqvist, M. (2024). River levels fall. Valley News."
    assert _role_of(line, f"<p>{line}</p>") == ("furniture", "suggested citation")


def test_a_caption_is_furniture() -> None:
    caption = "The lower weir on Sunday morning. Photo: Jon Berg"
    figure = f"<figure><img src='w.jpg' alt=''><figcaption>{caption}</figcaption></figure>"
    assert _role_of(caption, figure) in (None, ("furniture", "photo credit or caption"))
    doc = load_bytes(_page(*_story(figure)), "a.html")
    assert caption not in doc.text or _roles(doc)[caption][0] == "furniture"


def test_prose_that_mentions_a_newsletter_stays_work() -> None:
    long = (
        "The council's newsletter, which residents can sign up for at the town hall, will "
        "print the new flood plan in full next month, together with a map of every barrier, "
        "each warning siren and the routes the volunteers will walk when the river rises "
        "again, so that no household is left without the news it needs in time."
    )
    assert classify("\n\n".join((*STORY, long))) == ()


def test_the_story_itself_is_work() -> None:
    doc = load_bytes(_page(*_story()), "a.html")
    assert all(doc.text[r.start : r.end] not in STORY for r in doc.regions)


def test_masking_blanks_regions_and_keeps_offsets() -> None:
    text = f"{HEADLINE}\n\n{STORY[0]}\n\nTags: flooding"
    masked = mask(text, classify(text, HEADLINE))
    assert len(masked) == len(text)
    assert masked.split() == STORY[0].split()


def test_table_cells_are_kept_one_row_per_paragraph() -> None:
    doc = load_bytes(_page(*_story(TABLE)), "a.html")
    assert "Station | Level\n\nUpper weir | 2.4 m\n\nLower weir | 3.1 m" in doc.text


CC_BY_ND = "https://creativecommons.org/licenses/by-nd/4.0/"
ORIGINAL_URL = "https://valleynews.example/2024/river"


def test_a_verbatim_credited_copy_in_another_sites_chrome_has_no_edits() -> None:
    original = load_bytes(
        _page(
            f"<h1>{HEADLINE}</h1><p class='byline'>By Mara Lindqvist</p><p>March 4, 2024</p>",
            *_story(TABLE),
            "<p>Tags: flooding, weather</p>",
            "<p>Support our journalism: please donate today.</p>",
            f"<p>This article is licensed under a <a rel='license' href='{CC_BY_ND}'>"
            "Creative Commons Attribution-NoDerivatives 4.0 License</a>.</p>",
            head=f"<link rel='canonical' href='{ORIGINAL_URL}'>",
            footer="<p>Copyright © 2024 Valley News.</p>",
        ),
        "original.html",
    )
    copy = load_bytes(
        _page(
            f"<h1>{HEADLINE}</h1><p>By Mara Lindqvist, Valley News</p>",
            *_story(TABLE),
            f"<p>This article first appeared in <a href='{ORIGINAL_URL}'>Valley News</a> and is "
            f"republished under a <a href='{CC_BY_ND}'>Creative Commons license</a>.</p>",
            head="<link rel='canonical' href='https://hillpost.example/river'>",
            footer="<p>© 2024 Hill Post Media</p>",
        ),
        "copy.html",
    )
    report = check_pair(copy, original, CheckOptions(today="2024-04-01"))
    edits = [f for f in report.findings if f.kind in ("no_modification", "disclose_changes")]
    assert edits == []
    assert [p.kind for p in report.comparison.passages] == ["verbatim"]


def test_a_paragraph_opening_with_citations_is_work() -> None:
    text = "Citations for speeding rose by a third on the valley road last year, police said."
    assert classify("\n\n".join((*STORY, text))) == ()


def test_a_blog_category_and_tags_line_is_furniture() -> None:
    text = "\n\n".join((*STORY, "Posted in News Tagged flooding, weather"))
    assert [(r.role, r.reason) for r in classify(text)] == [("furniture", "tags")]
