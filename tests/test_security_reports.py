"""Reports from hostile documents and hostile saved files: nothing executes, pings or links.

A saved report is validated against the JSON Schema before it is rendered; every renderer
escapes for its medium (HTML, Markdown as GitHub renders it, the terminal).
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from cli_run import compliance
from reports_builders import make_report

from compliance.errors import ReportError
from compliance.reports import load_report, render
from compliance.serialize import to_dict

REFRESH = '<meta http-equiv="refresh" content="0;url=https://attacker.example/">'


def _saved(tmp_path: Path, **changes: object) -> Path:
    data = to_dict(make_report())
    for dotted, value in changes.items():
        target = data
        *parents, last = dotted.split("__")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("field", "shown"),
    [
        ("verdict", "verdict"),
        ("findings__0__kind", "findings[0].kind"),
        ("findings__0__severity", "findings[0].severity"),
        ("comparison__passages__0__kind", "comparison.passages[0].kind"),
    ],
)
def test_a_saved_report_outside_the_schema_is_refused_naming_the_field(
    tmp_path: Path, field: str, shown: str
) -> None:
    path = _saved(tmp_path, **{field: REFRESH})
    expected = re.escape(f"saved.json: not a compliance report ({shown}: ")
    with pytest.raises(ReportError, match=expected):
        load_report(path)


def test_the_report_command_refuses_an_injected_saved_report_with_exit_2(tmp_path: Path) -> None:
    path = _saved(tmp_path, verdict=REFRESH)
    done = compliance("report", path, "--format", "html")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "<meta" not in done.stdout


def test_html_escapes_a_passage_kind_even_when_the_report_was_not_validated() -> None:
    report = make_report()
    hostile = dataclasses.replace(report.comparison.passages[0], kind=REFRESH)  # type: ignore[arg-type]  # on purpose
    comparison = dataclasses.replace(
        report.comparison, passages=(hostile, *report.comparison.passages[1:])
    )
    page = render(dataclasses.replace(report, comparison=comparison), "html")
    assert REFRESH not in page
    assert "&lt;meta http-equiv=&#34;refresh&#34;" in page


def test_markdown_neutralises_mentions_autolinks_and_tags_from_documents() -> None:
    report = make_report()
    title = "Ping @octocat at https://attacker.example and www.attacker.example <img src=x>"
    copy = dataclasses.replace(report.copy, origin=title)
    text = render(dataclasses.replace(report, copy=copy), "markdown")
    assert "@octocat" not in text
    assert "https://attacker.example" not in text
    assert "www.attacker.example" not in text
    assert "<img" not in text


def test_terminal_output_strips_escape_sequences_from_document_text() -> None:
    report = make_report()
    copy = dataclasses.replace(report.copy, origin="post\x1b[2J\x1b]0;owned\x07.md\x9b31m")
    text = render(dataclasses.replace(report, copy=copy), "table")
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "\x9b" not in text
    assert "post[2J]0;owned.md31m" in text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"schema_version": "1.0", "n": ' + "9" * 5000 + "}", "Exceeds the limit"),
        ("[" * 100_000 + "]" * 100_000, "JSON nested too deeply"),
    ],
    ids=["huge-integer", "deep-nesting"],
)
def test_a_saved_file_json_cannot_hold_is_a_one_line_error(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = tmp_path / "saved.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportError, match=f"saved.json: not a compliance report \\({reason}"):
        load_report(path)


def test_index_list_strips_escape_sequences_from_titles(tmp_path: Path) -> None:
    page = tmp_path / "original.html"
    page.write_text(
        "<html><head><title>Flood\x1b[2J\x1b]0;owned\x07 barriers</title></head><body>"
        + "<p>River towns voted to share one flood warning network.</p>" * 5
        + "</body></html>",
        encoding="utf-8",
    )
    index = tmp_path / "index.sqlite"
    assert compliance("index", "add", page, "--index", index).returncode == 0
    listed = compliance("index", "list", "--index", index)
    assert listed.returncode == 0
    assert "\x1b" not in listed.stdout and "\x07" not in listed.stdout
    assert "Flood[2J]0;owned barriers" in listed.stdout
