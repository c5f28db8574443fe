"""`compliance hook FILES...`: the pre-commit check of changed posts.

It runs on every commit, so every heavy import happens inside the command, and only for the
posts the config selects (see compliance.hook).
"""

from __future__ import annotations

from pathlib import Path

import click

from .common import (
    check_fail_on,
    emit,
    fail,
    fail_on_option,
    format_option,
    limit_option,
    output_option,
    with_limits,
)

FORMATS = ("compact", "json", "sarif", "markdown")


@click.command("hook")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@format_option(FORMATS, "compact")
@fail_on_option()
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="A compliance.yaml, or a folder to search up from.",
)
@output_option()
@limit_option()
def command(
    files: tuple[Path, ...],
    fmt: str,
    fail_on: str | None,
    config_path: Path | None,
    output: Path | None,
    limit: dict[str, int],
) -> int:
    """Check changed posts (Markdown or HTML) against the originals they republish."""
    from ..config import load_config
    from ..hook import format_compact, run

    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    config = with_limits(load_config(config_path or Path.cwd()), limit)
    level = check_fail_on(fail_on or config.fail_on)
    outcome = run(list(files), config)
    if fmt == "compact":
        text = format_compact(outcome.results)
        if output is not None or text:
            emit(text, output)
    else:
        from ..reports import UnreadableDocument, render_many

        failed = [UnreadableDocument(str(r.path), r.error) for r in outcome.results if r.error]
        for post in failed:
            click.echo(f"compliance: error: {post.origin}: {post.message}", err=True)
        # Each post's own file, so SARIF regions land on its lines (front matter included).
        sources = {rep.copy.origin: r.raw for r in outcome.results for rep in r.reports}
        text = render_many(outcome.reports, fmt, sources=sources, unreadable=failed)
        emit(text, output)
    return outcome.exit_status(level)
