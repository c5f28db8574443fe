"""`compliance hook FILES...`: the pre-commit check of changed posts.

It runs on every commit, so every heavy import happens inside the command, and only for the
posts the config selects (see compliance.hook).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import FAIL_ON_LEVELS, check_fail_on, emit, fail, output_file

FORMATS = ("compact", "json", "sarif", "markdown")


def hook(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Changed posts (Markdown or HTML).")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")
    ] = "compact",
    fail_on: Annotated[
        str | None,
        typer.Option(help=f"Exit 1 on findings at or above: {', '.join(FAIL_ON_LEVELS)}."),
    ] = None,
    config_path: Annotated[
        Path | None,
        typer.Option("--config", help="A compliance.yaml, or a folder to search up from."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option(help="Write the report here (atomic).", callback=output_file)
    ] = None,
) -> None:
    """Check changed posts against the originals they republish; exit 1 on findings."""
    from ..config import load_config
    from ..hook import format_compact, run

    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    config = load_config(config_path or Path.cwd())
    level = check_fail_on(fail_on or config.fail_on)
    outcome = run(list(files or ()), config)
    if fmt == "compact":
        text = format_compact(outcome.results)
        if output is not None or text:
            emit(text, output)
    else:
        from ..reports import render_many

        for result in outcome.results:
            if result.error:
                typer.echo(f"compliance: error: {result.path}: {result.error}", err=True)
        # Each post's own file, so SARIF regions land on its lines (front matter included).
        sources = {rep.copy.origin: r.raw for r in outcome.results for rep in r.reports}
        emit(render_many(outcome.reports, fmt, sources=sources), output)
    raise typer.Exit(outcome.exit_status(level))


def register(app: typer.Typer) -> None:
    app.command("hook")(hook)
