"""Terms as data: rule files, the library, and which terms govern an original.

Public API:
    load_library(extra_dirs=()) -> dict[str, Terms]
    choose_terms(original, attribution, library, *, flag=None, domain_map=None) -> TermsChoice
    resolve_terms(...) -> (TermsChoice, Terms), the latter read from the original's own notice
    read_notice(text) -> Notice (terms.notice): a notice's terms, each with its sentence
    contact_for(original, terms) -> str | None
    validate(path) -> Iterator[str]; load_rule_file(path) -> Terms
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names, for type checkers
    from .detect import (
        DEFAULT_TERMS,
        NOTICE_TERMS_ID,
        PHRASE_THRESHOLD,
        choose_terms,
        contact_for,
        find_phrase,
        resolve_terms,
    )
    from .library import builtin_rules_dir, load_library, load_rules, rule_files
    from .schema import load_rule_file, validate

# Where each public name lives. They are imported when first used (PEP 562), so the modules of
# this package that need none of them (the YAML loader and the schema check the project config
# uses too) do not load the detection and its patterns.
_HOMES = {
    "DEFAULT_TERMS": "detect",
    "NOTICE_TERMS_ID": "detect",
    "PHRASE_THRESHOLD": "detect",
    "choose_terms": "detect",
    "contact_for": "detect",
    "find_phrase": "detect",
    "resolve_terms": "detect",
    "builtin_rules_dir": "library",
    "load_library": "library",
    "load_rules": "library",
    "rule_files": "library",
    "load_rule_file": "schema",
    "validate": "schema",
}

__all__ = [
    "DEFAULT_TERMS",
    "NOTICE_TERMS_ID",
    "PHRASE_THRESHOLD",
    "builtin_rules_dir",
    "choose_terms",
    "contact_for",
    "find_phrase",
    "load_library",
    "load_rule_file",
    "load_rules",
    "resolve_terms",
    "rule_files",
    "validate",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{home}", __name__), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
