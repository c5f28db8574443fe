"""Small hand-made documents and contexts for the check tests.

``doc("Read [the original](https://...) now")`` turns Markdown-style links into ``Link``s with
offsets into the plain text, as the loaders do. ``context`` aligns copy and original paragraph by
paragraph (exact match: verbatim; close match: modified), which is all these short texts need.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import Any

from rapidfuzz import fuzz

from compliance.checks import get, params_of
from compliance.model import (
    Attribution,
    CheckContext,
    Comparison,
    Detect,
    Document,
    Finding,
    Grant,
    Link,
    Media,
    Meta,
    Passage,
    Requirement,
    Span,
    Terms,
)

ORIGINAL_URL = "https://www.meridianreview.org/2017/03/harbour-talks-resume/5577"
HOME = "https://www.meridianreview.org/"
CLAUSE = (
    "Meridian Review allows cross-posting on community sites if the source and copyright are "
    "credited together with a hyperlink to the original article."
)

LEDE = (
    "Port authorities and the fishermen's union met again on Tuesday to settle the dispute over "
    "berth fees that has kept half the fleet idle since January."
)
MIDDLE = (
    "The union says the new fees would double the cost of a season for small boats, while the "
    "authority argues that the harbour walls need repairs it cannot otherwise pay for."
)
CLOSE = (
    "Both sides agreed to meet again next week and to ask the regional council for an "
    "independent survey of the harbour walls before any fee is set."
)
FOOTER = "The original source of this article is Harbour Light\n\nCopyright © Harbour Light, 2017"
BODY = f"{LEDE}\n\n{MIDDLE}\n\n{CLOSE}"
CREDIT = (
    "The original source of this article is [Harbour Light]"
    f"({ORIGINAL_URL})\n\nCopyright © Harbour Light, 2017"
)

_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")


def doc(
    marked: str,
    *,
    title: str = "Harbour talks resume",
    canonical: str | None = None,
    published: str | None = None,
    media: Iterable[Media] = (),
    extra_links: Iterable[Link] = (),
    rel: Sequence[str] = (),
    license_url: str | None = None,
) -> Document:
    """A document whose text is ``marked`` with ``[anchor](href)`` turned into links."""
    parts: list[str] = []
    links: list[Link] = []
    pos = 0
    length = 0
    for match in _LINK.finditer(marked):
        before = marked[pos : match.start()]
        parts.append(before)
        length += len(before)
        anchor = match.group(1)
        links.append(Link(match.group(2), anchor, length, length + len(anchor), tuple(rel)))
        parts.append(anchor)
        length += len(anchor)
        pos = match.end()
    parts.append(marked[pos:])
    text = "".join(parts)
    return Document(
        id=hashlib.sha256(marked.encode()).hexdigest(),
        origin="copy.html",
        format="html",
        title=title,
        text=text,
        links=tuple(links) + tuple(extra_links),
        media=tuple(media),
        meta=Meta(
            title=title, canonical_url=canonical, published=published, license_url=license_url
        ),
        size=len(marked.encode()),
    )


def original_doc(**kwargs: object) -> Document:
    """The Meridian Review original: three body paragraphs and its footer lines."""
    kwargs.setdefault("canonical", ORIGINAL_URL)
    kwargs.setdefault("published", "2017-03-07")
    return doc(f"{BODY}\n\n{FOOTER}", **kwargs)  # type: ignore[arg-type]


def attribution(**changes: object) -> Attribution:
    values: dict[str, object] = {
        "source": "Harbour Light",
        "publisher": "Meridian Review",
        "copyright_holder": "Harbour Light",
        "copyright_year": 2017,
        "author": "Ana Costa",
        "author_institution": "University of Porto",
        "url": ORIGINAL_URL,
        "title": "Harbour talks resume",
        "published": "2017-03-07",
    }
    values.update(changes)
    return Attribution(**values)  # type: ignore[arg-type]


def terms(*requirements: Requirement, **changes: object) -> Terms:
    values: dict[str, object] = {
        "id": "meridian",
        "name": "Meridian Review cross-posting terms",
        "publisher": "Meridian Review",
        "clauses": {"main": CLAUSE},
        "venues": {"community": "allowed", "commercial": "permission", "print": "forbidden"},
        "contact": "permissions@meridianreview.org",
        "detect": Detect(domains=("meridianreview.org",)),
        "requirements": tuple(requirements),
    }
    values.update(changes)
    return Terms(**values)  # type: ignore[arg-type]


def _paragraphs(text: str) -> list[Span]:
    spans = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        spans.append(Span(match.start(), match.end()))
    return spans


def align_paragraphs(original: str, copy: str) -> tuple[Passage, ...]:
    """Pair each original paragraph with an identical (verbatim) or close (modified) one."""
    copy_paras = _paragraphs(copy)
    passages = []
    for para in _paragraphs(original):
        words = len(original[para.start : para.end].split())
        if words < 6:
            continue
        best, best_span = 0.0, None
        for cand in copy_paras:
            score = fuzz.ratio(original[para.start : para.end], copy[cand.start : cand.end])
            if score > best:
                best, best_span = score, cand
        if best_span is None or best < 60:
            continue
        same = original[para.start : para.end] == copy[best_span.start : best_span.end]
        kind = "verbatim" if same else "modified"
        passages.append(Passage(para, best_span, best, kind, words))  # type: ignore[arg-type]
    return tuple(passages)


def context(
    copy: Document,
    *requirements: Requirement,
    original: Document | None = None,
    attribution_: Attribution | None = None,
    terms_: Terms | None = None,
    venue: str | None = None,
    copy_site: str | None = None,
    grants: Iterable[Grant] = (),
    today: str = "2017-03-10",
) -> CheckContext:
    """A check context for ``copy`` against the Meridian original (or ``original``)."""
    orig = original or original_doc()
    passages = align_paragraphs(orig.text, copy.text)
    covered = sum(p.original.length for p in passages)
    comparison = Comparison(
        jaccard=0.0,
        containment=covered / max(1, len(orig.text)),
        coverage=covered / max(1, len(orig.text)),
        longest_run=max((p.words for p in passages if p.kind == "verbatim"), default=0),
        new_text_share=1 - sum(p.copy.length for p in passages) / max(1, len(copy.text)),
        passages=passages,
    )
    return CheckContext(
        original=orig,
        copy=copy,
        attribution=attribution_ or attribution(),
        comparison=comparison,
        terms=terms_ or terms(*requirements),
        venue=venue,
        copy_site=copy_site,
        grants=tuple(grants),
        today=today,
    )


def run(module: ModuleType, ctx: CheckContext, rule: Requirement) -> list[Finding]:
    """One check module's findings for ``rule``, called as the engine calls it."""
    found: list[Finding] = module.check(ctx, rule, params_of(rule))
    return found


def req(kind: str, rid: str | None = None, **params: Any) -> Requirement:
    """A requirement of ``kind`` with typed parameters (lists given here become tuples)."""
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}
    return Requirement(
        id=rid or kind.replace("_", "-"), kind=kind, params=get(kind).Params(**values)
    )
