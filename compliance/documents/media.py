"""Embedded media of an HTML page, with tracking pixels told apart from pictures.

Publishers such as ProPublica or The Conversation ask republishers to keep a republication
pixel: a 1x1 or hidden image, or a script, whose URL counts reads. Checks need to see those
wherever they sit in the page, while ordinary pictures only matter inside the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..model import Media
from .urls import resolve

if TYPE_CHECKING:  # lxml loads only for a document with HTML in it
    from lxml import html as lhtml

_BEACON = re.compile(
    r"pixel|beacon|tracker|tracking|/track[/?.]|/count\.gif|/counter[/.]|counter\.|/1x1\b|1x1\.gif|/t\.gif"
    r"|/p\.gif|/b\.gif|/collect\?|/hit\?|/impression|republish",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|(?:width|height)\s*:\s*[01](?:\.0+)?px",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^\s*(\d+)(?:\.\d+)?\s*(?:px)?\s*$")
_KINDS = {
    "img": "image",
    "iframe": "iframe",
    "video": "video",
    "audio": "audio",
    "script": "script",
    "embed": "iframe",
}


def _dimension(value: str | None) -> int | None:
    match = _NUMBER.match(value or "")
    return int(match.group(1)) if match else None


def _source(el: lhtml.HtmlElement) -> str:
    src = (el.get("src") or "").strip()
    lazy = (el.get("data-src") or el.get("data-lazy-src") or el.get("data-original") or "").strip()
    if lazy and (not src or src.startswith("data:")):
        return lazy
    if not src and el.tag in ("video", "audio"):
        for source in el.iter("source"):
            found = str(source.get("src") or "").strip()
            if found:
                return found
    return src


def is_pixel(src: str, width: int | None, height: int | None, style: str, hidden: bool) -> bool:
    """A tracking pixel: tiny, hidden, or served from a URL that says it counts reads."""
    tiny = (width is not None and width <= 1) or (height is not None and height <= 1)
    return tiny or hidden or bool(_HIDDEN_STYLE.search(style)) or bool(_BEACON.search(src))


def extract_media(
    root: lhtml.HtmlElement,
    base_url: str | None,
    in_article: Callable[[lhtml.HtmlElement], bool],
) -> list[Media]:
    """Media inside the article, plus pixels and beacon scripts anywhere in the page."""
    found: list[Media] = []
    seen: set[tuple[str, str]] = set()
    for el in root.iter(*_KINDS):
        src = _source(el)
        if not src:
            continue
        kind = _KINDS[str(el.tag)]
        width, height = _dimension(el.get("width")), _dimension(el.get("height"))
        style = el.get("style") or ""
        hidden = el.get("hidden") is not None
        if kind == "image" and is_pixel(src, width, height, style, hidden):
            kind = "pixel"
        beacon = kind == "pixel" or (kind == "script" and bool(_BEACON.search(src)))
        if not beacon and not in_article(el):
            continue
        absolute = resolve(src, base_url)
        if (kind, absolute) in seen:
            continue
        seen.add((kind, absolute))
        alt = (el.get("alt") or el.get("title") or "").strip()
        found.append(Media(kind=kind, src=absolute, alt=alt, width=width, height=height))  # type: ignore[arg-type]
    return found


def media_of_fragment(elements: Iterable[lhtml.HtmlElement], base_url: str | None) -> list[Media]:
    """All media of HTML embedded in Markdown: every element counts as part of the article."""
    found: list[Media] = []
    for element in elements:
        found.extend(extract_media(element, base_url, lambda _el: True))
    return found
