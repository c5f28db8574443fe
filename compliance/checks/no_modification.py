"""no_modification: the copy reproduces the original's words without edits.

Aligned passages whose texts still differ once the tolerated edits are folded away are findings
that show original and copy side by side. ``tolerance`` lists the edits allowed: whitespace,
punctuation, quotes, style (case, "per cent"/"%", "&"/"and", thousands separators) and
relative_time ("yesterday" -> "on Monday"). Body paragraphs of the original that the copy left out
are findings too (``omissions``), the original's footer lines excepted. ``headline: true`` also
forbids a changed headline.

PASS (typographic quotes are tolerated)::

    >>> from compliance.checks.examples import STORY, outcomes
    >>> outcomes("no_modification", STORY.replace("harbour board", "“harbour board”"))
    []

FAIL::

    >>> outcomes("no_modification", STORY.replace("double", "triple"))
    ['modified']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..model import CheckContext, Evidence, Finding, Requirement
from ..params import KindParams, option
from . import _text

KIND = "no_modification"


Tolerance = Literal["whitespace", "punctuation", "quotes", "style", "relative_time"]


@dataclass(frozen=True)
class Params(KindParams, kind=KIND):
    """Parameters of ``no_modification``."""

    tolerance: tuple[Tolerance, ...] = option(
        "Harmless differences to ignore: whitespace, punctuation, quotes, style (case, "
        '"per cent" or "%", "&" or "and", thousands separators), relative_time ("yesterday" '
        "for a date). Each is folded within a paragraph, never across a blank line.",
        ("whitespace", "punctuation", "quotes"),
    )
    headline: bool = option("A changed headline counts as a change.", False)
    omissions: bool = option("Paragraphs of the original left out of the copy count.", True)
    min_omitted_words: int = option(
        "Shortest paragraph, in words, whose omission counts.", 8, minimum=1
    )


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    text = "Do not change the text"
    if params.tolerance:
        text += f" (changes of {_text.words(params.tolerance)} are tolerated)"
    return text + ("; the headline must stay as published" if params.headline else "")


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """Changed passages, omitted paragraphs and (if it counts) a changed headline."""
    tolerance = params.tolerance
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
    if params.omissions:
        min_words = params.min_omitted_words
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
    if params.headline:
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
