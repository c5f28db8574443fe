"""disclose_changes: an edited copy says that it was edited.

When the copy changed the original's words (beyond whitespace, punctuation and quotes) or left
out body paragraphs, it must carry a disclosure such as "additional reporting by", "published with
edits by", "changes were made", "adapted from" or "this article has been edited". Extra
``phrases`` may be added. An unedited copy needs no disclosure.

PASS::

    >>> from compliance.checks.examples import STORY, outcomes
    >>> edited = STORY.replace("double", "triple")
    >>> outcomes("disclose_changes", edited, "This article has been edited.")
    []

FAIL::

    >>> outcomes("disclose_changes", edited)
    ['undisclosed-edits']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import CheckContext, Finding, Requirement
from ..params import KindParams, option
from . import _text

KIND = "disclose_changes"


@dataclass(frozen=True)
class Params(KindParams, kind=KIND):
    """Parameters of ``disclose_changes``."""

    phrases: tuple[str, ...] = option(
        "Further wordings accepted as saying the story was changed.", ()
    )
    omissions: bool = option(
        "Paragraphs of the original left out count as changes to disclose (false where the "
        "terms allow an excerpt).",
        True,
    )


_TOLERANCE = ("whitespace", "punctuation", "quotes")
DISCLOSURE = re.compile(
    r"additional\s+reporting|(?:published|republished|reprinted)\s+with\s+(?:edits|changes)"
    r"|changes\s+(?:were|have\s+been)\s+made|adapted\s+from|excerpted\s+from|abridged"
    r"|(?:article|story|piece|version)\s+(?:has\s+been|was|is)\s+(?:edited|updated|condensed"
    r"|shortened|abridged|modified|adapted)|edited\s+(?:for|by)|modified\s+from"
    r"|(?:with|contains)\s+(?:edits|changes)",
    re.IGNORECASE,
)


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    return 'Say so when the story was changed (e.g. "additional reporting by ...")'


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """An edited copy carries a disclosure of the edits."""
    edits = _text.changed_passages(ctx, _TOLERANCE)
    omitted = _text.omitted_paragraphs(ctx) if params.omissions else []
    if not edits and not omitted:
        return []
    extra = params.phrases
    text = ctx.copy.text
    if DISCLOSURE.search(text) or any(_text.find_name(text, phrase) for phrase in extra):
        return []
    evidence = [
        _text.span_evidence(ctx.copy, "copy", e.passage.copy, "changed here") for e in edits[:3]
    ] + [_text.span_evidence(ctx.original, "original", p, "left out") for p in omitted[:3]]
    what = f"{len(edits)} changed passage(s), {len(omitted)} omitted paragraph(s)"
    return [
        _text.finding(
            req,
            f"the copy was edited ({what}) but does not say so",
            outcome="undisclosed-edits",
            evidence=evidence,
            fix="add: This article has been edited from the original.",
        )
    ]
