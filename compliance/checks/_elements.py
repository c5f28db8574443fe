"""Where each credit element sits in the copy, for the placement and proximity checks."""

from __future__ import annotations

from typing import Literal, get_args

from ..model import CheckContext, Span
from . import _text
from .copyright_notice import copyright_lines
from .credit_source import Params as CreditParams
from .credit_source import fill
from .license_notice import deed_links, licence

Element = Literal["source", "copyright", "link", "byline", "license", "credit"]
ELEMENTS: tuple[str, ...] = get_args(Element)
LABELS = {
    "source": "source credit",
    "credit": "credit line",
    "copyright": "copyright line",
    "link": "link to the original",
    "byline": "byline",
    "license": "licence notice",
}


def _template(ctx: CheckContext) -> str | None:
    for req in ctx.terms.requirements:
        if isinstance(req.params, CreditParams) and req.params.template:
            return req.params.template
    return None


def _template_spans(ctx: CheckContext, template: str) -> list[Span]:
    wanted = fill(template, ctx, "").strip()
    if not wanted:
        return []
    found = _text.align_casefolded(wanted, ctx.copy.text)
    if found is None or found[0] < 85:
        return []
    return [found[1]]


def locate(ctx: CheckContext, element: str) -> list[Span]:
    """Every place of the copy that holds ``element`` (see ELEMENTS)."""
    text = ctx.copy.text
    if element == "credit":
        template = _template(ctx)
        return _template_spans(ctx, template) if template else _text.credit_spans(ctx)
    if element == "source":
        return _text.credit_spans(ctx)
    if element == "copyright":
        holder = ctx.attribution.copyright_holder or ctx.attribution.source
        return [
            ln
            for ln in copyright_lines(text)
            if holder and _text.find_name(text[ln.start : ln.end], holder)
        ]
    if element == "link":
        return [Span(lk.start, lk.end) for lk in _text.links_to_article(ctx) if lk.start >= 0]
    if element == "byline":
        return _text.find_name(text, ctx.attribution.author)
    if element == "license":
        given = licence(ctx)
        spans = [s for n in given.names for s in _text.find_name(text, n)]
        spans += [Span(lk.start, lk.end) for lk in deed_links(ctx, given.deed)]
        return sorted(spans, key=lambda s: s.start)
    raise KeyError(f"unknown element {element!r} (expected one of {', '.join(ELEMENTS)})")


def body(ctx: CheckContext) -> Span:
    """The stretch of the copy holding the reused story (the whole text when nothing aligned)."""
    spans = _text.copied_spans(ctx)
    if not spans:
        return Span(0, len(ctx.copy.text))
    return Span(min(s.start for s in spans), max(s.end for s in spans))
