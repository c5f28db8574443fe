"""venue: the kind of site republishing the story is one the terms allow.

``ctx.venue`` (community, nonprofit, commercial, print; from the project config) is looked up in
the terms' venues. ``allowed`` passes; ``permission`` passes only with a valid grant for the
copy's site; ``forbidden`` fails. An unknown venue or one the terms do not list passes: the
terms say nothing against it.

PASS (venues {community: allowed, commercial: permission})::

    venue community
    venue commercial with a grant for the site, not expired

FAIL::

    venue commercial, no grant          (needs-permission: names the contact)
    venue print under {print: forbidden} (forbidden)
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..documents.urls import domain
from ..model import CheckContext, Evidence, Finding, Grant, Requirement
from . import _text
from ._names import own_rule_publisher

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
    """Where to ask for permission: the terms' contact, else the original's rights holder.

    A rule file's publisher is named only for its own articles: never a licence steward's label
    ("Creative Commons") or another publisher's name.
    """
    if ctx.terms.contact:
        return ctx.terms.contact
    if own_rule_publisher(ctx):
        return ctx.terms.publisher
    a = ctx.attribution
    return a.copyright_holder or a.publisher or a.source or "the copyright holder"


def problem(ctx: CheckContext) -> tuple[str, str, str] | None:
    """``(message, outcome, fix)`` when the copy's venue is forbidden, or needs a permission
    that no valid grant gives; None when the venue is allowed or unknown."""
    policy = ctx.terms.venues.get(ctx.venue) if ctx.venue else None
    if policy == "forbidden":
        return (
            f"the terms forbid republishing on a {ctx.venue} site",
            "forbidden",
            "take the copy down",
        )
    if policy == "permission" and valid_grant(ctx) is None:
        return (
            f"a {ctx.venue} site needs permission to republish; ask {ask(ctx)}",
            "needs-permission",
            f"ask {ask(ctx)} for permission and record the grant in compliance.yaml",
        )
    return None


def evidence(ctx: CheckContext) -> Evidence:
    """The venue and its policy, as a finding's evidence."""
    policy = ctx.terms.venues.get(ctx.venue or "")
    return Evidence(document="copy", note=f"venue {ctx.venue}: {policy}")


def check(ctx: CheckContext, req: Requirement) -> list[Finding]:
    """The venue is allowed, or permitted by a valid grant."""
    found = problem(ctx)
    if found is None:
        return []
    message, outcome, fix = found
    return [_text.finding(req, message, outcome=outcome, evidence=[evidence(ctx)], fix=fix)]
