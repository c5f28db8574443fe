"""Metadata of an HTML page: head tags, JSON-LD, microdata, bylines.

Each fact is looked up in a fixed order of sources, most explicit first (a ``<link
rel=canonical>`` beats ``og:url``; ``article:published_time`` beats a ``<time>`` in the page).
Pure functions over an lxml tree; nothing here touches the network.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ._text import squash
from .urls import host_of, resolve

if TYPE_CHECKING:  # lxml loads only for a document with HTML in it
    from lxml import html as lhtml

_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "citation_publication_date",
    "parsely-pub-date",
    "sailthru.date",
)
_AUTHOR_KEYS = (
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "twitter:creator",
)
_RIGHTS_KEYS = (
    "copyright",
    "dc.rights",
    "dcterms.rights",
    "rights",
    "dc.rights.rightsholder",
    "dcterms.rightsholder",
    "article:copyright",
)
_LD_ARTICLE = re.compile(r"article|posting|report|blog", re.IGNORECASE)
_CC_LICENSE = re.compile(r"creativecommons\.org/(?:licenses|publicdomain)/", re.IGNORECASE)
_BY_PREFIX = re.compile(r"^\s*(?:written\s+)?by[:\s]+", re.IGNORECASE)


def meta_values(root: lhtml.HtmlElement) -> dict[str, str]:
    """First value of each ``<meta name|property|itemprop=... content=...>``, keys lowercased."""
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = el.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), squash(content))
    return found


def json_ld(root: lhtml.HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page (``@graph`` flattened); broken blocks are ignored."""
    objects: list[dict[str, Any]] = []
    for el in root.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                objects.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return objects


def _ld_name(value: Any) -> str | None:
    if isinstance(value, str):
        return squash(value) or None
    if isinstance(value, dict):
        return _ld_name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value) if n]
        return ", ".join(names) if names else None
    return None


def _ld_article_url(objects: list[dict[str, Any]]) -> str | None:
    """The address a schema.org article object gives itself (mainEntityOfPage, then url)."""
    for obj in objects:
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if not any(isinstance(k, str) and _LD_ARTICLE.search(k) for k in kinds):
            continue
        for key in ("mainEntityOfPage", "url"):
            value = obj.get(key)
            if isinstance(value, dict):
                value = value.get("@id") or value.get("url")
            if isinstance(value, str) and re.match(r"https?://", value.strip()):
                return value.strip()
    return None


_STOP_WORDS = {"the", "a", "an", "of", "and", "de", "la", "le", "el", "der", "die", "das"}


def names_site(name: str, url: str | None) -> bool:
    """Whether ``name`` can be the name of the site at ``url``: a word of it (three letters or
    more), or its initials, in the site's host name. A section label ("U.S.", "World") given as
    og:site_name is not the site's name; with no address, any name is taken."""
    host = re.sub(r"^www\d*\.", "", host_of(url) if url else "")
    if not host:
        return True
    letters = re.sub(r"[^a-z0-9]", "", host.lower())
    for spelling in _ascii_spellings(name.casefold()):
        words = [w for w in re.findall(r"[a-z0-9]+", spelling) if w not in _STOP_WORDS]
        if any(len(w) >= 3 and w in letters for w in words) or (
            words and "".join(words) in letters
        ):
            return True
        initials = "".join(w[0] for w in words)
        if len(words) > 1 and letters.startswith(initials):
            return True
    return False


def _ascii_spellings(name: str) -> tuple[str, ...]:
    """'süddeutsche' as hosts spell it: 'sueddeutsche' and 'suddeutsche'."""
    import unicodedata

    german = name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return tuple(
        unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode() for s in (german, name)
    )


def _ld_articles(objects: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The schema.org objects that describe an article (not its images or its site)."""
    for obj in objects:
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and _LD_ARTICLE.search(k) for k in kinds):
            yield obj


def _ld_article_license(objects: list[dict[str, Any]]) -> str | None:
    """The ``license`` an Article gives itself; an ImageObject's licence is the picture's."""
    for obj in _ld_articles(objects):
        value = obj.get("license")
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and re.match(r"https?://", value.strip()):
            return value.strip()
    return None


def _rel_license(root: lhtml.HtmlElement) -> Iterator[str]:
    for el in root.xpath(
        "//*[@rel and contains(concat(' ', normalize-space(@rel), ' '), ' license ')][@href]"
    ):
        href = str(el.get("href") or "").strip()
        if href and not in_caption(el):
            yield href


def _ld_rights(objects: list[dict[str, Any]]) -> str | None:
    """'© 2024 Holder' from schema.org copyrightHolder and copyrightYear."""
    for obj in [*_ld_articles(objects), *objects]:
        holder = _ld_name(obj.get("copyrightHolder"))
        if holder:
            year = obj.get("copyrightYear")
            return f"© {year} {holder}" if isinstance(year, int | str) and year else holder
    return None


def iso_date(value: str | date | None) -> str | None:
    """'2017-03-09T08:15:00+00:00', 'March 9, 2017' or a ``date`` -> '2017-03-09'."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    match = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if match:
        try:
            return date(*(int(g) for g in match.groups())).isoformat()
        except ValueError:
            return None
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _first(*candidates: Callable[[], str | None]) -> str | None:
    for candidate in candidates:
        value = candidate()
        if value:
            return value
    return None


def _attr_of(root: lhtml.HtmlElement, xpath: str, attr: str) -> Callable[[], str | None]:
    def get() -> str | None:
        for el in root.xpath(xpath):
            value = str(el.get(attr) or "").strip()
            if value:
                return value
        return None

    return get


def _text_of(root: lhtml.HtmlElement, xpath: str) -> Callable[[], str | None]:
    def get() -> str | None:
        for el in root.xpath(xpath):
            value = squash(el.text_content())
            if value:
                return value
        return None

    return get


def _ld(objects: list[dict[str, Any]], key: str) -> Callable[[], str | None]:
    def get() -> str | None:
        for obj in objects:
            value = obj.get(key)
            name = _ld_name(value)
            if name:
                return name
        return None

    return get


def _key(values: dict[str, str], *keys: str) -> Callable[[], str | None]:
    def get() -> str | None:
        for key in keys:
            if values.get(key):
                return values[key]
        return None

    return get


def _not_url(value: str | None) -> str | None:
    if not value or re.match(r"https?://", value) or value.startswith("@"):
        return None
    return _BY_PREFIX.sub("", value).strip() or None


def extract_meta(root: lhtml.HtmlElement, base_url: str | None) -> dict[str, Any]:
    """Title, author, site name, canonical URL, published date, licence URL, language, rights,
    and every ``<meta>`` pair as ``declared`` (an HTML page's front matter, keys lowercased)."""
    values = meta_values(root)
    objects = json_ld(root)

    def absolute(href: str | None) -> str | None:
        if not href:
            return None
        return resolve(href, base_url)

    title = _first(
        _key(values, "og:title", "twitter:title", "dc.title", "headline"),
        _ld(objects, "headline"),
        _text_of(root, "//h1"),
        _text_of(root, "//title"),
    )
    author = _not_url(
        _first(
            lambda: _not_url(_key(values, *_AUTHOR_KEYS)()),
            _ld(objects, "author"),
            _text_of(root, "//*[@rel='author']"),
            _text_of(root, "//*[@itemprop='author']//*[@itemprop='name']"),
            _text_of(root, "//*[@itemprop='author']"),
        )
    )
    canonical = absolute(
        _first(
            _attr_of(
                root,
                "//link[@rel and contains(concat(' ', normalize-space(translate("
                "@rel, 'CANONICAL', 'canonical')), ' '), ' canonical ')]",
                "href",
            ),
            _key(values, "og:url", "twitter:url"),
            lambda: _ld_article_url(objects),
        )
    )
    address = canonical or base_url
    site_name = next(
        (
            name
            for name in (
                _key(values, "og:site_name", "application-name", "twitter:site:name")(),
                _ld(list(_ld_articles(objects)), "publisher")(),
                _ld(objects, "publisher")(),
                _not_url(_key(values, "dc.publisher", "dcterms.publisher")()),
            )
            if name and names_site(name, address)
        ),
        None,
    )
    published = iso_date(
        _first(
            _key(values, *_DATE_KEYS),
            _ld(objects, "datePublished"),
            _attr_of(root, "//*[@itemprop='datePublished']", "datetime"),
            _attr_of(root, "//*[@itemprop='datePublished']", "content"),
            _attr_of(root, "//time[@datetime]", "datetime"),
        )
    )
    license_url = absolute(
        _first(
            lambda: _ld_article_license(objects),
            lambda: next(_rel_license(root), None),
            lambda: next(_cc_links(root), None),
        )
    )
    rights = _first(
        _key(values, *_RIGHTS_KEYS),
        lambda: _ld_rights(objects),
    )
    if rights and re.match(r"https?://", rights):
        rights = None  # a link to a rights page names no holder
    language = _first(
        _attr_of(root, "/html", "lang"),
        _attr_of(root, "/html", "xml:lang"),
        _key(values, "content-language", "og:locale", "dc.language", "language"),
    )
    return {
        "title": title,
        "author": author,
        "site_name": site_name,
        "canonical_url": canonical,
        "published": published,
        "license_url": license_url,
        "language": language.replace("_", "-") if language else None,
        "rights": rights,
        "declared": values,
    }


def _cc_links(root: lhtml.HtmlElement) -> Iterator[str]:
    for el in root.iter("a", "link"):
        href = el.get("href") or ""
        if _CC_LICENSE.search(href) and not in_caption(el):
            yield href


_CAPTION_TAGS = {"figure", "figcaption"}
_CLASS_SPLIT = re.compile(r"[\s_-]+")


def in_caption(el: Any) -> bool:
    """Inside a figure, caption or photo credit: what is there is about a picture."""
    from .regions import CAPTION, class_role

    node = el
    while node is not None:
        if str(node.tag).lower() in _CAPTION_TAGS:
            return True
        value = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        role = class_role((t for t in _CLASS_SPLIT.split(value) if t), 0)
        if role is not None and role[1] == CAPTION:
            return True
        node = node.getparent()
    return False


def base_href(root: lhtml.HtmlElement) -> str | None:
    """The ``<base href>`` of the page, if any."""
    for el in root.iter("base"):
        href = str(el.get("href") or "").strip()
        if href:
            return href
    return None
