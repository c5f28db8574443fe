"""What `compliance rules detect` reports: the terms that apply, why, and the clauses behind them.

One mapping, printed as JSON for machines (its field names and vocabulary are those of the
labelled notices, so `bench/notices.py` scores it directly) and as lines for people. When the
original's notice decides (its own terms, or a catalogued licence it names), the fields say what
the notice states, each quoted with offsets; when a publisher's rule file decides, what that
rule file states.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from ..model import Document, Terms, TermsChoice
from .describe import explain_choice
from .detect import NOTICE_TERMS_ID, contact_for
from .notice_rule import find_notice
from .summary import notice_summary, terms_summary

__all__ = ["detection", "detection_lines"]


def _rule_clauses(terms: Terms) -> list[dict[str, Any]]:
    """A catalogued rule's clause per requirement (its words, not the original's: no offsets)."""
    return [
        {
            "field": req.id,
            "sentence": terms.clauses.get(req.clause or "main", ""),
            "start": None,
            "end": None,
            "in": "rule",
        }
        for req in terms.requirements
    ]


def detection(
    original: Document, choice: TermsChoice, terms: Terms, *, own_notice: bool = True
) -> dict[str, Any]:
    """``choice`` and ``terms`` (from `resolve_terms`) as the labelled-notice fields, plus the
    terms id, the reason and the clauses; ``own_notice=False`` for the catalogue-only view."""
    notice, where = find_notice(original) if own_notice else (None, "")
    named = notice is not None and notice.requires.license_notice == choice.terms_id
    if notice is not None and (choice.terms_id == NOTICE_TERMS_ID or named):
        # The notice's own words (a licence it names is applied through its rule file).
        fields = notice_summary(notice)
        clauses = [{**asdict(c), "in": where} for c in notice.clauses]
        if where == "metadata":  # a fact of the page's markup: no offsets into a text
            clauses = [{**c, "start": None, "end": None} for c in clauses]
    else:
        fields = terms_summary(terms, notice)
        fields["contact"] = contact_for(original, terms) if own_notice else terms.contact
        clauses = _rule_clauses(terms)
    return {
        "terms_id": choice.terms_id,
        "terms_name": terms.name,
        "reason": choice.reason,
        "detail": choice.detail,
        "score": choice.score,
        "why": explain_choice(choice),
        **fields,
        "clauses": clauses,
    }


def detection_lines(result: Mapping[str, Any], origin: str) -> list[str]:
    """``detection`` in plain words, each clause quoted with its offsets."""
    lines = [
        f"original:     {origin}",
        f"terms:        {result['terms_id']} ({result['terms_name']})",
        f"why:          {result['why']}",
        f"republishing: {result['republishing']}",
    ]
    if result["venues_allowed"]:
        lines.append(f"venues:       {', '.join(result['venues_allowed'])}")
    if result["venues_needing_permission"]:
        lines.append(f"ask first:    {', '.join(result['venues_needing_permission'])}")
    required = [
        f"{name}={value}" if isinstance(value, str) else name
        for name, value in result["requires"].items()
        if value not in (False, None)
    ]
    if required:
        lines.append(f"requires:     {', '.join(required)}")
    if result["forbids"]:
        lines.append(f"forbids:      {', '.join(result['forbids'])}")
    if result["contact"]:
        lines.append(f"contact:      {result['contact']}")
    quoted = [c for c in result["clauses"] if c["start"] is not None or c["in"] == "metadata"]
    if quoted:
        lines.append("clauses:")
        for clause in quoted:
            where = clause["in"]
            if clause["start"] is not None:
                where += f" {clause['start']}-{clause['end']}"
            lines.append(f'  {clause["field"]} [{where}]: "{clause["sentence"]}"')
    return lines
