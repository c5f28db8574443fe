"""credit_source: the copy names the source of the article.

The source (or publisher) name is matched ignoring case, spacing and punctuation, and counts as a
credit after a cue ("The original source of this article is", "Originally published by/at/on",
"Source:", "via", "Copyright"), as the text of a link, or anywhere in text the copy added. With a
``template`` (slots ``{publisher}`` ``{source}`` ``{author}`` ``{title}`` ``{url}``) the exact
credit line is required, matched fuzzily (``min_score`` of 100); ``edited_template`` applies
instead when the copy changed the original's words.

PASS::

    >>> from compliance.checks.examples import STORY, outcomes
    >>> outcomes("credit_source", STORY, "The original source of this article is Meridian Review.")
    []
    >>> outcomes("credit_source", STORY, "Source: meridianreview")
    []

FAIL (no credit; a template the copy does not follow)::

    >>> outcomes("credit_source", STORY)
    ['missing']
    >>> wanted = "Originally published by {publisher}."
    >>> outcomes("credit_source", STORY, "Thanks to them.", template=wanted)
    ['template-missing']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..model import CheckContext, Evidence, Finding, Requirement
from ..params import KindParams, option
from . import _text

KIND = "credit_source"


@dataclass(frozen=True)
class Params(KindParams, kind=KIND):
    """Parameters of ``credit_source``."""

    template: str | None = option(
        "Exact credit words the publisher asks for, with slots such as {publisher}, {source}, "
        "{author}, {title} and {url}; matched with small tolerance."
    )
    edited_template: str | None = option(
        "The credit words for a copy that changed the original's words (used instead of "
        "template then)."
    )
    min_score: float = option(
        "How closely the template must match, 0 to 100.", 90.0, minimum=0, maximum=100
    )


_TOLERANCE = ("whitespace", "punctuation", "quotes")
_SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, ctx: CheckContext, url_text: str | None) -> str:
    a = ctx.attribution
    values = {
        "publisher": a.publisher or a.source or "",
        "source": a.source or a.publisher or "",
        "author": a.author or "",
        "title": a.title or ctx.original.title or "",
        "url": url_text if url_text is not None else (a.url or ""),
    }
    return _SLOT.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def _template_check(
    ctx: CheckContext, req: Requirement, template: str, min_score: float
) -> list[Finding]:
    """The filled template occurs in the copy, fuzzily; a link to the URL may stand for {url}."""
    text = ctx.copy.text
    norm_text = _text.normalise_for(text, _TOLERANCE).casefold()
    url_texts: list[str | None] = [None, ""]
    url_texts += [lk.text for lk in _text.links_to_article(ctx)]
    best, best_line = 0.0, ""
    for url_text in url_texts:
        wanted = _text.normalise_for(fill(template, ctx, url_text), _TOLERANCE).casefold()
        if not wanted:
            continue
        score = fuzz.partial_ratio(wanted, norm_text) if len(wanted) <= len(norm_text) else 0.0
        if score > best:
            best, best_line = score, fill(template, ctx, None)
    if best >= min_score:
        return []
    align = _text.align_casefolded(_text.normalise_for(best_line, _TOLERANCE), text)
    evidence: tuple[Evidence, ...] = ()
    if align is not None and align[0] >= 50:
        evidence = (_text.span_evidence(ctx.copy, "copy", align[1], "closest wording in the copy"),)
    return [
        _text.finding(
            req,
            f"the credit line required by the terms is missing (best match {best:.0f}/100)",
            outcome="template-missing",
            evidence=evidence,
            fix=f"add: {best_line}",
        )
    ]


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    text = "Credit the source by name"
    if params.template:
        text = f'Credit the source with the exact words "{params.template}"'
    if params.edited_template:
        text += f'; an edited copy uses "{params.edited_template}"'
    return text


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """The copy credits the source by name, or with the exact template when one is set."""
    template = params.edited_template
    if not (template and _text.changed_passages(ctx, _TOLERANCE)):  # edits matter only then
        template = params.template
    if isinstance(template, str) and template.strip():
        return _template_check(ctx, req, template, params.min_score)
    names = _text.credit_names(ctx)
    if not names:
        return [
            _text.finding(
                req,
                "the original names no source to credit; set one with --source",
                outcome="source-unknown",
                severity="warning",
                fix="pass --source NAME so the credit can be checked",
            )
        ]
    if _text.credit_spans(ctx, names):
        return []
    mentions = [s for name in names for s in _text.find_name(ctx.copy.text, name)]
    evidence = [
        _text.span_evidence(ctx.copy, "copy", s, "named only inside the copied story")
        for s in mentions[:3]
    ]
    outcome = "named-in-body-only" if mentions else "missing"
    return [
        _text.finding(
            req,
            f"the copy does not credit the source {names[0]!r}",
            outcome=outcome,
            evidence=evidence,
            fix=f"add: The original source of this article is {names[0]}",
        )
    ]
