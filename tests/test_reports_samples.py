"""Reports of the demo set, made by the real pipeline, pass every format's schema and checks."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from reports_samples import COPIES, sample_report
from reports_schemas import report_validator, sarif_validator

from compliance.reports import load_report, render, render_many


@pytest.mark.parametrize("copy_name", COPIES)
def test_sample_json_validates_against_the_report_schema(copy_name: str) -> None:
    data = json.loads(render(sample_report(copy_name), "json"))
    report_validator().validate(data)


@pytest.mark.parametrize("copy_name", COPIES)
def test_sample_sarif_validates_against_the_sarif_schema(copy_name: str) -> None:
    sarif_validator().validate(json.loads(render(sample_report(copy_name), "sarif")))


@pytest.mark.parametrize("copy_name", COPIES)
def test_sample_html_marks_every_passage_in_both_texts(copy_name: str) -> None:
    report = sample_report(copy_name)
    tree = lxml.html.document_fromstring(render(report, "html"))
    for n in range(1, len(report.comparison.passages) + 1):
        assert tree.xpath(f'//*[@id="o{n}"]/@href') == [f"#c{n}"]
        assert tree.xpath(f'//*[@id="c{n}"]/@href') == [f"#o{n}"]


def test_all_samples_as_json_array_read_back_equal(tmp_path: Path) -> None:
    reports = [sample_report(name) for name in COPIES]
    path = tmp_path / "all.json"
    path.write_text(render_many(reports, "json"), encoding="utf-8")
    assert load_report(path) == reports
