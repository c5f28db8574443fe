"""SARIF 2.1.0: valid against the OASIS schema, findings placed on the copy where they apply."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from reports_builders import COPY_TEXT, compliant_report, make_report
from reports_schemas import sarif_validator

from compliance.model import Evidence, Finding
from compliance.reports import render, render_many
from compliance.reports.sarif import artifact_uri


def sarif(report_or_reports: Any) -> dict[str, Any]:
    if isinstance(report_or_reports, list):
        text = render_many(report_or_reports, "sarif")
    else:
        text = render(report_or_reports, "sarif")
    log = json.loads(text)
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
