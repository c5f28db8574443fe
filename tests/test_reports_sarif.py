"""SARIF 2.1.0: valid against the OASIS schema, findings placed on the copy where they apply."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from reports_builders import CLAUSE, COPY_TEXT, compliant_report, make_report
from reports_schemas import sarif_validator

from compliance.documents import load_bytes, load_path
from compliance.model import Evidence, Finding, Report, Requirement, Terms
from compliance.pipeline import CheckOptions, check_pair
from compliance.reports import render, render_many
from compliance.reports.sarif import artifact_uri, read_sources, sarif_log


def sarif(report_or_reports: Any) -> dict[str, Any]:
    if isinstance(report_or_reports, list):
        text = render_many(report_or_reports, "sarif")
    else:
        text = render(report_or_reports, "sarif")
    log: dict[str, Any] = json.loads(text)
    sarif_validator().validate(log)
    return log


def results_by_rule(log: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["ruleId"]: r for r in log["runs"][0]["results"]}


def test_sarif_of_a_report_with_findings_validates_against_the_official_schema() -> None:
    log = sarif(make_report())
    assert log["version"] == "2.1.0"


def test_sarif_of_a_compliant_report_validates_and_has_no_results() -> None:
    assert sarif(compliant_report())["runs"][0]["results"] == []


def test_sarif_schema_rejects_a_broken_log() -> None:
    log = json.loads(render(make_report(), "sarif"))
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert not sarif_validator().is_valid(log)


def test_each_finding_becomes_one_result_with_its_rule_id() -> None:
    log = sarif(make_report())
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == [
        f.rule_id for f in make_report().findings
    ]


def test_rules_are_listed_once_and_results_point_at_them() -> None:
    log = sarif([make_report(), make_report()])
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules) == 3
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_severities_map_to_sarif_levels() -> None:
    advisory = Finding("t/ask", "advisory", "advisory", "Please tell us you reposted it.")
    report = make_report(findings=(*make_report().findings, advisory))
    levels = {rule: r["level"] for rule, r in results_by_rule(sarif(report)).items()}
    assert levels == {
        "valleycourier/copyright-notice": "error",
        "valleycourier/link-to-original": "error",
        "valleycourier/together": "warning",
        "t/ask": "note",
    }


def test_message_carries_the_fix() -> None:
    result = results_by_rule(sarif(make_report()))["valleycourier/link-to-original"]
    assert result["message"]["text"].endswith(
        "Fix: link to https://valleycourier.example/2024/sirens"
    )


def test_region_is_the_line_and_column_of_the_evidence_in_the_copy() -> None:
    result = results_by_rule(sarif(make_report()))["valleycourier/link-to-original"]
    region = result["locations"][0]["physicalLocation"]["region"]
    credit = "Reposted from valleycourier.example."
    before = COPY_TEXT[: COPY_TEXT.index(credit)]
    assert region["startLine"] == before.count("\n") + 1
    assert region["startColumn"] == 1
    assert region["endColumn"] == len(credit) + 1
    assert region["snippet"]["text"] == credit


def test_a_finding_with_evidence_only_in_the_original_points_at_the_first_copied_passage() -> None:
    result = results_by_rule(sarif(make_report()))["valleycourier/copyright-notice"]
    region = result["locations"][0]["physicalLocation"]["region"]
    first = min(make_report().comparison.passages, key=lambda p: p.copy.start)
    assert region["startLine"] == COPY_TEXT[: first.copy.start].count("\n") + 1
    assert region["snippet"]["text"].startswith(COPY_TEXT[first.copy.start : first.copy.start + 20])


def test_columns_count_code_points_as_declared() -> None:
    text = "Übersicht — ein Absatz.\n\nZweite Zeile mit Kopie."
    copy = replace(make_report().copy, text=text)
    start = text.index("Kopie")
    finding = Finding(
        "t/x",
        "credit_source",
        "error",
        "m",
        evidence=(Evidence("copy", start, start + 5, "Kopie"),),
    )
    log = sarif(make_report(copy=copy, findings=(finding,)))
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"
    assert (region["startLine"], region["startColumn"]) == (
        3,
        text.split("\n")[2].index("Kopie") + 1,
    )


def test_the_artifact_is_the_copy_with_its_hash() -> None:
    log = sarif(make_report())
    (artifact,) = log["runs"][0]["artifacts"]
    assert artifact["location"]["uri"] == "samples/republished/sirens-copy.md"
    assert artifact["hashes"]["sha-256"] == make_report().copy.sha256
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "samples/republished/sirens-copy.md"


def test_artifact_uris_for_paths_with_spaces_absolute_paths_and_urls() -> None:
    assert artifact_uri("posts/my post.md") == "posts/my%20post.md"
    assert artifact_uri("/srv/site/a.html") == "file:///srv/site/a.html"
    assert artifact_uri("https://example.org/a?b=1") == "https://example.org/a?b=1"


def test_many_reports_share_one_run_with_one_artifact_each() -> None:
    other = make_report(copy=replace(make_report().copy, origin="site/other.html"))
    log = sarif([make_report(), other])
    run = log["runs"][0]
    assert [a["location"]["uri"] for a in run["artifacts"]] == [
        "samples/republished/sirens-copy.md",
        "site/other.html",
    ]
    indexes = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] for r in run["results"]
    }
    assert indexes == {0, 1}


def test_fingerprints_are_stable_across_renders() -> None:
    first = [r["partialFingerprints"] for r in sarif(make_report())["runs"][0]["results"]]
    second = [r["partialFingerprints"] for r in sarif(make_report())["runs"][0]["results"]]
    assert first == second
    assert len({json.dumps(f) for f in first}) == len(first)


def test_one_copy_checked_against_two_originals_is_one_artifact() -> None:
    second = make_report(original=replace(make_report().original, origin="originals/b.html"))
    run = sarif([make_report(), second])["runs"][0]
    assert len(run["artifacts"]) == 1
    originals = {r["properties"]["original"] for r in run["results"]}
    assert originals == {"samples/originals/sirens.html", "originals/b.html"}


# -- GitHub code scanning: stable alerts, rules described by themselves, repository paths -----

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _checked(copy_html: str) -> Report:
    copy = load_bytes(copy_html.encode("utf-8"), "site/copy.html")
    original = load_path(SAMPLES / "originals" / "meridian-flood-barriers.html")
    return check_pair(copy, original, CheckOptions(today="2024-06-01"))


def _fingerprints(report: Report) -> dict[str, str]:
    log = sarif_log([report])
    return {r["ruleId"]: r["partialFingerprints"] for r in log["runs"][0]["results"]}


def test_fingerprints_survive_an_unrelated_edit_of_the_post() -> None:
    html = (SAMPLES / "republished" / "missing-link.html").read_text(encoding="utf-8")
    edited = html.replace("<h1>", "<p>Editor's note: updated on Monday with a new photo.</p>\n<h1>")
    before, after = _checked(html), _checked(edited)
    assert before.copy.sha256 != after.copy.sha256
    assert _fingerprints(before) and _fingerprints(after) == _fingerprints(before)


def test_fingerprints_differ_when_the_evidence_differs() -> None:
    first = make_report()
    finding = first.findings[1]
    moved = replace(finding, evidence=(Evidence("copy", 0, 10, COPY_TEXT[:10]),))
    second = make_report(findings=(first.findings[0], moved, first.findings[2]))
    assert _fingerprints(first)[finding.rule_id] != _fingerprints(second)[finding.rule_id]


def test_a_rule_is_described_by_its_requirement_not_by_the_first_findings_fix() -> None:
    requirement = Requirement(
        id="link-to-original", kind="link_to_original", message="Link to the story itself."
    )
    terms = Terms(id="valleycourier", name="Valley Courier", requirements=(requirement,))
    report = make_report()
    (rule,) = [
        r
        for r in sarif_log([report], library={"valleycourier": terms})["runs"][0]["tool"]["driver"][
            "rules"
        ]
        if r["id"] == "valleycourier/link-to-original"
    ]
    assert rule["help"]["text"].startswith("Link to the story itself.")
    assert rule["fullDescription"]["text"] == "Link to the story itself."
    assert all(f.fix not in rule["help"]["text"] for f in report.findings if f.fix)


def test_a_rule_missing_from_the_library_is_described_by_its_clause_and_kind() -> None:
    report = make_report()
    rules = sarif_log([report])["runs"][0]["tool"]["driver"]["rules"]
    for rule in rules:
        assert CLAUSE in rule["help"]["text"]
        assert all(f.fix not in rule["help"]["text"] for f in report.findings if f.fix)


def test_a_file_inside_the_root_gets_a_path_relative_to_the_root(tmp_path: Path) -> None:
    (tmp_path / "posts").mkdir()
    assert artifact_uri(str(tmp_path / "posts" / "a b.md"), tmp_path) == "posts/a%20b.md"


def test_a_relative_path_is_resolved_from_the_working_folder_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "site").mkdir()
    monkeypatch.chdir(tmp_path / "site")
    assert artifact_uri("post.html", tmp_path) == "site/post.html"


def test_a_file_outside_the_root_gets_an_absolute_file_uri(tmp_path: Path) -> None:
    assert artifact_uri("/srv/other/a.html", tmp_path) == "file:///srv/other/a.html"


def test_relative_uris_name_the_root_they_are_relative_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = sarif_log([make_report()], root=tmp_path)["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uriBaseId"] == "%SRCROOT%"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"


def test_a_warc_record_is_named_by_the_address_it_archived() -> None:
    origin = "crawl/partners.warc.gz#urn:uuid:6a1e0c5e-1b2f-4a4e-9d1c-3b0f1c9e2a77"
    assert artifact_uri(origin, url="https://partner.example/story") == (
        "https://partner.example/story"
    )


def test_a_warc_record_without_an_address_keeps_the_archive_and_record() -> None:
    origin = "crawl/partners.warc.gz#urn:uuid:6a1e0c5e"
    assert artifact_uri(origin) == "crawl/partners.warc.gz#urn:uuid:6a1e0c5e"


def test_the_raw_file_is_read_only_while_it_is_what_was_checked(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("# Title\n\nReposted from valleycourier.example.\n", encoding="utf-8")
    data = post.read_bytes()
    copy = replace(
        make_report().copy,
        origin=str(post),
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    report = make_report(copy=copy)
    assert read_sources([report]) == {str(post): data.decode("utf-8")}
    post.write_text("# Title\n\nRewritten since the check.\n", encoding="utf-8")
    assert read_sources([report]) == {}
