"""Terms in plain words: what each requirement demands, and why terms were chosen.

Used by ``compliance rules show`` and ``rules detect``, and available to reports, so a reader
who never opens a YAML file still learns what a publisher asks for.
"""

from __future__ import annotations

from ..model import Requirement, Terms, TermsChoice

__all__ = ["describe_requirement", "describe_terms", "explain_choice"]


def describe_requirement(req: Requirement) -> str:
    """One sentence saying what ``req`` demands: its kind's own words for its parameters."""
    from ..checks import get, params_of

    words: str = get(req.kind).describe(params_of(req))
    return words.rstrip(".") + "."


def describe_terms(terms: Terms) -> list[str]:
    """Plain-words lines for ``compliance rules show``."""
    lines = [f"{terms.name} ({terms.id})"]
    if terms.publisher:
        lines.append(f"Publisher: {terms.publisher}")
    if terms.url:
        lines.append(f"Published at: {terms.url}")
    lines.append(f"Rule file: {terms.source}")
    if not terms.licensed:
        lines.append("No licence is offered: only a grant or fair use can cover a copy.")
    lines.append(f"Nature of the work: {terms.nature}")
    lines.append("")
    lines.append(f"What the terms say: {terms.clauses.get('main', '')}")
    if terms.venues:
        lines.append("")
        lines.append("Where it may appear:")
        lines.extend(f"  {venue}: {policy}" for venue, policy in terms.venues.items())
    if terms.contact:
        lines.append(f"Ask for permission: {terms.contact}")
    lines.append("")
    lines.append("What a copy must do:")
    for req in terms.requirements:
        lines.append(f"  [{req.severity}] {req.id}: {describe_requirement(req)}")
        if req.message:
            lines.append(f"      {req.message}")
    detect = terms.detect
    if detect.domains or detect.phrases or detect.license_urls:
        lines.append("")
        lines.append("Recognised by:")
        lines.extend(f"  address on {d}" for d in detect.domains)
        lines.extend(f'  the words "{p}"' for p in detect.phrases)
        lines.extend(f"  a licence link to {u}" for u in detect.license_urls)
    return lines


def explain_choice(choice: TermsChoice) -> str:
    """Why these terms were applied, in one sentence."""
    detail = choice.detail
    return {
        "flag": f"chosen explicitly with --terms {detail}",
        "config": f"the project config maps {detail} to these terms",
        "domain": f"the original's address is on {detail}",
        "phrase": f'the original contains "{detail}" (match score {choice.score})',
        "notice": f'the original\'s own notice states its terms: "{detail}"',
        "license": f"the original links to its licence {detail}",
        "default": "no terms were recognised in the original, so all rights are reserved",
    }.get(choice.reason, f"{choice.reason}: {detail}")
