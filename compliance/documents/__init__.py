"""Loading documents: plain text, Markdown and HTML, from files or bytes.

``load_path`` and ``load_bytes`` refuse what is not a readable text document with an
``InputError`` naming the input, detect the format by content as well as by name, and return a
``Document`` whose offsets every later stage shares.

Example:
    >>> doc = load_bytes(b"# Title\\n\\nSee [the original](https://example.org/a).", "a.md")
    >>> doc.format, doc.text
    ('markdown', 'Title\\n\\nSee the original.')
    >>> doc.links[0].href, doc.text[doc.links[0].start:doc.links[0].end]
    ('https://example.org/a', 'the original')
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any

from ..model import Document, Link, Media, Meta, Region
from .attribution import find_dateline
from .decode import DEFAULT_MAX_BYTES, check_size, decode, read_limited
from .limits import DEFAULT_LIMITS, Limits, check_limits
from .regions import CAPTION, Hint, classify
from .sniff import Format, detect_format
from .urls import split_url

__all__ = [
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_BYTES",
    "Limits",
    "detect_format",
    "load_bytes",
    "load_path",
]

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def load_path(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, limits: Limits = DEFAULT_LIMITS
) -> Document:
    """Load a document from a file; ``InputError`` names the file and what is wrong with it."""
    data = read_limited(path, max_bytes)
    return load_bytes(data, str(path), max_bytes=max_bytes, limits=limits)


def load_bytes(
    data: bytes,
    origin: str,
    *,
    content_type: str | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Load a document from raw bytes (a WARC record, an HTTP body, a hook's staged file).

    ``origin`` names the input in messages and reports; ``url``, or ``origin`` when it is an
    http(s) URL, resolves relative links and is the fallback canonical URL. Text holding more
    lines, links, elements... than ``limits`` allow is refused before it is parsed.
    """
    check_size(data, origin, max_bytes)
    charset = _CHARSET.search(content_type or "")
    text, encoding = decode(data, origin, charset.group(1) if charset else None)
    if url is None and re.match(r"https?://", origin, re.IGNORECASE):
        url = origin
    fmt: Format = detect_format(text, _suffix(origin), content_type)
    check_limits(text, fmt, origin, limits)
    if fmt == "html":
        from .html import load_html

        html = load_html(text, origin, url)
        doc = _document(
            data,
            origin,
            fmt,
            html.text,
            html.links,
            html.media,
            html.meta,
            html.meta.get("declared") or {},
            html.heading,
            encoding,
            url,
            html.hints,
        )
        return replace(doc, furniture=html.furniture, notes=html.notes)
    if fmt == "markdown":
        from .markdown import load_markdown

        md = load_markdown(text, origin, url)
        return _document(
            data,
            origin,
            fmt,
            md.text,
            md.links,
            md.media,
            md.meta,
            md.front_matter,
            md.heading,
            encoding,
            url,
        )
    from .plain import load_text

    return _document(data, origin, fmt, load_text(text), [], [], {}, {}, None, encoding, url)


def _suffix(origin: str) -> str:
    parts = split_url(origin) if re.match(r"[a-z]+://", origin, re.IGNORECASE) else None
    path = parts.path if parts is not None else origin
    return PurePosixPath(path.replace("\\", "/")).suffix


def _document(
    data: bytes,
    origin: str,
    fmt: Format,
    text: str,
    links: list[Link],
    media: list[Media],
    found: dict[str, Any],
    front_matter: dict[str, Any],
    heading: str | None,
    encoding: str,
    url: str | None,
    hints: Mapping[int, Hint] | None = None,
) -> Document:
    title_hint = heading or found.get("title")
    regions = classify(text, title_hint, hints)
    meta = Meta(
        title=found.get("title"),
        author=found.get("author"),
        site_name=found.get("site_name"),
        canonical_url=found.get("canonical_url") or url,
        published=found.get("published") or find_dateline(text),
        license_url=found.get("license_url"),
        language=found.get("language"),
        front_matter=front_matter,
        rights=found.get("rights"),
    )
    title = meta.title or heading or _first_line(text) or _stem(origin)
    linked = _by_caption(links, regions)
    if meta.license_url and _only_in_captions(meta.license_url, linked):
        meta = replace(meta, license_url=None)  # a picture's licence, not the article's
    return Document(
        id=hashlib.sha256(data).hexdigest(),
        origin=origin,
        format=fmt,
        title=title,
        text=text,
        links=linked,
        media=tuple(media),
        meta=meta,
        size=len(data),
        encoding=encoding,
        regions=regions,
    )


def _by_caption(links: list[Link], regions: tuple[Region, ...]) -> tuple[Link, ...]:
    """Links inside a caption or photo credit paragraph are about the picture, not the article."""
    captions = [r for r in regions if r.reason == CAPTION]
    return tuple(
        replace(link, role="caption")
        if link.place == "text" and any(r.start <= link.start < r.end for r in captions)
        else link
        for link in links
    )


def _only_in_captions(href: str, links: tuple[Link, ...]) -> bool:
    roles = {link.role for link in links if link.href == href}
    return roles == {"caption"}


def _first_line(text: str) -> str | None:
    line = text.split("\n", 1)[0].strip()
    return line if 0 < len(line) <= 150 else None


def _stem(origin: str) -> str:
    return PurePosixPath(origin.replace("\\", "/")).stem or origin
