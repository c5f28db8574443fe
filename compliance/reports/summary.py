"""The end-of-scan summary: every pair found, verdict counts, the worst sites, unreadable inputs."""

from __future__ import annotations

import contextlib
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import VERDICTS, Report
from ._common import severity_counts

__all__ = ["Summary", "render_summary", "site_of"]


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
            sev = severity_counts(report.findings)
            if report.verdict in ("compliant", "likely-fair-use") and not sev["error"]:
                continue
            row = table.setdefault(site_of(report), [0, 0, 0])
            row[0] += 1
            row[1] += sev["error"]
            row[2] += sev["warning"]
        ranked = sorted(table.items(), key=lambda kv: (-kv[1][1], -kv[1][0], -kv[1][2], kv[0]))
        return [(site, *counts) for site, counts in ranked[:top]]  # type: ignore[misc]


def render_summary(summary: Summary, *, color: bool = False, width: int | None = None) -> str:
    """The summary as rich tables: every pair, verdict counts, worst sites, unreadable inputs.

    ``width`` is the terminal's columns (None: 110, for files and pipes).
    """
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width or 110,
        force_terminal=color,
        color_system="auto" if color else None,
    )
    if summary.pairs:
        pairs = Table(title="Copies found", title_justify="left")
        for name in ("copy", "original", "terms", "verdict", "E", "W", "copied"):
            pairs.add_column(name, overflow="fold")
        for r in summary.pairs:
            sev = severity_counts(r.findings)
            pairs.add_row(
                Text(r.copy.url or r.copy.origin),
                Text(r.original.url or r.original.origin),
                Text(r.terms.terms_id),
                r.verdict,
                str(sev["error"]),
                str(sev["warning"]),
                f"{r.comparison.coverage:.0%}",
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
            sites.add_row(Text(site), str(copies), str(errors), str(warnings))
        console.print(sites)
    if summary.errors:
        bad = Table(title="Unreadable inputs (skipped)", title_justify="left")
        bad.add_column("input", overflow="fold")
        bad.add_column("problem", overflow="fold")
        for err in summary.errors:
            bad.add_row(Text(err.origin), Text(err.message))
        console.print(bad)
    console.print(
        f"{summary.documents} documents scanned, {len(summary.pairs)} copies found, "
        f"{len(summary.errors)} failed and skipped"
        + (f", {summary.skipped} WARC records not pages" if summary.skipped else "")
    )
    return buffer.getvalue()
