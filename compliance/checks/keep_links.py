"""keep_links: the story's own in-text links survive in the copy.

Every web link that sits in a copied stretch of the original's text must appear among the copy's
text links (same address after folding variants). Links in parts of the original that were not
copied are not demanded.

PASS::

    >>> from compliance.checks.examples import PLAIN_STORY, STORY, outcomes
    >>> outcomes("keep_links", STORY)
    []

FAIL (the story's link to the pier survey dropped)::

    >>> outcomes("keep_links", PLAIN_STORY)
    ['links-dropped']
"""

from __future__ import annotations

from dataclasses import dataclass

from ..documents.urls import is_web_url, same_article
from ..model import CheckContext, Finding, Link, Requirement, Span
from ..params import KindParams
from . import _text

KIND = "keep_links"


@dataclass(frozen=True)
class Params(KindParams, kind=KIND):
    """``keep_links`` takes no parameters."""


def demanded_links(ctx: CheckContext) -> list[Link]:
    """The original's in-text web links that lie in the stretches the copy reused."""
    copied = [p.original for p in ctx.comparison.passages]
    return [
        lk
        for lk in ctx.original.links
        if lk.place == "text"
        and is_web_url(lk.href)
        and _text.inside(Span(lk.start, lk.end), copied)
    ]


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    return "Keep the links that appear inside the story"


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """Each in-text link of the copied stretches is kept in the copy."""
    kept = [_text.resolved_href(ctx, lk) for lk in ctx.copy.links if lk.place == "text"]
    dropped = [lk for lk in demanded_links(ctx) if not any(same_article(lk.href, k) for k in kept)]
    if not dropped:
        return []
    evidence = [
        _text.span_evidence(
            ctx.original, "original", Span(lk.start, lk.end), f"linked to {lk.href}"
        )
        for lk in dropped
    ]
    hrefs = ", ".join(lk.href for lk in dropped[:5])
    return [
        _text.finding(
            req,
            f"{len(dropped)} of the story's own links were dropped from the copy",
            outcome="links-dropped",
            evidence=evidence,
            fix=f"restore the links: {hrefs}",
        )
    ]
