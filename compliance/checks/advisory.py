"""advisory: a request of the terms that no program can check ("let us know", "tag us").

Always one finding at severity ``advisory``, whatever the copy says; it is listed in reports and
never counts as a violation. ``text`` (else the requirement's message, else its clause) says
what is asked.

PASS: never (the request is always passed on).

FAIL: never (advisories are not violations).
"""

from __future__ import annotations

from typing import Any

from ..model import CheckContext, Finding, Requirement
from . import _text

KIND = "advisory"
OPTIONS: dict[str, Any] = {"text": str}
DEFAULTS: dict[str, Any] = {}


def check(ctx: CheckContext, req: Requirement) -> list[Finding]:
    """One advisory finding carrying the request."""
    text = _text.param(req, DEFAULTS, "text") or req.message
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
