"""Regular expressions built from input, compiled for RE2: time linear in the text, always.

Python's ``re`` backtracks: a pattern made from a document's words or a name in it (``_ _ _ _``
against a long line of underscores, ``<><><>`` where tags and punctuation overlap) can take
longer than the age of the universe. RE2 cannot. It has no look-around and its ``\\w`` is ASCII:
patterns given here use ``\\p{L}\\p{N}`` classes for Unicode words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["compile_linear", "spaced"]

_MEMORY = 64 << 20  # DFA states enough for long patterns with Unicode classes


@lru_cache(maxsize=256)  # patterns are made from names and words: a long-lived process meets many
def compile_linear(pattern: str, *, ignore_case: bool = False) -> Any:
    """``pattern`` compiled by RE2 (offsets in characters, like ``re``); the last 256 kept."""
    import re2

    options = re2.Options()
    options.case_sensitive = not ignore_case
    options.log_errors = False
    options.max_mem = _MEMORY
    return re2.compile(pattern, options)


def spaced(text: str, outside: re.Pattern[str]) -> str:
    """``text`` with every run of characters ``outside`` matches as spaces: same length, so
    offsets hold.

    RE2 turns a Unicode class ("not a letter or digit") into a large automaton, rebuilt for
    every pattern; searched in the spaced text, a pattern of literals and spaces finds the same.

    Example:
        >>> spaced("Ana's café_bar", re.compile(r"[\\W_]+"))
        'Ana s café bar'
    """
    return outside.sub(lambda m: " " * len(m.group()), text)
