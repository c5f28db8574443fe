"""`compliance report RESULT.json --format html`: re-render a saved result in another format."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .common import emit, fail

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
        Path | None, typer.Option("--output", help="Write here (atomic) instead of stdout.")
    ] = None,
) -> None:
    """Render a saved RESULT (from `check --format json` or `scan`) as html, markdown, sarif..."""
    from ..errors import ComplianceError
    from ..reports import load_report, render, render_many

    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    try:
        loaded = load_report(result)
    except ComplianceError as exc:
        fail(str(exc))
    color = fmt == "table" and output is None and sys.stdout.isatty()
    if isinstance(loaded, list):
        if not loaded:
            fail(f"{result}: holds no reports to render")
        text = render_many(loaded, fmt, color=color)
    else:
        text = render(loaded, fmt, color=color)
    emit(text, output)


def register(app: typer.Typer) -> None:
    app.command("report")(report)
