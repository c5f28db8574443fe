"""Every format's headline copied figure is the copied share (coverage), not containment.

The sample report has coverage 0.77 and containment 0.81 (reports_builders.make_report).
"""

from __future__ import annotations

import csv
import io

from reports_builders import make_report

from compliance.reports import render
from compliance.reports.csv_rows import csv_header, csv_line
from compliance.reports.summary import Summary, render_summary


def test_table_leads_its_scores_with_the_copied_share() -> None:
    scores = next(line for line in render(make_report(), "table").splitlines() if "scores" in line)
    assert scores.split("scores", 1)[1].strip().startswith("copied share 77%")


def test_markdown_reuse_line_leads_with_the_copied_share() -> None:
    line = next(ln for ln in render(make_report(), "markdown").splitlines() if "**Reuse:**" in ln)
    assert line.startswith("**Reuse:** copied share 77%")


def test_html_first_score_is_the_copied_share() -> None:
    html = render(make_report(), "html")
    scores = html[html.index('<section class="scores"') :]
    assert scores.index("copied share") < scores.index("containment")
    assert '<span class="value">77%</span><span class="name">copied share' in scores


def test_scan_summary_lists_each_pair_with_its_copied_share() -> None:
    summary = Summary(pairs=[make_report()])
    text = render_summary(summary, width=200)
    row = next(line for line in text.splitlines() if "violations" in line)
    assert "copied" in text and "77%" in row and "81%" not in row


def test_csv_names_the_coverage_column_copied_share() -> None:
    [row] = csv.DictReader(io.StringIO(csv_header() + csv_line(make_report())))
    assert row["copied_share"] == "0.770"
    assert row["containment"] == "0.810"
