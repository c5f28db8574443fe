"""Terms in plain words: what each requirement demands, and why terms were chosen.

Used by ``compliance rules show`` and ``rules detect``, and available to reports, so a reader
who never opens a YAML file still learns what a publisher asks for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import Requirement, Terms, TermsChoice

__all__ = ["describe_requirement", "describe_terms", "explain_choice"]

_WHERE = {"top": "at the top of the story", "byline": "in the byline", "end": "at the end"}
_TARGET = {
    "article": "Link to the original article itself (its own address, not the home page)",
    "home": "Link to the publisher's home page or to the original article",
    "not_pdf": "Link to the original on the web (a link to a PDF copy does not count)",
}


def _words(items: Any) -> str:
    values = [str(v).replace("_", " ") for v in (items or [])]
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " and " + values[-1]


def _credit(p: dict[str, Any]) -> str:
    text = "Credit the source by name"
    if p.get("template"):
        text = f'Credit the source with the exact words "{p["template"]}"'
    if p.get("edited_template"):
        text += f'; an edited copy uses "{p["edited_template"]}"'
    return text


def _no_modification(p: dict[str, Any]) -> str:
    allowed = _words(p.get("tolerance"))
    text = "Do not change the text"
    if allowed:
        text += f" (changes of {allowed} are tolerated)"
    return text + ("; the headline must stay as published" if p.get("headline") else "")


def _excerpt(p: dict[str, Any]) -> str:
    limits = []
    if p.get("max_words"):
        limits.append(f"{p['max_words']} words")
    if p.get("max_paragraphs"):
        limits.append(f"{p['max_paragraphs']} paragraphs")
    text = "Republish only an excerpt" + (f" of at most {' or '.join(limits)}" if limits else "")
    return text + (", followed by a link to the full article" if p.get("require_full_link") else "")


def _commerce(p: dict[str, Any]) -> str:
    parts = []
    if p.get("no_selling"):
        parts.append("do not sell the story")
    if p.get("no_ads"):
        parts.append("do not sell advertising against it")
    if p.get("paywall") is False:
        parts.append("do not put it behind a paywall")
    return (_words(parts) or "No commercial restriction").capitalize()


def _timing(p: dict[str, Any]) -> str:
    parts = []
    if p.get("min_delay_hours"):
        parts.append(f"wait {p['min_delay_hours']} hours after the original appeared")
    if p.get("max_retention_days"):
        parts.append(f"take the copy down after {p['max_retention_days']} days")
    return (_words(parts) or "No timing restriction").capitalize()


_KIND_WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "credit_source": _credit,
    "copyright_notice": lambda p: (
        "Acknowledge the copyright holder in a copyright notice"
        + (" (with the original's year)" if p.get("year") else "")
    ),
    "byline": lambda p: (
        "Name the author"
        + (" together with the author's institution" if p.get("institution") else "")
    ),
    "license_notice": lambda p: (
        f"Name the licence ({p.get('license', 'as stated')})"
        + (f" and link to its deed {p['deed_url']}" if p.get("deed_url") else "")
    ),
    "link_to_original": lambda p: _TARGET.get(str(p.get("target", "article")), _TARGET["article"]),
    "keep_links": lambda p: "Keep the links that appear inside the story",
    "no_modification": _no_modification,
    "disclose_changes": lambda p: (
        'Say so when the story was changed (e.g. "additional reporting by ...")'
    ),
    "excerpt_limit": _excerpt,
    "tracking_pixel": lambda p: "Keep the original's tracking image (pixel) in online copies",
    "media": lambda p: (
        "Keep every image and embed of the original"
        if p.get("images") == "required"
        else "Leave out the original's images unless separately licensed"
    ),
    "placement": lambda p: (
        f"Put the {p.get('element', 'credit')} "
        f"{_WHERE.get(str(p.get('where')), 'where the terms say')}"
    ),
    "proximity": lambda p: (
        f"Keep the {_words(p.get('elements'))} together, "
        f"within {p.get('within_chars', '?')} characters of each other"
    ),
    "venue": lambda p: "Republish only where the terms allow for your kind of site",
    "commerce": _commerce,
    "timing": _timing,
    "advisory": lambda p: "A request of the publisher (reported, never a violation)",
}


def describe_requirement(req: Requirement) -> str:
    """One sentence saying what ``req`` demands, from its kind and parameters."""
    say = _KIND_WORDS.get(req.kind)
    words = say(req.params) if say is not None else req.kind.replace("_", " ")
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
