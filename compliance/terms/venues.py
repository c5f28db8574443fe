"""The venue vocabulary of the labelled notices, and every mapping into and out of it.

Three readers speak of venues: the notice reader (phrases in rules/notices/ name label tokens),
rule files (four model venues, each ``allowed`` or ``permission``) and the labels of
``../shared/data/disclaimers`` (README: LABEL CONVENTIONS). This module is the one place that
translates between them, so the conventions are written down once:

- a venue named in a notice is allowed or needs permission as the sentence says;
- a price-based reservation implies its free complement: ``paywalled`` sites needing permission
  means ``free-online`` ones may republish (``paid-print``: ``free-print``);
- a non-commercial Creative Commons licence (`licence_venues`) allows ``non-commercial`` use
  unless the notice's own words grant ``any`` medium, and reserves ``commercial`` use only when
  the licence is the whole grant (a notice with its own granting sentence says in words what it
  reserves, and the labels follow its words).

Example:
    >>> settle([], ["paywalled"], licence=None, own_grant=True)
    (('free-online',), ('paywalled',))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..model import VENUES

__all__ = [
    "MODEL_VENUES",
    "SITES",
    "VENUE_TOKENS",
    "label_venues",
    "licence_venues",
    "model_venues",
    "open_sites",
    "settle",
]

VENUE_TOKENS = (
    "any",
    "online",
    "print",
    "community",
    "non-commercial",
    "commercial",
    "nonprofit",
    "news-organization",
    "newsletter",
    "paywalled",
    "free-access",
    "ad-supported-sites",
    "outside-us",
    "free-online",
    "free-print",
    "paid-print",
)
MODEL_VENUES: tuple[str, ...] = VENUES  # the kinds of republishing site the model knows
# Label token -> the model venues (kinds of republishing site) it names.
SITES: Mapping[str, tuple[str, ...]] = {
    "any": MODEL_VENUES,
    "online": ("community", "nonprofit", "commercial"),
    "community": ("community",),
    "non-commercial": ("community", "nonprofit"),
    "nonprofit": ("nonprofit",),
    "commercial": ("commercial",),
    "print": ("print",),
    "free-print": ("print",),
    "paid-print": ("print",),
    "free-access": ("community", "nonprofit"),
    "free-online": ("community", "nonprofit"),
    "ad-supported-sites": ("community", "nonprofit", "commercial"),
    "news-organization": ("community", "nonprofit", "commercial"),
}
# A reserved paid venue -> the free venue its reservation leaves open.
_FREE_COMPLEMENT: Mapping[str, str] = {"paywalled": "free-online", "paid-print": "free-print"}


def _ordered(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def licence_venues(
    licence: str | None, named: Iterable[str], own_grant: bool
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The venues (allowed, needing permission) a Creative Commons licence adds to a notice.

    ``named`` are the venues the notice's own words allowed; ``own_grant`` is whether it has a
    granting sentence besides the licence line. Only a non-commercial licence adds any.
    """
    if licence is None or "-nc" not in licence:
        return (), ()
    allowed = () if "any" in named else ("non-commercial",)
    return allowed, () if own_grant else ("commercial",)


def settle(
    allowed: Iterable[str], needing: Iterable[str], *, licence: str | None, own_grant: bool
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The final (allowed, needing permission) label sets of a notice that grants republishing.

    ``allowed`` and ``needing`` are the venues its sentences named; the licence's venues and
    the conventions of the module docstring are applied here.
    """
    allowed, needing = list(allowed), list(needing)
    extra_allowed, extra_needing = licence_venues(licence, allowed, own_grant)
    allowed += extra_allowed
    needing += extra_needing
    if not allowed:
        allowed = [_FREE_COMPLEMENT[v] for v in needing if v in _FREE_COMPLEMENT] or ["any"]
    if "commercial" in allowed:
        needing = [v for v in needing if v != "commercial"]
    return _ordered(allowed), _ordered(needing)


def model_venues(allowed: Iterable[str], needing: Iterable[str]) -> dict[str, str]:
    """Label venues -> a rule file's ``venues``: each model venue ``allowed`` or ``permission``."""
    opened = {v for t in allowed for v in SITES.get(t, ())}
    reserved = {v for t in needing for v in SITES.get(t, ())}
    venues = {v: "allowed" for v in MODEL_VENUES if v in opened and v not in reserved}
    venues.update({v: "permission" for v in MODEL_VENUES if v not in venues})
    return venues


def open_sites(venues: Mapping[str, str], licensed: bool = True) -> frozenset[str]:
    """The model venues a rule file's ``venues`` let republish without asking (none when the
    terms offer no licence; every one when a licence names no venue)."""
    if not licensed:
        return frozenset()
    if not venues:
        return frozenset(MODEL_VENUES)
    return frozenset(v for v, p in venues.items() if p == "allowed")


def label_venues(venues: Mapping[str, str], policy: str) -> list[str]:
    """A rule file's ``venues`` with ``policy`` as label tokens (every venue allowed: ``any``;
    community and nonprofit sites: ``non-commercial``)."""
    sites = [v for v, p in venues.items() if p == policy]
    if policy == "allowed" and len(sites) == len(venues) and venues:
        return ["any"]
    if policy == "allowed" and set(sites) == {"community", "nonprofit"}:
        return ["non-commercial"]
    return sites
