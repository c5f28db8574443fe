"""placement: a credit element sits where the terms put it: top, byline or end.

``element`` (default ``credit``: the credit line, or the source credit when the terms give no
template) must start within ``within_chars`` of the start of the republished story (``top``),
end within ``within_chars`` of its end (``end``), or sit within ``within_chars`` of the author's
name (``byline``). The report gives the positions found.

PASS (element: credit, where: top)::

    >>> from compliance.checks.examples import STORY, outcomes
    >>> credit = "The original source of this article is Meridian Review."
    >>> outcomes("placement", credit, STORY)
    []

FAIL::

    >>> outcomes("placement", STORY, credit)
    ['misplaced']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..model import CheckContext, Finding, Requirement, Span
from ..params import KindParams, option
from . import _elements, _text

KIND = "placement"


@dataclass(frozen=True)
class Params(KindParams, kind=KIND):
    """Parameters of ``placement``."""

    element: _elements.Element = option(
        "Which element: credit, source, copyright, link, byline or license.", "credit"
    )
    where: Literal["top", "byline", "end"] = option(
        "Where it must sit: top (before the story), byline, or end (after the story).", "top"
    )
    within_chars: int = option(
        "How far, in characters, from that place it may sit.", 300, minimum=0
    )


def _well_placed(ctx: CheckContext, span: Span, where: str, within: int) -> bool:
    story = _elements.body(ctx)
    if where == "top":
        return span.start <= story.start + within
    if where == "end":
        return span.end >= story.end - within
    bylines = _elements.locate(ctx, "byline") or [Span(story.start, story.start)]
    return any(abs(span.start - b.start) <= within for b in bylines)


_WHERE_WORDS = {"top": "at the top of the story", "byline": "in the byline", "end": "at the end"}


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    return f"Put the {params.element} {_WHERE_WORDS[params.where]}"


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """The element is present at the demanded place."""
    element = params.element
    where = params.where
    within = params.within_chars
    spans = _elements.locate(ctx, element)
    label = _elements.LABELS[element]
    if not spans:
        return [
            _text.finding(
                req,
                f"no {label} found to place {where}",
                outcome="missing",
                fix=f"add the {label} {'at the ' if where != 'byline' else 'in the '}{where}",
            )
        ]
    if any(_well_placed(ctx, s, where, within) for s in spans):
        return []
    story = _elements.body(ctx)
    return [
        _text.finding(
            req,
            f"the {label} is at character {spans[0].start}, not at the {where} of the story "
            f"(story runs {story.start}-{story.end}, allowance {within})",
            outcome="misplaced",
            evidence=[_text.span_evidence(ctx.copy, "copy", s, f"{label} here") for s in spans[:3]],
            fix=f"move the {label} to the {where} of the article",
        )
    ]
