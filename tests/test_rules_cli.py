"""`compliance rules list|show|validate|detect` as a user meets them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import app

ROOT = Path(__file__).resolve().parents[1]
RULES_DATA = ROOT / "tests" / "data" / "rules"
runner = CliRunner()


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_list_shows_every_built_in_terms_id() -> None:
    result = runner.invoke(app, ["rules", "list"])
    assert result.exit_code == 0
    for terms_id in ("globalresearch", "cc-by-nd-4.0", "propublica", "all-rights-reserved"):
        assert terms_id in result.output


def test_list_includes_an_extra_rules_folder() -> None:
    result = runner.invoke(app, ["rules", "list", "--rules", str(RULES_DATA / "good")])
    assert result.exit_code == 0
    assert "house-terms" in result.output


def test_show_says_in_plain_words_what_a_copy_must_do() -> None:
    result = runner.invoke(app, ["rules", "show", "globalresearch"])
    assert result.exit_code == 0
    assert "Link to the original article itself" in result.output
    assert "within 600 characters of each other" in result.output
    assert "commercial: permission" in result.output
    assert "publications@globalresearch.ca" in result.output


def test_show_unknown_id_is_one_line_and_exit_2() -> None:
    result = runner.invoke(app, ["rules", "show", "nope"])
    assert result.exit_code == 2
    assert result.output.strip().startswith("compliance: error: unknown terms 'nope'")
    assert len(result.output.strip().splitlines()) == 1


def test_validate_built_ins_passes() -> None:
    result = runner.invoke(app, ["rules", "validate"])
    assert result.exit_code == 0
    assert "rule files valid" in result.output


def test_validate_prints_every_problem_and_exits_1() -> None:
    result = runner.invoke(app, ["rules", "validate", str(RULES_DATA / "bad")])
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line]
    assert len(lines) == 13  # 8 one-problem files + 5 problems in many-problems.yaml
    assert "tests/data/rules/bad/unknown-kind.yaml:8: requirement 'foo' has unknown kind" in (
        result.stdout
    )


def test_validate_missing_path_is_a_usage_error() -> None:
    result = runner.invoke(app, ["rules", "validate", "no/such/folder"])
    assert result.exit_code == 2
    assert "no/such/folder: no such rule file or folder" in result.output


def test_detect_names_the_terms_the_reason_and_the_contact() -> None:
    result = runner.invoke(app, ["rules", "detect", "samples/originals/terms-wire-service.md"])
    assert result.exit_code == 0
    assert "terms:        wire-service" in result.output
    assert 'the original contains "may not be published' in result.output


def test_detect_json_reports_reason_and_score() -> None:
    result = runner.invoke(
        app, ["rules", "detect", "samples/originals/terms-propublica.md", "--format", "json"]
    )
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert (payload["terms_id"], payload["reason"]) == ("propublica", "phrase")
    assert payload["score"] == 100.0


def test_detect_with_a_broken_rules_folder_is_one_line_and_exit_2() -> None:
    result = runner.invoke(
        app,
        [
            "rules",
            "detect",
            "samples/originals/terms-propublica.md",
            "--rules",
            str(RULES_DATA / "dup"),
        ],
    )
    assert result.exit_code == 2
    assert "duplicate rule id 'same-id'" in result.output


def test_detect_missing_original_exits_2_without_traceback_in_a_real_process() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "compliance", "rules", "detect", "missing.html"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("compliance: error:")
    assert "missing.html" in proc.stderr


def test_validate_exit_status_in_a_real_process() -> None:
    bad = subprocess.run(
        [sys.executable, "-m", "compliance", "rules", "validate", "tests/data/rules/bad/tabs.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 1
    assert bad.stdout.strip() == (
        "tests/data/rules/bad/tabs.yaml:5: indented with a tab character (YAML needs spaces)"
    )


NOTICE = (
    "The Orchard Courier\n\nCouncil approves the new bridge.\n\n"
    "You may republish this article online as long as you credit The Orchard Courier and the "
    "reporter and link to the original article. Print publications must ask first: "
    "reprints@orchard.example.\n"
)


def _notice(tmp_path: Path, text: str = NOTICE) -> Path:
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_detect_json_reads_an_uncatalogued_notice_into_the_labelled_fields(
    tmp_path: Path,
) -> None:
    result = runner.invoke(app, ["rules", "detect", str(_notice(tmp_path)), "--format", "json"])
    payload = json.loads(result.stdout)
    assert (payload["terms_id"], payload["reason"], payload["republishing"]) == (
        "own-notice",
        "notice",
        "allowed-with-conditions",
    )
    assert payload["requires"]["link_to_original"] == "article"
    assert payload["contact"] == "reprints@orchard.example"
    assert "print" in payload["venues_needing_permission"]


def test_detect_reads_a_waiver_of_permission_as_a_licence_to_republish(tmp_path: Path) -> None:
    waiver = (
        "Ferry timetable\n\nThe harbour board approved evening crossings on Monday.\n\n"
        "No prior permission is required to republish our articles.\n"
    )
    args = ["rules", "detect", str(_notice(tmp_path, waiver)), "--format", "json"]
    payload = json.loads(runner.invoke(app, args).stdout)
    assert (payload["terms_id"], payload["republishing"]) == ("own-notice", "allowed")


def test_detect_json_clauses_quote_the_original_at_their_offsets(tmp_path: Path) -> None:
    result = runner.invoke(app, ["rules", "detect", str(_notice(tmp_path)), "--format", "json"])
    clauses = json.loads(result.stdout)["clauses"]
    assert {c["field"] for c in clauses} >= {"republishing", "credit_source", "byline"}
    assert all(NOTICE[c["start"] : c["end"]] == c["sentence"] for c in clauses)


def test_detect_catalogue_only_ignores_the_notice(tmp_path: Path) -> None:
    args = ["rules", "detect", str(_notice(tmp_path)), "--format", "json", "--catalogue-only"]
    payload = json.loads(runner.invoke(app, args).stdout)
    assert (payload["terms_id"], payload["reason"]) == ("all-rights-reserved", "default")


def test_detect_text_quotes_each_clause(tmp_path: Path) -> None:
    result = runner.invoke(app, ["rules", "detect", str(_notice(tmp_path))])
    assert result.exit_code == 0
    assert "credit_source [text " in result.output
    assert '"You may republish this article online' in result.output


def test_show_from_writes_a_rule_file_that_validates(tmp_path: Path) -> None:
    target = tmp_path / "orchard.yaml"
    result = runner.invoke(
        app, ["rules", "show", "--from", str(_notice(tmp_path)), "--output", str(target)]
    )
    assert result.exit_code == 0
    assert "reprints@orchard.example" in target.read_text(encoding="utf-8")
    assert runner.invoke(app, ["rules", "validate", str(target)]).exit_code == 0


def test_show_from_an_original_without_a_notice_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("The council met on Tuesday.\n", encoding="utf-8")
    result = runner.invoke(app, ["rules", "show", "--from", str(path)])
    assert result.exit_code == 2
    assert result.output.strip().endswith("no republishing notice found")


def test_validate_reports_a_broken_pattern_file_and_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    (folder / "xx.yaml").write_text("language: xx\nsignals:\n  nope: ['x']\n", encoding="utf-8")
    result = runner.invoke(app, ["rules", "validate", str(folder)])
    assert result.exit_code == 1
    assert "xx.yaml:3: unknown signal 'nope'" in result.output


def test_validate_by_default_covers_the_shipped_pattern_files() -> None:
    result = runner.invoke(app, ["rules", "validate"])
    assert result.exit_code == 0
    shipped = len(list((ROOT / "rules").glob("*.yaml")))
    shipped += len(list((ROOT / "rules" / "notices").glob("*.yaml")))
    assert f"{shipped} rule files valid" in result.output


def test_detect_json_reads_the_licence_of_a_page_that_prints_no_notice(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        '<html><head><script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "license": "https://creativecommons.org/licenses/by-sa/3.0/"}'
        "</script></head><body><article><p>The council voted on Tuesday to keep the night "
        "buses running through the winter, after a petition signed by four thousand people."
        "</p></article></body></html>",
        encoding="utf-8",
    )
    payload = json.loads(
        runner.invoke(app, ["rules", "detect", str(page), "--format", "json"]).stdout
    )
    assert (payload["terms_id"], payload["requires"]["license_notice"]) == (
        "own-notice",
        "cc-by-sa-3.0",
    )
    assert {c["in"] for c in payload["clauses"]} == {"metadata"}


def test_show_writes_the_description_to_the_output_file(tmp_path: Path) -> None:
    target = tmp_path / "globalresearch.txt"
    result = runner.invoke(app, ["rules", "show", "globalresearch", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert (
        target.read_text(encoding="utf-8")
        == runner.invoke(app, ["rules", "show", "globalresearch"]).output
    )


def test_show_from_refuses_an_output_in_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "dir" / "orchard.yaml"
    result = runner.invoke(
        app, ["rules", "show", "--from", str(_notice(tmp_path)), "-o", str(target)]
    )
    assert result.exit_code == 2
    assert "no such folder" in result.output
    assert not (tmp_path / "missing").exists()
