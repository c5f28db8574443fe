"""license_notice: the copy names the licence and links to its deed.

The licence comes from ``license``/``deed_url``, else the original's licence link (rel=license or a
Creative Commons deed), else the terms' detection URLs. A Creative Commons licence may be named
short ("CC BY-ND 4.0") or long ("Creative Commons Attribution-NoDerivatives 4.0"). A deed link
may point at the deed or its legal code, in any language. ``repeat_terms: true`` also wants the
licence clause of the terms repeated (fuzzily).

PASS (license: CC BY 4.0 with its deed)::

    >>> from compliance.checks.examples import DEED, STORY, outcomes
    >>> cc_by = {"license": "CC BY 4.0", "deed_url": DEED}
    >>> outcomes("license_notice", STORY, f"Published under [CC BY 4.0]({DEED}).", **cc_by)
    []

FAIL::

    >>> outcomes("license_notice", STORY, **cc_by)
    ['missing']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..documents.urls import is_web_url, licence_key
from ..model import CheckContext, Finding, Link, LinkRole, Requirement
from ..params import KindParams, option
from . import _text

KIND = "license_notice"


@dataclass(frozen=True)
class Params(KindParams, kind=KIND):
    """Parameters of ``license_notice``."""

    license: str | None = option(
        "The licence's name, e.g. CC BY-ND 4.0 (default: read from the original's licence link)."
    )
    deed_url: str | None = option(
        "Address of the licence deed the copy must link to (default: the original's)."
    )
    repeat_terms: bool = option("The licence terms must be repeated in the copy.", False)


_CC = re.compile(r"creativecommons\.org/(licenses|publicdomain)/([a-z-]+)/(\d\.\d)", re.I)
_PARTS = {
    "by": "Attribution",
    "sa": "ShareAlike",
    "nd": "NoDerivatives",
    "nc": "NonCommercial",
}


def article_links(ctx: CheckContext) -> list[Link]:
    """The copy's in-text links about the article itself.

    A licence link in a photo caption or credit licenses that picture, not the story: a copy
    whose only CC link sits under a Wikimedia photo has not licensed the article.
    """
    return [lk for lk in ctx.copy.links if lk.place == "text" and lk.role == "article"]


def deed_links(ctx: CheckContext, deed: str | None, role: LinkRole = "article") -> list[Link]:
    """The copy's in-text links of ``role`` to the licence at ``deed`` (any scheme, language or
    legal code)."""
    if not deed:
        return []
    key = licence_key(deed)
    return [
        lk
        for lk in ctx.copy.links
        if lk.place == "text"
        and lk.role == role
        and licence_key(_text.resolved_href(ctx, lk)) == key
    ]


def licence_names(url: str | None, given: str | None) -> list[str]:
    """The names a copy may use for the licence at ``url``."""
    names = [given] if given else []
    match = _CC.search(url or "")
    if match and match.group(1).lower() == "licenses":
        code = match.group(2).lower()
        version = match.group(3)
        names.append(f"CC {code.upper()} {version}")
        long = "-".join(_PARTS.get(part, part) for part in code.split("-"))
        names.append(f"Creative Commons {long} {version}")
    return names


def _deed_url(ctx: CheckContext, params: Params) -> str | None:
    given = params.deed_url
    if isinstance(given, str) and given:
        return given
    if ctx.original.meta.license_url:
        return ctx.original.meta.license_url
    return ctx.terms.detect.license_urls[0] if ctx.terms.detect.license_urls else None


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    deed = f" and link to its deed {params.deed_url}" if params.deed_url else ""
    return f"Name the licence ({params.license or 'as stated'}){deed}"


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """The licence is named and linked to its deed (and its terms repeated when asked)."""
    deed = _deed_url(ctx, params)
    given = params.license
    names = licence_names(deed, given if isinstance(given, str) else None)
    if not deed and not names:
        return [
            _text.finding(
                req,
                "no licence is known for the original; set license or deed_url in the terms",
                outcome="license-unknown",
                severity="warning",
            )
        ]
    text = ctx.copy.text
    label = names[0] if names else deed or ""
    named = [s for name in names for s in _text.find_name(text, name)]
    web_links = [lk for lk in article_links(ctx) if is_web_url(_text.resolved_href(ctx, lk))]
    linked = deed_links(ctx, deed)
    other_deeds = [lk for lk in web_links if _CC.search(lk.href) and lk not in linked]
    findings: list[Finding] = []
    if not linked:
        if other_deeds:
            outcome, message = "wrong-license", f"the copy links to another licence, not {label}"
        elif named:
            outcome, message = "not-linked", f"{label} is named but not linked to its deed"
        else:
            outcome, message = "missing", f"the copy does not name the licence {label}"
        in_captions = deed_links(ctx, deed, role="caption")
        if in_captions:
            message += " (its only link to it is in a photo caption, which licenses the picture)"
        evidence = [_text.link_evidence(lk) for lk in other_deeds + in_captions] + [
            _text.span_evidence(ctx.copy, "copy", s, "licence named here") for s in named[:1]
        ]
        findings.append(
            _text.finding(
                req,
                message,
                outcome=outcome,
                evidence=evidence,
                fix=f"add: licensed under {label} ({deed})" if deed else f"name {label}",
            )
        )
    if params.repeat_terms:
        clause = ctx.terms.clauses.get("license") or ctx.terms.clauses.get("main", "")
        score = fuzz.partial_ratio(clause.casefold(), text.casefold()) if clause else 100.0
        if clause and score < 85:
            findings.append(
                _text.finding(
                    req,
                    f"the licence terms are not repeated in the copy (best match {score:.0f}/100)",
                    outcome="terms-not-repeated",
                    fix=f"add the licence terms: {clause[:200]}",
                )
            )
    return findings
