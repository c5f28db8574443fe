"""The requirement kinds: one module each, a closed set, and the engine that runs them.

Every module declares ``KIND``, ``Params`` (a frozen dataclass of its typed, validated
parameters with their defaults and help text; see compliance/params.py) and a pure
``check(ctx, req, params) -> list[Finding]``; its docstring gives PASS and FAIL examples, which
run as doctests. ``run_checks`` runs every requirement of ``ctx.terms`` and stamps each finding
with the full rule id ("<terms id>/<requirement id>"), the clause it enforces and the
requirement's own message (put before what the check saw), so checks stay small and know nothing
of rule files.

Example:
    >>> from compliance.checks import get
    >>> get("link_to_original").Params()
    Params(target='article')
"""

from __future__ import annotations

from dataclasses import replace
from types import ModuleType

from ..model import CheckContext, Finding, Requirement
from ..params import KindParams
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

__all__ = ["KINDS", "get", "params_of", "run_checks", "run_requirement", "stamp"]

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


def params_of(req: Requirement) -> KindParams:
    """The requirement's parameters: its own, or its kind's defaults when it has none.

    Raises:
        TypeError: the parameters are another kind's (a programming error, not a rule file's).
    """
    module = get(req.kind)
    cls: type[KindParams] = module.Params
    if req.params is None:
        return cls()
    if not isinstance(req.params, cls):
        raise TypeError(
            f"requirement {req.id!r} ({req.kind}) has {req.params.KIND or 'untyped'} parameters"
        )
    return req.params


def run_requirement(ctx: CheckContext, req: Requirement) -> list[Finding]:
    """The findings of one requirement, stamped with rule id, clause and message override."""
    return [stamp(ctx, req, f) for f in get(req.kind).check(ctx, req, params_of(req))]


def stamp(ctx: CheckContext, req: Requirement, finding: Finding) -> Finding:
    """``finding`` with the full rule id, the clause it enforces and the requirement's message."""
    message = finding.message
    if req.message and finding.outcome not in _UNCHECKABLE:
        message = f"{req.message.rstrip('. ')}: {finding.message}"
    rule_id = f"{ctx.terms.id}/{req.id}"
    clause = ctx.terms.clauses.get(req.clause or "main", "")
    return replace(finding, rule_id=rule_id, kind=req.kind, clause=clause, message=message)


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
