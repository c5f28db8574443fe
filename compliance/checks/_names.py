"""The names a credit may use for a publication: its name, short forms, domain and initials.

A copy credits "The Hill" as "TheHill", "The Hill" or "thehill.com", and the Associated Press as
"AP"; a check that demands the one spelling in the original's metadata accuses compliant copies.
`name_variants` lists the forms of one name; `own_rule_publisher` says when a rule file's
publisher is the original's publisher (so never another publisher's label is demanded).

Example:
    >>> name_variants("Associated Press")
    ['Associated Press', 'AP']
    >>> name_variants("thehill.com")
    ['thehill.com', 'thehill']
"""

from __future__ import annotations

import re

from ..documents.urls import domain, host_matches
from ..model import CheckContext

__all__ = ["credit_names", "name_variants", "own_rule_publisher"]

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_HOSTLIKE = re.compile(r"^(?:www\.)?([a-z0-9-]+)\.[a-z.]{2,}$", re.IGNORECASE)
# Words left out of initials ("The Associated Press" -> AP, "Agence France-Presse" -> AFP).
_MINOR = {"the", "of", "and", "for", "a", "an", "de", "la", "le", "el", "der", "die", "das"}
_MIN_ACRONYM_WORDS = 2


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-–]+", name) if w and w.lower() not in _MINOR]
    if len(words) < _MIN_ACRONYM_WORDS or not all(w[0].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def name_variants(name: str) -> list[str]:
    """``name`` and the other spellings a credit of it may use."""
    variants = [name]
    split = _CAMEL.sub(" ", name)
    if split != name and " " not in name:
        variants.append(split)  # "TheHill" -> "The Hill"
    host = _HOSTLIKE.match(name.strip())
    if host:
        variants.append(host.group(1))  # "thehill.com" -> "thehill" (also finds "TheHill")
    initials = _initials(name)
    if initials:
        variants.append(initials)  # matched case-sensitively, as acronyms are written
    return list(dict.fromkeys(variants))


def own_rule_publisher(ctx: CheckContext) -> bool:
    """True when the terms are the original's publisher's own rule file.

    Its ``publisher`` may then stand for the source when the page names none. A licence's or a
    formula's steward (Creative Commons, "a news agency") and another publisher's rule never do.
    """
    terms = ctx.terms
    if not terms.licensed or not terms.publisher or not terms.detect.domains:
        return False
    url = ctx.original.meta.canonical_url or ctx.attribution.url or ""
    host = domain(url) if url else ""
    return any(host_matches(host, d) for d in terms.detect.domains)


def credit_names(ctx: CheckContext) -> list[str]:
    """Names a credit may use: the source, the publisher, the site name and the original's
    domain, each with its variants; the terms' publisher only when it is the original's."""
    candidates = [ctx.attribution.source, ctx.attribution.publisher, ctx.original.meta.site_name]
    if own_rule_publisher(ctx):
        candidates.append(ctx.terms.publisher)
    url = ctx.original.meta.canonical_url or ctx.attribution.url
    if candidates and any(candidates) and url:
        candidates.append(domain(url))
    names: list[str] = []
    for name in candidates:
        for variant in name_variants(name) if name else ():
            if variant.casefold() not in {n.casefold() for n in names}:
                names.append(variant)
    return names
