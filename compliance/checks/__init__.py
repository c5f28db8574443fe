"""The requirement kinds: one module each, a closed set, and the engine that runs them.

Every module declares ``KIND``, ``OPTIONS`` (parameter -> type, or a tuple of allowed values),
``DEFAULTS`` and a pure ``check(ctx, req) -> list[Finding]``; its docstring gives PASS and FAIL
examples. ``run_checks`` runs every requirement of ``ctx.terms`` and stamps each finding with the
full rule id ("<terms id>/<requirement id>"), the clause it enforces and the requirement's own
message (put before what the check saw), so checks stay small and know nothing of rule files.

Example:
    >>> from compliance.checks import get
    >>> get("link_to_original").OPTIONS
    {'target': ('article', 'home', 'not_pdf')}
"""

from __future__ import annotations

from dataclasses import replace
from types import ModuleType

from ..model import CheckContext, Finding, Requirement
from . import (
    advisory,
    byline,
    commerce,
    copyright_notice,
    credit_source,
    disclose_changes,
    excerpt_limit,
    keep_links,
    license_notice,
    link_to_original,
    media,
    no_modification,
    placement,
    proximity,
    timing,
    tracking_pixel,
    venue,
)

__all__ = ["KINDS", "get", "run_checks", "run_requirement"]

KINDS: dict[str, ModuleType] = {
    m.KIND: m
    for m in (
        credit_source,
        copyright_notice,
        byline,
        license_notice,
        link_to_original,
        keep_links,
        no_modification,
        disclose_changes,
        excerpt_limit,
        tracking_pixel,
        media,
        placement,
        proximity,
        venue,
        commerce,
        timing,
        advisory,
    )
}


def get(kind: str) -> ModuleType:
    """The module implementing ``kind``.

    Raises:
        KeyError: ``kind`` is unknown; the message lists the known kinds.
    """
    try:
        return KINDS[kind]
    except KeyError:
        raise KeyError(
            f"unknown requirement kind {kind!r} (expected one of {', '.join(KINDS)})"
        ) from None


def run_requirement(ctx: CheckContext, req: Requirement) -> list[Finding]:
    """The findings of one requirement, stamped with rule id, clause and message override."""
    module = get(req.kind)
    rule_id = f"{ctx.terms.id}/{req.id}"
    clause = ctx.terms.clauses.get(req.clause or "main", "")
    stamped = []
    for f in module.check(ctx, req):
        message = f.message
        if req.message and f.outcome not in _UNCHECKABLE:
            message = f"{req.message.rstrip('. ')}: {f.message}"
        stamped.append(replace(f, rule_id=rule_id, kind=req.kind, clause=clause, message=message))
    return stamped


# Outcomes that say a requirement could not be checked (an advisory never can be: it carries the
# requirement's own words already); their own message is kept.
_UNCHECKABLE = frozenset(
    {"source-unknown", "holder-unknown", "author-unknown", "url-unknown", "license-unknown",
     "date-unknown", "advisory"}
)  # fmt: skip


def run_checks(ctx: CheckContext) -> list[Finding]:
    """Every requirement of ``ctx.terms`` checked against the copy, findings sorted."""
    findings = [f for req in ctx.terms.requirements for f in run_requirement(ctx, req)]
    return sorted(findings, key=Finding.sort_key)
