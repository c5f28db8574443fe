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

if TYPE_CHECKING:  # the names, for type checkers (``X as X``: re-exported)
    from .detect import (
        DEFAULT_TERMS as DEFAULT_TERMS,
    )
    from .detect import (
        NOTICE_TERMS_ID as NOTICE_TERMS_ID,
    )
    from .detect import (
        PHRASE_THRESHOLD as PHRASE_THRESHOLD,
    )
    from .detect import (
        choose_terms as choose_terms,
    )
    from .detect import (
        contact_for as contact_for,
    )
    from .detect import (
        find_phrase as find_phrase,
    )
    from .detect import (
        resolve_terms as resolve_terms,
    )
    from .library import (
        builtin_rules_dir as builtin_rules_dir,
    )
    from .library import (
        load_library as load_library,
    )
    from .library import (
        load_rules as load_rules,
    )
    from .library import (
        rule_files as rule_files,
    )
    from .schema import (
        load_rule_file as load_rule_file,
    )
    from .schema import (
        validate as validate,
    )

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
