"""One verdict for a pair already known to be a copy: licence, venue, grants, fair use, findings.

The order mirrors how a syndication desk reasons:

1. A valid grant (for this site and these terms, not expired) stands in for permission.
   A matching grant past its end date is a finding of its own.
2. Licensed terms: a venue the terms forbid is a violation; a venue that needs permission,
   without a valid grant, is ``needs-permission`` and the finding names whom to ask.
3. All-rights-reserved terms (``Terms.licensed`` false) without a valid grant: fair use decides;
   ``likely-fair-use`` stands, anything else is ``needs-permission``.
4. Otherwise any finding at severity error makes ``violations``; none makes ``compliant``.
"""

from __future__ import annotations

from collections.abc import Sequence

from .checks import venue
from .checks.venue import ask, grant_expired, matching_grants, valid_grant
from .model import CheckContext, Evidence, FairUse, Finding, Verdict

__all__ = ["decide"]


def _clause(ctx: CheckContext) -> str:
    return ctx.terms.clauses.get("main", "")


def _expired_findings(ctx: CheckContext, needed: bool) -> list[Finding]:
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
                clause=_clause(ctx),
                evidence=(Evidence(document="copy", note=f"grant ended {grant.expires}"),),
                fix=f"renew the grant with {ask(ctx)} and update its end date in compliance.yaml",
                outcome="grant-expired",
            )
        )
    return found


def _permission_finding(ctx: CheckContext, why: str, outcome: str) -> Finding:
    return Finding(
        rule_id=f"{ctx.terms.id}/permission",
        kind="venue",
        severity="error",
        message=f"{why}; ask {ask(ctx)}",
        clause=_clause(ctx),
        evidence=(Evidence(document="copy", note=f"venue {ctx.venue or 'unknown'}"),),
        fix=f"ask {ask(ctx)} for permission and record the grant in compliance.yaml",
        outcome=outcome,
    )


def _asks_permission(finding: Finding) -> bool:
    return finding.kind == "venue" and finding.outcome in ("needs-permission", "not-licensed")


def _has(findings: Sequence[Finding], outcome: str) -> bool:
    return any(f.kind == "venue" and f.outcome == outcome for f in findings)


def decide(
    ctx: CheckContext, findings: Sequence[Finding], fair_use: FairUse | None
) -> tuple[Verdict, list[Finding]]:
    """The verdict for a copy, and the findings with any venue or grant findings added."""
    out = list(findings)
    granted = valid_grant(ctx) is not None
    policy = venue.policy(ctx) if ctx.terms.licensed else None
    needs_permission = (not ctx.terms.licensed or policy == "permission") and not granted
    out += _expired_findings(ctx, needed=needs_permission)

    if ctx.terms.licensed and policy == "forbidden":
        found = venue.problem(ctx)
        if found is not None and not _has(out, "forbidden"):
            message, outcome, fix = found
            out.append(
                Finding(
                    rule_id=f"{ctx.terms.id}/venue",
                    kind="venue",
                    severity="error",
                    message=message,
                    clause=_clause(ctx),
                    evidence=(venue.evidence(ctx),),
                    fix=fix,
                    outcome=outcome,
                )
            )
        return "violations", out

    if ctx.terms.licensed and needs_permission:
        if not _has(out, "needs-permission"):
            why = venue.reason(ctx)
            out.append(_permission_finding(ctx, why, "needs-permission"))
        return "needs-permission", out

    if not ctx.terms.licensed and not granted:
        if fair_use is not None and fair_use.overall == "likely-fair-use":
            # Fair use stands in for the permission the venue check asked for.
            return "likely-fair-use", [f for f in out if not _asks_permission(f)]
        if not any(_asks_permission(f) for f in out):
            reading = fair_use.overall if fair_use is not None else "not assessed"
            why = f"no licence or grant covers this copy and fair use is {reading}"
            out.append(_permission_finding(ctx, why, "not-licensed"))
        return "needs-permission", out

    if any(f.severity == "error" for f in out):
        return "violations", out
    return "compliant", out
