"""Shared CLI plumbing: usage errors, the options several commands share, output files."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from ..fileio import write_atomic
from ..status import FAIL_ON_LEVELS

if TYPE_CHECKING:
    from ..config import ProjectConfig

__all__ = [
    "FAIL_ON_LEVELS",
    "check_fail_on",
    "emit",
    "fail",
    "fail_on_option",
    "format_option",
    "limit_option",
    "output_option",
    "rules_option",
    "terminal_width",
    "venue_option",
    "with_limits",
]

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> NoReturn:
    """A usage or input error: `ComplianceGroup` prints it as one line and exits 2."""
    raise click.UsageError(message)


def check_fail_on(value: str) -> str:
    if value not in FAIL_ON_LEVELS:
        fail(f"--fail-on must be one of {', '.join(FAIL_ON_LEVELS)} (got {value!r})")
    return value


def _output_file(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """``--output`` must go into an existing folder (a typo must not create one)."""
    if value is not None and not value.parent.is_dir():
        raise click.BadParameter(f"{value.parent}: no such folder", ctx, param)
    return value


def _venue(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--venue``: the config's vocabulary, in any case."""
    from ..config import venue_name

    try:
        return None if value is None else venue_name(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None


def output_option(
    help: str = "Write the report here (atomic).", *, short: str | None = None
) -> Callable[[F], F]:
    """``--output`` (and ``short``, e.g. ``-o``, where the command has no other use for it)."""
    names = ("--output", short) if short else ("--output",)
    return click.option(*names, type=click.Path(path_type=Path), callback=_output_file, help=help)


def venue_option(help: str) -> Callable[[F], F]:
    return click.option("--venue", callback=_venue, help=help)


def format_option(formats: tuple[str, ...], default: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "-f",
        "fmt",
        default=default,
        show_default=True,
        help=f"Output format: {', '.join(formats)}.",
    )


def fail_on_option() -> Callable[[F], F]:
    return click.option(
        "--fail-on",
        help=f"Exit 1 on findings at or above: {', '.join(FAIL_ON_LEVELS)} (default: config).",
    )


def rules_option(help: str = "Extra or overriding rule folder (repeatable).") -> Callable[[F], F]:
    return click.option("--rules", type=click.Path(path_type=Path), multiple=True, help=help)


def min_containment_option() -> Callable[[F], F]:
    return click.option(
        "--min-containment",
        type=float,
        help="Also count a pair with no aligned passage as reuse when this share of the "
        "original's 3-word phrases recurs in it (off by default).",
    )


def max_bytes_option() -> Callable[[F], F]:
    return click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        help="Refuse inputs larger than this many bytes.",
    )


def sarif_root_option() -> Callable[[F], F]:
    return click.option(
        "--sarif-root",
        type=click.Path(path_type=Path, file_okay=False),
        help="SARIF file paths are relative to this folder (default: git top level).",
    )


def allow_private_option() -> Callable[[F], F]:
    return click.option(
        "--allow-private",
        is_flag=True,
        help="Follow redirects to loopback, link-local and private addresses.",
    )


def _limits(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> dict[str, int]:
    """``--limit NAME=N`` (repeatable) as a mapping; the last setting of a name wins."""
    from ..limits import parse_limit

    try:
        return dict(parse_limit(item) for item in value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None


def limit_option() -> Callable[[F], F]:
    from ..limits import LIMIT_NAMES

    return click.option(
        "--limit",
        "limit",
        multiple=True,
        callback=_limits,
        metavar="NAME=N",
        help=f"Raise or lower a document limit (repeatable): {', '.join(LIMIT_NAMES)}; "
        "overrides the config's limits.",
    )


def with_limits(config: ProjectConfig, overrides: dict[str, int]) -> ProjectConfig:
    """``config`` with the ``--limit`` settings applied over its ``limits:``."""
    from dataclasses import replace

    from ..limits import with_overrides

    return replace(config, limits=with_overrides(config.limits, overrides)) if overrides else config


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
