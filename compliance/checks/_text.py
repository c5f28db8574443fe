"""Shared, pure helpers for the checks: locating names, credits, links and edits in a copy.

Everything here reads a ``CheckContext`` and returns plain values with offsets into
``Document.text``; nothing here decides pass or fail.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..documents.urls import is_web_url, resolve, same_article
from ..linear import compile_linear
from ..model import (
    SEVERITY_RANK,
    CheckContext,
    Document,
    Evidence,
    Finding,
    Link,
    Passage,
    Requirement,
    Severity,
    Span,
)

SNIPPET_CHARS = 160

# Words and phrases that, just before a name, make its mention a credit rather than a quotation.
CREDIT_CUE = re.compile(
    r"(?:original(?:ly)?\s+(?:source|published|appeared|posted|ran)|first\s+(?:published|appeared"
    r"|ran)|source\s*:|sources?\s+of\s+this|via|courtesy\s+of|credits?\s*:|republished\s+(?:from"
    r"|with)|reprinted\s+(?:from|with)|cross-?posted\s+from|copyright|©|\(c\)|published\s+(?:by"
    r"|at|on|in)|appeared\s+(?:in|on|at)|from|by|for)\W*(?:the\s+)?(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
_CUE_WINDOW = 80
_WORD = re.compile(r"\w+", re.UNICODE)
_ALNUM = re.compile(r"[^\W_]+")
_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
    }
)  # fmt: skip
_PUNCT = re.compile(
    rf"[{re.escape(string.punctuation)}\u2010-\u2015\u2018-\u201f\u2026\u00ab\u00bb]"
)
_RELATIVE_TIME = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|this\s+(?:week|month|year|morning|afternoon|evening)"
    r"|last\s+(?:week|month|year|night)|next\s+(?:week|month|year)|(?:on\s+)?(?:monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday)|earlier\s+this\s+\w+|(?:\w+\s+)?(?:days?|weeks?"
    r"|months?|years?)\s+ago)\b",
    re.IGNORECASE,
)
_STYLE = (
    (re.compile(r"\bper\s*cent\b|\bpercent\b", re.IGNORECASE), "%"),
    (re.compile(r"\s*%"), "%"),
    (re.compile(r"\s*&\s*"), " and "),
    (re.compile(r"\b(mr|mrs|ms|dr|st)\.", re.IGNORECASE), r"\1"),
    (re.compile(r"(?<=\d),(?=\d{3}\b)"), ""),
)


# -- findings -------------------------------------------------------------------------------


def capped(req: Requirement, severity: Severity) -> Severity:
    """``severity`` but never above what the requirement asks for."""
    return severity if SEVERITY_RANK[severity] <= SEVERITY_RANK[req.severity] else req.severity


def finding(
    req: Requirement,
    message: str,
    *,
    outcome: str,
    evidence: Iterable[Evidence] = (),
    fix: str = "",
    severity: Severity | None = None,
) -> Finding:
    """A finding for ``req``; run_checks stamps the full rule id, clause and message override."""
    return Finding(
        rule_id=req.id,
        kind=req.kind,
        severity=capped(req, severity) if severity else req.severity,
        message=message,
        evidence=tuple(evidence),
        fix=fix,
        outcome=outcome,
    )


def param(req: Requirement, defaults: dict[str, object], name: str) -> object:
    """A requirement parameter, else the kind's default, else None."""
    return req.params.get(name, defaults.get(name))


def span_evidence(doc: Document, which: str, span: Span, note: str = "") -> Evidence:
    """Evidence quoting ``span`` of ``doc`` (original or copy)."""
    snippet = doc.text[span.start : span.end]
    if len(snippet) > SNIPPET_CHARS:
        snippet = snippet[: SNIPPET_CHARS - 1] + "…"
    return Evidence(document=which, start=span.start, end=span.end, snippet=snippet, note=note)  # type: ignore[arg-type]


def link_evidence(link: Link, note: str = "") -> Evidence:
    """Evidence naming a link seen in the copy, with its href and where it sat."""
    where = "" if link.place == "text" else f" ({link.place})"
    rel = f" rel={' '.join(link.rel)}" if link.rel else ""
    text = f'<a href="{link.href}"{rel}>{link.text}</a>{where}'
    return Evidence(
        document="copy", start=link.start, end=link.end, snippet=text, note=note or link.place
    )


def links_seen(doc: Document, limit: int = 12) -> tuple[Evidence, ...]:
    """Every link of ``doc`` (up to ``limit``) as evidence, so a reader sees what was there."""
    return tuple(link_evidence(link, "link present in the copy") for link in doc.links[:limit])


# -- text ------------------------------------------------------------------------------------


def name_pattern(name: str) -> Any | None:
    """A case- and spacing-insensitive pattern for ``name`` ("South Front" finds "SouthFront").

    Names come from documents, rule files and the command line, so the pattern runs on RE2
    (``compile_linear``): linear in the text whatever the name. RE2 has no look-around, so
    ``find_name`` checks the word boundaries at both ends itself.
    """
    words = _ALNUM.findall(name.translate(_QUOTES))
    if not words:
        return None
    return compile_linear(r"[^\p{L}\p{N}]*".join(re.escape(w) for w in words), ignore_case=True)


def find_name(text: str, name: str | None) -> list[Span]:
    """Every place ``name`` occurs in ``text`` as whole words, ignoring case and spacing."""
    if not name:
        return []
    pattern = name_pattern(name)
    if pattern is None:
        return []
    folded = text.translate(_QUOTES)
    return [
        Span(m.start(), m.end())
        for m in pattern.finditer(folded)
        if _word_edge(folded, m.start() - 1) and _word_edge(folded, m.end())
    ]


def _word_edge(text: str, index: int) -> bool:
    """True when ``index`` is outside ``text`` or holds no word character."""
    return not 0 <= index < len(text) or _WORD.match(text[index]) is None


def paragraph_of(text: str, pos: int) -> Span:
    """The paragraph (between blank lines) that holds ``pos``."""
    start = text.rfind("\n\n", 0, pos)
    end = text.find("\n\n", pos)
    return Span(0 if start < 0 else start + 2, len(text) if end < 0 else end)


def paragraphs(text: str) -> list[Span]:
    """The paragraphs of a text, as spans (blank-line separated, empty ones skipped)."""
    spans: list[Span] = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        if match.group().strip():
            spans.append(Span(match.start(), match.end()))
    return spans


def line_of(text: str, pos: int) -> Span:
    """The line that holds ``pos``."""
    start = text.rfind("\n", 0, pos)
    end = text.find("\n", pos)
    return Span(start + 1, len(text) if end < 0 else end)


def inside(span: Span, spans: Iterable[Span]) -> bool:
    """True when ``span`` lies within one of ``spans``."""
    return any(s.start <= span.start and span.end <= s.end for s in spans)


def covered_chars(span: Span, spans: Iterable[Span]) -> int:
    """How many characters of ``span`` lie in ``spans`` (counted once per span they lie in)."""
    return sum(max(0, min(span.end, s.end) - max(span.start, s.start)) for s in spans)


def copied_spans(ctx: CheckContext) -> list[Span]:
    """Spans of the copy that were aligned to the original (the copied body)."""
    return [p.copy for p in ctx.comparison.passages]


def credit_names(ctx: CheckContext) -> list[str]:
    """Names a credit may use: the source, the publisher, the site name, the terms' publisher.

    The terms' publisher counts only for licensed terms (all-rights-reserved names no one).
    """
    names: list[str] = []
    candidates = [ctx.attribution.source, ctx.attribution.publisher, ctx.original.meta.site_name]
    if ctx.terms.licensed:
        candidates.append(ctx.terms.publisher)
    for name in candidates:
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return names


def credit_spans(ctx: CheckContext, names: Sequence[str] | None = None) -> list[Span]:
    """Where the copy credits one of ``names``: after a credit cue, as link text, or in new text.

    A mention inside the copied body without a cue ("...the report by the agency said") is a
    quotation of the original, not a credit.
    """
    text = ctx.copy.text
    copied = copied_spans(ctx)
    anchors = [Span(lk.start, lk.end) for lk in ctx.copy.links if lk.place == "text"]
    found: list[Span] = []
    for name in names if names is not None else credit_names(ctx):
        for span in find_name(text, name):
            para = paragraph_of(text, span.start)
            before = text[max(para.start, span.start - _CUE_WINDOW) : span.start]
            cued = CREDIT_CUE.search(before) is not None
            anchored = any(a.start <= span.start < a.end for a in anchors)
            if cued or anchored or not inside(span, copied):
                found.append(span)
    return sorted(set(found), key=lambda s: (s.start, s.end))


def normalise_for(text: str, tolerance: Iterable[str]) -> str:
    """``text`` with the edits a tolerance allows folded away (whitespace, quotes, style...)."""
    allowed = set(tolerance)
    out = text
    if "quotes" in allowed or "punctuation" in allowed:
        out = out.translate(_QUOTES)
    if "style" in allowed:
        for pattern, repl in _STYLE:
            out = pattern.sub(repl, out)
        out = out.casefold()
    if "relative_time" in allowed:
        out = _RELATIVE_TIME.sub(" ", out)
    if "punctuation" in allowed:
        out = _PUNCT.sub(" ", out)
    if "whitespace" in allowed or "punctuation" in allowed:
        out = " ".join(out.split())
    return out


@dataclass(frozen=True)
class Edit:
    """A copied passage whose words changed beyond what the tolerance allows."""

    passage: Passage
    original: str
    copy: str


def changed_passages(ctx: CheckContext, tolerance: Iterable[str]) -> list[Edit]:
    """Aligned passages whose texts still differ once the tolerated edits are folded away."""
    allowed = tuple(tolerance)
    edits: list[Edit] = []
    for passage in ctx.comparison.passages:
        before = ctx.original.text[passage.original.start : passage.original.end]
        after = ctx.copy.text[passage.copy.start : passage.copy.end]
        if passage.kind == "verbatim" and before == after:
            continue
        if normalise_for(before, allowed) != normalise_for(after, allowed):
            edits.append(Edit(passage, before, after))
    return edits


_FOOTER = re.compile(
    r"original\s+source|copyright|©|\(c\)|all\s+rights\s+reserved|disclaimer|republish"
    r"|cross-?post|this\s+article\s+(?:was|is)\s+(?:originally|first)|support\s+(?:us|our)"
    r"|donate|newsletter|subscribe|follow\s+us",
    re.IGNORECASE,
)


def omitted_paragraphs(ctx: CheckContext, min_words: int = 8) -> list[Span]:
    """Body paragraphs of the original that no aligned passage covers (footers excluded).

    A paragraph counts as omitted when less than half of its characters lie in passages; the
    original's own credit, copyright and disclaimer lines are not body and never count.
    """
    text = ctx.original.text
    covered = [p.original for p in ctx.comparison.passages]
    omitted: list[Span] = []
    for para in paragraphs(text):
        body = text[para.start : para.end]
        if word_count(body) < min_words or _FOOTER.search(body):
            continue
        if covered_chars(para, covered) < para.length / 2:
            omitted.append(para)
    return omitted


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


# -- links -----------------------------------------------------------------------------------


def base_url(ctx: CheckContext) -> str | None:
    """The address relative hrefs of the copy resolve against, when one is known."""
    if ctx.copy.meta.canonical_url and is_web_url(ctx.copy.meta.canonical_url):
        return ctx.copy.meta.canonical_url
    if is_web_url(ctx.copy.origin):
        return ctx.copy.origin
    if ctx.copy_site:
        return f"https://{ctx.copy_site}/"
    return None


def resolved_href(ctx: CheckContext, link: Link) -> str:
    """The link's href made absolute against the copy's own address."""
    return resolve(link.href, base_url(ctx))


def article_url(ctx: CheckContext) -> str | None:
    """The original article's canonical address, if known."""
    return ctx.attribution.url or ctx.original.meta.canonical_url


def links_to_article(ctx: CheckContext, place: str = "text") -> list[Link]:
    """Links of the copy at ``place`` whose resolved href is the original article."""
    url = article_url(ctx)
    if not url:
        return []
    return [
        lk
        for lk in ctx.copy.links
        if lk.place == place and same_article(resolved_href(ctx, lk), url)
    ]
