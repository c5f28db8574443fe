"""Terms as the labelled-notice summary: the fields `rules detect --format json` prints.

The vocabulary is the one of the labelled notices (../shared/data/disclaimers/README.md):
``republishing``, ``venues_allowed``, ``venues_needing_permission``, ``uses_needing_permission``,
``requires`` (one entry per element), ``forbids`` and ``contact``. A notice read from the original
maps onto it directly; a catalogued rule file is translated from its venues and requirements.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, TypeVar

from ..checks import commerce as commerce_kind
from ..checks import excerpt_limit, license_notice, link_to_original, params_of, placement
from ..model import Requirement, Terms
from ..params import KindParams
from .notice import Notice, Requires
from .venues import label_venues, model_venues, open_sites

P = TypeVar("P", bound=KindParams)

__all__ = ["notice_summary", "terms_summary"]


def notice_summary(notice: Notice) -> dict[str, Any]:
    """The fields of a notice read from the original, in the labels' vocabulary."""
    return {
        "republishing": notice.republishing,
        "venues_allowed": list(notice.venues_allowed),
        "venues_needing_permission": list(notice.venues_needing_permission),
        "uses_needing_permission": list(notice.uses_needing_permission),
        "requires": asdict(notice.requires),
        "forbids": list(notice.forbids),
        "contact": notice.contact,
    }


def _licence_id(name: str) -> str:
    """``CC BY-NC-ND 4.0`` -> ``cc-by-nc-nd-4.0``; any other wording -> ``cc-unspecified``."""
    words = name.replace("(", " ").replace(")", " ").split()
    if len(words) >= 2 and words[0].upper() == "CC":
        return "-".join(["cc", *(w.lower() for w in words[1:])])
    return "cc-unspecified"


def _typed(req: Requirement | None, cls: type[P]) -> P | None:
    """The requirement's parameters as its kind's ``Params`` (None when there is no such rule)."""
    if req is None:
        return None
    params = params_of(req)
    if not isinstance(params, cls):
        raise TypeError(f"requirement {req.id!r} has {type(params).__name__}, not {cls.__name__}")
    return params


def _same_sites(terms: Terms, notice: Notice, status: str) -> bool:
    """Whether the rule, whose own status is ``status``, and the original's own notice open the
    same kinds of site. Where both open none, the notice must also state the rule's status:
    "may not be published" is no wording of a rule that asks for permission, it disagrees."""
    if notice.republishing is None:
        return False
    if notice.republishing in ("permission-required", "forbidden"):
        if notice.republishing != status:
            return False
        read: frozenset[str] = frozenset()
    else:
        venues = model_venues(notice.venues_allowed, notice.venues_needing_permission)
        read = open_sites(venues)
    return read == open_sites(terms.venues, terms.licensed)


def terms_summary(terms: Terms, notice: Notice | None = None) -> dict[str, Any]:
    """The fields a catalogued rule file states, in the labels' vocabulary.

    A rule file knows four kinds of site, the labels many more venues. With ``notice`` (the
    original's own notice) that opens the same kinds of site as the rule, the venues are worded
    as the notice words them ("community internet sites" for the rule's community and nonprofit
    sites). The status is always the rule's own: a notice saying "may not be published" under
    a rule that asks for permission is a disagreement to report, not a wording of the rule.
    """
    kinds = {r.kind: r for r in terms.requirements}
    link = _typed(kinds.get("link_to_original"), link_to_original.Params)
    excerpt = _typed(kinds.get("excerpt_limit"), excerpt_limit.Params)  # "then link to the full"
    linked = link is not None or bool(excerpt and excerpt.require_full_link)
    placed = {
        str(p.element)
        for r in terms.requirements
        if r.kind == "placement" and (p := _typed(r, placement.Params)) is not None
    }
    licence = _typed(kinds.get("license_notice"), license_notice.Params)
    proximity = kinds.get("proximity")
    commerce = _typed(kinds.get("commerce"), commerce_kind.Params)
    requires = Requires(
        credit_source="credit_source" in kinds or bool(placed & {"source", "credit"}),
        copyright_notice="copyright_notice" in kinds,
        byline="byline" in kinds,
        link_to_original=(
            ("home" if link and link.target == "home" else "article") if linked else None
        ),
        license_notice=_licence_id(licence.license or "") if licence else None,
        no_modification="no_modification" in kinds,
        keep_links="keep_links" in kinds,
        tracking_pixel="tracking_pixel" in kinds,
        together=proximity is not None,
    )
    if not open_sites(terms.venues, terms.licensed):
        # No licence, or one only for those who hold a separate grant (wire subscribers).
        forbidden = bool(terms.venues) and set(terms.venues.values()) == {"forbidden"}
        status = "forbidden" if forbidden else "permission-required"
        allowed, needing = [], [] if forbidden else ["any"]
        requires = Requires()
    else:
        status = "allowed-with-conditions" if requires.any() else "allowed"
        allowed = label_venues(terms.venues, "allowed") or ["any"]
        needing = label_venues(terms.venues, "permission")
    if notice is not None and _same_sites(terms, notice, status):
        allowed = list(notice.venues_allowed)
        needing = list(notice.venues_needing_permission)
    forbids = []
    if commerce is not None and commerce.no_selling:
        forbids.append("selling")
    if commerce is not None and commerce.no_ads:
        forbids.append("ads-targeted")
    if requires.no_modification:
        forbids.append("edits")
    return {
        "republishing": status,
        "venues_allowed": allowed,
        "venues_needing_permission": needing,
        "uses_needing_permission": [],
        "requires": asdict(requires),
        "forbids": forbids,
        "contact": terms.contact,
    }
