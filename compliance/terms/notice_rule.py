"""An original's own notice as a rule file: the same YAML a legal team writes by hand.

`rule_data` turns a `Notice` into the mapping of a rule file (rules/README.md), with each
requirement's clause quoting the notice's own sentence; `notice_terms` parses that mapping with
the rule-file loader, so derived terms pass exactly the validation a catalogued rule does, and
`rules show --from ORIGINAL` can write the file for the catalogue. The publisher and the
contact come from the original (its notice, its attribution facts), never from another rule.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..documents.regions import without_captions
from ..model import Attribution, Document, Terms
from .licences import deed_url, licence_names
from .metanotice import notice_from_meta, with_page_licence
from .notice import Clause, Notice, read_notice
from .schema import parse
from .venues import MODEL_VENUES, model_venues

__all__ = ["NOTICE_TERMS_ID", "find_notice", "notice_terms", "rule_data", "rule_yaml"]

NOTICE_TERMS_ID = "own-notice"
# Label requirement -> (requirement id, kind, parameters).
_REQUIREMENTS: dict[str, tuple[str, str, dict[str, Any]]] = {
    "credit_source": ("source-credit", "credit_source", {}),
    "copyright_notice": ("copyright-notice", "copyright_notice", {}),
    "byline": ("byline", "byline", {}),
    "link_to_original": ("link-to-original", "link_to_original", {}),
    "license_notice": ("license-notice", "license_notice", {}),
    "no_modification": ("no-modification", "no_modification", {}),
    "keep_links": ("keep-links", "keep_links", {}),
    "tracking_pixel": ("tracking-pixel", "tracking_pixel", {}),
}
_LINK_TARGET = {"article": "article", "home": "home", "any": "home"}  # home accepts the article


_GRANTS = ("allowed", "allowed-with-conditions")


def find_notice(doc: Document) -> tuple[Notice, str]:
    """The republishing notice of ``doc``: in its main text, else in its page furniture.

    The furniture's notice wins when the main text has none, or only reserves rights where the
    footer grants them (a "© X. All rights reserved" line kept in the text, the terms below).
    Captions are never read: their licence is a photo's. Returns the notice and which text its
    clause offsets index (``text`` or ``furniture``). When neither states a notice, the
    page's metadata may (schema.org ``license`` or ``copyrightHolder``, ``rel=license``):
    that notice quotes the metadata fact, ``metadata``, with no offsets into a text. A printed
    notice naming a licence loosely ("a Creative Commons licence") takes the exact licence of
    the page's deed link when the two agree.
    """
    notice, where = read_notice(without_captions(doc)), "text"
    if notice.republishing not in _GRANTS and doc.furniture:
        footer = read_notice(doc.furniture)
        if footer.republishing in _GRANTS or notice.republishing is None:
            notice, where = footer, "furniture"
    if notice.republishing is None:
        meta = notice_from_meta(doc.meta.license_url, doc.meta.rights)
        if meta.republishing is not None:
            return meta, "metadata"
    return with_page_licence(notice, doc.meta.license_url), where


def _venues(notice: Notice) -> dict[str, str]:
    if notice.republishing in ("permission-required", "forbidden"):
        policy = "forbidden" if notice.republishing == "forbidden" else "permission"
        return dict.fromkeys(MODEL_VENUES, policy)
    return model_venues(notice.venues_allowed, notice.venues_needing_permission)


def _clause_text(clause: Clause) -> str:
    return " ".join(clause.sentence.split())


def _quote(quoted: dict[str, str], key: str, clause: Clause) -> str:
    """The clause key quoting ``clause``'s sentence, adding it under ``key`` when new."""
    text = _clause_text(clause)
    known = next((k for k, v in quoted.items() if v == text), None)
    if known is None:
        quoted[key] = text
    return known or key


def rule_data(notice: Notice, attribution: Attribution, origin: str) -> dict[str, Any]:
    """The rule-file mapping for the terms ``notice`` states (see rules/README.md)."""
    publisher = attribution.publisher or attribution.source or attribution.copyright_holder
    clauses = {c.field: c for c in reversed(notice.clauses)}  # the first sentence of each field
    main = clauses.get("republishing")
    data: dict[str, Any] = {
        "id": NOTICE_TERMS_ID,
        "name": "Terms stated in the original's own notice",
    }
    if publisher:
        data["publisher"] = publisher
    if attribution.url:
        data["url"] = attribution.url
    data["licensed"] = notice.republishing in ("allowed", "allowed-with-conditions")
    quoted: dict[str, str] = {"main": _clause_text(main) if main else "(no notice found)"}
    requirements: list[dict[str, Any]] = []
    requires = notice.requires
    for name, (rid, kind, params) in _REQUIREMENTS.items():
        value = getattr(requires, name)
        if value in (False, None) or not data["licensed"]:
            continue
        entry: dict[str, Any] = {"id": rid, "kind": kind, **params}
        if name == "link_to_original":
            entry["target"] = _LINK_TARGET[str(value)]
        if name == "license_notice":
            names = licence_names(str(value))  # none for a public-domain mark
            if names:
                entry["license"] = names[0]
            deed = deed_url(str(value))
            if deed:
                entry["deed_url"] = deed
        clause = clauses.get(name)
        if clause is not None:
            entry["clause"] = _quote(quoted, rid, clause)
        requirements.append(entry)
    if data["licensed"] and requires.together:
        elements = [
            e
            for e, needed in (
                ("source", requires.credit_source),
                ("copyright", requires.copyright_notice),
                ("link", requires.link_to_original),
            )
            if needed
        ]
        if len(elements) >= 2:
            requirements.append(
                {
                    "id": "together",
                    "kind": "proximity",
                    "elements": elements,
                    "severity": "warning",  # as the catalogued cross-posting terms weigh it
                    "clause": _quote(quoted, "together", clauses["together"]),
                }
            )
    venues = _venues(notice)
    if data["licensed"] and any(policy != "allowed" for policy in venues.values()):
        venue_clause = next((c for f, c in clauses.items() if f.startswith("venue:")), None)
        entry = {"id": "venue", "kind": "venue"}
        if venue_clause is not None:
            entry["clause"] = _quote(quoted, "venues", venue_clause)
        requirements.append(entry)
    data["clauses"] = quoted
    data["venues"] = venues
    if notice.contact:
        data["contact"] = notice.contact
    data["requirements"] = requirements
    return data


def rule_yaml(data: dict[str, Any], origin: str) -> str:
    """``data`` as an editable rule file, headed by where it was read from."""
    header = (
        f"# Terms read from the republishing notice of {origin}.\n"
        "# Check every requirement against the quoted clause, then give the file its own id,\n"
        "# `detect.domains` and the publisher's name before adding it to a rules folder.\n"
    )
    body: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return header + body


def notice_terms(notice: Notice, attribution: Attribution, origin: str) -> Terms:
    """The notice's terms as a validated `Terms`, parsed exactly as a rule file would be."""
    data = rule_data(notice, attribution, origin)
    terms, problems = parse(rule_yaml(data, origin), f"{origin} (its own notice)")
    if terms is None:
        raise problems[0].error()
    return terms
