"""Short credit lines inside the article body stay article text, whatever the extractor thinks.

A paragraph that is little more than a link ("via <a>X</a>") looks like link furniture to the
main-text extractor; here it must come out in ``Document.text`` with its link at ``place="text"``,
while menus, sharing buttons, related stories and reader comments stay out.
"""

from __future__ import annotations

import pytest

from compliance.documents import load_bytes
from compliance.model import Document, Link

ORIGINAL = "https://www.meridianobserver.example/2024/03/harbour-lights/"
STORY = [
    "The harbour board switched on the restored lighthouse lamp on Friday evening, after a "
    "winter of repairs that cost more than twice the first estimate.",
    "Volunteers from the rowing club carried the last panes of glass up the tower by hand, "
    "because the old winch had seized during the January storms.",
    "The board chair said the lamp would run on solar panels from the spring, and that the "
    "keeper's cottage would open as a small museum in the summer.",
    "Fishing crews welcomed the light, which they said had been missed on foggy nights when the "
    "electronic beacon alone was hard to pick out from the shore lights.",
]


def _page(credit: str, *, middle: bool = True, extra: str = "") -> bytes:
    """A republisher's page with ``credit`` between the story's paragraphs or after them."""
    paras = [f"<p>{p}</p>" for p in STORY]
    if middle:
        paras.insert(2, credit)
    else:
        paras.append(credit)
    nav = '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>'
    return (
        "<!doctype html><html><head><title>Harbour lights</title></head><body>"
        f"<header>{nav}</header><main><article><h1>Harbour lights return</h1>"
        f"{''.join(paras)}<p>Copyright © Meridian Observer, 2024</p>{extra}</article></main>"
        "<footer><p>Community Reposts is a volunteer reading list.</p></footer></body></html>"
    ).encode()


def _link(doc: Document, href: str) -> Link:
    (link,) = [link for link in doc.links if link.href == href]
    return link


CREDITS = [
    (f'<p>via <a href="{ORIGINAL}">Meridian Observer</a></p>', "via Meridian Observer"),
    (f'<p>Via <a href="{ORIGINAL}">Meridian Observer</a></p>', "Via Meridian Observer"),
    (f'<p>Source: <a href="{ORIGINAL}">Meridian Observer</a></p>', "Source: Meridian Observer"),
    (f'<p>(c) 2024 <a href="{ORIGINAL}">Meridian Observer</a></p>', "(c) 2024 Meridian Observer"),
    (
        f'<p>Originally published at <a href="{ORIGINAL}">Meridian Observer</a>.</p>',
        "Originally published at Meridian Observer.",
    ),
    (f'<p><em>h/t <a href="{ORIGINAL}">Meridian Observer</a></em></p>', "h/t Meridian Observer"),
    (f'<p><a href="{ORIGINAL}">Read the original article</a></p>', "Read the original article"),
]


@pytest.mark.parametrize(("credit", "line"), CREDITS)
@pytest.mark.parametrize("middle", [True, False], ids=["between-paragraphs", "after-body"])
def test_short_credit_paragraph_is_article_text(credit: str, line: str, middle: bool) -> None:
    doc = load_bytes(_page(credit, middle=middle), "copy.html")
    assert line in doc.text.split("\n\n")
    link = _link(doc, ORIGINAL)
    assert link.place == "text"
    assert doc.text[link.start : link.end] == link.text
    assert link.text in line


def test_short_credit_keeps_the_body_around_it() -> None:
    doc = load_bytes(_page(CREDITS[0][0]), "copy.html")
    for paragraph in STORY:
        assert paragraph in doc.text
    assert "Home" not in doc.text and "volunteer reading list" not in doc.text


def test_photo_credit_in_a_caption_is_not_an_article_credit() -> None:
    figure = (
        '<figure><img src="/lamp.jpg" alt="lamp"><figcaption>Photo via '
        '<a href="https://photos.example/lamp">Lens Library</a></figcaption></figure>'
    )
    doc = load_bytes(_page(figure), "copy.html")
    assert "Lens Library" not in doc.text
    assert _link(doc, "https://photos.example/lamp").place == "boilerplate"


@pytest.mark.parametrize(
    "furniture",
    [
        '<div class="share-buttons"><p>Share via <a href="https://mail.example/s">Email</a></p></div>',
        '<ul class="related-posts"><li>Source: <a href="https://other.example/x">Other story</a>'
        "</li></ul>",
        '<nav class="post-nav"><p>via <a href="https://other.example/prev">Previous post</a></p>'
        "</nav>",
    ],
    ids=["share", "related", "nav"],
)
def test_credit_words_inside_page_furniture_stay_furniture(furniture: str) -> None:
    doc = load_bytes(_page(furniture), "copy.html")
    furniture_links = [
        link
        for link in doc.links
        if "example/" in link.href and "meridianobserver" not in link.href
    ]
    assert furniture_links and all(link.place == "boilerplate" for link in furniture_links)


def test_a_comment_quoting_the_source_is_not_rescued_as_a_credit() -> None:
    comments = (
        '<section id="comments" class="comments-area"><ol class="comment-list">'
        '<li class="comment"><p>This article was originally published by '
        '<a href="https://spam.example/">Cheap Pills</a>, I think.</p></li></ol></section>'
    )
    page = _page("", middle=False).replace(b"</main>", comments.encode() + b"</main>")
    doc = load_bytes(page, "copy.html")
    assert "Cheap Pills" not in doc.text
    assert _link(doc, "https://spam.example/").place == "boilerplate"


def test_a_credit_box_within_the_story_is_text_even_before_the_sites_own_tags() -> None:
    box = (
        f'<aside class="republish-credit"><p>Source: <a href="{ORIGINAL}">Meridian Observer</a>.'
        "</p></aside>"
    )
    doc = load_bytes(_page(box, middle=False, extra="<p>Tags: harbour, boats</p>"), "c.html")
    assert "Source: Meridian Observer." in doc.text
    assert _link(doc, ORIGINAL).place == "text"
