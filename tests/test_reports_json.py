"""JSON reports: every output validates against the shipped schema and reads back unchanged."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest
from reports_builders import compliant_report, make_report
from reports_schemas import report_validator

from compliance import model
from compliance.errors import ReportError
from compliance.reports import load_report, render, render_many, report_schema
from compliance.reports.jsonl import json_line
from compliance.scan import ScanError
from compliance.serialize import to_dict


def test_schema_is_valid_draft_2020_12() -> None:
    schema = report_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_json_of_a_report_with_findings_validates() -> None:
    report_validator().validate(json.loads(render(make_report(), "json")))


def test_json_of_a_compliant_report_without_fair_use_validates() -> None:
    report_validator().validate(json.loads(render(compliant_report(), "json")))


def test_json_carries_the_schema_version() -> None:
    assert json.loads(render(make_report(), "json"))["schema_version"] == model.SCHEMA_VERSION


def test_json_of_many_reports_is_an_array_that_validates() -> None:
    data = json.loads(render_many([make_report(), compliant_report()], "json"))
    assert [r["verdict"] for r in data] == ["violations", "compliant"]
    report_validator("reportList").validate(data)


def test_scan_json_lines_validate_as_scan_records() -> None:
    error = json_line(ScanError("crawl/a.html", "empty file"))
    for line in (error, json_line(make_report())):
        report_validator("scanRecord").validate(json.loads(line))


def test_the_short_error_record_form_validates_too() -> None:
    report_validator("scanRecord").validate({"origin": "crawl/a.html", "error": "empty file"})


def test_schema_rejects_an_unknown_verdict() -> None:
    data = json.loads(render(make_report(), "json"))
    data["verdict"] = "fine"
    with pytest.raises(jsonschema.ValidationError):
        report_validator().validate(data)


def test_schema_rejects_a_field_it_does_not_document() -> None:
    data = json.loads(render(make_report(), "json"))
    data["comparison"]["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError):
        report_validator().validate(data)


@pytest.mark.parametrize(
    ("definition", "cls"),
    [
        ("report", model.Report),
        ("documentInfo", model.DocumentInfo),
        ("comparison", model.Comparison),
        ("passage", model.Passage),
        ("finding", model.Finding),
        ("evidence", model.Evidence),
        ("fairUse", model.FairUse),
        ("factor", model.Factor),
        ("termsChoice", model.TermsChoice),
        ("attribution", model.Attribution),
        ("span", model.Span),
    ],
)
def test_schema_documents_every_field_of_the_model(definition: str, cls: type) -> None:
    documented = set(report_schema()["$defs"][definition]["properties"])
    assert documented == {f.name for f in dataclasses.fields(cls)}


def test_saved_report_reads_back_equal(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(render(make_report(), "json"), encoding="utf-8")
    assert load_report(path) == make_report()


def test_saved_array_reads_back_as_a_list(tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    path.write_text(render_many([make_report(), compliant_report()], "json"), encoding="utf-8")
    assert load_report(path) == [make_report(), compliant_report()]


def test_json_lines_read_back_skipping_error_records(tmp_path: Path) -> None:
    lines = [
        json_line(make_report()),
        json_line(ScanError("crawl/broken.html", "binary file")),
        json.dumps({"origin": "crawl/other.html", "error": "too big"}),
        json_line(compliant_report()),
    ]
    path = tmp_path / "scan.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert load_report(path) == [make_report(), compliant_report()]


def _saved(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_loading_text_that_is_not_json_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text("this is not json", encoding="utf-8")
    with pytest.raises(ReportError, match=r"notes\.json: not JSON"):
        load_report(path)


def test_loading_a_newer_schema_version_is_refused(tmp_path: Path) -> None:
    data = to_dict(make_report())
    data["schema_version"] = "1.99"
    with pytest.raises(ReportError, match=r"saved\.json: schema_version 1\.99 is not readable"):
        load_report(_saved(tmp_path, data))


def test_loading_another_major_schema_version_is_refused(tmp_path: Path) -> None:
    data = to_dict(make_report())
    data["schema_version"] = "0.9"
    with pytest.raises(ReportError, match=r"schema_version 0\.9 is not readable"):
        load_report(_saved(tmp_path, data))


def test_loading_json_without_a_schema_version_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="no valid schema_version"):
        load_report(_saved(tmp_path, {"verdict": "compliant"}))


def test_loading_a_report_missing_fields_says_it_is_not_a_report(tmp_path: Path) -> None:
    data = to_dict(make_report())
    del data["comparison"]
    with pytest.raises(ReportError, match=r"saved\.json: not a compliance report"):
        load_report(_saved(tmp_path, data))


def test_loading_a_json_number_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="expected a report object, got int"):
        load_report(_saved(tmp_path, 42))


def test_loading_a_bad_json_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "scan.jsonl"
    path.write_text(json.dumps(to_dict(make_report())) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(ReportError, match=r"scan\.jsonl: line 2: not JSON"):
        load_report(path)


def test_loading_a_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match=r"absent\.json: no such file"):
        load_report(tmp_path / "absent.json")


def test_loading_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="is a directory"):
        load_report(tmp_path)


def test_loading_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_text("", encoding="utf-8")
    with pytest.raises(ReportError, match=r"empty\.json: empty file"):
        load_report(path)


def test_unknown_format_is_a_report_error() -> None:
    with pytest.raises(ReportError, match="unknown report format 'pdf'"):
        render(make_report(), "pdf")


def test_loading_a_lone_scan_error_record_says_so(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json_line(ScanError("crawl/a.html", "binary file")), encoding="utf-8")
    with pytest.raises(ReportError, match=r"one\.json: holds a scan error record.*binary file"):
        load_report(path)
