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
