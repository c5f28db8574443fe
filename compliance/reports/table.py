"""The console view (rich): verdict first, then scores, then each finding with its fix.

Document text is always passed to rich as ``Text`` objects, never as markup, so a copy whose
title reads "[bold red]..." prints literally; and every string of the report is stripped of
control characters first (rich passes ESC through), so a title cannot clear the screen, retitle
the terminal window or hide a line.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import StringIO

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Report
from ..terminal import printable
from ._common import (
    Unreadable,
    percent,
    reuse_figures,
    severity_counts,
    tally,
    terms_reason,
    verdict_label,
    verdict_tally,
)

WIDTH = 110
VERDICT_STYLE = {
    "compliant": "bold green",
    "violations": "bold red",
    "needs-permission": "bold yellow",
    "likely-fair-use": "bold cyan",
    "not-a-copy": "bold",
}
SEVERITY_STYLE = {"error": "red", "warning": "yellow", "advisory": "cyan"}


def _summary(report: Report) -> Panel:
    c = report.comparison
    lines = Text()
    lines.append("copy      ", style="dim").append(report.copy.origin + "\n")
    lines.append("original  ", style="dim").append(report.original.origin + "\n")
    lines.append("terms     ", style="dim").append(f"{report.terms_name} ({report.terms.terms_id})")
    lines.append(f", {terms_reason(report)}\n")
    if report.venue:
        lines.append("venue     ", style="dim").append(report.venue + "\n")
    lines.append("scores    ", style="dim").append(
        " · ".join(
            [*reuse_figures(c), f"jaccard {c.jaccard:.2f}", f"new text {percent(c.new_text_share)}"]
        )
    )
    for note in report.notes:
        lines.append("\nnote      ", style="dim").append(note, style="yellow")
    counts = severity_counts(report.findings)
    title = Text(f" {verdict_label(report.verdict).upper()} ", style=VERDICT_STYLE[report.verdict])
    subtitle = tally(counts)
    return Panel(lines, title=title, title_align="left", subtitle=subtitle, subtitle_align="right")


def _findings(report: Report) -> Table | Text:
    if not report.findings:
        return Text("No findings.", style="green" if report.verdict == "compliant" else "")
    table = Table(show_lines=True, expand=True, title="Findings", title_justify="left")
    table.add_column("Severity", no_wrap=True)
    table.add_column("Rule", overflow="fold", max_width=36)
    table.add_column("Finding", ratio=3, overflow="fold")
    table.add_column("Fix", ratio=2, overflow="fold")
    for finding in report.findings:
        detail = Text(finding.message)
        for ev in finding.evidence[:2]:
            seen = ev.snippet or ev.note
            if seen:
                detail.append(f"\n{ev.document}: ", style="dim").append(seen[:120], style="italic")
        table.add_row(
            Text(finding.severity, style=SEVERITY_STYLE.get(finding.severity, "")),
            Text(finding.rule_id),
            detail,
            Text(finding.fix or "-"),
        )
    return table


def _fair_use(report: Report) -> Table | None:
    fair = report.fair_use
    if fair is None:
        return None
    title = f"Fair use: {fair.overall} ({fair.note})"
    table = Table(title=title, title_justify="left", expand=True)
    table.add_column("Factor", no_wrap=True)
    table.add_column("Reading", no_wrap=True)
    table.add_column("Why", ratio=1)
    for factor in fair.factors:
        figures = ", ".join(f"{k}={v}" for k, v in factor.figures.items())
        why = Text(factor.explanation)
        if figures:
            why.append(f"\n{figures}", style="dim")
        table.add_row(Text(factor.name), Text(factor.reading), why)
    return table


def print_table(report: Report, console: Console) -> None:
    """Print one report to ``console`` (a live terminal, or a recording console)."""
    report = printable(report)
    parts: list[Panel | Table | Text] = [_summary(report), _findings(report)]
    fair = _fair_use(report)
    if fair is not None:
        parts.append(fair)
    console.print(Group(*parts))


def _console(buffer: StringIO, color: bool, width: int | None) -> Console:
    return Console(
        file=buffer,
        width=width or WIDTH,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )


def render(report: Report, *, color: bool = False, width: int | None = None) -> str:
    """One report as console text; ANSI colours only when ``color`` is true.

    ``width`` is the terminal's columns (None: WIDTH, for files and pipes).
    """
    return render_many([report], color=color, width=width)


def render_many(
    reports: Sequence[Report],
    *,
    color: bool = False,
    width: int | None = None,
    unreadable: Sequence[Unreadable] = (),
) -> str:
    """Several reports, one after another, then a one-line tally of verdicts; the documents
    that could not be checked follow in their own section, never dropped."""
    buffer = StringIO()
    console = _console(buffer, color, width)
    for report in reports:
        print_table(report, console)
    if len(reports) > 1:
        console.print(Text(verdict_tally(reports)))
    if unreadable:
        bad = Table(title=f"Unreadable documents ({len(unreadable)})", title_justify="left")
        bad.add_column("document", overflow="fold")
        bad.add_column("problem", overflow="fold")
        for document in unreadable:
            bad.add_row(Text(printable(document.origin)), Text(printable(document.message)))
        console.print(bad)
    return buffer.getvalue()
