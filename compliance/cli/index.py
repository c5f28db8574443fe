"""`compliance index add|remove|stats|list`: keep the archive of originals that `scan` checks."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..status import OK, USAGE
from .common import allow_private_option, fail, limit_option, rules_option, with_limits

if TYPE_CHECKING:
    from ..index import Storage

INDEX_HELP = (
    "Index location: a SQLite file (default .compliance/index.sqlite in the project root) or "
    "redis://host:port/db[#name]. Also $COMPLIANCE_INDEX."
)
index_option = click.option("--index", "-i", help=INDEX_HELP, envvar="COMPLIANCE_INDEX")
format_option = click.option(
    "--format", "-f", "fmt", default="table", show_default=True, help="table or json."
)


@click.group("index", no_args_is_help=True)
def command() -> None:
    """Manage the archive of originals that `compliance scan` checks copies against."""


def _open(index: str | None, *, create: bool) -> Storage:
    """The index from --index or $COMPLIANCE_INDEX, else the project config, else the default."""
    from ..config import load_config
    from ..index import open_index

    spec = index if index is not None else load_config(Path.cwd()).index_or_default()
    return open_index(spec, create=create)


@command.command("add")
@click.argument("paths", nargs=-1, required=True)
@index_option
@click.option("--terms", help="Apply these terms (a rule id) to every original added.")
@rules_option()
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary.")
@allow_private_option()
@limit_option()
def add(
    paths: tuple[str, ...],
    index: str | None,
    terms: str | None,
    rules: tuple[Path, ...],
    quiet: bool,
    allow_private: bool,
    limit: dict[str, int],
) -> int:
    """Fingerprint originals (files, folders, globs, URLs, WARC files) and store them with their
    attribution facts and terms.

    Each line is printed once the original is committed; re-adding the same content is a no-op.
    Exits 2 if any input could not be read (the others are still added).
    """
    from ..config import load_config
    from ..index.ingest import AddOptions, add_documents
    from ..index.inputs import expand_inputs, iter_documents

    counts = {"added": 0, "present": 0, "error": 0}
    config = with_limits(load_config(Path.cwd()), limit)
    files = expand_inputs(list(paths))
    options = AddOptions(
        terms_id=terms,
        rules_dirs=tuple(rules or ()) + tuple(config.rules_dirs),
        domain_map=dict(config.domain_map),
    )
    docs = (
        item
        for path in files
        for item in iter_documents(path, allow_private=allow_private, limits=config.limits)
    )
    with _open(index, create=True) as storage:
        for result in add_documents(storage, docs, options):
            counts[result.status] += 1
            if result.status == "error":
                click.echo(f"error    {result.origin}: {result.message}", err=True)
            elif not quiet:
                line = f"{result.status:<8} {result.id[:12]}  {result.terms_id:<20}"
                click.echo(f"{line} {result.origin}")
                sys.stdout.flush()  # a reported line means committed: show it now
        total = len(storage)
        where = storage.location
    click.echo(
        f"{counts['added']} added, {counts['present']} already present, {counts['error']} "
        f"unreadable; {total} originals in {where}"
    )
    return USAGE if counts["error"] else OK


@command.command("remove")
@click.argument("keys", nargs=-1, required=True)
@index_option
def remove(keys: tuple[str, ...], index: str | None) -> None:
    """Remove originals by content id (or an 8+ character prefix) or by URL."""

    missing: list[str] = []
    with _open(index, create=False) as storage:
        for key, removed in zip(keys, storage.remove_all(keys), strict=True):
            if not removed:
                missing.append(key)
            for entry_id in removed:
                click.echo(f"removed  {entry_id}")
    if missing:
        fail(f"no original in the index matches {', '.join(repr(k) for k in missing)}")


@command.command("stats")
@index_option
@format_option
def stats(index: str | None, fmt: str) -> None:
    """How many originals, how much space, and which terms they fall under."""
    import dataclasses

    if fmt not in ("table", "json"):
        fail(f"--format must be table or json (got {fmt!r})")
    with _open(index, create=False) as storage:
        figures = storage.stats()
    if fmt == "json":
        click.echo(json.dumps(dataclasses.asdict(figures), indent=2))
        return
    click.echo(
        f"index      {figures.location} ({figures.backend}, schema {figures.schema_version})"
    )
    click.echo(f"originals  {figures.count}")
    click.echo(
        f"stored     {_size(figures.stored_bytes)} (originals {_size(figures.original_bytes)})"
    )
    for terms_id, count in figures.terms.items():
        click.echo(f"  {terms_id:<24} {count}")


@command.command("list")
@index_option
@format_option
def list_(index: str | None, fmt: str) -> None:
    """One line per original: id, terms, URL (or origin) and title."""
    from ..errors import ComplianceError
    from ..terminal import strip_controls

    if fmt not in ("table", "json"):
        fail(f"--format must be table or json (got {fmt!r})")
    try:
        with _open(index, create=False) as storage:
            for e in storage.entries():
                if fmt == "json":
                    row = {
                        "id": e.id,
                        "origin": e.origin,
                        "url": e.url,
                        "title": e.title,
                        "terms": e.terms.terms_id,
                        "shingles": e.shingle_count,
                        "added_at": e.added_at,
                    }
                    click.echo(json.dumps(row, ensure_ascii=False))
                else:
                    line = f"{e.id[:12]}  {e.terms.terms_id:<20} {e.url or e.origin}  {e.title}"
                    click.echo(strip_controls(line))
    except ComplianceError as exc:
        fail(str(exc))


@command.command("upgrade")
@index_option
def upgrade(index: str | None) -> None:
    """Bring an index made by an older compliance up to date, from the documents it stores."""
    from ..config import load_config
    from ..errors import ComplianceError
    from ..index.upgrade import upgrade as run_upgrade

    try:
        spec = index if index is not None else load_config(Path.cwd()).index_or_default()
        count = run_upgrade(spec)
    except ComplianceError as exc:
        fail(str(exc))
    click.echo(f"{count} originals re-fingerprinted")


def _size(n: int) -> str:
    value = float(n)
    for unit in ("B", "KiB", "MiB"):
        if value < 1024:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"


__all__ = ["command"]
