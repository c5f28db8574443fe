"""Console table: verdict, scores and each finding with its fix; colour only when asked."""

from __future__ import annotations

from dataclasses import replace
from io import StringIO

from reports_builders import compliant_report, make_report
from rich.console import Console

from compliance.reports import render, render_many
from compliance.reports.table import print_table


def test_table_leads_with_the_verdict() -> None:
    assert "VIOLATIONS" in render(make_report(), "table").splitlines()[0]


def test_table_shows_the_scores() -> None:
    text = render(make_report(), "table")
    assert "copied share 77%" in text and "longest run 31 words" in text


def test_table_lists_every_finding_with_its_fix() -> None:
    flat = " ".join(render(make_report(), "table").split())
    for word in ("copyright-notice", "link-to-original", "together", "Mara Lind"):
        assert word in flat
    assert "add: Copyright © Mara" in flat


def test_table_without_colour_has_no_escape_codes() -> None:
    assert "\x1b[" not in render(make_report(), "table")


def test_table_with_colour_has_escape_codes() -> None:
    assert "\x1b[" in render(make_report(), "table", color=True)


def test_rich_markup_in_a_document_prints_literally() -> None:
    copy = replace(make_report().copy, origin="[bold red]pwned[/bold red].md")
    assert "[bold red]pwned[/bold red].md" in render(make_report(copy=copy), "table")


def test_compliant_report_says_no_findings() -> None:
    assert "No findings." in render(compliant_report(), "table")


def test_print_table_writes_to_a_given_console() -> None:
    buffer = StringIO()
    print_table(make_report(), Console(file=buffer, width=120))
    assert "VIOLATIONS" in buffer.getvalue()


def test_many_reports_end_with_a_tally() -> None:
    text = render_many([make_report(), compliant_report()], "table")
    assert text.rstrip().splitlines()[-1] == "2 results (1 violation, 1 compliant)"


def test_the_table_fills_the_width_it_is_given() -> None:
    narrow = render(make_report(), "table", width=72)
    wide = render(make_report(), "table", width=160)
    assert max(len(line) for line in narrow.splitlines()) <= 72
    assert max(len(line) for line in wide.splitlines()) > 110
