"""Exit statuses, the same for every command, and the one rule that turns findings into one.

CI, pre-commit and scripts read these numbers, so each means one thing only: 1 is never a crash.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import SEVERITY_RANK, Finding

__all__ = ["FAIL_ON_LEVELS", "FINDINGS", "INTERNAL", "OK", "SKIPPED", "USAGE", "exit_status"]

OK = 0
"""Nothing at or above ``--fail-on``."""
FINDINGS = 1
"""Findings at or above ``--fail-on``."""
USAGE = 2
"""A usage or input error, told in one line naming the file and the problem."""
INTERNAL = 3
"""A bug in the tool: an unexpected exception, told in one line (``--debug`` for the traceback)."""
SKIPPED = 4
"""``scan`` (and ``report`` re-rendering its result): some documents could not be checked
(unreadable, index down, worker error); they are named and skipped, and the others' findings are
in the output as usual."""

FAIL_ON_LEVELS = ("error", "warning", "advisory", "never")


def exit_status(findings: Iterable[Finding], fail_on: str) -> int:
    """FINDINGS when any finding is at or above ``fail_on`` (one of FAIL_ON_LEVELS), else OK.

    >>> exit_status([], "error")
    0
    """
    if fail_on == "never":
        return OK
    bar = SEVERITY_RANK[fail_on]
    return FINDINGS if any(SEVERITY_RANK.get(f.severity, 0) >= bar for f in findings) else OK
