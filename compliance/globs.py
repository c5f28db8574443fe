"""Glob patterns, read one way everywhere: as .gitignore reads them, through pathspec.

``scan``'s input patterns and the hook's ``files:`` globs share these rules (pathspec is the
matcher behind black and mypy): ``*`` and ``?`` stay within one folder, ``**`` spans any number
of folders (none included), ``[ab]`` is a character class, and ``!pattern`` takes files back out.
A pattern pathspec cannot read is a ``ValueError`` whose message says what is wrong with it, so
each caller can name where the pattern came from (a config line, a command-line argument).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

__all__ = ["first_problem", "gitignore_spec", "glob_problem"]


def gitignore_spec(lines: Sequence[str]) -> pathspec.GitIgnoreSpec:
    """The spec of ``lines`` (.gitignore syntax).

    Raises:
        ValueError: a line is not a valid pattern; the message names it and the reason.
    """
    import pathspec

    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except (re.error, ValueError):
        found = first_problem(lines)
        bad = (lines[found[0]], found[1]) if found else (" ".join(lines), "unreadable")
        raise ValueError(f"{bad[0]!r} is not a valid glob: {bad[1]}") from None


def first_problem(patterns: Sequence[str]) -> tuple[int, str] | None:
    """The index of the first pattern that is not a valid glob and why (:func:`glob_problem`),
    or ``None``: asked once pathspec has refused a list, to name the culprit."""
    return next(
        ((i, why) for i, pattern in enumerate(patterns) if (why := glob_problem(pattern))), None
    )


def glob_problem(pattern: str) -> str | None:
    """Why ``pattern`` is not a valid glob (e.g. "bad character range z-a"), or ``None``."""
    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines([pattern])
    except re.error as exc:
        return str(exc.msg)
    except ValueError:  # pathspec's GitIgnorePatternError
        return "a trailing backslash escapes nothing" if pattern.endswith("\\") else "unreadable"
    return None
