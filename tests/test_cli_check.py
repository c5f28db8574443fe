"""`compliance check` as a user meets it: exit codes, output files, one-line input errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = ROOT / "samples/originals/meridian-flood-barriers.html"
COMPLIANT = ROOT / "samples/republished/compliant-full.html"
MISSING_LINK = ROOT / "samples/republished/missing-link.html"
UNRELATED = ROOT / "samples/republished/unrelated.html"


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "compliance", "check", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


def test_compliant_copy_exits_zero() -> None:
    assert run(COMPLIANT, "--original", ORIGINAL).returncode == 0


def test_copy_with_error_findings_exits_one() -> None:
    assert run(MISSING_LINK, "--original", ORIGINAL).returncode == 1


def test_fail_on_never_exits_zero_despite_findings() -> None:
    assert run(MISSING_LINK, "--original", ORIGINAL, "--fail-on", "never").returncode == 0


def test_unrelated_article_is_not_a_copy_and_exits_zero() -> None:
    result = run(UNRELATED, "--original", ORIGINAL, "--format", "json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["verdict"] == "not-a-copy"
    assert report["findings"] == []


def test_json_report_holds_passage_and_evidence_offsets(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run(MISSING_LINK, "--original", ORIGINAL, "--format", "json", "--output", out)
    assert result.returncode == 1
    report = json.loads(out.read_text(encoding="utf-8"))
    copy_text, original_text = report["copy"]["text"], report["original"]["text"]
    passages = report["comparison"]["passages"]
    assert passages
    for p in passages:
        assert 0 <= p["copy"]["start"] < p["copy"]["end"] <= len(copy_text)
        assert 0 <= p["original"]["start"] < p["original"]["end"] <= len(original_text)
    evidence = [e for f in report["findings"] for e in f["evidence"] if e["start"] >= 0]
    assert evidence
    for e in evidence:
        text = copy_text if e["document"] == "copy" else original_text
        assert 0 <= e["start"] <= e["end"] <= len(text)


def test_missing_original_option_is_a_usage_error() -> None:
    assert_one_line_error(run(COMPLIANT), "--original")


def test_missing_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.html"
    assert_one_line_error(run(missing, "--original", ORIGINAL), "nowhere.html")


def test_directory_given_as_file_is_named(tmp_path: Path) -> None:
    assert_one_line_error(run(tmp_path, "--original", ORIGINAL), str(tmp_path))


def test_empty_file_is_named(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    assert_one_line_error(run(empty, "--original", ORIGINAL), "empty.html")


def test_binary_file_is_named(tmp_path: Path) -> None:
    binary = tmp_path / "photo.html"
    binary.write_bytes(bytes(range(256)) * 40)
    assert_one_line_error(run(binary, "--original", ORIGINAL), "photo.html")


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    huge = tmp_path / "huge.html"
    with huge.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    assert_one_line_error(run(huge, "--original", ORIGINAL), "huge.html")


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    assert_one_line_error(
        run(COMPLIANT, "--original", ORIGINAL, "--max-bytes", "1000"), "compliant-full.html"
    )


@pytest.mark.parametrize("limit", ["-5", "0"])
def test_a_size_limit_below_one_byte_is_a_usage_error(limit: str) -> None:
    result = run(COMPLIANT, "--original", ORIGINAL, "--max-bytes", limit)
    assert result.returncode == 2, result.stderr
    assert "Invalid value for '--max-bytes'" in result.stderr
    assert "Traceback" not in result.stderr


def test_latin1_copy_is_decoded_not_refused(tmp_path: Path) -> None:
    text = COMPLIANT.read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="latin-1"')
    latin = tmp_path / "latin.html"
    latin.write_bytes(text.encode("latin-1", errors="replace"))
    assert run(latin, "--original", ORIGINAL).returncode == 0


def test_malformed_html_gives_a_result_or_one_line_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text("<html><body><p>Unclosed <div><a href='x'>link <table><tr><td>", "utf-8")
    result = run(broken, "--original", ORIGINAL)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 2)


@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "sarif", "html"])
def test_every_format_renders(fmt: str) -> None:
    result = run(MISSING_LINK, "--original", ORIGINAL, "--format", fmt)
    assert result.returncode == 1, result.stderr
    assert result.stdout.strip()


def test_unknown_format_is_a_usage_error() -> None:
    assert_one_line_error(run(COMPLIANT, "--original", ORIGINAL, "--format", "pdf"), "--format")


def test_sarif_regions_point_into_the_copy_file_itself() -> None:
    copy = ROOT / "samples/republished/missing-source.html"
    result = run(copy, "--original", ORIGINAL, "--format", "sarif")
    assert result.returncode == 1, result.stderr
    results = json.loads(result.stdout)["runs"][0]["results"]
    region = next(
        r["locations"][0]["physicalLocation"]["region"]
        for r in results
        if r["ruleId"].endswith("/copyright-notice")
    )
    line = copy.read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
    start = region["startColumn"] - 1
    assert line[start : start + len("Copyright © Tomas Reyes")] == "Copyright © Tomas Reyes"


def test_an_output_path_that_cannot_be_written_is_a_one_line_error() -> None:
    blocked = ROOT / "samples" / "README.md" / "report.json"  # a file stands where a folder must
    result = run(MISSING_LINK, "--original", ORIGINAL, "--format", "json", "--output", blocked)
    assert_one_line_error(result, "README.md")


def test_an_advisory_says_its_request_once() -> None:
    copy = ROOT / "samples/republished/compliant-full.md"
    original = ROOT / "samples/originals/northwind-port-strike.md"
    result = run(copy, "--original", original, "--terms", "cc-by-4.0", "--format", "json")
    advisories = [f for f in json.loads(result.stdout)["findings"] if f["kind"] == "advisory"]
    assert advisories
    for finding in advisories:
        sentence = finding["message"].rstrip(". ")
        assert finding["message"].count(sentence.split(":")[0]) == 1, finding["message"]


def test_sarif_locates_in_the_bytes_of_the_single_bounded_read(tmp_path: Path) -> None:
    from compliance.cli.check import _load
    from compliance.documents import DEFAULT_LIMITS

    copy = tmp_path / "copy.html"
    copy.write_bytes(COMPLIANT.read_bytes())
    doc, raw = _load(str(copy), 10_000_000, 5.0, False, DEFAULT_LIMITS)
    copy.write_bytes(b"x" * 20_000_000)  # grown past the limit after the load
    assert raw() == COMPLIANT.read_bytes()
    assert doc.origin == str(copy)
