"""`compliance check COPY --original ORIGINAL`: one republished copy against its original."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import check_fail_on, emit, exit_code, fail

if TYPE_CHECKING:
    from ..model import Document

FORMATS = ("table", "json", "markdown", "sarif", "html")


def check(
    copy: Annotated[
        str, typer.Argument(help="The republished copy (HTML, Markdown or text): a file or URL.")
    ],
    original: Annotated[
        str | None,
        typer.Option("--original", "-o", help="The original article: a file or http(s) URL."),
    ] = None,
    terms: Annotated[str | None, typer.Option(help="Apply these terms (a rule id).")] = None,
    rules: Annotated[
        list[Path] | None, typer.Option(help="Extra or overriding rule folder (repeatable).")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Source name the copy must credit.")] = None,
    copyright_: Annotated[
        str | None, typer.Option("--copyright", help="Copyright holder, e.g. 'South Front, 2017'.")
    ] = None,
    url: Annotated[str | None, typer.Option(help="Canonical URL of the original.")] = None,
    author: Annotated[str | None, typer.Option(help="Author of the original.")] = None,
    venue: Annotated[
        str | None,
        typer.Option(
            help="Kind of the republishing site: community, nonprofit, commercial or print."
        ),
    ] = None,
    site: Annotated[str | None, typer.Option(help="Domain of the republishing site.")] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")
    ] = "table",
    output: Annotated[Path | None, typer.Option(help="Write the report here (atomic).")] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(help="Exit 1 on findings at or above: error, warning, advisory, never."),
    ] = None,
    min_containment: Annotated[
        float | None,
        typer.Option(help="Share of the original a copy must contain to count as reuse."),
    ] = None,
    max_bytes: Annotated[
        int | None, typer.Option(help="Refuse inputs larger than this many bytes.")
    ] = None,
    timeout: Annotated[
        float, typer.Option(help="Seconds to allow for downloading each URL input.")
    ] = 20.0,
    sarif_root: Annotated[
        Path | None,
        typer.Option(help="SARIF file paths are relative to this folder (default: git top level)."),
    ] = None,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private",
            help="Follow redirects to loopback, link-local and private addresses.",
        ),
    ] = False,
) -> None:
    """Check one republished COPY against its ORIGINAL's republishing terms."""
    from ..config import load_config
    from ..documents import DEFAULT_MAX_BYTES
    from ..pipeline import CheckOptions, check_pair, load_library
    from ..reports import render

    if original is None:
        fail("missing option --original ORIGINAL (the article the copy came from)")
    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    if min_containment is not None and not 0.0 < min_containment <= 1.0:
        fail(f"--min-containment must be in (0, 1] (got {min_containment})")
    config = load_config(Path.cwd())
    level = check_fail_on(fail_on or config.fail_on)
    if timeout <= 0:
        fail(f"--timeout must be positive (got {timeout:g})")
    limit = max_bytes or DEFAULT_MAX_BYTES
    copy_doc, copy_raw = _load(copy, limit, timeout, allow_private)
    original_doc, _ = _load(original, limit, timeout, allow_private)
    options = CheckOptions.from_config(
        config,
        rules_dirs=rules or (),
        terms_id=terms,
        overrides={"source": source, "copyright": copyright_, "url": url, "author": author},
        min_containment=min_containment,
        venue=venue or config.venue_for(site),
        copy_site=site,
    )
    report = check_pair(copy_doc, original_doc, options)
    if fmt == "table" and output is None:
        emit(render(report, "table", color=sys.stdout.isatty()), None)
    else:
        # SARIF regions go where the evidence sits in the copy's own file, not its extracted text.
        sources, library = None, None
        if fmt == "sarif":
            library = load_library(options)
            sources = {copy_doc.origin: copy_raw().decode(copy_doc.encoding, "replace")}
        emit(render(report, fmt, sources=sources, root=sarif_root, library=library), output)
    raise typer.Exit(exit_code(report.findings, level))


def _load(
    spec: str, limit: int, timeout: float, allow_private: bool
) -> tuple[Document, Callable[[], bytes]]:
    """A file or URL as a document, and how to get its raw bytes again (SARIF locates in them).

    A file is re-read only if asked; a download is kept, since fetching twice could differ.
    """
    from ..documents.fetch import download, is_url, load_input, to_document

    if is_url(spec):
        got = download(spec, max_bytes=limit, timeout=timeout, allow_private=allow_private)
        return to_document(got, max_bytes=limit), lambda: got.data
    return load_input(spec, max_bytes=limit, timeout=timeout), Path(spec).read_bytes


def register(app: typer.Typer) -> None:
    app.command("check")(check)
