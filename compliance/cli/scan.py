"""`compliance scan PATHS --index PATH`: check many documents against the archive of originals.

Output streams: ``--format json`` writes one JSON object per line as each document finishes (a
Report as ``serialize.to_dict`` gives it, or ``{"type": "error", ...}``), ``csv`` one row per
pair or error, and ``table`` a summary at the end; ``html``, ``markdown`` and ``sarif`` render every
pair found as one document at the end (an HTML index page linking each result's detail, one
SARIF run), with the documents that could not be checked (an "Unreadable documents" section; SARIF
error notifications located on each document). ``--output`` is written to a temporary file
beside the target and renamed into place only when the scan completes.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import click

from ..fileio import open_atomic
from ..model import Report, Terms
from . import common

FORMATS = ("table", "json", "csv", "html", "markdown", "sarif")
WHOLE = ("html", "markdown", "sarif")  # rendered once, from every report, at the end


# -- output plumbing --------------------------------------------------------------------------


@contextlib.contextmanager
def _sink(output: Path | None) -> Iterator[IO[str]]:
    """stdout, or a temporary file renamed over ``output`` only if the scan completes."""
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with open_atomic(output) as handle:
        yield handle


@contextlib.contextmanager
def _progress(enabled: bool, total: int | None) -> Iterator[Any]:
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("scanning"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]} docs/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        yield (bar, bar.add_task("scan", total=total, rate="-"))


# -- the command ------------------------------------------------------------------------------


@click.command("scan")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--index",
    "-i",
    envvar="COMPLIANCE_INDEX",
    help="Index of originals: SQLite file (default .compliance/index.sqlite in the project root) "
    "or redis://host:port/db[#name].",
)
@click.option(
    "--jobs", "-j", type=int, default=1, help="Local worker processes; 0 means all cores."
)
@click.option(
    "--scheduler",
    help="Dask scheduler address (tcp://host:8786), or 'local' for a LocalCluster here.",
)
@common.format_option(FORMATS, "table")
@common.output_option("Write results here (atomic).")
@common.fail_on_option()
@click.option("--terms", help="Apply these terms to every pair.")
@common.rules_option()
@common.venue_option(
    "Kind of the republishing sites: community, nonprofit, commercial or print "
    "(default: from the config)."
)
@common.min_containment_option()
@common.max_bytes_option()
@click.option("--today", help="Check as of this ISO date (default: today), for timing.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar (default: when stderr is a terminal).",
)
@common.sarif_root_option()
@common.allow_private_option()
@common.limit_option()
def command(
    paths: tuple[str, ...],
    index: str | None,
    jobs: int,
    scheduler: str | None,
    fmt: str,
    output: Path | None,
    fail_on: str | None,
    terms: str | None,
    rules: tuple[Path, ...],
    venue: str | None,
    min_containment: float | None,
    max_bytes: int | None,
    today: str | None,
    progress: bool | None,
    sarif_root: Path | None,
    allow_private: bool,
    limit: dict[str, int],
) -> int:
    """Find which indexed originals each document in PATHS reuses; check each pair's terms.

    PATHS are files, folders, globs, URLs or WARC files.

    Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or index error,
    3 an internal error on some document, 4 some documents could not be checked (unreadable,
    index down, worker error). Either way the failed documents are named and skipped, and the
    others' findings are in the output as usual.
    """
    from ..config import load_config
    from ..index import DEFAULT_INDEX_PATH, index_config
    from ..index.inputs import expand_inputs
    from ..pipeline import CheckOptions, with_library
    from ..reports.summary import Summary
    from ..scan import ScanOptions, build_tasks
    from ..scan import scan as run_scan
    from ..status import INTERNAL, SKIPPED, exit_status

    if fmt not in FORMATS:
        common.fail(f"--format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    if jobs < 0:
        common.fail(f"--jobs must be 0 (all cores) or more (got {jobs})")
    if min_containment is not None and not 0.0 < min_containment <= 1.0:
        common.fail(f"--min-containment must be in (0, 1] (got {min_containment})")
    config = common.with_limits(load_config(Path.cwd()), limit)
    level = common.check_fail_on(fail_on or config.fail_on)
    files = expand_inputs(list(paths))
    store = index_config(index if index is not None else config.index_or_default())
    if store.get("type", "sqlite") == "sqlite":
        store["path"] = str(Path(store.get("path", DEFAULT_INDEX_PATH)).resolve())
    check = with_library(
        CheckOptions.from_config(
            config,
            rules_dirs=rules or (),
            terms_id=terms,
            min_containment=min_containment,
            venue=venue,
            today=today,
        )
    )
    if terms is not None and terms not in (check.library or {}):
        common.fail(f"--terms: unknown terms id {terms!r}")
    options = ScanOptions(
        index=store,
        check=check,
        config=config,
        max_bytes=max_bytes,
        limits=config.limits,
        allow_private=allow_private,
    )
    tasks = build_tasks(files, max_bytes=max_bytes, limits=config.limits)
    results = run_scan(tasks, options, jobs=jobs or os.cpu_count() or 1, scheduler=scheduler)
    summary = Summary()
    show = sys.stderr.isatty() if progress is None else progress
    with _sink(output) as out, _progress(show, _total(files)) as bar:
        sarif = _Sarif(sarif_root, check.library)
        _write(results, fmt, out, summary, bar, sarif, color=output is None and sys.stdout.isatty())
    for err in summary.errors:
        if fmt != "table" or output is not None:
            click.echo(f"compliance: skipped {err.origin}: {err.message}", err=True)
    crashed = [e for e in summary.errors if getattr(e, "internal", False)]
    if crashed:
        click.echo(f"compliance: {_crash_line(crashed)}", err=True)
        return INTERNAL
    if summary.errors:
        return SKIPPED
    return exit_status((f for r in summary.pairs for f in r.findings), level)


def _crash_line(crashed: Sequence[Any]) -> str:
    """The last line of a scan in which documents hit a bug: what failed, where, and that the
    document was counted as skipped (its error record is in the output, the rest was written):
    ``internal error: RuntimeError: boom while checking posts/a.md (counted as skipped)``.
    """
    first = crashed[0]
    more = len(crashed) - 1
    others = f"{more} other document" + ("s" if more > 1 else "")
    also = f", like {others} with an internal error" if more else ""
    return f"{first.message} while checking {first.origin} (counted as skipped{also})"


def _total(files: Sequence[Path | str]) -> int | None:
    """How many documents the progress bar counts to; unknown when a WARC file holds many."""
    from ..documents.warc import is_warc

    return None if any(is_warc(f) for f in files) else len(files)


@dataclass(frozen=True)
class _Sarif:
    """What a SARIF run needs beyond the reports: the folder its paths are relative to and the
    terms its rules are described from."""

    root: Path | None
    library: Mapping[str, Terms] | None


def _write(
    results: Iterable[Any],
    fmt: str,
    out: IO[str],
    summary: Any,
    bar: Any,
    sarif: _Sarif,
    *,
    color: bool,
) -> None:
    """Stream JSON lines or CSV rows as documents finish; the other formats once at the end."""
    from ..reports import render_many
    from ..reports.csv_rows import csv_header, csv_line
    from ..reports.jsonl import json_line
    from ..reports.summary import render_summary

    collected: list[Report] = []
    if fmt == "csv":
        out.write(csv_header())
    for result in results:
        summary.add(result)
        if result.skipped:
            continue
        collected.extend(result.reports)
        records: Sequence[Any] = [result.error] if result.error is not None else result.reports
        if fmt == "json":
            out.writelines(json_line(item) + "\n" for item in records)
            out.flush()
        elif fmt == "csv":
            out.writelines(csv_line(item) for item in records)
        if bar is not None:
            progress_bar, task = bar
            elapsed = progress_bar.tasks[0].elapsed or 0.0
            rate = f"{summary.documents / elapsed:.1f}" if elapsed > 0 else "-"
            progress_bar.update(task, advance=1, rate=rate)
    if fmt == "table":
        out.write(
            render_summary(summary, color=color, width=common.terminal_width() if color else None)
        )
    elif fmt in WHOLE:
        text = render_many(
            collected, fmt, root=sarif.root, library=sarif.library, unreadable=summary.errors
        )
        out.write(text + "\n")
