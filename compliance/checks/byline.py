"""byline: the copy names the author, and where demanded the author's institution.

The author's name is matched ignoring case and spacing. With ``institution: true`` the
institution must appear within ``within_chars`` of the name ("Jane Roe, University of Leeds").

PASS::

    >>> from compliance.checks.examples import STORY, outcomes
    >>> outcomes("byline", "By Ana Ruiz", STORY)
    []

FAIL::

    >>> outcomes("byline", STORY)
    ['missing']
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import CheckContext, Finding, Requirement
from ..params import KindParams, option
from . import _text

KIND = "byline"


@dataclass(frozen=True)
class Params(KindParams, kind=KIND):
    """Parameters of ``byline``."""

    institution: bool = option("The author's institution must be named with them.", False)
    within_chars: int = option(
        "How close, in characters, the institution must be to the author's name.", 200, minimum=0
    )


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    with_institution = " together with the author's institution" if params.institution else ""
    return f"Name the author{with_institution}"


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """The author (and, if asked, the institution next to the name) appears in the copy."""
    author = ctx.attribution.author
    if not author:
        return [
            _text.finding(
                req,
                "the original names no author; set one with --author",
                outcome="author-unknown",
                severity="warning",
                fix="pass --author NAME so the byline can be checked",
            )
        ]
    text = ctx.copy.text
    places = _text.find_name(text, author)
    if not places:
        return [
            _text.finding(
                req,
                f"the copy does not name the author {author!r}",
                outcome="missing",
                fix=f"add the byline: By {author}",
            )
        ]
    institution = ctx.attribution.author_institution
    if not params.institution or not institution:
        return []
    within = params.within_chars
    for place in places:
        window = text[max(0, place.start - within) : place.end + within]
        if _text.find_name(window, institution):
            return []
    return [
        _text.finding(
            req,
            f"the byline does not give the author's institution {institution!r}",
            outcome="institution-missing",
            evidence=[_text.span_evidence(ctx.copy, "copy", places[0], "author named here")],
            fix=f"add the byline: {author}, {institution}",
        )
    ]
