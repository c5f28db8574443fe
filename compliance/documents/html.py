"""HTML pages: main text with link offsets, links in page furniture and comments, media, meta.

trafilatura decides what the article is; the text itself is rendered here from the parsed page,
block by block, so every ``<a>`` keeps its exact anchor text, ``rel`` values and offsets.

Why not take trafilatura's text as it is: it drops short lines around the article (the byline,
the dateline, an article footer with the disclaimer) that carry exactly the attribution facts
this tool is about. So the blocks trafilatura kept locate the article container, and the blocks
of that container before the first kept block and after the last one are added back, unless
they are page furniture (navigation, sharing buttons, newsletter boxes, comments).
Blocks trafilatura removed from the middle of the article (ads, related links) stay removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lhtml

from ..errors import InputError
from ..model import Link, Media
from ._text import Anchor, Paragraph, ParagraphBuilder, assemble, squash
from .htmlmeta import base_href, extract_meta, in_caption
from .media import extract_media
from .regions import CAPTION, Hint, class_role

_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "title",
    "svg",
    "math",
    "select",
    "option",
    "button",
    "input",
    "textarea",
    "iframe",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "map",
    "meta",
    "link",
    "base",
    # AMP components that print placeholders ("Advertisement") or buttons, never story text.
    "amp-ad",
    "amp-embed",
    "amp-sticky-ad",
    "amp-analytics",
    "amp-pixel",
    "amp-social-share",
    "amp-consent",
    "amp-user-notification",
    "amp-auto-ads",
}
_BLOCK = {
    "html",
    "body",
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "figure",
    "figcaption",
    "form",
    "hr",
    "address",
    "details",
    "summary",
    "center",
    "fieldset",
    "legend",
    "menu",
    "dialog",
    "hgroup",
    "search",
}
# Table cells: a row is one paragraph, its cells joined as trafilatura writes them, so a
# table of the original is kept (and compared) whole, never dropped cell by cell.
_CELL_TAGS = {"td", "th"}
_CELL_SEPARATOR = " | "
_TABLE_RULE = re.compile(r"^\|?(?:\s*:?-+:?\s*\|)+\s*$")
# Always furniture, even where trafilatura kept it: a link only in the menu is not a credit.
_NAV_TAGS = {"nav", "menu", "amp-sidebar", "amp-mega-menu", "amp-nested-menu"}
_NAV_ROLES = {"navigation", "menubar", "menu"}
# Furniture when found inside the article container (around the kept text).
_FURNITURE_TAGS = {"nav", "menu", "aside", "form", "dialog", "search"} | _NAV_TAGS
_FURNITURE_ROLES = {"navigation", "menubar", "menu", "complementary", "search", "dialog"}
_FURNITURE_TOKENS = {
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "widget",
    "share",
    "sharing",
    "sharedaddy",
    "social",
    "related",
    "newsletter",
    "subscribe",
    "subscription",
    "cookie",
    "cookies",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "sponsored",
    "promo",
    "popup",
    "modal",
    "comments",
    "comment",
    "respond",
    "pagination",
    "pager",
    "skip",
    "toolbar",
    "signup",
    "recommended",
    "trending",
    "popular",
    "commentlist",
    "disqus",
    "replies",
    "outbrain",
    "taboola",
    "paywall",
}
# Class names run words together ("jp-relatedposts", "post-ufi-button", "sharebar"): these
# stems mark furniture inside a token too. None of them occurs inside an article word.
_FURNITURE_STEMS = re.compile(
    r"related|recommend|trending|newsletter|subscri|breadcrumb|sharing|sharebar|sharedaddy|"
    r"social|advert|sponsor|disqus|^share|^comments$|^comments?(?:list|area|section|thread|s)"
)
# Page header and footer: furniture unless they belong to an <article>.
_PAGE_TAGS = {"header", "footer"}
_PAGE_TOKENS = {"header", "footer", "masthead", "colophon"}
_PAGE_ROLES = {"banner", "contentinfo"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup"}
# A line that credits, licenses or states terms: worth keeping even in a page footer.
_CREDIT_SIGNAL = re.compile(
    r"\b(?:re-?publish\w*|reprint\w*|cross-?post\w*|syndicat\w*|creative\s+commons|cc\s+by|"
    r"licen[cs]\w*|permission|original(?:ly)?\s+(?:published|source|appeared|article)|"
    r"first\s+(?:published|appeared))\b",
    re.IGNORECASE,
)
# Credit and notice lines, added only when they directly follow the article.
_NOTICE_SIGNAL = re.compile(
    r"\bcopyright\b|©|\(c\)\s|^\s*(?:original\s+)?source\s*:|^\s*(?:by|via)\s",
    re.IGNORECASE,
)
# A short line in the body that points back at where the piece came from.
_LINKBACK_SIGNAL = re.compile(
    r"^\W*(?:h/t|hat\s+tip|courtesy\s+of|credit\s*:|reposted\s+from|cross-?posted\s+from|"
    r"read\s+(?:the\s+)?(?:original|full\s+(?:story|article|piece))|read\s+it\s+(?:at|on|there)|"
    r"see\s+the\s+original)\b|\bvia\s+\S",
    re.IGNORECASE,
)
# Body lines longer than this are prose, not a credit line the extractor mistook for a link list.
_SHORT_CREDIT = 300
# Reader comments and lists of other stories: never article text, never a credit, wherever they are.
_NEVER_CREDIT_TOKENS = {
    "comments",
    "comment",
    "respond",
    "discussion",
    "replies",
    "reply",
    "related",
    "recommended",
    "trending",
    "popular",
    "share",
    "sharing",
    "sharedaddy",
    "social",
    "newsletter",
    "subscribe",
}
_NEVER_CREDIT_STEMS = re.compile(
    r"related|recommend|trending|newsletter|subscri|sharing|sharebar|sharedaddy|social|disqus|"
    r"^share|^comments?(?:list|area|section|thread|s)"
)
# Story-body wrappers of common publishing systems; the article container widens to them.
_BODY_CLASSES = {
    "entry-content",
    "post-content",
    "article-content",
    "article-body",
    "articlebody",
    "story-body",
    "story-content",
    "post-body",
    "entry-body",
    "gh-content",
    "post-full-content",
    "field--name-body",
    "available-content",
    "article__body",
    "c-entry-content",
    "td-post-content",
}
# Class names of a box that holds the article's credit, wherever it sits.
_CREDIT_BOX_TOKENS = {
    "credit",
    "credits",
    "attribution",
    "source",
    "sources",
    "republish",
    "republished",
    "republishing",
    "syndication",
    "syndicated",
    "reprint",
    "origin",
    "provenance",
}
_TOKEN_SPLIT = re.compile(r"[\s_-]+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


@dataclass
class _Block:
    owner: Any  # the innermost block element holding this text
    para: Paragraph
    key: str = ""  # squashed text, for matching against trafilatura's lines
    # Mostly the text of links that are themselves furniture ("Share", "Like", "Subscribe"
    # buttons set as classed <a> elements in an unclassed bar).
    button_bar: bool = False


@dataclass
class HtmlResult:
    """What the HTML loader found; ``load_bytes`` turns it into a Document."""

    text: str
    links: list[Link]
    media: list[Media]
    meta: dict[str, Any]
    heading: str | None = None
    furniture: str = ""  # text of the page around the article, menus left out
    hints: dict[int, Hint] = field(default_factory=dict)  # paragraph index -> role by structure
    notes: tuple[str, ...] = ()  # what extraction had to work around, for the report


def parse(text: str, origin: str) -> lhtml.HtmlElement:
    """Parse leniently; refuse only what lxml cannot make a tree of at all."""
    source = _XML_DECL.sub("", text, count=1)
    parser = lhtml.HTMLParser(remove_comments=False, remove_pis=True, recover=True)
    try:
        root = lhtml.document_fromstring(source, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"malformed HTML, cannot be parsed ({exc})", source=origin) from None
    if root is None:
        raise InputError("malformed HTML, cannot be parsed", source=origin)
    return root


class _Walker:
    """Renders the page into blocks of text, remembering every anchor it meets."""

    def __init__(self, base_url: str | None) -> None:
        self.base_url = base_url
        self.blocks: list[_Block] = []
        self.anchors: list[tuple[Anchor, Any]] = []
        self._stack: list[Any] = []
        self._builder = ParagraphBuilder()
        self._elements: dict[int, Any] = {}
        self._inline = False  # inside a labelled field printed on one line

    def anchor_for(self, el: Any) -> Anchor:
        href = resolve(el.get("href", ""), self.base_url)
        rel = tuple(v.lower() for v in (el.get("rel") or "").split())
        text = (
            squash(el.text_content())
            or " ".join(squash(img.get("alt") or "") for img in el.iter("img")).strip()
        )
        anchor = Anchor(
            href=href, rel=rel, text=text, role="caption" if in_caption(el) else "article"
        )
        self.anchors.append((anchor, el))
        self._elements[id(anchor)] = el
        return anchor

    def flush(self) -> None:
        if not self._builder.empty and self._stack:
            para = self._builder.build()
            if para.text:
                buttons = sum(
                    e - s
                    for a, s, e in para.spans
                    if _furniture_tokens(_tokens(self._elements[id(a)]))
                )
                self.blocks.append(
                    _Block(self._stack[-1], para, squash(para.text), 2 * buttons >= len(para.text))
                )
        self._builder = ParagraphBuilder()

    def visit(self, el: Any, anchor: Anchor | None) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return  # comments and processing instructions; their tails are the parent's
        tag = tag.lower()
        if tag in _SKIP:
            return
        if tag == "br":
            self._builder.line_break()
            return
        if tag in _CELL_TAGS and not self._builder.empty:
            self._builder.add(_CELL_SEPARATOR)  # one table row is one paragraph, cells apart
        classes = el.get("class") or ""
        block = tag in _BLOCK and not self._inline
        inline_field = block and "field--label-inline" in classes
        if inline_field:
            self._inline = True
        if block:
            self.flush()
            self._stack.append(el)
        own: Anchor | None = None
        if tag == "a" and el.get("href") is not None:
            own = anchor = self.anchor_for(el)
            self._builder.end_link()
        if el.text:
            self._builder.add(el.text, anchor)
        for child in el:
            self.visit(child, anchor)
            if child.tail:
                self._builder.add(child.tail, anchor)
        if own is not None:
            if not own.text or not squash(el.text_content()):
                self._builder.empty_link(own)
            self._builder.end_link()
        if self._inline and "field__label" in classes:
            # Drupal prints an inline field label with a colon from its stylesheet.
            if not squash(el.text_content()).endswith(":"):
                self._builder.add(":")
            self._builder.add(" ")
        elif self._inline and tag in _BLOCK:
            self._builder.add(" ")
        if inline_field:
            self._inline = False
        if block:
            self.flush()
            self._stack.pop()


def resolve(href: str, base_url: str | None) -> str:
    """Absolute href when a base is known; ``javascript:``/``mailto:`` and friends unchanged."""
    href = re.sub(r"[\t\n\r]", "", href).strip()
    if not base_url:
        return href
    try:
        return urljoin(base_url, href)
    except ValueError:
        return href


def _main_lines(root: lhtml.HtmlElement, url: str | None) -> tuple[list[str], str | None]:
    """The lines of text trafilatura considers the article (favouring recall), and a note when
    trafilatura failed, so the report says the text came from the plain fallback instead."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            root,
            url=url,
            favor_recall=True,
            include_comments=False,
            include_tables=True,
            include_links=False,
            include_images=False,
            with_metadata=False,
        )
    except Exception as exc:  # trafilatura raises a variety of errors on odd trees
        return [], (
            f"the article extractor (trafilatura) failed ({type(exc).__name__}: {exc}); the text "
            "is every paragraph of the page outside its menus, header and footer"
        )
    text = getattr(result, "text", None)  # a Document; older trafilatura returned a dict
    if not text:
        return [], None
    lines = (squash(x) for x in str(text).splitlines())
    return [_row(line) for line in lines if line and not _TABLE_RULE.match(line)], None


def _row(line: str) -> str:
    """A table row as trafilatura writes it ("| a | b |") as the walker renders it ("a | b")."""
    if line.startswith("|") and line.endswith("|"):
        return " | ".join(squash(cell) for cell in line.strip("|").split("|") if squash(cell))
    return line


def _tokens(el: Any) -> set[str]:
    value = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return {t for t in _TOKEN_SPLIT.split(value) if t}


def _furniture_tokens(tokens: set[str]) -> bool:
    return bool(tokens & _FURNITURE_TOKENS) or any(_FURNITURE_STEMS.search(t) for t in tokens)


def _is_nav(el: Any) -> bool:
    """Inside navigation, whoever kept it: nav/menu elements or navigation roles."""
    for node in _ancestors(el):
        if str(node.tag).lower() in _NAV_TAGS:
            return True
        if (node.get("role") or "").lower() in _NAV_ROLES:
            return True
    return False


def _ancestors(el: Any, stop: Any = None) -> Iterator[Any]:
    node = el
    while node is not None and node is not stop:
        yield node
        node = node.getparent()


def _is_furniture(el: Any, container: Any) -> bool:
    """Page furniture between ``el`` and the article ``container``."""
    page_level = str(container.tag).lower() in ("html", "body", "main")
    in_article = any(str(a.tag).lower() == "article" for a in _ancestors(el))
    for node in _ancestors(el, container):
        tag = str(node.tag).lower()
        role = (node.get("role") or "").lower()
        tokens = _tokens(node)
        if tag in _FURNITURE_TAGS or role in _FURNITURE_ROLES or _furniture_tokens(tokens):
            return True
        if (page_level and not in_article) and (
            tag in _PAGE_TAGS or role in _PAGE_ROLES or tokens & _PAGE_TOKENS
        ):
            return True
    return False


def _matched(blocks: list[_Block], lines: list[str]) -> list[bool]:
    """Which blocks hold text trafilatura kept (exactly, inside a kept line, or around one)."""
    line_set = set(lines)
    joined = " ".join(lines)
    long_lines = [line for line in lines if len(line) >= 40]
    marks = []
    for block in blocks:
        key = block.key
        hit = key in line_set or (len(key) >= 25 and key in joined)
        if not hit and "\n" in block.para.text:  # a <br> paragraph: trafilatura splits it too
            hit = all(squash(part) in line_set for part in block.para.text.split("\n"))
        if not hit and len(key) >= 40:
            hit = any(line in key for line in long_lines)
        marks.append(hit)
    return marks


def _container(blocks: list[_Block], marks: list[bool], body: Any) -> Any:
    """The element holding the article: common ancestor of kept blocks, widened to <article>."""
    kept = [b for b, m in zip(blocks, marks, strict=True) if m]
    total = sum(len(b.key) for b in kept)
    weight: dict[Any, int] = {}
    depth: dict[Any, int] = {}
    for block in kept:
        chain = list(_ancestors(block.owner))
        for level, node in enumerate(reversed(chain)):
            weight[node] = weight.get(node, 0) + len(block.key)
            depth[node] = level
    # The deepest element holding at least 85% of the kept text: stray kept blocks elsewhere
    # in the page do not pull the container up to <body>.
    heavy = [n for n, w in weight.items() if w >= 0.85 * total]
    container = max(heavy, key=lambda n: depth[n]) if heavy else body
    widest = container
    for node in _ancestors(container):
        if str(node.tag).lower() == "article":
            return node
        if _is_body_container(node):
            widest = node
    return widest


def _is_body_container(el: Any) -> bool:
    """An element publishing systems wrap the whole story body in (not the page around it)."""
    if (el.get("itemprop") or "").lower() == "articlebody":
        return True
    classes = (el.get("class") or "").lower().split()
    return any(c in _BODY_CLASSES for c in classes)


def _inside(el: Any, container: Any) -> bool:
    return any(node is container for node in _ancestors(el))


def _select(blocks: list[_Block], lines: list[str], body: Any) -> tuple[list[_Block], Any]:
    """The blocks that make the article text, and the article container."""
    marks = _matched(blocks, lines)
    if not any(marks):
        # trafilatura found nothing (a short page): everything that is not furniture.
        chosen = [i for i, b in enumerate(blocks) if not _is_furniture(b.owner, body)]
        return _with_credits(blocks, chosen), body
    container = _container(blocks, marks, body)
    inside = [_inside(b.owner, container) for b in blocks]
    kept_inside = [i for i, (m, n) in enumerate(zip(marks, inside, strict=True)) if m and n]
    # The headline does not open the body: the byline and dateline under it count as leading.
    body_start = [i for i in kept_inside if str(blocks[i].owner.tag).lower() not in _HEADINGS]
    first = (body_start or kept_inside or [len(blocks)])[0]
    last = kept_inside[-1] if kept_inside else -1
    chosen = []
    for i, block in enumerate(blocks):
        if marks[i]:
            if not _is_nav(block.owner):
                chosen.append(i)
        elif not inside[i] or block.button_bar or _is_furniture(block.owner, container):
            if inside[i] and _boxed_credit(block):
                chosen.append(i)  # <aside class="republish-credit"> within the story
            continue
        elif i < first or i > last or _is_body_credit(block):
            chosen.append(i)
    return _with_credits(blocks, chosen), container


def _is_body_credit(block: _Block) -> bool:
    """A short credit, notice or link-back line between the article's paragraphs.

    The extractor drops a paragraph that is little more than a link ("via <a>X</a>",
    "Source: <a>X</a>") as link furniture, though it is exactly the credit a republisher owes.
    Captions stay out: a photo credit is not the article's.
    """
    if len(block.key) > _SHORT_CREDIT:
        return False
    if any(str(a.tag).lower() in ("figure", "figcaption") for a in _ancestors(block.owner)):
        return False
    key = block.key
    return bool(
        _CREDIT_SIGNAL.search(key) or _NOTICE_SIGNAL.search(key) or _LINKBACK_SIGNAL.search(key)
    )


def _is_credit_box(el: Any) -> bool:
    """Inside a box made for the credit (``<aside class="credit">``, ``div.article-source``)."""
    return any(_tokens(node) & _CREDIT_BOX_TOKENS for node in _ancestors(el))


def _boxed_credit(block: _Block) -> bool:
    """A credit or notice line in a box made for the credit, wherever the box sits."""
    owner, key = block.owner, block.key
    if not _is_credit_box(owner) or _never_credit(owner):
        return False
    return bool(_CREDIT_SIGNAL.search(key) or _NOTICE_SIGNAL.search(key))


def _never_credit(el: Any) -> bool:
    """Inside reader comments, sharing buttons or a list of other stories."""
    for node in _ancestors(el):
        tokens = _tokens(node)
        if tokens & _NEVER_CREDIT_TOKENS or any(_NEVER_CREDIT_STEMS.search(t) for t in tokens):
            return True
        itemtype = (node.get("itemtype") or "").lower()
        if itemtype.endswith("/comment") or (node.get("role") or "").lower() == "comment":
            return True
    return False


def _with_credits(blocks: list[_Block], chosen: list[int]) -> list[_Block]:
    """Add credit lines that follow the article outside its container.

    Sites put "Source: X" and "Copyright © X" in a box after the article body, and terms or
    "This article was originally published by X" in the page footer. Right after the article,
    up to the first piece of page furniture, any credit or notice line is added; past that, only
    lines about republishing or licences, so the site's own "© 2017 Site" stays out. Menus and
    asides always stay out.
    """
    after = chosen[-1] if chosen else -1
    body = blocks[0].owner.getroottree().getroot() if blocks else None
    adjacent = True
    rescued = []
    for i in range(after + 1, len(blocks)):
        owner = blocks[i].owner
        key = blocks[i].key
        if _is_credit_box(owner) and not _never_credit(owner):
            if _boxed_credit(blocks[i]):
                rescued.append(i)
            continue
        boxed = any(str(a.tag).lower() in ("aside", "form") for a in _ancestors(owner))
        if boxed or _is_nav(owner) or _never_credit(owner):
            adjacent = False
            continue
        if adjacent and _is_furniture(owner, body):
            adjacent = False
        if _CREDIT_SIGNAL.search(key) or (adjacent and _NOTICE_SIGNAL.search(key)):
            rescued.append(i)
    return [blocks[i] for i in sorted(set(chosen) | set(rescued))]


_CAPTION_TAGS = {"figure", "figcaption"}
_CAPTION_MAX_WORDS = 60
_HINT_DEPTH = 6  # how far up a box's class may sit above a paragraph outside the article


def _structure_role(block: _Block, container: Any) -> Hint | None:
    """The role the page's structure gives a paragraph: a caption, or a box classed "tags",
    "byline", "donate"... (see regions.yaml); None when the structure says nothing."""
    words = len(block.key.split())
    for depth, node in enumerate(_ancestors(block.owner, container)):
        if depth >= _HINT_DEPTH:
            break
        if str(node.tag).lower() in _CAPTION_TAGS and words <= _CAPTION_MAX_WORDS:
            return "furniture", CAPTION
        role = class_role(_tokens(node), words)
        if role is not None:
            return role
    return None


def _comment_links(root: lhtml.HtmlElement, base_url: str | None) -> list[Link]:
    """Links hidden in HTML comments: invisible to readers, so never a valid credit."""
    links: list[Link] = []
    for comment in root.iter(etree.Comment):
        content = comment.text or ""
        if "<a" not in content.lower():
            continue
        try:
            fragment = lhtml.fragment_fromstring(content, create_parent="div")
        except (etree.ParserError, ValueError):
            continue
        for a in fragment.iter("a"):
            if a.get("href") is None:
                continue
            rel = tuple(v.lower() for v in (a.get("rel") or "").split())
            links.append(
                Link(
                    href=resolve(a.get("href", ""), base_url),
                    text=squash(a.text_content()),
                    rel=rel,
                    place="comment",
                )
            )
    return links


def load_html(text: str, origin: str, url: str | None = None) -> HtmlResult:
    """Parse an HTML page into main text, links (text, boilerplate, comment), media and meta."""
    root = parse(text, origin)
    first_meta = extract_meta(root, url)
    base = base_href(root)
    canonical = first_meta["canonical_url"]
    base_url = resolve(base, url or canonical) if base else (url or canonical)
    meta = extract_meta(root, base_url) if base_url != url else first_meta
    body = root.find("body")
    if body is None:
        body = root
    walker = _Walker(base_url)
    try:
        walker._stack.append(body)
        walker.visit(body, None)
        walker.flush()
    except RecursionError:
        raise InputError("malformed HTML, nested too deeply to read", source=origin) from None
    lines, note = _main_lines(root, base_url)
    chosen, container = _select(walker.blocks, lines, body)
    doc_text, spans = assemble(b.para for b in chosen)
    if not doc_text:
        raise InputError("HTML without readable text (nothing could be extracted)", source=origin)
    used = {id(a) for a, _s, _e in spans}
    links = [
        Link(href=a.href, text=doc_text[s:e], start=s, end=e, rel=a.rel, role=a.role)
        for a, s, e in spans
    ]
    links += [
        Link(href=a.href, text=a.text, rel=a.rel, place="boilerplate", role=a.role)
        for a, _el in walker.anchors
        if id(a) not in used
    ]
    links += _comment_links(root, base_url)
    media = extract_media(root, base_url, lambda el: _inside(el, container))
    if not meta["license_url"]:
        meta["license_url"] = next(
            (
                link.href
                for link in links
                if link.place == "text" and link.role == "article" and "license" in link.rel
            ),
            None,
        )
    heading = next((squash(h.text_content()) for h in root.iter("h1")), None)
    taken = {id(b) for b in chosen}
    furniture = "\n\n".join(
        b.para.text
        for b in walker.blocks
        if id(b) not in taken and not _is_nav(b.owner) and not in_caption(b.owner)
    )
    hints = {i: h for i, b in enumerate(chosen) if (h := _structure_role(b, container))}
    notes = (note,) if note else ()
    return HtmlResult(doc_text, links, media, meta, heading or None, furniture, hints, notes)
