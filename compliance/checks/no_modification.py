"""no_modification: the copy reproduces the original's words without edits.

Aligned passages whose texts still differ once the tolerated edits are folded away are findings
that show original and copy side by side. ``tolerance`` lists the edits allowed: whitespace,
punctuation, quotes, style (case, "per cent"/"%", "&"/"and", thousands separators) and
relative_time ("yesterday" -> "on Monday"). Body paragraphs of the original that the copy left out
are findings too (``omissions``), the original's footer lines excepted. ``headline: true`` also
forbids a changed headline.

PASS::

    original: He said: "We will go."      copy: He said: “We will go.”

FAIL::

    original: Troops entered five villages.
    copy:     Troops entered several villages.        (modified)
"""

from __future__ import annotations

from typing import Any

from ..model import CheckContext, Evidence, Finding, Requirement
from . import _text

KIND = "no_modification"
TOLERANCES = ("whitespace", "punctuation", "quotes", "style", "relative_time")
OPTIONS: dict[str, Any] = {
    "tolerance": TOLERANCES,
    "headline": bool,
    "omissions": bool,
    "min_omitted_words": int,
}
DEFAULTS: dict[str, Any] = {
    "tolerance": ["whitespace", "punctuation", "quotes"],
    "headline": False,
    "omissions": True,
    "min_omitted_words": 8,
}


def tolerance_of(req: Requirement) -> tuple[str, ...]:
    value = _text.param(req, DEFAULTS, "tolerance")
    return (value,) if isinstance(value, str) else tuple(value or ())  # type: ignore[arg-type]


def check(ctx: CheckContext, req: Requirement) -> list[Finding]:
    """Changed passages, omitted paragraphs and (if it counts) a changed headline."""
    tolerance = tolerance_of(req)
    findings: list[Finding] = []
    for edit in _text.changed_passages(ctx, tolerance):
        p = edit.passage
        findings.append(
            _text.finding(
                req,
                f"a passage of {p.words or _text.word_count(edit.original)} words was changed "
                f"(similarity {p.score:.0f}/100)",
                outcome="modified",
                evidence=[
                    _text.span_evidence(ctx.copy, "copy", p.copy, "as republished"),
                    _text.span_evidence(ctx.original, "original", p.original, "as published"),
                ],
                fix="restore the original wording of this passage",
            )
        )
    if _text.param(req, DEFAULTS, "omissions"):
        min_words = int(_text.param(req, DEFAULTS, "min_omitted_words"))  # type: ignore[call-overload]
        for para in _text.omitted_paragraphs(ctx, min_words):
            findings.append(
                _text.finding(
                    req,
                    "a paragraph of the original is missing from the copy",
                    outcome="omitted",
                    evidence=[_text.span_evidence(ctx.original, "original", para, "left out")],
                    fix="restore the paragraph, or republish the article in full",
                )
            )
    if _text.param(req, DEFAULTS, "headline"):
        before = _text.normalise_for(ctx.original.title, tolerance)
        after = _text.normalise_for(ctx.copy.title, tolerance)
        if before and before != after:
            findings.append(
                _text.finding(
                    req,
                    "the headline was changed",
                    outcome="headline-changed",
                    evidence=[
                        Evidence(document="copy", snippet=ctx.copy.title, note="copy headline"),
                        Evidence(document="original", snippet=ctx.original.title, note="headline"),
                    ],
                    fix=f"use the original headline: {ctx.original.title}",
                )
            )
    return findings
