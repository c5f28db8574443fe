from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import common

if TYPE_CHECKING:
    from ..limits import Limits
    from ..model import Document

FORMATS = ("table", "json", "markdown", "sarif", "html")


@click.command("check")
@click.argument("copy")
@click.option("--original", "-o", help="The original article: a file or http(s) URL.")
@click.option("--terms", help="Apply these terms (a rule id).")
@common.rules_option()
@click.option("--source", help="Source name the copy must credit.")
@click.option("--copyright", "copyright_", help="Copyright holder, e.g. 'South Front, 2017'.")
@click.option("--url", help="Canonical URL of the original.")
@click.option("--author", help="Author of the original.")
@common.venue_option("Kind of the republishing site: community, nonprofit, commercial or print.")
@click.option("--site", help="Domain of the republishing site.")
@common.format_option(FORMATS, "table")
@common.output_option()
@common.fail_on_option()
@common.min_containment_option()
@common.max_bytes_option()
@click.option(
    "--timeout",
    type=float,
    default=20.0,
    show_default=True,
    help="Seconds to allow for downloading each URL input.",
)
@common.sarif_root_option()
@common.allow_private_option()
@common.limit_option()
def command(
    copy: str,
    original: str | None,
    terms: str | None,
    rules: tuple[Path, ...],
    source: str | None,
    copyright_: str | None,
    url: str | None,
    author: str | None,
    venue: str | None,
    site: str | None,
    fmt: str,
    output: Path | None,
    fail_on: str | None,
    min_containment: float | None,
    max_bytes: int | None,
    timeout: float,
    sarif_root: Path | None,
    allow_private: bool,
    limit: dict[str, int],
) -> int:
    """Check one republished COPY (a file or URL) against its ORIGINAL's republishing terms."""
    from ..config import load_config
    from ..documents import DEFAULT_MAX_BYTES
    from ..pipeline import CheckOptions, check_pair, load_library
    from ..reports import render
    from ..status import exit_status

    if original is None:
        common.fail("missing option --original ORIGINAL (the article the copy came from)")
    if fmt not in FORMATS:
        common.fail(f"--format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    if min_containment is not None and not 0.0 < min_containment <= 1.0:
        common.fail(f"--min-containment must be in (0, 1] (got {min_containment})")
    config = common.with_limits(load_config(Path.cwd()), limit)
    level = common.check_fail_on(fail_on or config.fail_on)
    if timeout <= 0:
        common.fail(f"--timeout must be positive (got {timeout:g})")
    size = max_bytes or DEFAULT_MAX_BYTES
    copy_doc, copy_raw = _load(copy, size, timeout, allow_private, config.limits)
    original_doc, _ = _load(original, size, timeout, allow_private, config.limits)
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
        tty = sys.stdout.isatty()
        common.emit(
            render(report, "table", color=tty, width=common.terminal_width() if tty else None), None
        )
    else:
        # SARIF regions go where the evidence sits in the copy's own file, not its extracted text.
        sources, library = None, None
        if fmt == "sarif":
            library = load_library(options)
            sources = {copy_doc.origin: copy_raw().decode(copy_doc.encoding, "replace")}
        rendered = render(report, fmt, sources=sources, root=sarif_root, library=library)
        common.emit(rendered, output)
    return exit_status(report.findings, level)


def _load(
    spec: str, size: int, timeout: float, allow_private: bool, limits: Limits
) -> tuple[Document, Callable[[], bytes]]:
    """A file or URL as a document, and how to get its raw bytes again (SARIF locates in them).

    Both are read once, within ``size``, and the bytes kept: re-reading a file could differ or
    exceed the limit.
    """
    from ..documents import load_bytes
    from ..documents.decode import read_limited
    from ..documents.fetch import download, is_url, to_document

    if is_url(spec):
        got = download(spec, max_bytes=size, timeout=timeout, allow_private=allow_private)
        return to_document(got, max_bytes=size, limits=limits), lambda: got.data
    data = read_limited(spec, size)
    return load_bytes(data, spec, max_bytes=size, limits=limits), lambda: data
