"""copyright_notice: the copy carries a copyright line naming the holder.

A copyright statement runs from "Copyright", "©" or "(c)" to the end of its sentence; it must
name the holder (case- and spacing-insensitive) and, when the original gives one, its year. The
holder is the original's copyright holder (read from its notice, metadata or a flag); where the
original carries no notice there is nothing to keep, so nothing is asked. A notice naming another
holder or year fails at the requirement's severity, with the notice expected and the one found.

PASS::

    >>> from compliance.checks.examples import COPYRIGHT, STORY, outcomes
    >>> outcomes("copyright_notice", STORY, COPYRIGHT)
    []

FAIL (no notice; a notice with another year, at the requirement's severity)::

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
    holder = ctx.attribution.copyright_holder
    year = ctx.attribution.copyright_year
    if not holder:
        return []  # the original carries no notice: there is none to keep
    expected = notice(holder, year)
    text = ctx.copy.text
    lines = copyright_lines(text)
    naming = [ln for ln in lines if _text.find_name(text[ln.start : ln.end], holder)]
    if naming:
        if not year or not params.year:
            return []
        years = [int(y) for ln in naming for y in _YEAR.findall(text[ln.start : ln.end])]
        if not years or year in years:
            return []
        found = text[naming[0].start : naming[0].end]
        return [
            _text.finding(
                req,
                f"the copyright notice gives the year {years[0]}, the original {year}: "
                f"expected {expected!r}, found {found!r}",
                outcome="year-mismatch",
                evidence=[_text.span_evidence(ctx.copy, "copy", naming[0], f"expected {expected}")],
                fix=f"use: {expected}",
            )
        ]
    if lines:
        found = text[lines[0].start : lines[0].end]
        return [
            _text.finding(
                req,
                f"the copyright notice does not name the holder {holder!r}: "
                f"expected {expected!r}, found {found!r}",
                outcome="wrong-holder",
                evidence=[_text.span_evidence(ctx.copy, "copy", ln) for ln in lines[:3]],
                fix=f"replace with: {expected}",
            )
        ]
    return [
        _text.finding(
            req,
            f"no copyright notice naming {holder!r}",
            outcome="missing",
            fix=f"add: {expected}",
        )
    ]
