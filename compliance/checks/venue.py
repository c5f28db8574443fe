"""venue: the kind of site republishing the story is one the terms allow.

``ctx.venue`` (community, nonprofit, commercial, print; from the project config) is looked up in
the terms' venues. ``allowed`` passes; ``permission`` passes only with a valid grant for the
copy's site; ``forbidden`` fails. A venue that is not configured, or that the terms do not list,
passes when the terms allow some venue (they say nothing against it), but needs permission when
they allow none (wire copy: every publisher needs a licence, whatever kind of site it is).

The verdict applies this policy (``compliance.verdict``), since a grant or fair use can stand in
for a permission and a forbidden venue settles the verdict before any credit does; a ``venue``
requirement names the rule id, clause, message and severity of the finding the verdict adds, so
its own check finds nothing and no finding is ever made twice.

PASS (venues {community: allowed, commercial: permission})::

    >>> from compliance.verdict import Facts, decide
    >>> decide(Facts(copied=True, licensed=True, venue="allowed")).verdict
    'compliant'
    >>> decide(Facts(copied=True, licensed=True, venue="permission", granted=True)).verdict
    'compliant'

FAIL (no grant; a forbidden venue)::

    >>> decide(Facts(copied=True, licensed=True, venue="permission")).verdict
    'needs-permission'
    >>> decide(Facts(copied=True, licensed=True, venue="forbidden")).verdict
    'violations'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..documents.urls import domain
from ..model import CheckContext, Evidence, Finding, Grant, Requirement
from ..params import KindParams
from ._names import own_rule_publisher

KIND = "venue"


@dataclass(frozen=True)
class Params(KindParams, kind=KIND):
    """``venue`` takes no parameters: the policy is the terms' ``venues``."""


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
        return f"a {ctx.venue} site needs permission to republish"
    kind = f"a {ctx.venue} site" if ctx.venue else "any site (no venue is configured)"
    return f"the terms allow no venue without a licence, so {kind} needs permission"


def evidence(ctx: CheckContext) -> Evidence:
    """The venue and its policy, as a finding's evidence."""
    return Evidence(document="copy", note=f"venue {ctx.venue or 'unknown'}: {policy(ctx)}")


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    return "Republish only where the terms allow for your kind of site"


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """Nothing: the verdict applies the venue policy and reports it under this requirement."""
    return []
