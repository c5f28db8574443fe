"""The end-of-scan summary prints names and messages taken from documents as plain text."""

from __future__ import annotations

from reports_builders import COPY_TEXT, doc_info, make_report

from compliance.reports.summary import Summary, render_summary
from compliance.scan import ScanError


def test_brackets_in_an_unreadable_inputs_address_and_message_are_printed_not_markup() -> None:
    error = ScanError("http://127.0.0.1:9/[/a]", "could not connect [bold]now[/bold]")
    text = render_summary(Summary(documents=1, errors=[error]), width=200)
    assert "http://127.0.0.1:9/[/a]" in text
    assert "could not connect [bold]now[/bold]" in text


def test_brackets_in_a_copys_name_and_site_are_printed_not_markup() -> None:
    copy = doc_info(COPY_TEXT, "[/a]/[red]copy[/red].md", "Copy", "markdown", None)
    text = render_summary(Summary(documents=1, pairs=[make_report(copy=copy)]), width=200)
    assert "[/a]/[red]copy[/red].md" in text
    worst = text[text.index("Worst offenders") :]
    assert "[/a]" in worst
