"""`compliance init`: write a commented starter compliance.yaml a publisher can edit."""

from __future__ import annotations

from pathlib import Path

import click

from .common import fail

DEFAULT_NAME = "compliance.yaml"


@click.command("init")
@click.argument("path", type=click.Path(path_type=Path), default=Path(DEFAULT_NAME))
@click.option("--force", is_flag=True, help="Overwrite an existing config file.")
def command(path: Path, force: bool) -> None:
    """Write a commented starter config to PATH (a file, or a folder for compliance.yaml)."""
    from ..config import starter_config
    from ..fileio import write_atomic

    target = path / DEFAULT_NAME if path.is_dir() else path
    if target.exists() and not force:
        fail(f"{target}: already exists; pass --force to overwrite it")
    if not target.parent.is_dir():
        fail(f"{target.parent}: no such folder")
    write_atomic(target, starter_config())
    click.echo(f"wrote {target}")
