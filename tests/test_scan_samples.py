"""`index add samples/originals`, then `scan samples/republished`: what samples/README.md says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from samples_table import SAMPLES, expectations

from compliance.cli import app

EXPECTED = {r.copy: (r.original, r.verdict, r.rule_ids) for r in expectations()}
Scanned = dict[str, list[dict[str, Any]]]
COPIES = sorted(c for c, (_, verdict, _) in EXPECTED.items() if verdict != "not-a-copy")


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Scanned:
    """Reports by copy (relative to samples/), from one index add and one JSON-lines scan."""
    index = tmp_path_factory.mktemp("idx") / "index.sqlite"
    runner = CliRunner()
    added = runner.invoke(app, ["index", "add", str(SAMPLES / "originals"), "--index", str(index)])
    assert added.exit_code == 0, added.output
    result = runner.invoke(
        app,
        [
            "scan",
            str(SAMPLES / "republished"),
            "--index",
            str(index),
            "--format",
            "json",
            "--today",
            "2024-06-01",
            "--fail-on",
            "never",
        ],
    )
    assert result.exit_code == 0, result.output
    by_copy: Scanned = {}
    for line in result.stdout.splitlines():
        record = json.loads(line)
        copy = Path(record["copy"]["origin"]).relative_to(SAMPLES).as_posix()
        by_copy.setdefault(copy, []).append(record)
    return by_copy


def test_readme_lists_copies_to_scan() -> None:
    assert len(EXPECTED) >= 10


@pytest.mark.parametrize("copy", sorted(EXPECTED))
def test_scan_finds_the_readme_original_and_verdict(copy: str, scanned: Scanned) -> None:
    original, verdict, rule_ids = EXPECTED[copy]
    reports = scanned.get(copy, [])
    if verdict == "not-a-copy":
        assert reports == []
        return
    assert len(reports) == 1
    (report,) = reports
    found = {f["rule_id"] for f in report["findings"] if f["severity"] in ("error", "warning")}
    assert Path(report["original"]["origin"]).relative_to(SAMPLES).as_posix() == original
    assert (report["verdict"], found) == (verdict, set(rule_ids))


@pytest.mark.parametrize("fmt", ["html", "markdown", "sarif"])
def test_scan_renders_every_pair_found_as_one_document(fmt: str, tmp_path: Path) -> None:
    index = tmp_path / "index.sqlite"
    runner = CliRunner()
    added = runner.invoke(app, ["index", "add", str(SAMPLES / "originals"), "--index", str(index)])
    assert added.exit_code == 0, added.output
    out = tmp_path / f"scan.{fmt}"
    result = runner.invoke(
        app,
        [
            "scan",
            str(SAMPLES / "republished"),
            "--index",
            str(index),
            "--format",
            fmt,
            "--today",
            "2024-06-01",
            "--output",
            str(out),
        ],
    )
    assert result.exit_code == 1, result.output
    text = out.read_text(encoding="utf-8")
    copies = COPIES
    if fmt == "sarif":
        uris = {a["location"]["uri"] for a in json.loads(text)["runs"][0]["artifacts"]}
        assert {Path(u).name for u in uris} == {Path(c).name for c in copies}
    else:
        assert all(Path(c).name in text for c in copies)


@pytest.mark.parametrize("copy", COPIES)
def test_check_and_scan_agree_on_verdict_and_copied_share(copy: str, scanned: Scanned) -> None:
    (scan_report,) = scanned[copy]
    result = CliRunner().invoke(
        app,
        [
            "check",
            str(SAMPLES / copy),
            "--original",
            scan_report["original"]["origin"],
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
    )
    assert result.exit_code == 0, result.output
    checked = json.loads(result.stdout)
    assert checked["verdict"] == scan_report["verdict"]
    assert checked["comparison"]["coverage"] == scan_report["comparison"]["coverage"]
