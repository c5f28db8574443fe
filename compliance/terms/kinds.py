"""The closed set of requirement kinds and the parameters each accepts.

Each kind is implemented once in ``compliance/checks/<kind>.py``, which declares ``OPTIONS``
(parameter -> python type, or a tuple of allowed values) and ``DEFAULTS``. Rule files are
validated against those declarations when the check exists; until then against the fallback
table below, so a rule file is held to the same vocabulary either way.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

__all__ = ["KIND_NAMES", "kind_spec"]

KIND_NAMES: tuple[str, ...] = (
    "credit_source",
    "copyright_notice",
    "byline",
    "license_notice",
    "link_to_original",
    "keep_links",
    "no_modification",
    "disclose_changes",
    "excerpt_limit",
    "tracking_pixel",
    "media",
    "placement",
    "proximity",
    "venue",
    "commerce",
    "timing",
    "advisory",
)

TOLERANCES = ("whitespace", "punctuation", "quotes", "style", "relative_time")
ELEMENTS = ("source", "copyright", "link", "byline", "license", "credit")

# kind -> (OPTIONS, DEFAULTS); used only for kinds the checks package does not (yet) provide.
_FALLBACK: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "credit_source": (
        {"template": str, "edited_template": str, "min_score": float},
        {"min_score": 90.0},
    ),
    "copyright_notice": ({"year": bool}, {"year": True}),
    "byline": (
        {"institution": bool, "within_chars": int},
        {"institution": False, "within_chars": 200},
    ),
    "license_notice": (
        {"license": str, "deed_url": str, "repeat_terms": bool},
        {"repeat_terms": False},
    ),
    "link_to_original": (
        {"target": ("article", "home", "not_pdf")},
        {"target": "article"},
    ),
    "keep_links": ({}, {}),
    "no_modification": (
        {"tolerance": TOLERANCES, "headline": bool},
        {"tolerance": ["whitespace", "punctuation", "quotes"], "headline": False},
    ),
    "disclose_changes": ({}, {}),
    "excerpt_limit": (
        {"max_words": int, "max_paragraphs": int, "require_full_link": bool},
        {"require_full_link": True},
    ),
    "tracking_pixel": ({}, {}),
    "media": ({"images": ("excluded", "required")}, {"images": "excluded"}),
    "placement": (
        {"element": ELEMENTS, "where": ("top", "byline", "end")},
        {"where": "top"},
    ),
    "proximity": (
        {"within_chars": int, "elements": ELEMENTS},
        {"within_chars": 600, "elements": ["source", "copyright", "link"]},
    ),
    "venue": ({}, {}),
    "commerce": (
        {"no_selling": bool, "no_ads": bool, "paywall": bool},
        {"no_selling": True, "no_ads": False, "paywall": True},
    ),
    "timing": ({"min_delay_hours": int, "max_retention_days": int}, {}),
    "advisory": ({}, {}),
}


def _checks_registry() -> dict[str, ModuleType]:
    """``compliance.checks.KINDS`` when the checks package provides it, else empty."""
    try:
        checks = importlib.import_module("compliance.checks")
    except ImportError:
        return {}
    kinds = getattr(checks, "KINDS", None)
    return dict(kinds) if isinstance(kinds, dict) else {}


def kind_spec(kind: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(OPTIONS, DEFAULTS)`` for ``kind``: from its check module if present, else the fallback.

    Raises:
        KeyError: ``kind`` is not one of KIND_NAMES.
    """
    if kind not in KIND_NAMES:
        raise KeyError(kind)
    module = _checks_registry().get(kind)
    if module is not None and hasattr(module, "OPTIONS"):
        return dict(module.OPTIONS), dict(getattr(module, "DEFAULTS", {}))
    options, defaults = _FALLBACK[kind]
    return dict(options), dict(defaults)
