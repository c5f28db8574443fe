"""commerce: the copy is not sold, has no ads sold against it, and sits behind no paywall.

``no_ads``: scripts or frames of known ad networks in the copy's media are findings.
``no_selling``: offers to buy the story ("buy this article", "purchase reprint") are findings.
``paywall: false`` forbids paywall markers ("subscribe to continue reading", "for subscribers
only") and paywall services' scripts.

PASS::

    >>> from compliance.checks.examples import STORY, outcomes, page
    >>> outcomes("commerce", STORY)
    []

FAIL (an offer to buy the story; an ad network's script with no_ads: true)::

    >>> outcomes("commerce", STORY, "Buy this story as a PDF for $4.99")
    ['selling']
    >>> ads = '<script src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>'
    >>> outcomes("commerce", page(ads), no_ads=True)
    ['ads']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..documents.urls import domain, is_web_url
from ..model import CheckContext, Evidence, Finding, Requirement, Span
from ..params import KindParams, option
from . import _text

KIND = "commerce"


@dataclass(frozen=True)
class Params(KindParams, kind=KIND):
    """Parameters of ``commerce``."""

    no_selling: bool = option("The story may not be sold.", True)
    no_ads: bool = option("No advertising may be sold against the story.", False)
    paywall: bool = option("The story may sit behind a paywall.", True)


AD_NETWORKS = frozenset(
    {
        "doubleclick.net", "googlesyndication.com", "googleadservices.com", "adservice.google.com",
        "googletagservices.com", "amazon-adsystem.com", "taboola.com", "outbrain.com",
        "criteo.com", "criteo.net", "adnxs.com", "pubmatic.com", "rubiconproject.com", "media.net",
        "revcontent.com", "mgid.com", "openx.net", "casalemedia.com", "moatads.com",
        "adsafeprotected.com", "sharethrough.com", "yieldmo.com", "teads.tv", "smartadserver.com",
        "adform.net", "carbonads.com", "buysellads.com", "propellerads.com", "ezoic.net",
    }
)  # fmt: skip
PAYWALL_SERVICES = frozenset({"tinypass.com", "piano.io", "poool.fr", "memberful.com"})
PAYWALL = re.compile(
    r"subscribe\s+(?:now\s+)?to\s+(?:continue|keep|read)|(?:for|available\s+to)\s+(?:paid\s+)?"
    r"subscribers\s+only|subscribers?[-\s]only|this\s+(?:content|article|story)\s+is\s+(?:for|"
    r"reserved\s+for)\s+(?:paid\s+)?(?:subscribers|members)|premium\s+content|log\s+in\s+or\s+"
    r"subscribe\s+to\s+(?:read|continue)",
    re.IGNORECASE,
)
SELLING = re.compile(
    r"(?:buy|purchase|order)\s+(?:this\s+(?:article|story)|(?:a\s+)?reprints?)|reprints?\s+for\s+"
    r"sale|price\s*:\s*[$€£]",
    re.IGNORECASE,
)


def _media_from(ctx: CheckContext, networks: frozenset[str], kinds: tuple[str, ...]) -> list[str]:
    return [
        m.src
        for m in ctx.copy.media
        if m.kind in kinds and is_web_url(m.src) and domain(m.src) in networks
    ]


def _spans(pattern: re.Pattern[str], text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in pattern.finditer(text)]


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    parts = ["do not sell the story"] if params.no_selling else []
    parts += ["do not sell advertising against it"] if params.no_ads else []
    parts += [] if params.paywall else ["do not put it behind a paywall"]
    return (_text.words(parts) or "No commercial restriction").capitalize()


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """No ads, selling or paywall where the terms forbid them."""
    findings: list[Finding] = []
    text = ctx.copy.text
    if params.no_ads:
        ads = _media_from(ctx, AD_NETWORKS, ("script", "iframe", "image"))
        if ads:
            findings.append(
                _text.finding(
                    req,
                    f"the copy carries advertising ({len(ads)} ad-network resource(s))",
                    outcome="ads",
                    evidence=[Evidence(document="copy", snippet=s, note="ad network") for s in ads],
                    fix="remove the advertising from pages that carry the story",
                )
            )
    if params.no_selling:
        offers = _spans(SELLING, text)
        if offers:
            findings.append(
                _text.finding(
                    req,
                    "the copy offers the story for sale",
                    outcome="selling",
                    evidence=[_text.span_evidence(ctx.copy, "copy", s) for s in offers],
                    fix="remove the offer to sell the story",
                )
            )
    if not params.paywall:
        walls = _spans(PAYWALL, text)
        services = _media_from(ctx, PAYWALL_SERVICES, ("script", "iframe"))
        if walls or services:
            evidence = [_text.span_evidence(ctx.copy, "copy", s) for s in walls] + [
                Evidence(document="copy", snippet=s, note="paywall service") for s in services
            ]
            findings.append(
                _text.finding(
                    req,
                    "the copy sits behind a paywall",
                    outcome="paywall",
                    evidence=evidence,
                    fix="make the story free to read",
                )
            )
    return findings
