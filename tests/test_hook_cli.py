"""`compliance hook FILES...` end to end: real posts, a real originals folder and a real index."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
NORTHWIND = SAMPLES / "originals" / "northwind-port-strike.md"
NORTHWIND_URL = "https://northwindanalysis.net/articles/2023/11/port-strike-third-week"
COMPLIANT = SAMPLES / "republished" / "compliant-full.md"
MISSING_COPYRIGHT = SAMPLES / "republished" / "missing-copyright.md"
UNRELATED = SAMPLES / "republished" / "unrelated.html"
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<rule>[\w.-]+/[\w.-]+): (?P<rest>.+)$")

runner = CliRunner()


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site with an originals folder holding the Northwind original, as the working dir."""
    root = tmp_path / "site"
    (root / "originals").mkdir(parents=True)
    (root / "posts").mkdir()
    shutil.copy(NORTHWIND, root / "originals" / NORTHWIND.name)
    (root / "compliance.yaml").write_text(
        'originals: originals\nfiles: ["posts/**/*.md", "posts/**/*.html"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(root)
    return root


def _post(site: Path, name: str, source: Path, front: str = "") -> Path:
    text = source.read_text(encoding="utf-8")
    if front:
        text = text.replace("---\n", f"---\n{front}\n", 1)
    path = site / "posts" / name
    path.write_text(text, encoding="utf-8")
    return path.relative_to(site)


def _hook(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["hook", *args])
    return result.exit_code, result.output


def test_a_compliant_copy_passes_silently(site: Path) -> None:
    assert _hook(str(_post(site, "a.md", COMPLIANT))) == (0, "")


def test_a_post_that_copies_nothing_passes_silently(site: Path) -> None:
    assert _hook(str(_post(site, "a.html", UNRELATED))) == (0, "")


def test_a_copy_missing_its_copyright_fails_with_one_compact_line(site: Path) -> None:
    post = _post(site, "a.md", MISSING_COPYRIGHT)
    status, output = _hook(str(post))
    assert status == 1
    lines = output.splitlines()
    assert lines and all(LINE.match(line) for line in lines), output
    first = LINE.match(lines[0])
    assert first and first["file"] == str(post)
    assert first["rule"].endswith("/copyright-notice")


def test_the_line_number_points_into_the_post(site: Path) -> None:
    post = _post(site, "a.md", MISSING_COPYRIGHT)
    _, output = _hook(str(post))
    total = len((site / post).read_text(encoding="utf-8").splitlines())
    for line in output.splitlines():
        match = LINE.match(line)
        assert match and 1 <= int(match["line"]) <= total


def test_fail_on_never_reports_but_exits_zero(site: Path) -> None:
    status, output = _hook("--fail-on", "never", str(_post(site, "a.md", MISSING_COPYRIGHT)))
    assert status == 0
    assert "copyright-notice" in output


def test_files_outside_the_configured_globs_are_not_checked(site: Path) -> None:
    outside = site / "drafts" / "a.md"
    outside.parent.mkdir()
    shutil.copy(MISSING_COPYRIGHT, outside)
    assert _hook("drafts/a.md") == (0, "")


def test_a_files_glob_pathspec_cannot_read_is_exit_2_at_its_config_line(site: Path) -> None:
    config = site / "compliance.yaml"
    config.write_text("originals: originals\nfiles:\n  - posts/*.md\n  - '[z-a].md'\n")
    status, output = _hook(str(_post(site, "a.md", MISSING_COPYRIGHT)))
    assert status == 2 and output.count("\n") == 1
    assert output.startswith(f"compliance: error: {config}:4: '[z-a].md' is not a valid glob: ")


def test_the_original_named_in_front_matter_is_used(site: Path) -> None:
    post = _post(site, "a.md", MISSING_COPYRIGHT, f"original_url: {NORTHWIND_URL}")
    status, output = _hook(str(post))
    assert status == 1
    assert "copyright-notice" in output


def test_a_front_matter_original_that_is_not_archived_is_an_input_error(site: Path) -> None:
    post = _post(site, "a.md", COMPLIANT, "original_url: https://example.org/never-archived")
    status, output = _hook(str(post))
    assert status == 2
    assert output.startswith(f"{post}: error: front matter names the original ")
    assert "https://example.org/never-archived" in output


def test_malformed_front_matter_is_an_input_error_naming_the_post(site: Path) -> None:
    post = site / "posts" / "bad.md"
    post.write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    status, output = _hook("posts/bad.md")
    assert status == 2
    assert output.startswith("posts/bad.md: error: front matter is not valid YAML")


def test_an_unknown_format_is_a_usage_error(site: Path) -> None:
    status, output = _hook("--format", "xml", str(_post(site, "a.md", COMPLIANT)))
    assert status == 2
    assert "--format must be one of" in output


def test_sarif_output_holds_one_result_per_finding(site: Path) -> None:
    post = _post(site, "a.md", MISSING_COPYRIGHT)
    _, compact = _hook(str(post))
    status, output = _hook("--format", "sarif", str(post))
    assert status == 1
    sarif = json.loads(output)
    results = [r for run in sarif["runs"] for r in run["results"]]
    assert len(results) == len(compact.splitlines())


def test_the_index_is_searched_when_the_post_names_no_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compliance.documents import load_path
    from compliance.index import open_index
    from compliance.index.ingest import add_documents

    site = tmp_path / "indexed"
    (site / "posts").mkdir(parents=True)
    storage = open_index(site / "originals.sqlite")
    originals = sorted((SAMPLES / "originals").iterdir())
    list(add_documents(storage, (load_path(p) for p in originals)))
    storage.close()
    (site / "compliance.yaml").write_text("index: originals.sqlite\n", encoding="utf-8")
    monkeypatch.chdir(site)
    post = _post(site, "a.md", MISSING_COPYRIGHT)
    status, output = _hook(str(post))
    assert status == 1
    assert "copyright-notice" in output
    assert _hook(str(_post(site, "b.md", COMPLIANT))) == (0, "")


def test_the_console_entry_exits_one_on_findings(site: Path) -> None:
    post = _post(site, "a.md", MISSING_COPYRIGHT)
    done = subprocess.run(
        [sys.executable, "-m", "compliance", "hook", str(post)],
        cwd=site,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(site)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert LINE.match(done.stdout.splitlines()[0])
    assert done.stderr == ""


def test_a_source_path_in_front_matter_names_the_original_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "bare"
    (site / "posts").mkdir(parents=True)
    (site / "archive").mkdir()
    shutil.copy(NORTHWIND, site / "archive" / NORTHWIND.name)
    (site / "compliance.yaml").write_text("fail_on: error\n", encoding="utf-8")
    monkeypatch.chdir(site)
    post = _post(site, "a.md", MISSING_COPYRIGHT, f"source: archive/{NORTHWIND.name}")
    status, output = _hook(str(post))
    assert status == 1
    assert "copyright-notice" in output


def test_a_license_in_front_matter_chooses_those_terms(site: Path) -> None:
    post = _post(site, "a.md", MISSING_COPYRIGHT, "license: cc-by-4.0")
    _, output = _hook("--format", "json", str(post))
    reports = json.loads(output)
    assert [r["terms"]["terms_id"] for r in reports] == ["cc-by-4.0"]


def test_front_matter_keys_follow_the_config(site: Path) -> None:
    (site / "compliance.yaml").write_text(
        'originals: originals\nfiles: ["posts/*.md"]\nfront_matter: {license: licence}\n',
        encoding="utf-8",
    )
    post = _post(site, "a.md", MISSING_COPYRIGHT, "licence: cc-by-4.0")
    _, output = _hook("--format", "json", str(post))
    assert [r["terms"]["terms_id"] for r in json.loads(output)] == ["cc-by-4.0"]


def test_sarif_regions_land_on_the_post_file_lines(site: Path) -> None:
    post = _post(site, "no-copyright.md", MISSING_COPYRIGHT, f"original_url: {NORTHWIND_URL}")
    status, output = _hook("--format", "sarif", str(post))
    assert status == 1, output
    result = json.loads(output)["runs"][0]["results"][0]
    region = result["locations"][0]["physicalLocation"]["region"]
    lines = (site / post).read_text(encoding="utf-8").splitlines()
    snippet_words = re.findall(r"\w+", region["snippet"]["text"])[:3]
    assert re.findall(r"\w+", lines[region["startLine"] - 1][region["startColumn"] - 1 :])[:3] == (
        snippet_words
    )


@pytest.mark.parametrize("named", ["../outside.md", "/etc/passwd", "originals/../../outside.md"])
def test_an_original_named_outside_the_project_is_refused_in_one_line(
    site: Path, named: str
) -> None:
    (site.parent / "outside.md").write_text(NORTHWIND.read_text(encoding="utf-8"), "utf-8")
    post = _post(site, "a.md", MISSING_COPYRIGHT, f"source: {named}")
    result = runner.invoke(app, ["hook", "--format", "json", str(post)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "outside the project" in lines[0] and str(post) in lines[0]
    assert "root:" not in result.stdout and "port strike" not in result.stdout.lower()


def test_an_original_reached_through_a_symlink_out_of_the_project_is_refused(site: Path) -> None:
    (site.parent / "outside.md").write_text(NORTHWIND.read_text(encoding="utf-8"), "utf-8")
    (site / "originals" / "link.md").symlink_to(site.parent / "outside.md")
    post = _post(site, "a.md", MISSING_COPYRIGHT, "source: originals/link.md")
    status, output = _hook(str(post))
    assert status == 2
    assert "outside the project" in output


def test_a_binary_post_is_a_one_line_input_error(site: Path) -> None:
    post = site / "posts" / "image.md"
    post.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    result = runner.invoke(app, ["hook", str(post.relative_to(site))])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "binary file" in result.output


def test_a_missing_fact_is_told_as_what_to_add_to_the_original_not_a_flag(site: Path) -> None:
    text = NORTHWIND.read_text(encoding="utf-8").replace("author: Lena Farouk\n", "")
    (site / "originals" / NORTHWIND.name).write_text(
        text.replace("By Lena Farouk\n", ""), encoding="utf-8"
    )
    post = _post(site, "a.md", COMPLIANT, "license: cc-by-4.0")
    _, output = _hook("--format", "json", str(post))
    findings = [f for r in json.loads(output) for f in r["findings"]]
    unknown = [f for f in findings if f["outcome"] == "author-unknown"]
    assert unknown, findings
    assert "--author" not in unknown[0]["message"] + unknown[0]["fix"]
    assert unknown[0]["fix"].startswith("add a byline")


def test_an_index_added_from_a_subfolder_is_the_one_the_hook_searches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "project"
    (site / "posts").mkdir(parents=True)
    (site / "compliance.yaml").write_text('files: ["posts/*.md"]\n', encoding="utf-8")
    monkeypatch.chdir(site / "posts")
    added = runner.invoke(app, ["index", "add", "-q", str(NORTHWIND)])
    assert added.exit_code == 0, added.output
    assert (site / ".compliance" / "index.sqlite").is_file()
    assert not (site / "posts" / ".compliance").exists()
    monkeypatch.chdir(site)
    status, output = _hook(str(_post(site, "a.md", MISSING_COPYRIGHT)))
    assert status == 1
    assert "copyright-notice" in output


def test_scan_from_a_subfolder_searches_the_index_added_at_the_project_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "project"
    (site / "posts").mkdir(parents=True)
    (site / "compliance.yaml").write_text('files: ["posts/*.md"]\n', encoding="utf-8")
    monkeypatch.chdir(site)
    assert runner.invoke(app, ["index", "add", "-q", str(NORTHWIND)]).exit_code == 0
    post = site / _post(site, "a.md", MISSING_COPYRIGHT)
    monkeypatch.chdir(site / "posts")
    result = runner.invoke(app, ["scan", str(post)])
    assert result.exit_code == 1, result.output
    assert "1 copies found" in result.output
