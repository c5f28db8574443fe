"""excerpt_limit: only an excerpt of the original, with a link to read the full article.

At most ``max_words`` words and/or ``max_paragraphs`` paragraphs of the original may be reused
(counted over the aligned passages). With ``require_full_link`` (default) the copy must link to
the original with wording such as "Read the full article", "continue reading" or "read more"
(in the link text or just before it).

PASS (max_words: 40)::

    >>> from compliance.checks.examples import CREDIT, STORY, URL, outcomes
    >>> lede = STORY.split("\\n\\n")[0]
    >>> outcomes("excerpt_limit", lede, f"[Read the full article]({URL})", max_words=40)
    []

FAIL (the whole story; no invitation to read on)::

    >>> outcomes("excerpt_limit", STORY, f"[Read the full article]({URL})", max_words=40)
    ['over-limit']
    >>> outcomes("excerpt_limit", lede, CREDIT, max_words=40)
    ['no-full-link']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import CheckContext, Finding, Requirement
from ..params import Issue, KindParams, option
from . import _text

KIND = "excerpt_limit"


@dataclass(frozen=True)
class Params(KindParams, kind=KIND):
    """Parameters of ``excerpt_limit``.

    At least one of ``max_words`` and ``max_paragraphs`` is required.
    """

    max_words: int | None = option("Most words of the original the copy may reuse.", minimum=1)
    max_paragraphs: int | None = option(
        "Most paragraphs of the original the copy may reuse.", minimum=1
    )
    require_full_link: bool = option(
        'A link inviting readers to the full article ("Read the full article") must follow.',
        True,
    )

    def conflicts(self) -> Iterator[Issue]:
        if self.max_words is None and self.max_paragraphs is None:
            yield Issue(None, "an excerpt limit needs max_words or max_paragraphs")


READ_MORE = re.compile(
    r"read\s+(?:the\s+)?(?:full|whole|complete|entire|rest|more|original)|continue\s+reading"
    r"|full\s+(?:article|story|text|report)|read\s+it\s+(?:here|at|on)|keep\s+reading",
    re.IGNORECASE,
)


def copied_amount(ctx: CheckContext) -> tuple[int, int]:
    """Words and paragraphs of the original reused by the copy.

    A passage counts no more words than its side of the copy holds: a loose alignment that
    bridges from the lede to the original's credit line has not reused the paragraphs between.
    """
    text = ctx.original.text
    spans = [p.original for p in ctx.comparison.passages]
    words = sum(
        min(
            p.words or _text.word_count(text[p.original.start : p.original.end]),
            _text.word_count(ctx.copy.text[p.copy.start : p.copy.end]),
        )
        for p in ctx.comparison.passages
    )
    touched = [
        para
        for para in _text.paragraphs(text)
        if any(min(para.end, s.end) > max(para.start, s.start) for s in spans)
    ]
    return words, len(touched)


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    limits = [f"{params.max_words} words"] if params.max_words else []
    limits += [f"{params.max_paragraphs} paragraphs"] if params.max_paragraphs else []
    text = "Republish only an excerpt" + (f" of at most {' or '.join(limits)}" if limits else "")
    return text + (", followed by a link to the full article" if params.require_full_link else "")


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """The reuse stays within the limits and points readers to the full article."""
    findings: list[Finding] = []
    words, paras = copied_amount(ctx)
    max_words = params.max_words
    max_paras = params.max_paragraphs
    over = []
    if isinstance(max_words, int) and words > max_words:
        over.append(f"{words} words (limit {max_words})")
    if isinstance(max_paras, int) and paras > max_paras:
        over.append(f"{paras} paragraphs (limit {max_paras})")
    if over:
        evidence = [
            _text.span_evidence(ctx.copy, "copy", p.copy, "copied")
            for p in ctx.comparison.passages[:3]
        ]
        findings.append(
            _text.finding(
                req,
                f"the copy reuses {' and '.join(over)} of the original",
                outcome="over-limit",
                evidence=evidence,
                fix="shorten the excerpt to the limit and link to the full article",
            )
        )
    if params.require_full_link:
        text = ctx.copy.text
        ok = any(
            READ_MORE.search(lk.text) or READ_MORE.search(text[max(0, lk.start - 80) : lk.start])
            for lk in _text.links_to_article(ctx)
        )
        if not ok:
            url = _text.article_url(ctx) or "the original"
            findings.append(
                _text.finding(
                    req,
                    "the excerpt has no link inviting readers to the full article",
                    outcome="no-full-link",
                    evidence=_text.links_seen(ctx.copy),
                    fix=f"add: [Read the full article]({url})",
                )
            )
    return findings
