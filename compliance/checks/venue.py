"""venue: the kind of site republishing the story is one the terms allow.

``ctx.venue`` (community, nonprofit, commercial, print; from the project config) is looked up in
the terms' venues. ``allowed`` passes; ``permission`` passes only with a valid grant for the
copy's site; ``forbidden`` fails. A venue that is not configured, or that the terms do not list,
passes when the terms allow some venue (they say nothing against it), but needs permission when
they allow none (wire copy: every publisher needs a licence, whatever kind of site it is).

PASS (venues {community: allowed, commercial: permission})::

    venue community
    venue commercial with a grant for the site, not expired

FAIL::

    venue commercial, no grant          (needs-permission: names the contact)
    no venue configured, under {community: permission, commercial: permission}  (needs-permission)
    venue print under {print: forbidden} (forbidden)
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..documents.urls import domain
from ..model import CheckContext, Evidence, Finding, Grant, Requirement
from . import _text

KIND = "venue"
OPTIONS: dict[str, Any] = {}
DEFAULTS: dict[str, Any] = {}


def grant_expired(grant: Grant, today: str) -> bool:
    """True when the grant has an end date before ``today`` (ISO dates)."""
    if not grant.expires or not today:
        return False
    try:
        return date.fromisoformat(grant.expires[:10]) < date.fromisoformat(today[:10])
    except ValueError:
        return False


def matching_grants(ctx: CheckContext) -> list[Grant]:
    """Grants for this copy's site and these terms, expired or not."""
    if not ctx.copy_site:
        return []
    site = domain(ctx.copy_site)
    return [g for g in ctx.grants if domain(g.site) == site and g.terms == ctx.terms.id]


def valid_grant(ctx: CheckContext) -> Grant | None:
    """A grant that covers this copy today, if any."""
    for grant in matching_grants(ctx):
        if not grant_expired(grant, ctx.today):
            return grant
    return None


def ask(ctx: CheckContext) -> str:
    """Where to ask for permission."""
    return ctx.terms.contact or ctx.terms.publisher or ctx.terms.name


def policy(ctx: CheckContext) -> str | None:
    """The terms' policy for the copy's venue: ``allowed``, ``permission``, ``forbidden`` or None.

    A venue the terms do not name (or none configured) needs permission when the terms allow no
    venue at all, and is unknown (None) otherwise.
    """
    venues = ctx.terms.venues
    if ctx.venue and ctx.venue in venues:
        return venues[ctx.venue]
    if venues and "allowed" not in venues.values():
        return "permission"
    return None


def reason(ctx: CheckContext) -> str:
    """Why the copy's venue needs permission, in the words of a finding."""
    if ctx.venue and ctx.venue in ctx.terms.venues:
        return f"the terms require permission to republish on a {ctx.venue} site"
    kind = f"a {ctx.venue} site" if ctx.venue else "any site (no venue is configured)"
    return f"the terms allow no venue without a licence, so {kind} needs permission"


def problem(ctx: CheckContext) -> tuple[str, str, str] | None:
    """``(message, outcome, fix)`` when the copy's venue is forbidden, or needs a permission
    that no valid grant gives; None when the venue is allowed or unknown."""
    found = policy(ctx)
    if found == "forbidden":
        return (
            f"the terms forbid republishing on a {ctx.venue} site",
            "forbidden",
            "take the copy down",
        )
    if found == "permission" and valid_grant(ctx) is None:
        return (
            f"{reason(ctx)}; ask {ask(ctx)}",
            "needs-permission",
            f"ask {ask(ctx)} for permission and record the grant in compliance.yaml",
        )
    return None


def evidence(ctx: CheckContext) -> Evidence:
    """The venue and its policy, as a finding's evidence."""
    return Evidence(document="copy", note=f"venue {ctx.venue or 'unknown'}: {policy(ctx)}")


def check(ctx: CheckContext, req: Requirement) -> list[Finding]:
    """The venue is allowed, or permitted by a valid grant."""
    found = problem(ctx)
    if found is None:
        return []
    message, outcome, fix = found
    return [_text.finding(req, message, outcome=outcome, evidence=[evidence(ctx)], fix=fix)]
