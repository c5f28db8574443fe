"""`compliance scan PATHS --index PATH`: check many documents against the archive of originals.

Output streams: ``--format json`` writes one JSON object per line as each document finishes (a
Report as ``serialize.to_dict`` gives it, or ``{"type": "error", ...}``), ``csv`` one row per
pair or error, and ``table`` a summary at the end; ``html``, ``markdown`` and ``sarif`` render every
pair found as one document at the end (an HTML index page linking each result's detail, one
SARIF run). ``--output`` is written to a temporary file
beside the target and renamed into place only when the scan completes.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from ..fileio import open_atomic
from ..model import VERDICTS, Report
from .common import FAIL_ON_CHOICES, check_fail_on, fail

FORMATS = ("table", "json", "csv", "html", "markdown", "sarif")
EXIT_SKIPPED = 4
"""Exit status of a scan in which some documents failed and were skipped."""
WHOLE = ("html", "markdown", "sarif")  # rendered once, from every report, at the end
CSV_FIELDS = (
    "copy",
    "copy_url",
    "original",
    "original_url",
    "terms",
    "verdict",
    "errors",
    "warnings",
    "advisories",
    "containment",
    "coverage",
    "longest_run",
    "rules",
    "message",
)


# -- pure renderers ---------------------------------------------------------------------------


def json_line(item: Any) -> str:
    """One JSON line: a Report's dict, or an error record ``{"type": "error", ...}``."""
    from .. import serialize

    if isinstance(item, Report):
        return json.dumps(serialize.to_dict(item), ensure_ascii=False)
    return json.dumps(
        {"type": "error", "origin": item.origin, "message": item.message}, ensure_ascii=False
    )


def _severity_counts(report: Report) -> Counter[str]:
    return Counter(f.severity for f in report.findings)


def csv_row(item: Any) -> dict[str, str]:
    """One CSV row for a Report (a pair) or a ScanError."""
    if not isinstance(item, Report):
        return {"copy": item.origin, "verdict": "error", "message": item.message}
    sev = _severity_counts(item)
    return {
        "copy": item.copy.origin,
        "copy_url": item.copy.url or "",
        "original": item.original.origin,
        "original_url": item.original.url or item.attribution.url or "",
        "terms": item.terms.terms_id,
        "verdict": item.verdict,
        "errors": str(sev["error"]),
        "warnings": str(sev["warning"]),
        "advisories": str(sev["advisory"]),
        "containment": f"{item.comparison.containment:.3f}",
        "coverage": f"{item.comparison.coverage:.3f}",
        "longest_run": str(item.comparison.longest_run),
        "rules": " ".join(sorted({f.rule_id for f in item.findings})),
        "message": "",
    }


def csv_header() -> str:
    buf = io.StringIO()
    csv.DictWriter(buf, CSV_FIELDS, lineterminator="\n").writeheader()
    return buf.getvalue()


def csv_line(item: Any) -> str:
    buf = io.StringIO()
    csv.DictWriter(buf, CSV_FIELDS, restval="", lineterminator="\n").writerow(csv_row(item))
    return buf.getvalue()


def site_of(report: Report) -> str:
    """The republishing site: the copy's domain, or its folder for local files."""
    from ..documents.urls import domain

    if report.copy.url:
        with contextlib.suppress(Exception):
            return domain(report.copy.url) or report.copy.url
    origin = report.copy.origin.split("#", 1)[0]
    return str(Path(origin).parent) if "/" in origin else "(local)"


@dataclass
class Summary:
    """Running totals for the end-of-scan table."""

    documents: int = 0
    pairs: list[Report] = field(default_factory=list)
    errors: list[Any] = field(default_factory=list)
    verdicts: Counter[str] = field(default_factory=Counter)
    skipped: int = 0  # WARC records that are not pages to check (not errors)

    def add(self, result: Any) -> None:
        if result.skipped:
            self.skipped += 1
            return
        self.documents += 1
        if result.error is not None:
            self.errors.append(result.error)
        for report in result.reports:
            self.pairs.append(report)
            self.verdicts[report.verdict] += 1

    def offenders(self, top: int = 10) -> list[tuple[str, int, int, int]]:
        """(site, copies with problems, error findings, warning findings), worst first."""
        table: dict[str, list[int]] = {}
        for report in self.pairs:
            sev = _severity_counts(report)
            if report.verdict in ("compliant", "likely-fair-use") and not sev["error"]:
                continue
            row = table.setdefault(site_of(report), [0, 0, 0])
            row[0] += 1
            row[1] += sev["error"]
            row[2] += sev["warning"]
        ranked = sorted(table.items(), key=lambda kv: (-kv[1][1], -kv[1][0], -kv[1][2], kv[0]))
        return [(site, *counts) for site, counts in ranked[:top]]  # type: ignore[misc]


def render_summary(summary: Summary, *, color: bool = False, width: int = 110) -> str:
    """The summary as rich tables: every pair, verdict counts, worst sites, unreadable inputs."""
    from rich.console import Console
    from rich.table import Table

    console = Console(
        file=io.StringIO(),
        width=width,
        force_terminal=color,
        color_system="auto" if color else None,
    )
    if summary.pairs:
        pairs = Table(title="Copies found", title_justify="left")
        for name in ("copy", "original", "terms", "verdict", "E", "W", "contained"):
            pairs.add_column(name, overflow="fold")
        for r in summary.pairs:
            sev = _severity_counts(r)
            pairs.add_row(
                r.copy.url or r.copy.origin,
                r.original.url or r.original.origin,
                r.terms.terms_id,
                r.verdict,
                str(sev["error"]),
                str(sev["warning"]),
                f"{r.comparison.containment:.0%}",
            )
        console.print(pairs)
    verdicts = Table(title="Verdicts", title_justify="left")
    verdicts.add_column("verdict")
    verdicts.add_column("pairs", justify="right")
    for verdict in VERDICTS:
        if verdict != "not-a-copy":
            verdicts.add_row(verdict, str(summary.verdicts[verdict]))
    console.print(verdicts)
    worst = summary.offenders()
    if worst:
        sites = Table(title="Worst offenders by site", title_justify="left")
        for name, justify in (
            ("site", "left"),
            ("copies", "right"),
            ("errors", "right"),
            ("warnings", "right"),
        ):
            sites.add_column(name, justify=justify)  # type: ignore[arg-type]
        for site, copies, errors, warnings in worst:
            sites.add_row(site, str(copies), str(errors), str(warnings))
        console.print(sites)
    if summary.errors:
        bad = Table(title="Unreadable inputs (skipped)", title_justify="left")
        bad.add_column("input", overflow="fold")
        bad.add_column("problem", overflow="fold")
        for err in summary.errors:
            bad.add_row(err.origin, err.message)
        console.print(bad)
    console.print(
        f"{summary.documents} documents scanned, {len(summary.pairs)} copies found, "
        f"{len(summary.errors)} failed and skipped"
        + (f", {summary.skipped} WARC records not pages" if summary.skipped else "")
    )
    text: str = console.file.getvalue()  # type: ignore[attr-defined]
    return text


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


def scan(
    paths: Annotated[
        list[str], typer.Argument(help="Copies to check: files, folders, globs, WARC files.")
    ],
    index: Annotated[
        str | None,
        typer.Option(
            "--index",
            "-i",
            envvar="COMPLIANCE_INDEX",
            help="Index of originals: SQLite file (default .compliance/index.sqlite) or "
            "redis://host:port/db[#name].",
        ),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Local worker processes; 0 means all cores.")
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address (tcp://host:8786), or 'local' for a "
            "LocalCluster on this machine."
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")
    ] = "table",
    output: Annotated[Path | None, typer.Option(help="Write results here (atomic).")] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(help=f"Exit 1 on findings at or above: {', '.join(FAIL_ON_CHOICES)}."),
    ] = None,
    terms: Annotated[str | None, typer.Option(help="Apply these terms to every pair.")] = None,
    rules: Annotated[
        list[Path] | None, typer.Option(help="Extra or overriding rule folder (repeatable).")
    ] = None,
    venue: Annotated[
        str | None,
        typer.Option(
            help="Kind of the republishing sites: community, nonprofit, "
            "commercial or print (default: from the config)."
        ),
    ] = None,
    min_containment: Annotated[
        float | None,
        typer.Option(help="Share of an original a copy must contain to count as reuse."),
    ] = None,
    max_bytes: Annotated[
        int | None, typer.Option(help="Refuse inputs larger than this many bytes.")
    ] = None,
    today: Annotated[
        str | None, typer.Option(help="Check as of this ISO date (default: today), for timing.")
    ] = None,
    progress: Annotated[
        bool | None, typer.Option(help="Show a progress bar (default: when stderr is a terminal).")
    ] = None,
) -> None:
    """Find which indexed originals each document reuses, and check each pair's terms.

    Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or index error,
    4 some documents could not be checked (unreadable, index down, worker error): they are
    reported and skipped, and the others' findings are in the output as usual.
    """
    from ..config import load_config
    from ..errors import ComplianceError
    from ..index import DEFAULT_INDEX_PATH, index_config
    from ..index.inputs import expand_inputs
    from ..pipeline import CheckOptions, with_library
    from ..scan import ScanOptions, build_tasks
    from ..scan import scan as run_scan

    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    if jobs < 0:
        fail(f"--jobs must be 0 (all cores) or more (got {jobs})")
    if min_containment is not None and not 0.0 < min_containment <= 1.0:
        fail(f"--min-containment must be in (0, 1] (got {min_containment})")
    workers = jobs or os.cpu_count() or 1
    summary = Summary()
    findings: list[Any] = []
    collected: list[Report] = []  # for the formats rendered once at the end
    try:
        config = load_config(Path.cwd())
        level = check_fail_on(fail_on or config.fail_on)
        files = expand_inputs(paths)
        store = index_config(index if index is not None else config.index)
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
            fail(f"--terms: unknown terms id {terms!r}")
        options = ScanOptions(index=store, check=check, config=config, max_bytes=max_bytes)
        from ..documents.warc import is_warc

        total = None if any(is_warc(f) for f in files) else len(files)
        show = sys.stderr.isatty() if progress is None else progress
        results = run_scan(
            build_tasks(files, max_bytes=max_bytes), options, jobs=workers, scheduler=scheduler
        )
        with _sink(output) as out, _progress(show, total) as bar:
            if fmt == "csv":
                out.write(csv_header())
            for result in results:
                summary.add(result)
                for report in result.reports:
                    findings.extend(report.findings)
                if fmt in WHOLE:
                    collected.extend(result.reports)
                if result.skipped:
                    continue
                records: Sequence[Any] = (
                    [result.error] if result.error is not None else result.reports
                )
                if fmt == "json":
                    for item in records:
                        out.write(json_line(item) + "\n")
                    out.flush()
                elif fmt == "csv":
                    for item in records:
                        out.write(csv_line(item))
                if bar is not None:
                    progress_bar, task = bar
                    elapsed = progress_bar.tasks[0].elapsed or 0.0
                    rate = f"{summary.documents / elapsed:.1f}" if elapsed > 0 else "-"
                    progress_bar.update(task, advance=1, rate=rate)
            if fmt == "table":
                color = output is None and sys.stdout.isatty()
                out.write(render_summary(summary, color=color))
            elif fmt in WHOLE:
                from ..reports import render_many

                out.write(render_many(collected, fmt) + "\n")
    except ComplianceError as exc:
        fail(str(exc))
    for err in summary.errors:
        if fmt != "table" or output is not None:
            typer.echo(f"compliance: skipped {err.origin}: {err.message}", err=True)
    from .common import exit_code

    raise typer.Exit(EXIT_SKIPPED if summary.errors else exit_code(findings, level))


def register(app: typer.Typer) -> None:
    app.command("scan")(scan)


__all__ = ["Summary", "csv_line", "csv_row", "json_line", "register", "render_summary", "scan"]
