r"""Needles: words a text must hold for a clause pattern to match it, so most patterns are never
compiled.

Python compiles a regular expression in Python code: the nine notice files' ~700 patterns take
about 0.1 s, more than the rest of a check. Yet an article holds the words of few of them. Each
pattern has sets of *needles*, strings of which every match contains at least one per set
(``re-?publish`` needs "republish" or "re-publish"; an alternation needs one needle of every
branch; "you may republish our stories" needs "republish" and "stories"): a pattern with a set
none of whose needles occurs in a text cannot match anywhere in it, and is left uncompiled. This
is the prefilter of RE2's ``FilteredRE2``, computed from Python's own parse of the pattern.

Needles are compared case-folded (`fold`), which is never stricter than ``re.IGNORECASE``: a
match found case-insensitively always contains a needle's folded form. Parsing a pattern costs
a third of compiling it, so the needles of the built-in files are kept in ``needles.json`` beside
this module (regenerate it with ``python -m compliance.terms.needles``); a pattern the table does
not hold (a user's own file, an edited one) is parsed when first read.

Example:
    >>> needles(r"\b(?:may|can)\s+be\s+re-?published\b")
    ('re-published', 'republished')
    >>> needles(r"\b[A-Z]\w+\s+[A-Z]\w+")  # no literal is certain: always tried
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = ["TABLE", "Groups", "fold", "needle_groups", "needles", "shipped_needles", "write_table"]

TABLE = Path(__file__).with_name("needles.json")
_FLAGS = re.IGNORECASE | re.MULTILINE  # the flags every clause pattern is compiled with
_SHORTEST = 2  # a needle shorter than this is in nearly every text: no use as a filter
# Characters ``re.IGNORECASE`` matches to "i" whose case fold is not "i" (İ folds to "i̇", and
# the dotless ı to itself): folded to "i" first, so no match is ever filtered out.
_TURKISH_I = str.maketrans({"\u0130": "i", "\u0131": "i"})
_MOST_STRINGS = 64  # exact strings of one run kept as needles, at most
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)

Needles = tuple[str, ...] | None
Groups = tuple[tuple[str, ...], ...] | None  # a needle of each group


def fold(text: str) -> str:
    """``text`` case-folded the way the needles are: if a pattern matches ``text`` ignoring
    case, ``fold`` of the match is ``fold`` of the pattern's literal characters."""
    return text.translate(_TURKISH_I).casefold()


def _product(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    """Every string of ``left`` followed by every one of ``right``; None past a few."""
    if len(left) * len(right) > _MOST_STRINGS:
        return None
    return frozenset(a + b for a in left for b in right)


def _exact_sequence(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """Every string a parsed sequence can match, when each of its elements is `_exact`."""
    every: frozenset[str] | None = frozenset({""})
    for op, arg in items:
        part = _exact(op, arg)
        every = None if part is None or every is None else _product(every, part)
        if every is None:
            return None
    return every


def _exact(op: Any, arg: Any) -> frozenset[str] | None:
    """Every string one parsed element can match, when that is a few literals (``re-?post``,
    ``[’']``, ``(?:a|b)``); None otherwise. Zero-width elements match the empty string."""
    if op is sre.LITERAL:
        return frozenset({chr(arg)})
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return frozenset({""})
    if op is sre.SUBPATTERN:
        return _exact_sequence(arg[-1])
    if op is sre.BRANCH:
        branches = [_exact_sequence(branch) for branch in arg[1]]
        if any(b is None for b in branches):
            return None
        union = frozenset().union(*(b for b in branches if b is not None))
        return union if len(union) <= _MOST_STRINGS else None
    if op is sre.IN and all(item_op is sre.LITERAL for item_op, _ in arg):
        return frozenset(chr(code) for _, code in arg)
    if op in _REPEATS and (arg[0], arg[1]) == (0, 1):
        once = _exact_sequence(arg[2])
        return None if once is None else once | {""}
    return None


def _usable(option: frozenset[str]) -> bool:
    """A needle set worth asking: no needle too short to tell texts apart, and none holding a
    line break, which only ever comes from the separator the reader puts between sentences."""
    return min(map(len, option)) >= _SHORTEST and not any("\n" in n for n in option)


def _options(items: Iterable[tuple[Any, Any]], *, deep: bool) -> list[frozenset[str]]:
    """Sets of strings of which every match of the parsed sequence ``items`` contains one
    each: every such set, so a text must hold a needle of each.

    Consecutive elements of few exact strings are joined (``re-?publish`` needs ``republish``
    or ``re-publish``); of the rest, a group or a part repeated at least once gives what it
    requires itself (``deep``: all of it, else its best set), and a branch one set of every
    branch. A class, a dot, an optional part or a back-reference requires no literal."""
    options: list[frozenset[str]] = []
    run: frozenset[str] = frozenset({""})

    def close_run() -> None:
        if min(map(len, run)) >= 1:
            options.append(frozenset(map(fold, run)))

    def inner(sequence: Iterable[tuple[Any, Any]]) -> None:
        found = _options(sequence, deep=deep)
        if deep:
            options.extend(found)
        elif found:
            options.append(max(found, key=_selectivity))

    for op, arg in items:
        exact = _exact(op, arg)
        joined = None if exact is None else _product(run, exact)
        if joined is not None:
            run = joined
            continue
        close_run()
        run = exact if exact is not None else frozenset({""})
        if op is sre.SUBPATTERN:
            inner(arg[-1])
        elif op is sre.ATOMIC_GROUP:
            inner(arg)
        elif op is sre.BRANCH:
            branches = [_required(branch) for branch in arg[1]]
            if all(branches):
                options.append(frozenset().union(*(b for b in branches if b)))
        elif op in _REPEATS and arg[0] >= 1:
            inner(arg[2])
    close_run()
    return [option for option in options if _usable(option)]


def _selectivity(option: frozenset[str]) -> tuple[int, int]:
    """How well a needle set tells texts apart: longest shortest needle, then fewest needles."""
    return min(map(len, option)), -len(option)


def _required(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """The most selective set of strings one of which every match of ``items`` contains."""
    return max(_options(items, deep=False), key=_selectivity, default=None)


def needles(pattern: str) -> Needles:
    """The most selective needles of ``pattern`` (compiled ignoring case), sorted, or None when
    the pattern must always be tried (no literal is certain, or the pattern does not parse)."""
    try:
        parsed = sre_parse.parse(pattern, _FLAGS)
    except (re.error, RecursionError, OverflowError):
        return None
    found = _required(parsed)
    return tuple(sorted(found)) if found else None


def needle_groups(pattern: str) -> Groups:
    """Every needle set of ``pattern``: a text that lacks a needle of any one cannot hold a
    match ("you may republish our stories" needs "republish" and "stories" ...). None when no
    literal is certain or the pattern does not parse."""
    try:
        parsed = sre_parse.parse(pattern, _FLAGS)
    except (re.error, RecursionError, OverflowError):
        return None
    found = {tuple(sorted(option)) for option in _options(parsed, deep=True)}
    return tuple(sorted(found)) or None


@cache
def shipped_needles() -> dict[str, Groups]:
    """The needle sets of the built-in patterns, by pattern (empty when the table is missing:
    every pattern is then parsed, which costs time, never a match)."""
    try:
        data = json.loads(TABLE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {
        source: tuple(tuple(group) for group in found) if found else None
        for source, found in data.items()
    }


def _json(value: object) -> str:
    """One value of the table, its non-ASCII letters kept readable."""
    return json.dumps(value, ensure_ascii=False)


def write_table(sources: Iterable[str], path: Path = TABLE) -> int:
    """Write the needles of ``sources`` to ``path`` (atomically); return how many."""
    from ..fileio import write_atomic

    table = {source: needle_groups(source) for source in sorted(set(sources))}
    lines = (f"{_json(source)}: {_json(found)}" for source, found in table.items())
    write_atomic(path, "{\n" + ",\n".join(lines) + "\n}\n")
    return len(table)


def main() -> None:
    """Regenerate ``needles.json`` from the built-in pattern files."""
    from .patterns import builtin_pattern_sources

    count = write_table(builtin_pattern_sources())
    print(f"{TABLE}: needles of {count} patterns", file=sys.stderr)


if __name__ == "__main__":
    main()
