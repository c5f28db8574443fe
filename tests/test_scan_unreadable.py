"""A scan (and the hook) keeps every page it could not read in its HTML, Markdown and SARIF
output (issue 12 item 8), and so does `compliance report` re-rendering a saved scan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from compliance.cli import app
from compliance.reports import render_many
from compliance.scan import ScanError
from compliance.status import SKIPPED

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
COPY = SAMPLES / "republished" / "missing-link.html"


@pytest.fixture(scope="module")
def scan_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the sample originals, and a folder with one copy and one binary page."""
    folder = tmp_path_factory.mktemp("unreadable")
    index = folder / "index.sqlite"
    added = CliRunner().invoke(
        app, ["index", "add", str(SAMPLES / "originals"), "--index", str(index)]
    )
    assert added.exit_code == 0, added.output
    pages = folder / "pages"
    pages.mkdir()
    (pages / "copy.html").write_bytes(COPY.read_bytes())
    (pages / "broken.html").write_bytes(b"\x00\x01\x02binary\x00" * 64)
    return folder


def scan_as(folder: Path, fmt: str) -> str:
    result = CliRunner().invoke(
        app,
        [
            "scan",
            str(folder / "pages"),
            "--index",
            str(folder / "index.sqlite"),
            "--format",
            fmt,
            "--fail-on",
            "never",
            "--today",
            "2024-06-01",
            "--sarif-root",
            str(folder),
        ],
    )
    assert result.exit_code == SKIPPED, result.output  # some documents could not be checked
    return result.stdout


def test_html_scan_lists_the_unreadable_page_and_why(scan_dir: Path) -> None:
    html = scan_as(scan_dir, "html")
    section = html[html.index('id="unreadable"') :]
    assert "broken.html" in section.split("</section>")[0]
    assert "copy.html" in html


def test_markdown_scan_lists_the_unreadable_page_and_why(scan_dir: Path) -> None:
    text = scan_as(scan_dir, "markdown")
    assert text.splitlines()[0].endswith(", 1 unreadable")
    section = text[text.index("### Unreadable documents (1)") :].split("\n\n")[1]
    assert "broken.html" in section and "copy.html" not in section


def test_sarif_scan_reports_the_unreadable_page_as_an_error_notification(scan_dir: Path) -> None:
    run = json.loads(scan_as(scan_dir, "sarif"))["runs"][0]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    errors = [n for n in notes if n["level"] == "error"]
    assert len(errors) == 1
    location = errors[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "pages/broken.html", "uriBaseId": "%SRCROOT%"}
    assert run["results"], "the readable copy still has its findings"


def test_markdown_escapes_an_unreadable_pages_name_and_message() -> None:
    hostile = ScanError("<img src=x>.html", "bad @team https://evil.example")
    text = render_many([], "markdown", unreadable=[hostile])
    assert "<img" not in text and "@team" not in text and "https://evil" not in text


def test_html_escapes_an_unreadable_pages_name_and_message() -> None:
    hostile = ScanError("<script>x</script>.html", "<b>bad</b>")
    html = render_many([], "html", unreadable=[hostile])
    assert "&lt;script&gt;x" in html and "<b>bad</b>" not in html


def test_a_url_that_could_not_be_read_keeps_its_address_in_sarif() -> None:
    missing = ScanError("https://news.example/a", "HTTP 404")
    sarif = json.loads(render_many([], "sarif", unreadable=[missing], library={}))
    (note,) = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    location = note["locations"][0]["physicalLocation"]["artifactLocation"]
    assert (note["level"], location) == ("error", {"uri": "https://news.example/a"})


def test_a_malformed_url_that_could_not_be_read_keeps_its_address_in_sarif() -> None:
    malformed = ScanError("http://[x/a", "malformed URL")
    sarif = json.loads(render_many([], "sarif", unreadable=[malformed], library={}))
    (note,) = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    location = note["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "http://[x/a"}


def test_a_rerendered_scan_still_lists_its_unreadable_pages(scan_dir: Path, tmp_path: Path) -> None:
    saved = tmp_path / "scan.jsonl"
    saved.write_text(scan_as(scan_dir, "json"), encoding="utf-8")
    done = CliRunner().invoke(app, ["report", str(saved), "--format", "markdown"])
    assert done.exit_code == SKIPPED, done.output  # as the scan itself exited
    assert "### Unreadable documents (1)" in done.stdout and "broken.html" in done.stdout


def test_a_saved_scan_of_only_unreadable_pages_renders_them(tmp_path: Path) -> None:
    saved = tmp_path / "scan.jsonl"
    lines = [
        json.dumps({"type": "error", "origin": f"p{n}.html", "message": "empty"}) for n in (1, 2)
    ]
    saved.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["report", str(saved), "--format", "html"])
    assert done.exit_code == SKIPPED, done.output
    assert 'id="unreadable"' in done.stdout and "p2.html" in done.stdout


def test_a_saved_error_record_with_odd_values_is_quoted_not_trusted(tmp_path: Path) -> None:
    saved = tmp_path / "scan.json"
    saved.write_text(json.dumps([{"type": "error", "origin": {"x": 1}, "message": 5}]))
    done = CliRunner().invoke(app, ["report", str(saved), "--format", "markdown"])
    assert done.exit_code == SKIPPED and "{'x': 1}" in done.stdout.replace("\\", "")


def hook_on_a_binary_post(folder: Path, fmt: str) -> Result:
    """`compliance hook post.html --format FMT` where post.html is not a text document."""
    (folder / "compliance.yaml").write_text("files: ['*.html']\n", encoding="utf-8")
    (folder / "post.html").write_bytes(b"\x00\x01binary\x00" * 64)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        return CliRunner().invoke(app, ["hook", "post.html", "--format", fmt])


def test_the_hook_lists_a_post_it_could_not_read_in_markdown(tmp_path: Path) -> None:
    done = hook_on_a_binary_post(tmp_path, "markdown")
    assert done.exit_code == 2
    assert "### Unreadable documents (1)" in done.stdout and "post.html" in done.stdout


def test_the_hook_reports_a_post_it_could_not_read_in_sarif(tmp_path: Path) -> None:
    run = json.loads(hook_on_a_binary_post(tmp_path, "sarif").stdout)["runs"][0]
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "error" and "post.html" in note["message"]["text"]
