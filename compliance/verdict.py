"""The verdict of a pair, decided in one place: the README's verdict table as ordered rules.

`decide` reads a few measured `Facts` and returns the first of `RULES` that applies, so the
whole table can be read (and tested) top to bottom. The order is how a syndication desk
reasons: nothing copied, nothing to judge; a venue the terms forbid, or one that needs
permission nobody gave, settles it before any credit line matters; where no licence is
offered only a grant or fair use covers a copy; a licence whose error-level conditions the copy
misses does not cover it, so fair use is read then too.

`judge` applies the chosen rule to a checked pair: it adds the findings the rule implies (the
venue or permission finding, an expired grant) and, where fair use covers the copy, turns
unmet licence conditions into advisories. Nothing else decides any part of the verdict.

Example:
    >>> decide(Facts(copied=True, licensed=True, errors=True)).verdict
    'violations'
    >>> decide(Facts(copied=True, licensed=False, fair_use="likely-fair-use")).verdict
    'likely-fair-use'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from .checks import stamp
from .checks.venue import ask, evidence, grant_expired, matching_grants, policy, reason, valid_grant
from .model import CheckContext, Evidence, FairUse, Finding, Requirement, Verdict

__all__ = ["RULES", "Facts", "Rule", "decide", "facts_of", "fair_use_matters", "judge"]


@dataclass(frozen=True)
class Facts:
    """What the verdict depends on, each measured before it is decided."""

    copied: bool  # an aligned passage, or containment at or above the threshold
    licensed: bool  # the terms offer a licence (false: all rights reserved)
    venue: str | None = None  # the terms' policy for the copy's venue: allowed, permission...
    granted: bool = False  # a grant for this site and these terms, not expired
    errors: bool = False  # a check found an error-level finding
    fair_use: str | None = None  # the four-factor reading's overall, when it was read


# What a rule adds to the findings: a venue finding with this outcome, or "fair-use" (unmet
# licence conditions become advisories, since fair use, not the licence, covers the copy).
Effect = Literal["forbidden", "needs-permission", "not-licensed", "fair-use"]


@dataclass(frozen=True)
class Rule:
    """One row of the verdict table: when it applies (in words and as a test), its verdict and
    what it adds to the findings."""

    verdict: Verdict
    when: str
    applies: Callable[[Facts], bool]
    effect: Effect | None = None


def _likely(f: Facts) -> bool:
    return f.fair_use == "likely-fair-use"


RULES: tuple[Rule, ...] = (
    Rule("not-a-copy", "nothing of the original was copied", lambda f: not f.copied),
    Rule(
        "violations",
        "the terms forbid the copy's venue",
        lambda f: f.licensed and f.venue == "forbidden",
        "forbidden",
    ),
    Rule(
        "needs-permission",
        "the copy's venue needs permission and no grant covers it",
        lambda f: f.licensed and f.venue == "permission" and not f.granted,
        "needs-permission",
    ),
    Rule(
        "likely-fair-use",
        "no licence is offered, no grant covers the copy, and fair use is likely",
        lambda f: not f.licensed and not f.granted and _likely(f),
    ),
    Rule(
        "needs-permission",
        "no licence is offered, no grant covers the copy, and fair use is not likely",
        lambda f: not f.licensed and not f.granted,
        "not-licensed",
    ),
    Rule(
        "likely-fair-use",
        "the copy misses an error-level condition, so no licence covers it, and fair use is likely",
        lambda f: f.errors and _likely(f),
        "fair-use",
    ),
    Rule("violations", "the copy misses an error-level requirement", lambda f: f.errors),
    Rule("compliant", "the copy meets every error-level requirement", lambda f: True),
)


def decide(facts: Facts) -> Rule:
    """The first rule of `RULES` that applies to ``facts`` (the last always does)."""
    return next(rule for rule in RULES if rule.applies(facts))


def fair_use_matters(ctx: CheckContext, findings: Sequence[Finding]) -> bool:
    """Whether the four factors must be read: wherever no licence covers the copy."""
    return not ctx.terms.licensed or any(f.severity == "error" for f in findings)


def facts_of(
    ctx: CheckContext, copied: bool, findings: Sequence[Finding], fair_use: FairUse | None
) -> Facts:
    """The facts of a checked pair."""
    return Facts(
        copied=copied,
        licensed=ctx.terms.licensed,
        venue=policy(ctx),
        granted=valid_grant(ctx) is not None,
        errors=any(f.severity == "error" for f in findings),
        fair_use=fair_use.overall if fair_use is not None else None,
    )


def judge(
    ctx: CheckContext, copied: bool, findings: Sequence[Finding], fair_use: FairUse | None
) -> tuple[Verdict, list[Finding]]:
    """The verdict of a checked pair, and its findings with those the verdict implies."""
    facts = facts_of(ctx, copied, findings, fair_use)
    rule = decide(facts)
    if rule.verdict == "not-a-copy":
        return rule.verdict, []
    needed = (not facts.licensed or facts.venue == "permission") and not facts.granted
    out = [*findings, *_expired_grants(ctx, needed)]
    if rule.effect == "fair-use":
        out = [_not_relied_on(f) for f in out]
    elif rule.effect is not None:
        out.append(_venue_finding(ctx, rule.effect, facts))
    return rule.verdict, out


def _venue_finding(ctx: CheckContext, outcome: Effect, facts: Facts) -> Finding:
    """The finding that says why the venue or the missing licence decided the verdict."""
    whom = ask(ctx)
    fix = f"ask {whom} for permission and record the grant in compliance.yaml"
    if outcome == "forbidden":
        message, fix = f"the terms forbid republishing on a {ctx.venue} site", "take the copy down"
    elif outcome == "needs-permission":
        message = f"{reason(ctx)}; ask {whom}"
    else:
        reading = facts.fair_use or "not assessed"
        message = f"no licence or grant covers this copy and fair use is {reading}; ask {whom}"
    req = _venue_requirement(ctx)
    finding = Finding(
        rule_id=req.id,
        kind="venue",
        severity=req.severity,
        message=message,
        evidence=(evidence(ctx),),
        fix=fix,
        outcome=outcome,
    )
    return stamp(ctx, req, finding)


def _venue_requirement(ctx: CheckContext) -> Requirement:
    """The terms' venue requirement (its id, clause and message), or a stand-in for terms
    that list venues without one."""
    found = next((r for r in ctx.terms.requirements if r.kind == "venue"), None)
    return found or Requirement(id="venue", kind="venue")


def _expired_grants(ctx: CheckContext, needed: bool) -> list[Finding]:
    """A finding for each grant for this site and terms that has ended."""
    found = []
    for grant in matching_grants(ctx):
        if not grant_expired(grant, ctx.today):
            continue
        reference = f" ({grant.reference})" if grant.reference else ""
        found.append(
            Finding(
                rule_id=f"{ctx.terms.id}/grant",
                kind="venue",
                severity="error" if needed else "warning",
                message=f"the grant for {grant.site}{reference} expired on {grant.expires}",
                clause=ctx.terms.clauses.get("main", ""),
                evidence=(Evidence(document="copy", note=f"grant ended {grant.expires}"),),
                fix=f"renew the grant with {ask(ctx)} and update its end date in compliance.yaml",
                outcome="grant-expired",
            )
        )
    return found


def _not_relied_on(finding: Finding) -> Finding:
    """A licence condition the copy need not meet, because fair use covers it: advisory only."""
    if finding.severity == "advisory":
        return finding
    return replace(
        finding,
        severity="advisory",
        message=f"{finding.message} (not required: the reuse is likely fair use, "
        "so the licence is not relied on)",
    )
