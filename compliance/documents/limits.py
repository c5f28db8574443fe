"""Count limits checked on the decoded text, before any parser builds a tree from it.

The size limit alone does not bound the work: under 20 MB, a page can hold a million links, a
million and a half paragraphs, one tag with 300,000 attributes, a 15 MiB line or two million
lines, and each took tens of seconds and gigabytes to parse and check. Every count here is
taken with one linear scan of the text (no parsing), so a refusal costs well under a second,
and names the limit that applies and how to raise it. The limits themselves are a value
(``compliance.limits``), set from ``compliance.yaml`` and ``--limit``.

Example:
    >>> check_limits("a\\nb\\n", "text", "x.txt", Limits(lines=1))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    compliance.errors.InputError: x.txt: too many lines: 3, above the limit of 1 (lines); raise ...
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits, raise_hint

__all__ = ["DEFAULT_LIMITS", "Limits", "check_limits"]

_ELEMENT = re.compile(r"<[A-Za-z]")
_HTML_LINK = re.compile(r"<a\s", re.IGNORECASE)
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{4096,}")  # stops at "<" too, so the scan stays linear


def check_limits(text: str, fmt: str, origin: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse ``text`` (read as ``fmt``) when it holds more of anything than ``limits`` allow."""
    _at_most(len(text), limits.characters, "characters", origin)
    _at_most(text.count("\n") + 1, limits.lines, "lines", origin)
    longest = max(map(len, text.split("\n")))
    _at_most(longest, limits.line_length, "characters on one line", origin, "line_length")
    if fmt == "text":
        return
    _at_most(_count(_ELEMENT, text), limits.elements, "HTML elements", origin, "elements")
    links = _count(_HTML_LINK, text) + (text.count("](") if fmt == "markdown" else 0)
    _at_most(links, limits.links, "links", origin)
    for tag in _LONG_TAG.finditer(text):
        attributes = len(tag.group().split()) - 1
        _at_most(attributes, limits.attributes, "attributes on one tag", origin, "attributes")


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def _at_most(found: int, limit: int, what: str, origin: str, name: str | None = None) -> None:
    if found > limit:
        raise InputError(
            f"too many {what}: {found:,}, above the limit of {limit:,} ({name or what}); "
            + raise_hint(name or what),
            source=origin,
        )
