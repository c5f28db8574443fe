"""proximity: the credit elements appear together, within ``within_chars`` of each other.

For each element of ``elements`` (default source, copyright, link) the nearest occurrences are
chosen; the distance is the gap between the first and the last of them. Elements that are
absent are left to their own checks. The finding reports the distance measured.

PASS::

    >>> from compliance.checks.examples import COPYRIGHT, CREDIT, STORY, outcomes
    >>> outcomes("proximity", STORY, CREDIT, COPYRIGHT)
    []

FAIL (within_chars: 100; the link at the top, the copyright at the end)::

    >>> outcomes("proximity", CREDIT, STORY, COPYRIGHT, within_chars=100)
    ['too-far']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import CheckContext, Finding, Requirement, Span
from ..params import Issue, KindParams, option
from . import _elements, _text

KIND = "proximity"


@dataclass(frozen=True)
class Params(KindParams, kind=KIND):
    """Parameters of ``proximity``.

    ``elements`` names at least two different elements.
    """

    within_chars: int = option("Most characters allowed between the elements.", 600, minimum=0)
    elements: tuple[_elements.Element, ...] = option(
        "The elements that must appear together: source, copyright, link, byline, license, credit.",
        ("source", "copyright", "link"),
    )

    def conflicts(self) -> Iterator[Issue]:
        if len(set(self.elements)) < 2:
            yield Issue("elements", "'elements' must name at least two different elements")


def gap(spans: tuple[Span, ...]) -> int:
    """Characters between the end of the earliest-ending and the start of the latest-starting."""
    return max(0, max(s.start for s in spans) - min(s.end for s in spans))


def closest(groups: list[list[Span]]) -> tuple[int, tuple[Span, ...]]:
    """The smallest gap over one occurrence of each element, with the occurrences.

    A sweep over every span in order of start: at each start, each element contributes its
    latest-ending span among those begun so far, which is the best choice for that start.
    """
    if not groups or any(not g for g in groups):
        raise ValueError("every element needs at least one occurrence")
    events = sorted(
        ((span.start, index, span) for index, g in enumerate(groups) for span in g),
        key=lambda event: (event[0], event[1]),
    )
    chosen: list[Span | None] = [None] * len(groups)
    best: tuple[int, tuple[Span, ...]] | None = None
    for _, index, span in events:
        held = chosen[index]
        if held is None or span.end > held.end:
            chosen[index] = span
        if any(c is None for c in chosen):
            continue
        combo = tuple(c for c in chosen if c is not None)
        distance = gap(combo)
        if best is None or distance < best[0]:
            best = (distance, combo)
            if distance == 0:
                break
    assert best is not None
    return best


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    return (
        f"Keep the {_text.words(params.elements)} together, "
        f"within {params.within_chars} characters of each other"
    )


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """The present elements lie within the allowed distance of each other."""
    elements = params.elements
    within = params.within_chars
    located = {e: _elements.locate(ctx, e) for e in elements}
    present = {e: spans for e, spans in located.items() if spans}
    if len(present) < 2:
        return []
    distance, combo = closest(list(present.values()))
    if distance <= within:
        return []
    names = list(present)
    evidence = [
        _text.span_evidence(ctx.copy, "copy", span, _elements.LABELS[name])
        for name, span in zip(names, combo, strict=True)
    ]
    evidence.sort(key=lambda e: e.start)
    labels = ", ".join(_elements.LABELS[n] for n in names)
    return [
        _text.finding(
            req,
            f"the {labels} are {distance} characters apart (allowed: {within})",
            outcome="too-far",
            evidence=evidence,
            fix=f"put the {labels} together in one paragraph",
        )
    ]
