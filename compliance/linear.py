"""Regular expressions built from input, compiled for RE2: time linear in the text, always.

Python's ``re`` backtracks: a pattern made from a document's words or a name in it (``_ _ _ _``
against a long line of underscores, ``<><><>`` where tags and punctuation overlap) can take
longer than the age of the universe. RE2 cannot. It has no look-around and its ``\\w`` is ASCII:
patterns given here use ``\\p{L}\\p{N}`` classes for Unicode words.
"""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["compile_linear"]

_MEMORY = 64 << 20  # DFA states enough for long patterns with Unicode classes


@cache
def compile_linear(pattern: str, *, ignore_case: bool = False) -> Any:
    """``pattern`` compiled by RE2 (offsets in characters, like ``re``); cached."""
    import re2

    options = re2.Options()
    options.case_sensitive = not ignore_case
    options.log_errors = False
    options.max_mem = _MEMORY
    return re2.compile(pattern, options)
