"""copyright_notice: the copy carries a copyright line naming the holder.

A copyright statement runs from "Copyright", "©" or "(c)" to the end of its sentence; it must
name the holder (case- and spacing-insensitive). The holder is the original's copyright holder,
else its source. A statement that names the holder with another year than the original's is a
warning, not an error.

PASS::

    >>> from compliance.checks.examples import COPYRIGHT, STORY, outcomes
    >>> outcomes("copyright_notice", STORY, COPYRIGHT)
    []

FAIL (no notice; a notice with another year, a warning)::

    >>> outcomes("copyright_notice", STORY)
    ['missing']
    >>> outcomes("copyright_notice", STORY, "Copyright © Meridian Review, 2015")
    ['year-mismatch']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import CheckContext, Finding, Requirement, Span
from ..params import KindParams, option
from . import _text

KIND = "copyright_notice"


@dataclass(frozen=True)
class Params(KindParams, kind=KIND):
    """Parameters of ``copyright_notice``."""

    year: bool = option("The year must agree with the original's (a mismatch is a warning).", True)


_MARK = re.compile(r"copyright|©|\(c\)", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


_NOTICE_END = re.compile(r"\.\s|\n|\s\|\s|[;•·]")
_ONLY_YEAR = re.compile(
    r"^(?:\W|copyright|\(c\)|(?:19|20)\d{2}|all\s+rights\s+reserved)*$", re.IGNORECASE
)
_MAX_NOTICE = 160


def copyright_lines(text: str) -> list[Span]:
    """Every copyright statement in ``text``: from its mark to the end of its sentence.

    "Source: X. Copyright © Y, 2017" gives "Copyright © Y, 2017", so a credit earlier on the
    same line is not mistaken for the holder. A mark followed by a year only ("X ©2017") reaches
    back to the start of its line.
    """
    spans: list[Span] = []
    for match in _MARK.finditer(text):
        if spans and spans[-1].start <= match.start() < spans[-1].end:
            continue
        stop = _NOTICE_END.search(text, match.end(), match.end() + _MAX_NOTICE)
        end = stop.start() if stop else min(len(text), match.end() + _MAX_NOTICE)
        end = min(end, _text.line_of(text, match.start()).end)
        start = match.start()
        if _ONLY_YEAR.match(text[start:end]):
            start = _text.line_of(text, start).start
        spans.append(Span(start, end))
    return spans


def notice(holder: str, year: int | None) -> str:
    """The notice a copy should carry."""
    return f"Copyright © {holder}, {year}" if year else f"Copyright © {holder}"


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    year = " (with the original's year)" if params.year else ""
    return f"Acknowledge the copyright holder in a copyright notice{year}"


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """A copyright line names the holder; the year, when both give one, agrees."""
    holder = ctx.attribution.copyright_holder or ctx.attribution.source
    year = ctx.attribution.copyright_year
    if not holder:
        return [
            _text.finding(
                req,
                "the original names no copyright holder; set one with --copyright",
                outcome="holder-unknown",
                severity="warning",
                fix="pass --copyright HOLDER so the notice can be checked",
            )
        ]
    text = ctx.copy.text
    lines = copyright_lines(text)
    naming = [ln for ln in lines if _text.find_name(text[ln.start : ln.end], holder)]
    if naming:
        if not year or not params.year:
            return []
        years = [int(y) for ln in naming for y in _YEAR.findall(text[ln.start : ln.end])]
        if not years or year in years:
            return []
        return [
            _text.finding(
                req,
                f"the copyright line gives {years[0]}, the original {year}",
                outcome="year-mismatch",
                severity="warning",
                evidence=[_text.span_evidence(ctx.copy, "copy", naming[0])],
                fix=f"use: {notice(holder, year)}",
            )
        ]
    if lines:
        return [
            _text.finding(
                req,
                f"the copyright line does not name the holder {holder!r}",
                outcome="wrong-holder",
                evidence=[_text.span_evidence(ctx.copy, "copy", ln) for ln in lines[:3]],
                fix=f"replace with: {notice(holder, year)}",
            )
        ]
    return [
        _text.finding(
            req,
            f"no copyright notice naming {holder!r}",
            outcome="missing",
            fix=f"add: {notice(holder, year)}",
        )
    ]
