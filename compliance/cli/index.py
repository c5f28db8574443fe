"""`compliance index add|remove|stats|list`: keep the archive of originals that `scan` checks."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import fail

if TYPE_CHECKING:
    from ..index import Storage

INDEX_HELP = (
    "Index location: a SQLite file (default .compliance/index.sqlite) or redis://host:port/db"
    "[#name]. Also $COMPLIANCE_INDEX."
)
IndexOption = Annotated[
    str | None, typer.Option("--index", "-i", help=INDEX_HELP, envvar="COMPLIANCE_INDEX")
]

index_app = typer.Typer(
    help="Manage the archive of originals that `compliance scan` checks copies against.",
    no_args_is_help=True,
)


def _open(index: str | None, *, create: bool) -> Storage:
    """The index from --index or $COMPLIANCE_INDEX, else the project config, else the default."""
    from ..config import load_config
    from ..errors import ComplianceError
    from ..index import open_index

    try:
        spec = index if index is not None else load_config(Path.cwd()).index
        return open_index(spec, create=create)
    except ComplianceError as exc:
        fail(str(exc))


@index_app.command("add")
def add(
    paths: Annotated[
        list[str], typer.Argument(help="Original articles: files, folders, globs, WARC files.")
    ],
    index: IndexOption = None,
    terms: Annotated[
        str | None, typer.Option(help="Apply these terms (a rule id) to every original added.")
    ] = None,
    rules: Annotated[
        list[Path] | None, typer.Option(help="Extra or overriding rule folder (repeatable).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary.")] = False,
) -> None:
    """Fingerprint originals and store them with their attribution facts and terms.

    Each line is printed once the original is committed; re-adding the same content is a no-op.
    Exits 2 if any input could not be read (the others are still added).
    """
    from ..config import load_config
    from ..errors import ComplianceError
    from ..index.ingest import AddOptions, add_documents
    from ..index.inputs import expand_inputs, iter_documents

    counts = {"added": 0, "present": 0, "error": 0}
    try:
        config = load_config(Path.cwd())
        files = expand_inputs(paths)
        options = AddOptions(
            terms_id=terms,
            rules_dirs=tuple(rules or ()) + tuple(config.rules_dirs),
            domain_map=dict(config.domain_map),
        )
        docs = (item for path in files for item in iter_documents(path))
        with _open(index, create=True) as storage:
            for result in add_documents(storage, docs, options):
                counts[result.status] += 1
                if result.status == "error":
                    typer.echo(f"error    {result.origin}: {result.message}", err=True)
                elif not quiet:
                    line = f"{result.status:<8} {result.id[:12]}  {result.terms_id:<20}"
                    typer.echo(f"{line} {result.origin}")
                    sys.stdout.flush()  # a reported line means committed: show it now
            total = len(storage)
            where = storage.location
    except ComplianceError as exc:
        fail(str(exc))
    typer.echo(
        f"{counts['added']} added, {counts['present']} already present, {counts['error']} "
        f"unreadable; {total} originals in {where}"
    )
    raise typer.Exit(2 if counts["error"] else 0)


@index_app.command("remove")
def remove(
    keys: Annotated[list[str], typer.Argument(help="Original id (or 8+ char prefix) or URL.")],
    index: IndexOption = None,
) -> None:
    """Remove originals by content id or by URL."""
    from ..errors import ComplianceError

    missing: list[str] = []
    try:
        with _open(index, create=False) as storage:
            for key in keys:
                removed = storage.remove(key)
                if not removed:
                    missing.append(key)
                for entry_id in removed:
                    typer.echo(f"removed  {entry_id}")
    except ComplianceError as exc:
        fail(str(exc))
    if missing:
        fail(f"no original in the index matches {', '.join(repr(k) for k in missing)}")


@index_app.command("stats")
def stats(
    index: IndexOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """How many originals, how much space, and which terms they fall under."""
    import dataclasses

    from ..errors import ComplianceError

    if fmt not in ("table", "json"):
        fail(f"--format must be table or json (got {fmt!r})")
    try:
        with _open(index, create=False) as storage:
            figures = storage.stats()
    except ComplianceError as exc:
        fail(str(exc))
    if fmt == "json":
        typer.echo(json.dumps(dataclasses.asdict(figures), indent=2))
        return
    typer.echo(
        f"index      {figures.location} ({figures.backend}, schema {figures.schema_version})"
    )
    typer.echo(f"originals  {figures.count}")
    typer.echo(
        f"stored     {_size(figures.stored_bytes)} (originals {_size(figures.original_bytes)})"
    )
    for terms_id, count in figures.terms.items():
        typer.echo(f"  {terms_id:<24} {count}")


@index_app.command("list")
def list_(
    index: IndexOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """One line per original: id, terms, URL (or origin) and title."""
    from ..errors import ComplianceError

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
                    typer.echo(json.dumps(row, ensure_ascii=False))
                else:
                    typer.echo(
                        f"{e.id[:12]}  {e.terms.terms_id:<20} {e.url or e.origin}  {e.title}"
                    )
    except ComplianceError as exc:
        fail(str(exc))


@index_app.command("upgrade")
def upgrade(index: IndexOption = None) -> None:
    """Bring an index made by an older compliance up to date, from the documents it stores."""
    from ..config import load_config
    from ..errors import ComplianceError
    from ..index import DEFAULT_INDEX_PATH
    from ..index.upgrade import upgrade as run_upgrade

    try:
        spec = index if index is not None else load_config(Path.cwd()).index
        count = run_upgrade(spec if spec is not None else DEFAULT_INDEX_PATH)
    except ComplianceError as exc:
        fail(str(exc))
    typer.echo(f"{count} originals re-fingerprinted")


def _size(n: int) -> str:
    value = float(n)
    for unit in ("B", "KiB", "MiB"):
        if value < 1024:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"


def register(app: typer.Typer) -> None:
    app.add_typer(index_app, name="index")


__all__ = ["index_app", "register"]
