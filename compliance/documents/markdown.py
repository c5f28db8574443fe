"""Markdown documents: YAML front matter, text without Markdown syntax, links with offsets.

markdown-it-py's token stream is walked directly (never rendered to HTML and re-parsed), so a
``[text](url)`` link keeps its exact place in the plain text. Raw HTML inside Markdown counts:
inline ``<a href>`` tags are links in the text, HTML blocks are read with the HTML rules, and
links hidden in HTML comments are recorded as such. Bare URLs are not links, as in CommonMark.
lxml parses that HTML, so it is imported only for a post that has some.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..model import Link, Media
from ._text import Anchor, Paragraph, ParagraphBuilder, assemble, squash
from .htmlmeta import iso_date
from .media import media_of_fragment
from .urls import resolve

_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL
)
_TOML_FRONT_MATTER = re.compile(
    r"\A\ufeff?\+\+\+[ \t]*\r?\n(.*?)(?:\r?\n)\+\+\+[ \t]*(?:\r?\n|\Z)", re.DOTALL
)
_A_OPEN = re.compile(r"<a\b([^>]*)>", re.IGNORECASE)
_A_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_BLOCK_CLOSE = {"paragraph_close", "heading_close", "fence", "code_block", "hr", "tr_close"}

# Front matter keys that feed Meta, in order of preference.
_META_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "author": ("author", "authors", "byline", "creator"),
    "site_name": ("site_name", "publisher", "source", "site"),
    "canonical_url": ("canonical_url", "canonical", "original_url", "url", "permalink", "link"),
    "published": ("date", "published", "publish_date", "pubdate", "created"),
    "license_url": ("license_url", "license"),
    "language": ("lang", "language", "locale"),
}


@dataclass
class MarkdownResult:
    """What the Markdown loader found; ``load_bytes`` turns it into a Document."""

    text: str
    links: list[Link]
    media: list[Media]
    meta: dict[str, Any]
    front_matter: dict[str, Any] = field(default_factory=dict)
    heading: str | None = None


def split_front_matter(text: str, origin: str) -> tuple[dict[str, Any], str]:
    """``(front matter, body)`` from a YAML (``---``) or TOML (``+++``, as Hugo writes) block.

    A block that is not a mapping is left as text. This is the one front-matter reader: the
    loader and the hook (which names a post's original from it) both go through it.

    Raises:
        InputError: the block is not valid YAML or TOML, naming ``origin`` and the line.
    """
    match = _FRONT_MATTER.match(text)
    if match:
        data = _yaml_block(match.group(1), origin)
    else:
        match = _TOML_FRONT_MATTER.match(text)
        if not match:
            return {}, text
        data = _toml_block(match.group(1), origin)
    if not isinstance(data, dict):
        return {}, text
    return _json_ready(data), text[match.end() :]


def body_line(text: str) -> int:
    """The 1-based line where the body starts, after any front-matter block (not parsed)."""
    match = _FRONT_MATTER.match(text) or _TOML_FRONT_MATTER.match(text)
    return text.count("\n", 0, match.end()) + 1 if match else 1


def _yaml_block(block: str, origin: str) -> Any:
    """The block through the project's guarded YAML loader (no alias bombs, bounded depth)."""
    from ..terms.yamlload import YamlProblem, load_yaml

    try:
        return load_yaml(block)
    except YamlProblem as exc:
        message = exc.message.removeprefix("malformed YAML: ")
        raise InputError(
            f"front matter is not valid YAML at line {exc.line + 1}: {message}", source=origin
        ) from None


def _toml_block(block: str, origin: str) -> Any:
    """The block through tomllib, held to the YAML loader's nesting bound."""
    import tomllib

    from ..terms.yamlload import MAX_DEPTH

    try:
        data = tomllib.loads(block)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"front matter is not valid TOML: {exc}", source=origin) from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        data = None
    if data is None or _depth(data) > MAX_DEPTH:
        message = f"front matter nests deeper than {MAX_DEPTH} levels"
        raise InputError(message, source=origin) from None
    return data


def _depth(value: Any) -> int:
    """How deeply ``value``'s tables and arrays nest (a scalar is 0), without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        children = (
            item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        )
        for child in children:
            if isinstance(child, (dict, list)):
                deepest = max(deepest, depth + 1)
                stack.append((child, depth + 1))
    return deepest


def _json_ready(value: Any) -> Any:
    """Front matter goes into reports as JSON: dates become ISO strings, keys strings."""
    if isinstance(value, dict):
        return {str(k): _json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_ready(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _meta_from(front: dict[str, Any]) -> dict[str, Any]:
    lowered = {k.lower(): v for k, v in front.items()}
    meta: dict[str, Any] = {}
    for name, keys in _META_KEYS.items():
        value = next((lowered[k] for k in keys if lowered.get(k) not in (None, "", [])), None)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, dict):
            value = value.get("name") or value.get("url")
        meta[name] = squash(str(value)) if value is not None else None
    meta["published"] = iso_date(meta["published"])
    if meta["license_url"] and not re.match(r"https?://", meta["license_url"]):
        meta["license_url"] = None
    return meta


def _attrs(fragment: str) -> dict[str, str]:
    return {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(fragment)}


class _Renderer:
    """Turns markdown-it tokens into paragraphs, links and media."""

    def __init__(self, base_url: str | None) -> None:
        self.base_url = base_url
        self.paragraphs: list[Paragraph] = []
        self.media: list[Media] = []
        self.hidden: list[Link] = []
        self.unplaced: list[Anchor] = []
        self.builder = ParagraphBuilder()

    def href(self, raw: str) -> str:
        raw = raw.strip()
        return resolve(raw, self.base_url) if raw else raw

    def flush(self) -> None:
        if not self.builder.empty:
            self.paragraphs.append(self.builder.build())
        self.builder = ParagraphBuilder()

    def inline(self, children: list[Any]) -> None:
        anchors: list[Anchor] = []
        for tok in children:
            kind = tok.type
            current = anchors[-1] if anchors else None
            if kind in ("text", "code_inline"):
                self.builder.add(tok.content, current)
            elif kind == "softbreak" or kind == "hardbreak":
                self.builder.line_break()
            elif kind == "link_open":
                anchor = Anchor(href=self.href(str(tok.attrGet("href") or "")))
                anchors.append(anchor)
                self.builder.end_link()
            elif kind == "link_close" and anchors:
                self.builder.end_link()
                anchors.pop()
            elif kind == "image":
                src = self.href(str(tok.attrGet("src") or ""))
                self.media.append(Media(kind="image", src=src, alt=squash(tok.content)))
                if current is not None:
                    self.builder.empty_link(current)
            elif kind == "html_inline":
                self.inline_html(tok.content, anchors)

    def inline_html(self, content: str, anchors: list[Anchor]) -> None:
        opened = _A_OPEN.match(content)
        if opened:
            attrs = _attrs(opened.group(1))
            if "href" in attrs:
                rel = tuple(attrs.get("rel", "").lower().split())
                anchors.append(Anchor(href=self.href(attrs["href"]), rel=rel))
                self.builder.end_link()
            return
        if _A_CLOSE.match(content):
            if anchors:
                anchors.pop()
            self.builder.end_link()
            return
        if content.startswith("<!--"):
            self.comment(content)
            return
        if content.lower().startswith("<br"):
            self.builder.line_break()
            return
        if content.lower().startswith("<img"):
            from lxml import html as lhtml

            self.media.extend(
                media_of_fragment([lhtml.fragment_fromstring(content)], self.base_url)
            )

    def comment(self, content: str) -> None:
        for body in _COMMENT.findall(content):
            if "<a" not in body.lower():
                continue
            from lxml import etree
            from lxml import html as lhtml

            try:
                fragment = lhtml.fragment_fromstring(body, create_parent="div")
            except (etree.ParserError, ValueError):
                continue
            for a in fragment.iter("a"):
                if a.get("href") is not None:
                    rel = tuple((a.get("rel") or "").lower().split())
                    self.hidden.append(
                        Link(
                            href=self.href(a.get("href", "")),
                            text=squash(a.text_content()),
                            rel=rel,
                            place="comment",
                        )
                    )

    def html_block(self, content: str) -> None:
        """An HTML block inside Markdown: its text and links read like HTML paragraphs."""
        self.flush()
        self.comment(content)
        visible = _COMMENT.sub("", content)
        if not visible.strip():
            return
        from lxml import etree
        from lxml import html as lhtml

        try:
            fragments = lhtml.fragments_fromstring(visible)
        except (etree.ParserError, ValueError):
            self.builder.add(_TAG.sub(" ", visible))
            self.flush()
            return
        elements = [f for f in fragments if not isinstance(f, str)]
        self.media.extend(media_of_fragment(elements, self.base_url))
        for fragment in fragments:
            if isinstance(fragment, str):
                self.builder.add(fragment)
            else:
                self.element(fragment, None)
        self.flush()

    def element(self, el: Any, anchor: Anchor | None) -> None:
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "template"):
            return
        if el.tag == "br":
            self.builder.line_break()
            return
        block = el.tag in (
            "p",
            "div",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "tr",
            "table",
            "ul",
            "ol",
            "section",
            "article",
            "figure",
            "footer",
        )
        if block:
            self.flush()
        if el.tag == "a" and el.get("href") is not None:
            rel = tuple((el.get("rel") or "").lower().split())
            anchor = Anchor(href=self.href(el.get("href", "")), rel=rel)
            self.builder.end_link()
        if el.text:
            self.builder.add(el.text, anchor)
        for child in el:
            self.element(child, anchor)
            if child.tail:
                self.builder.add(child.tail, anchor)
        self.builder.end_link()
        if block:
            self.flush()

    def render(self, tokens: list[Any]) -> None:
        for tok in tokens:
            if tok.type == "inline":
                self.inline(tok.children or [])
            elif tok.type in ("fence", "code_block"):
                self.flush()
                for line in tok.content.splitlines():
                    self.builder.add(line)
                    self.builder.line_break()
                self.flush()
            elif tok.type == "html_block":
                self.html_block(tok.content)
            elif tok.type in ("th_open", "td_open"):
                self.builder.add(" ")  # cells of a row stay one paragraph, words apart
            if tok.type in _BLOCK_CLOSE:
                self.flush()
        self.flush()


def load_markdown(text: str, origin: str, url: str | None = None) -> MarkdownResult:
    """Parse Markdown (with optional YAML front matter) into text, links, media and meta."""
    from markdown_it import MarkdownIt

    front, body = split_front_matter(text, origin)
    meta = _meta_from(front)
    base_url = url or meta.get("canonical_url")
    tokens = MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(body)
    renderer = _Renderer(base_url)
    renderer.render(tokens)
    doc_text, spans = assemble(renderer.paragraphs)
    links = [
        Link(href=a.href, text=doc_text[s:e], start=s, end=e, rel=a.rel, place="text")
        for a, s, e in spans
    ]
    links += renderer.hidden
    heading = next(
        (
            squash(tokens[i + 1].content)
            for i, t in enumerate(tokens)
            if t.type == "heading_open" and t.tag == "h1" and i + 1 < len(tokens)
        ),
        None,
    )
    if not meta["license_url"]:
        meta["license_url"] = next(
            (link.href for link in links if "creativecommons.org/licenses/" in link.href), None
        )
    return MarkdownResult(doc_text, links, renderer.media, meta, front, heading)
