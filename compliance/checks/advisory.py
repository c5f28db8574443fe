"""advisory: a request of the terms that no program can check ("let us know", "tag us").

Always one finding at severity ``advisory``, whatever the copy says; it is listed in reports and
never counts as a violation. ``text`` (else the requirement's message, else its clause) says
what is asked.

PASS: never (the request is always passed on, at severity advisory).

FAIL: never (advisories are not violations)::

    >>> from compliance.checks.examples import STORY, outcomes
    >>> outcomes("advisory", STORY, text="Tell us when you republish.")
    ['advisory']
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import CheckContext, Finding, Requirement
from ..params import KindParams, option
from . import _text

KIND = "advisory"


@dataclass(frozen=True)
class Params(KindParams, kind=KIND):
    """Parameters of ``advisory``."""

    text: str | None = option("The request to pass on (default: the requirement's message).")


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    return "A request of the publisher (reported, never a violation)"


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """One advisory finding carrying the request."""
    text = params.text or req.message
    if not text:
        text = ctx.terms.clauses.get(req.clause or "main", "a request of the terms")
    return [
        _text.finding(
            req,
            str(text),
            outcome="advisory",
            severity="advisory",
            fix="act on the request by hand; nothing in the copy can show it",
        )
    ]
