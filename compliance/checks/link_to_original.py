"""link_to_original: a working hyperlink in the copy's text leads back to the original.

``target: article`` (default) wants the original article itself; ``home`` is satisfied by the
publisher's front page too; ``not_pdf`` wants the article page, not a PDF of it. Addresses are
compared after folding their harmless variants (http/https, ``www.``, trailing slash, default
port, fragment, ``utm_*`` and other tracking parameters, AMP editions); ``rel=nofollow`` does not
matter, and relative hrefs count once resolved against the copy's own address.

Outcomes when there is no such link, most specific first:

- ``in-comment``: the link sits inside an HTML comment, invisible to readers;
- ``boilerplate-only``: the only link is in page furniture (navigation, sidebar, footer menu)
  that is not part of the article;
- ``bare-url``: the address is printed as plain text, not linked;
- ``javascript-link``: a ``javascript:`` pseudo-link stands where the link should be;
- ``pdf``: the link leads to a PDF (with ``target: not_pdf``);
- ``wrong-article``: the link leads to another page of the publisher;
- ``home-page-only``: the link leads to the publisher's front page only;
- ``missing``: nothing points back at all.

PASS::

    >>> from compliance.checks.examples import CREDIT, HOME, PLAIN_STORY, URL, outcomes
    >>> outcomes("link_to_original", PLAIN_STORY, CREDIT)
    []
    >>> outcomes("link_to_original", PLAIN_STORY, f"[Meridian Review]({HOME})", target="home")
    []

FAIL (no link; a printed address; the home page where the article is required)::

    >>> outcomes("link_to_original", PLAIN_STORY)
    ['missing']
    >>> outcomes("link_to_original", PLAIN_STORY, f"First published at {URL}")
    ['bare-url']
    >>> outcomes("link_to_original", PLAIN_STORY, f"[Meridian Review]({HOME})")
    ['home-page-only']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..documents.urls import domain, is_home_page, is_web_url, same_article
from ..model import CheckContext, Evidence, Finding, Link, Requirement, Span
from ..params import KindParams, option
from . import _text

KIND = "link_to_original"


@dataclass(frozen=True)
class Params(KindParams, kind=KIND):
    """Parameters of ``link_to_original``."""

    target: Literal["article", "home", "not_pdf"] = option(
        "What the link must lead to: article (the article's own address), home (the "
        "publisher's home page is enough) or not_pdf (any web page but not a PDF copy).",
        "article",
    )


_BARE_URL = re.compile(
    r"(?:https?://|//|www\.)[^\s<>\"'\])]+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s<>\"'\])]*",
    re.IGNORECASE,
)

_MESSAGES = {
    "in-comment": "the link to the original is inside an HTML comment, so readers never see it",
    "boilerplate-only": "the only link to the original is in the page's navigation or footer "
    "menu, not with the article",
    "bare-url": "the original's address is printed but not linked",
    "javascript-link": "a javascript: pseudo-link stands where the link to the original should be",
    "pdf": "the link leads to a PDF, not to the original article page",
    "wrong-article": "the copy links to another page of the publisher, not the original article",
    "home-page-only": "the copy links to the publisher's home page only, not the original article",
    "missing": "the copy has no hyperlink to the original article",
}


def bare_urls(text: str, url: str, links: tuple[Link, ...]) -> list[Span]:
    """Places where ``url`` is printed in ``text`` outside any link."""
    anchors = [Span(lk.start, lk.end) for lk in links if lk.place == "text"]
    found: list[Span] = []
    for match in _BARE_URL.finditer(text):
        raw = match.group().rstrip(".,;:!?")
        candidate = raw if "//" in raw[:8] else "https://" + raw
        span = Span(match.start(), match.start() + len(raw))
        if same_article(candidate, url) and not _text.inside(span, anchors):
            found.append(span)
    return found


def _is_pdf(href: str) -> bool:
    return bool(re.search(r"\.pdf(?:$|[?#])", href, re.IGNORECASE))


def _classify(ctx: CheckContext, url: str, target: str) -> tuple[str, list[Link], list[Span]]:
    """The outcome, the links behind it and (for bare URLs) the spans."""
    text_links = [lk for lk in ctx.copy.links if lk.place == "text"]
    resolved = {id(lk): _text.resolved_href(ctx, lk) for lk in ctx.copy.links}
    to_article = [lk for lk in text_links if same_article(resolved[id(lk)], url)]
    if target == "not_pdf":
        good = [lk for lk in to_article if not _is_pdf(resolved[id(lk)])]
    elif target == "home":
        good = to_article + [lk for lk in text_links if is_home_page(resolved[id(lk)], url)]
    else:
        good = to_article
    if good:
        return "ok", good, []
    for place, outcome in (("comment", "in-comment"), ("boilerplate", "boilerplate-only")):
        hidden = [
            lk for lk in ctx.copy.links if lk.place == place and same_article(resolved[id(lk)], url)
        ]
        if hidden:
            return outcome, hidden, []
    bare = bare_urls(ctx.copy.text, url, ctx.copy.links)
    if bare:
        return "bare-url", [], bare
    scripted = [lk for lk in text_links if lk.href.strip().lower().startswith("javascript:")]
    if scripted:
        return "javascript-link", scripted, []
    own_site = [
        lk
        for lk in text_links
        if is_web_url(resolved[id(lk)]) and domain(resolved[id(lk)]) == domain(url)
    ]
    pdfs = [lk for lk in own_site if _is_pdf(resolved[id(lk)])]
    if pdfs:
        return "pdf", pdfs, []
    others = [lk for lk in own_site if not is_home_page(resolved[id(lk)], url)]
    if others:
        return "wrong-article", others, []
    if own_site:
        return "home-page-only", own_site, []
    return "missing", [], []


def _fix(outcome: str, url: str, links: list[Link]) -> str:
    if outcome == "in-comment":
        return f'move the link out of the HTML comment: <a href="{url}">…</a>'
    if outcome == "boilerplate-only":
        return f"add a link to {url} next to the credit in the article"
    if outcome == "bare-url":
        return f'turn the address into a hyperlink: <a href="{url}">{url}</a>'
    if links:
        return f"replace the link to {links[0].href} with a link to {url}"
    return f"add a link to {url}"


_TARGET_WORDS = {
    "article": "Link to the original article itself (its own address, not the home page)",
    "home": "Link to the publisher's home page or to the original article",
    "not_pdf": "Link to the original on the web (a link to a PDF copy does not count)",
}


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    return _TARGET_WORDS[params.target]


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """The copy's text links to the original (or its home page, or not to a PDF)."""
    url = _text.article_url(ctx)
    if not url:
        return [
            _text.finding(
                req,
                "the original's address is unknown; set it with --url",
                outcome="url-unknown",
                severity="warning",
                fix="pass --url ADDRESS so the link can be checked",
            )
        ]
    target = params.target
    outcome, links, spans = _classify(ctx, url, target)
    if outcome == "ok":
        return []
    evidence: list[Evidence] = [
        _text.span_evidence(ctx.copy, "copy", s, "bare address") for s in spans
    ]
    evidence += [_text.link_evidence(lk, "offending link") for lk in links]
    evidence += [
        _text.span_evidence(ctx.copy, "copy", span, "the credit; the link belongs next to it")
        for span in _text.credit_spans(ctx)[:1]
    ]
    shown = {(e.snippet) for e in evidence}
    evidence += [e for e in _text.links_seen(ctx.copy) if e.snippet not in shown]
    return [
        _text.finding(
            req,
            _MESSAGES[outcome],
            outcome=outcome,
            evidence=evidence,
            fix=_fix(outcome, url, links),
        )
    ]
