"""`compliance report RESULT.json --format html`: re-render a saved result in another format."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import common

FORMATS = ("table", "json", "markdown", "sarif", "html")


@click.command("report")
@click.argument("result", type=click.Path(path_type=Path))
@common.format_option(FORMATS, "html")
@common.output_option("Write here (atomic) instead of stdout.")
@common.fail_on_option()
def command(result: Path, fmt: str, output: Path | None, fail_on: str | None) -> int:
    """Render a saved RESULT (from `check --format json` or `scan`) as html, markdown, sarif...

    RESULT is one report, a JSON array of them, or scan's JSON lines. The exit status is
    `check`'s: 1 when the result holds findings at or above --fail-on; like `scan`, 4 when it
    lists documents that could not be checked (every format shows them).
    """
    from ..config import load_config
    from ..reports import render, render_many
    from ..reports.load import load_saved
    from ..status import SKIPPED, exit_status

    if fmt not in FORMATS:
        common.fail(f"--format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    level = common.check_fail_on(fail_on or load_config(Path.cwd()).fail_on)
    loaded, unreadable = load_saved(result)
    if loaded == [] and not unreadable:
        common.fail(f"{result}: holds no reports to render")
    color = fmt == "table" and output is None and sys.stdout.isatty()
    width = common.terminal_width() if color else None
    if isinstance(loaded, list):
        reports = loaded
        text = render_many(reports, fmt, color=color, width=width, unreadable=unreadable)
        common.emit(text, output)
    else:
        reports = [loaded]
        common.emit(render(loaded, fmt, color=color, width=width), output)
    if unreadable:
        return SKIPPED
    return exit_status((f for r in reports for f in r.findings), level)
