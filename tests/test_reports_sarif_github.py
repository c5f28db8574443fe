"""`scan --format sarif` as GitHub code scanning reads it: the documented upload requirements.

GitHub's "SARIF support for code scanning" page lists what an upload must carry for alerts to
show on the right file and line and to be tracked across commits. Each requirement is one test
over the SARIF of a real scan of samples/ (index add, then scan), as `upload-sarif` receives it.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner
from reports_schemas import sarif_validator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from compliance.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def _scan(index: Path, *paths: str, cwd: Path, extra: tuple[str, ...] = ()) -> dict[str, Any]:
    runner = CliRunner()
    args = ["scan", *paths, "--index", str(index), "--format", "sarif", "--fail-on", "never"]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(cwd)
        result = runner.invoke(app, [*args, "--today", "2024-06-01", *extra])
    assert result.exit_code == 0, result.output
    log: dict[str, Any] = json.loads(result.stdout)
    return log


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("idx") / "index.sqlite"
    added = CliRunner().invoke(
        app, ["index", "add", str(SAMPLES / "originals"), "--index", str(path)]
    )
    assert added.exit_code == 0, added.output
    return path


@pytest.fixture(scope="module")
def log(index: Path) -> dict[str, Any]:
    """The scan run from inside samples/, as a CI step in a sub-folder of the repository would."""
    return _scan(index, "republished", cwd=SAMPLES)


@pytest.fixture(scope="module")
def results(log: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = log["runs"][0]["results"]
    assert found, "the samples yield findings"
    return found


def _uri(result: dict[str, Any]) -> str:
    return str(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])


def _line_holding(path: Path, words: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if words in line)


def test_the_scan_log_is_valid_sarif_2_1_0(log: dict[str, Any]) -> None:
    sarif_validator().validate(log)


def test_every_result_names_a_rule_the_driver_lists(log: dict[str, Any]) -> None:
    rules = {rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert all(result["ruleId"] in rules for result in log["runs"][0]["results"])


def test_every_result_has_a_message_text(results: list[dict[str, Any]]) -> None:
    assert all(result["message"]["text"].strip() for result in results)


def test_artifact_uris_are_relative_to_the_repository_root(results: list[dict[str, Any]]) -> None:
    for result in results:
        uri = _uri(result)
        assert not urlsplit(uri).scheme and not uri.startswith("/")
        assert (ROOT / unquote(uri)).is_file(), uri


def test_every_region_starts_on_a_line_of_the_file(results: list[dict[str, Any]]) -> None:
    for result in results:
        region = result["locations"][0]["physicalLocation"]["region"]
        lines = (ROOT / unquote(_uri(result))).read_text(encoding="utf-8").count("\n") + 1
        assert 1 <= region["startLine"] <= lines


def test_every_result_has_a_partial_fingerprint(results: list[dict[str, Any]]) -> None:
    prints = [json.dumps(result["partialFingerprints"], sort_keys=True) for result in results]
    assert all(result["partialFingerprints"] for result in results)
    assert len(set(prints)) == len(prints)


def test_every_rule_has_a_short_description_and_help(log: dict[str, Any]) -> None:
    for rule in log["runs"][0]["tool"]["driver"]["rules"]:
        assert rule["shortDescription"]["text"].strip()
        assert rule["help"]["text"].strip()


def test_a_finding_is_placed_on_the_line_of_its_evidence_in_the_html_file(
    results: list[dict[str, Any]],
) -> None:
    # The credit sits far down the raw HTML (head, navigation), not where the extracted text
    # puts it: line 23 of the text, line 31 of the file.
    path = SAMPLES / "republished" / "missing-link.html"
    (result,) = [r for r in results if _uri(r) == "samples/republished/missing-link.html"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == _line_holding(path, "The original source of this article is")


def test_a_missing_credit_is_placed_in_the_visible_page_not_the_head(
    results: list[dict[str, Any]],
) -> None:
    path = SAMPLES / "republished" / "missing-source.html"
    (result,) = [
        r
        for r in results
        if _uri(r) == "samples/republished/missing-source.html"
        and r["ruleId"].endswith("/source-credit")
    ]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] >= _line_holding(path, "<h1>") > _line_holding(path, "<title>")


def test_sarif_root_makes_uris_relative_to_the_folder_given(index: Path, tmp_path: Path) -> None:
    chosen = _scan(
        index,
        str(SAMPLES / "republished" / "missing-link.html"),
        cwd=tmp_path,
        extra=("--sarif-root", str(SAMPLES)),
    )
    (result,) = chosen["runs"][0]["results"]
    assert _uri(result) == "republished/missing-link.html"


def test_a_saved_report_rendered_as_sarif_is_placed_in_the_file_too(
    index: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    copy = SAMPLES / "republished" / "missing-link.html"
    saved = tmp_path / "scan.jsonl"
    scanned = runner.invoke(
        app,
        ["scan", str(copy), "--index", str(index), "--format", "json", "--output", str(saved)],
    )
    assert scanned.exit_code in (0, 1), scanned.output
    rendered = runner.invoke(app, ["report", str(saved), "--format", "sarif"])
    assert rendered.exit_code == 1, rendered.output  # the saved result holds an error finding
    (result,) = json.loads(rendered.stdout)["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == _line_holding(copy, "The original source of this article is")


def test_a_warc_record_is_an_artifact_named_by_the_address_it_archived(
    index: Path, tmp_path: Path
) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    page = (SAMPLES / "republished" / "missing-link.html").read_bytes()
    with crawl.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://partner.example/2024/flood-story",
                "response",
                payload=io.BytesIO(page),
                length=len(page),
                http_headers=headers,
            )
        )
    log = _scan(index, str(crawl), cwd=tmp_path)
    sarif_validator().validate(log)
    (result,) = log["runs"][0]["results"]
    assert _uri(result) == "https://partner.example/2024/flood-story"


def test_rules_from_a_rules_folder_are_described_by_their_own_rule_file(
    index: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "house-rules"
    folder.mkdir()
    text = (ROOT / "rules" / "globalresearch.yaml").read_text(encoding="utf-8")
    own = "Link to the article on our site, never to the front page."
    assert "message: Link to the original article itself." in text
    (folder / "globalresearch.yaml").write_text(
        text.replace("message: Link to the original article itself.", f"message: {own}"),
        encoding="utf-8",
    )
    copy = str(SAMPLES / "republished" / "missing-link.html")
    extra = ("--rules", str(folder), "--terms", "globalresearch")
    log = _scan(index, copy, cwd=tmp_path, extra=extra)
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]
    assert rule["id"] == "globalresearch/link-to-original"
    assert rule["fullDescription"]["text"] == own
