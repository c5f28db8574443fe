"""Shared CLI plumbing: one-line errors, output files, exit codes from findings.

Light on imports (typer only where an error is raised), so the hook's typer-free fast path can
share it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

from ..fileio import write_atomic
from ..model import SEVERITY_RANK, Finding

FAIL_ON_CHOICES = ("error", "warning", "advisory", "never")


def fail(message: str) -> NoReturn:
    """Print a one-line usage or input error and exit 2."""
    import typer

    typer.echo(f"compliance: error: {message}", err=True)
    raise typer.Exit(2)


def check_fail_on(value: str) -> str:
    if value not in FAIL_ON_CHOICES:
        fail(f"--fail-on must be one of {', '.join(FAIL_ON_CHOICES)} (got {value!r})")
    return value


def exit_code(findings: Iterable[Finding], fail_on: str) -> int:
    """1 when any finding is at or above ``fail_on``, else 0."""
    if fail_on == "never":
        return 0
    bar = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK.get(f.severity, 0) >= bar for f in findings) else 0


def emit(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` atomically, or to stdout."""
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        write_atomic(output, text if text.endswith("\n") else text + "\n")
