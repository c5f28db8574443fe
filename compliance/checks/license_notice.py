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


@dataclass(frozen=True)
class Licence:
    """The licence a copy must give: the address of its deed and the names it goes by."""

    deed: str | None
    names: tuple[str, ...]


def licence(ctx: CheckContext, params: Params | None = None) -> Licence:
    """The licence element of ``ctx``'s terms, for this check and the placement and proximity
    checks alike.

    ``params`` are a license_notice requirement's (default: the terms' own license_notice
    requirement, if any). Its ``deed_url`` wins, else the original's licence link, else the
    terms' detection URLs; the names are its ``license``, then those of the deed's licence
    (``terms.licences``: "CC BY-ND 4.0" and "Creative Commons Attribution-NoDerivatives 4.0").
    """
    from ..terms.licences import licence_names, licence_of_url  # terms imports the checks

    if params is None:
        params = next(
            (r.params for r in ctx.terms.requirements if isinstance(r.params, Params)), None
        )
    given = params.deed_url if params else None
    deed = (
        given
        if isinstance(given, str) and given
        else ctx.original.meta.license_url or next(iter(ctx.terms.detect.license_urls), None)
    )
    name = params.license if params else None
    named = (name,) if isinstance(name, str) and name else ()
    return Licence(deed, named + licence_names(licence_of_url(deed) if deed else None))


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    deed = f" and link to its deed {params.deed_url}" if params.deed_url else ""
    return f"Name the licence ({params.license or 'as stated'}){deed}"


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """The licence is named and linked to its deed (and its terms repeated when asked)."""
    from ..terms.licences import licence_of_url

    found = licence(ctx, params)
    deed, names = found.deed, found.names
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
    other_deeds = [lk for lk in web_links if licence_of_url(lk.href) and lk not in linked]
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
