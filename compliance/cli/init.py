"""`compliance init`: write a commented starter compliance.yaml a publisher can edit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import fail

DEFAULT_NAME = "compliance.yaml"


def init(
    path: Annotated[
        Path, typer.Argument(help="Where to write the config (a file, or a folder for it).")
    ] = Path(DEFAULT_NAME),
    force: Annotated[bool, typer.Option(help="Overwrite an existing config file.")] = False,
) -> None:
    """Write a commented starter config, so a project states its index, venue and fail level."""
    from ..config import starter_config
    from ..fileio import write_atomic

    target = path / DEFAULT_NAME if path.is_dir() else path
    if target.exists() and not force:
        fail(f"{target}: already exists; pass --force to overwrite it")
    if not target.parent.is_dir():
        fail(f"{target.parent}: no such folder")
    write_atomic(target, starter_config())
    typer.echo(f"wrote {target}")


def register(app: typer.Typer) -> None:
    app.command("init")(init)
