"""Markdown comments: verdict and findings with fixes first, details folded, nothing injectable."""

from __future__ import annotations

from dataclasses import replace

from markdown_it import MarkdownIt
from reports_builders import compliant_report, make_report

from compliance.model import Evidence
from compliance.reports import render, render_many
from compliance.reports.markdown import escape


def test_heading_names_the_verdict_and_the_copy() -> None:
    first = render(make_report(), "markdown").splitlines()[0]
    assert first == "### ❌ Violations: samples/republished/sirens-copy.md"


def test_findings_table_comes_before_the_folded_details() -> None:
    text = render(make_report(), "markdown")
    assert text.index("| Severity | Rule | Problem | Fix |") < text.index("<details>")


def test_every_finding_is_a_row_with_its_fix() -> None:
    text = render(make_report(), "markdown")
    for finding in make_report().findings:
        row = next(line for line in text.splitlines() if f"`{finding.rule_id}`" in line)
        assert row.startswith("| ") and escape(finding.fix) in row


def test_counts_are_worded_in_the_summary() -> None:
    assert "**Findings:** 2 errors, 1 warning, 0 advisories" in render(make_report(), "markdown")


def test_compliant_report_has_no_findings_table() -> None:
    text = render(compliant_report(), "markdown")
    assert "✅ Compliant" in text and "| Severity |" not in text


def test_details_quote_the_clause_and_record_both_hashes() -> None:
    report = make_report()
    text = render(report, "markdown")
    details = text[text.index("<details>") :]
    assert "> Community sites may cross-post" in details
    assert report.copy.sha256 in details and report.original.sha256 in details


def test_a_hostile_title_cannot_inject_html_or_links() -> None:
    copy = replace(
        make_report().copy,
        origin="posts/<img src=x onerror=alert(1)>[click](javascript:alert(2)).md",
    )
    html = (
        MarkdownIt("commonmark").enable("table").render(render(make_report(copy=copy), "markdown"))
    )
    assert "<img" not in html and "<a " not in html
    assert "&lt;img src=x onerror=alert(1)&gt;[click](javascript:alert(2)).md" in html


def test_a_pipe_in_a_message_does_not_split_the_table_cell() -> None:
    finding = replace(make_report().findings[0], message="credit | copyright", fix="a|b")
    text = render(make_report(findings=(finding,)), "markdown")
    row = next(line for line in text.splitlines() if "credit" in line and line.startswith("|"))
    unescaped_pipes = row.replace("\\|", "").count("|")
    assert unescaped_pipes == 5


def test_many_reports_start_with_one_summary_row_each() -> None:
    text = render_many([make_report(), compliant_report()], "markdown")
    assert text.startswith("## Compliance: 2 results (1 violation, 1 compliant)")
    rows = [line for line in text.splitlines() if line.startswith("| samples/")]
    assert len(rows) == 2


def test_long_evidence_lists_are_cut_to_five_with_a_count() -> None:
    evidence = tuple(Evidence("copy", snippet=f"link {n}") for n in range(8))
    finding = replace(make_report().findings[1], evidence=evidence)
    text = render(make_report(findings=(finding,)), "markdown")
    assert "link 4" in text and "link 5" not in text
    assert "`valleycourier/link-to-original` and 3 more" in text


def test_evidence_without_a_span_shows_no_offsets() -> None:
    finding = replace(make_report().findings[1], evidence=(Evidence("copy", snippet="seen"),))
    text = render(make_report(findings=(finding,)), "markdown")
    assert "- `valleycourier/link-to-original` copy: seen" in text
