"""Shared CLI plumbing: usage errors, option checks, output files, exit statuses from findings."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import typer

from ..fileio import write_atomic
from ..status import FAIL_ON_LEVELS, USAGE

__all__ = [
    "FAIL_ON_LEVELS",
    "UsageProblem",
    "check_fail_on",
    "emit",
    "fail",
    "output_file",
    "terminal_width",
    "venue_option",
]


class UsageProblem(typer.TyperException):
    """A usage or input error found by a command: one line, exit status 2 (USAGE)."""

    exit_code = USAGE


def fail(message: str) -> NoReturn:
    """A usage or input error: `ComplianceGroup` prints it as one line and exits 2."""
    raise UsageProblem(message)


def check_fail_on(value: str) -> str:
    if value not in FAIL_ON_LEVELS:
        fail(f"--fail-on must be one of {', '.join(FAIL_ON_LEVELS)} (got {value!r})")
    return value


def output_file(value: Path | None) -> Path | None:
    """Typer callback for ``--output``: the folder must exist (a typo must not create one)."""
    if value is not None and not value.parent.is_dir():
        raise typer.BadParameter(f"{value.parent}: no such folder", param_hint="'--output'")
    return value


def venue_option(value: str | None) -> str | None:
    """Typer callback for ``--venue``: the config's vocabulary, in any case."""
    from ..config import venue_name

    try:
        return None if value is None else venue_name(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--venue'") from None


def terminal_width() -> int:
    """Columns of the terminal on stdout (COLUMNS wins), for tables that should fill it."""
    import shutil

    return shutil.get_terminal_size().columns


def emit(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` atomically, or to stdout."""
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        write_atomic(output, text if text.endswith("\n") else text + "\n")
