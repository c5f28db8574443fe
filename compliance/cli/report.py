"""`compliance report RESULT.json --format html`: re-render a saved result in another format."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .common import FAIL_ON_LEVELS, check_fail_on, emit, fail, output_file, terminal_width

FORMATS = ("table", "json", "markdown", "sarif", "html")


def report(
    result: Annotated[
        Path,
        typer.Argument(help="A saved JSON result: one report, a JSON array, or scan JSON lines."),
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")
    ] = "html",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", help="Write here (atomic) instead of stdout.", callback=output_file
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(help=f"Exit 1 on findings at or above: {', '.join(FAIL_ON_LEVELS)}."),
    ] = None,
) -> None:
    """Render a saved RESULT (from `check --format json` or `scan`) as html, markdown, sarif...

    The exit status is `check`'s: 1 when the result holds findings at or above --fail-on.
    """
    from ..config import load_config
    from ..reports import load_report, render, render_many
    from ..status import exit_status

    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    level = check_fail_on(fail_on or load_config(Path.cwd()).fail_on)
    loaded = load_report(result)
    if loaded == []:
        fail(f"{result}: holds no reports to render")
    color = fmt == "table" and output is None and sys.stdout.isatty()
    width = terminal_width() if color else None
    if isinstance(loaded, list):
        reports = loaded
        emit(render_many(reports, fmt, color=color, width=width), output)
    else:
        reports = [loaded]
        emit(render(loaded, fmt, color=color, width=width), output)
    raise typer.Exit(exit_status((f for r in reports for f in r.findings), level))


def register(app: typer.Typer) -> None:
    app.command("report")(report)
