"""`compliance report RESULT.json`: re-render a saved result; bad input is one line, exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from reports_builders import compliant_report, make_report

from compliance.cli import app
from compliance.reports import UnreadableDocument, load_report, render, render_many
from compliance.serialize import to_dict
from compliance.status import SKIPPED

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "result.json"
    path.write_text(render(make_report(), "json"), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["html", "markdown", "sarif", "json", "table"])
def test_report_renders_a_saved_result_like_the_renderer(saved: Path, fmt: str) -> None:
    result = runner.invoke(app, ["report", str(saved), "--format", fmt])
    expected = render(make_report(), fmt)
    if fmt == "html":  # the generation stamp differs; compare the report bodies
        expected = expected[expected.index("<main>") :]
        assert result.stdout[result.stdout.index("<main>") :].rstrip() == expected.rstrip()
    else:
        assert result.stdout.rstrip() == expected.rstrip()


def test_report_defaults_to_html(saved: Path) -> None:
    result = runner.invoke(app, ["report", str(saved)])
    assert result.stdout.startswith("<!DOCTYPE html>")


def test_report_writes_the_output_file(saved: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    result = runner.invoke(app, ["report", str(saved), "-f", "sarif", "--output", str(out)])
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_report_of_json_lines_renders_an_index_and_the_unreadable_pages(tmp_path: Path) -> None:
    path = tmp_path / "scan.jsonl"
    records = [
        to_dict(make_report()),
        {"type": "error", "origin": "x.html", "message": "empty"},
        to_dict(compliant_report()),
    ]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    result = runner.invoke(app, ["report", str(path), "-f", "markdown"])
    assert result.exit_code == SKIPPED
    unreadable = [UnreadableDocument("x.html", "empty")]
    expected = render_many([make_report(), compliant_report()], "markdown", unreadable=unreadable)
    assert result.stdout == expected


def _saved_scan(tmp_path: Path) -> Path:
    """Scan's JSON lines: a report, a page it could not read, another report."""
    path = tmp_path / "scan.jsonl"
    records = [
        to_dict(make_report()),
        {"type": "error", "origin": "crawl/broken.html", "message": "not a text document"},
        to_dict(compliant_report()),
    ]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return path


def test_a_rerendered_scan_as_a_table_lists_its_unreadable_documents(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(_saved_scan(tmp_path)), "-f", "table"])
    section = result.stdout[result.stdout.index("Unreadable documents (1)") :]
    assert "crawl/broken.html" in section and "not a text document" in section


def test_a_rerendered_scan_as_json_keeps_its_error_records(tmp_path: Path) -> None:
    from compliance.reports.load import load_saved

    out = tmp_path / "again.json"
    runner.invoke(app, ["report", str(_saved_scan(tmp_path)), "-f", "json", "--output", str(out)])
    records = json.loads(out.read_text(encoding="utf-8"))
    assert records[-1] == {
        "type": "error",
        "origin": "crawl/broken.html",
        "message": "not a text document",
    }
    assert load_saved(out) == (
        [make_report(), compliant_report()],
        [UnreadableDocument("crawl/broken.html", "not a text document")],
    )


@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "sarif", "html"])
def test_a_rerendered_scan_with_unreadable_documents_exits_skipped_as_the_scan_did(
    tmp_path: Path, fmt: str
) -> None:
    result = runner.invoke(app, ["report", str(_saved_scan(tmp_path)), "-f", fmt])
    assert result.exit_code == SKIPPED, result.output


def test_round_trip_json_to_json_is_lossless(saved: Path, tmp_path: Path) -> None:
    out = tmp_path / "again.json"
    runner.invoke(app, ["report", str(saved), "-f", "json", "--output", str(out)])
    assert load_report(out) == make_report()


def test_unknown_format_is_a_usage_error(saved: Path) -> None:
    result = runner.invoke(app, ["report", str(saved), "-f", "pdf"])
    assert result.exit_code == 2
    assert "--format must be one of" in result.stderr


def test_a_list_without_reports_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "empty-scan.json"
    path.write_text("[]", encoding="utf-8")
    result = runner.invoke(app, ["report", str(path)])
    assert result.exit_code == 2
    assert "holds no reports" in result.stderr


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compliance", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_subprocess_bad_json_exits_2_with_one_line_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "garbage.json"
    path.write_text("{not json", encoding="utf-8")
    proc = run_cli("report", str(path), "-f", "html")
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "garbage.json: not JSON" in lines[0]
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_subprocess_newer_schema_exits_2(tmp_path: Path) -> None:
    data = to_dict(make_report())
    data["schema_version"] = "1.7"
    path = tmp_path / "future.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    proc = run_cli("report", str(path))
    assert proc.returncode == 2
    assert "future.json: schema_version 1.7" in proc.stderr


def test_subprocess_missing_file_exits_2(tmp_path: Path) -> None:
    proc = run_cli("report", str(tmp_path / "nowhere.json"))
    assert proc.returncode == 2
    assert "nowhere.json: no such file" in proc.stderr


def test_a_result_with_error_findings_exits_1_as_check_does(saved: Path) -> None:
    proc = run_cli("report", str(saved), "-f", "markdown")
    assert proc.returncode == 1
    assert proc.stdout.startswith("### ❌ Violations")


def test_a_compliant_result_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "ok.json"
    path.write_text(render(compliant_report(), "json"), encoding="utf-8")
    assert runner.invoke(app, ["report", str(path), "-f", "markdown"]).exit_code == 0


def test_fail_on_never_exits_0_despite_error_findings(saved: Path) -> None:
    result = runner.invoke(app, ["report", str(saved), "-f", "json", "--fail-on", "never"])
    assert result.exit_code == 0


def test_output_into_a_missing_folder_is_refused(saved: Path, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "report.html"
    result = runner.invoke(app, ["report", str(saved), "--output", str(out)])
    assert result.exit_code == 2
    assert "no such folder" in result.stderr
    assert not out.parent.exists()
