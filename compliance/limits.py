"""Document resource limits as a value: the defaults, and overrides from the config or the CLI.

Kept apart from ``documents`` (which checks them) so that reading a project config or a
command line never imports the loaders. The names here are the vocabulary of
``compliance.yaml``'s ``limits:`` mapping and of ``--limit NAME=N``, and a refusal message
names the limit and both ways to raise it.

Example:
    >>> with_overrides(DEFAULT_LIMITS, {"links": 50_000}).links
    50000
    >>> parse_limit("lines=300000")
    ('lines', 300000)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from .errors import shown

__all__ = [
    "DEFAULT_LIMITS",
    "LIMIT_NAMES",
    "MAX_LIMIT",
    "Limits",
    "check_limit",
    "parse_limit",
    "raise_hint",
    "with_overrides",
]

MAX_LIMIT = 10**12  # far above any document that fits the size limit; bounds hostile numbers


def check_limit(name: str, value: object) -> int:
    """``value`` as limit ``name``, or ValueError saying what a limit must be.

    Raises:
        ValueError: ``value`` is not an integer in 1..MAX_LIMIT (a bool is not an integer).
    """
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_LIMIT:
        raise ValueError(
            f"limit {name} must be a positive integer up to {MAX_LIMIT:,} (got {shown(value)})"
        )
    return value


@dataclass(frozen=True)
class Limits:
    """The most of each thing one document may hold; past any of them it is refused."""

    characters: int = 5_000_000  # decoded text, markup included
    lines: int = 200_000
    line_length: int = 1_000_000  # characters on one line
    elements: int = 100_000  # HTML tags (also raw HTML inside Markdown)
    links: int = 25_000  # <a> tags and Markdown [text](url) links
    attributes: int = 1_000  # on one tag

    def __post_init__(self) -> None:
        for field in fields(self):
            check_limit(field.name, getattr(self, field.name))


DEFAULT_LIMITS = Limits()
LIMIT_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Limits))


def with_overrides(base: Limits, overrides: Mapping[str, object]) -> Limits:
    """``base`` with the limits named in ``overrides`` replaced, each checked.

    Raises:
        ValueError: an unknown name or a value that is not a positive integer.
    """
    for name in overrides:
        if name not in LIMIT_NAMES:
            raise ValueError(f"unknown limit {name!r} (expected one of {', '.join(LIMIT_NAMES)})")
    checked = {name: check_limit(name, value) for name, value in overrides.items()}
    return replace(base, **checked)


def parse_limit(text: str) -> tuple[str, int]:
    """One ``NAME=N`` command-line setting (``links=50000``; ``_`` and ``,`` may group digits).

    Raises:
        ValueError: not ``NAME=N``, an unknown name, or N not a positive integer.
    """
    name, sep, number = text.partition("=")
    name = name.strip().replace("-", "_")
    if not sep or not name:
        raise ValueError(f"expected NAME=N, e.g. links=50000 (got {text!r})")
    if name not in LIMIT_NAMES:
        raise ValueError(f"unknown limit {name!r} (expected one of {', '.join(LIMIT_NAMES)})")
    digits = number.strip().replace("_", "").replace(",", "")
    if not digits.isdigit() or len(digits) > len(str(MAX_LIMIT)):
        raise ValueError(f"limit {name} must be a positive integer (got {number.strip()!r})")
    return name, check_limit(name, int(digits))


def raise_hint(name: str) -> str:
    """How a user raises limit ``name``: the CLI option and the config key."""
    return f"raise it with --limit {name}=N or 'limits: {{{name}: N}}' in compliance.yaml"
