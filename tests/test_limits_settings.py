"""Document limits set in compliance.yaml (`limits:`) and by `--limit NAME=N` on check, scan,
index add and hook (issue 16 item 4): reaching every loader, refusals saying how to raise them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from compliance.config import load_config
from compliance.errors import ConfigError
from compliance.limits import DEFAULT_LIMITS, MAX_LIMIT, Limits, parse_limit, with_overrides

THREE_LINKS = "<p>" + "".join(f"<a href='https://e.example/{i}'>x</a> " for i in range(3)) + "</p>"
ORIGINAL = "<p>" + " ".join(f"word{i}" for i in range(60)) + "</p>"


def run(cwd: Path, *args: str) -> Result:
    """`compliance ARGS` in ``cwd`` (where a compliance.yaml may be found)."""
    from compliance.cli import app

    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(cwd)
        return CliRunner().invoke(app, list(args))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with a page of three links and an unrelated original."""
    (tmp_path / "page.html").write_text(THREE_LINKS, encoding="utf-8")
    (tmp_path / "original.html").write_text(ORIGINAL, encoding="utf-8")
    return tmp_path


def test_config_limit_refuses_a_page_in_check(project: Path) -> None:
    (project / "compliance.yaml").write_text("limits:\n  links: 2\n", encoding="utf-8")
    done = run(project, "check", "page.html", "--original", "original.html")
    assert done.exit_code == 2
    assert "too many links: 3, above the limit of 2 (links); raise it with --limit links=N" in (
        done.output
    )


def test_cli_limit_refuses_a_page_in_check(project: Path) -> None:
    done = run(project, "check", "page.html", "--original", "original.html", "--limit", "links=2")
    assert done.exit_code == 2 and "above the limit of 2 (links)" in done.output


def test_cli_limit_overrides_the_config(project: Path) -> None:
    (project / "compliance.yaml").write_text("limits:\n  links: 2\n", encoding="utf-8")
    args = ("check", "page.html", "--original", "original.html", "--limit", "links=10")
    assert run(project, *args).exit_code == 0


def test_the_last_setting_of_a_repeated_limit_wins(project: Path) -> None:
    args = ("check", "page.html", "--original", "original.html")
    done = run(project, *args, "--limit", "links=10", "--limit", "links=2")
    assert done.exit_code == 2 and "(links)" in done.output


def test_index_add_refuses_a_page_past_the_limit(project: Path) -> None:
    index = str(project / "index.sqlite")
    done = run(project, "index", "add", "page.html", "--index", index, "--limit", "links=2")
    assert done.exit_code == 2
    assert "0 added" in done.output and "above the limit of 2 (links)" in done.output


def test_scan_reports_a_page_past_the_limit_as_unreadable(project: Path) -> None:
    index = str(project / "index.sqlite")
    assert run(project, "index", "add", "original.html", "--index", index).exit_code == 0
    done = run(
        project, "scan", "page.html", "--index", index, "--format", "json", "--limit", "links=2"
    )
    assert '"type": "error"' in done.output and "above the limit of 2 (links)" in done.output


def test_hook_refuses_a_post_past_the_limit(project: Path) -> None:
    (project / "compliance.yaml").write_text("files: ['*.html']\n", encoding="utf-8")
    done = run(project, "hook", "page.html", "--limit", "links=2")
    assert done.exit_code == 2 and "above the limit of 2 (links)" in done.output


@pytest.mark.parametrize(
    ("setting", "complaint"),
    [
        ("links", "expected NAME=N"),
        ("hrefs=5", "unknown limit 'hrefs'"),
        ("links=0", "must be a positive integer"),
        ("links=-3", "must be a positive integer"),
        ("links=many", "must be a positive integer"),
        ("links=" + "9" * 5000, "must be a positive integer"),
    ],
    ids=["no-value", "unknown", "zero", "negative", "not-a-number", "huge"],
)
def test_a_bad_limit_option_is_one_line_and_exit_2(
    project: Path, setting: str, complaint: str
) -> None:
    done = run(project, "check", "page.html", "--original", "original.html", "--limit", setting)
    assert done.exit_code == 2 and complaint in done.output
    assert "Traceback" not in done.output


def test_parse_limit_accepts_grouped_digits_and_dashes() -> None:
    assert parse_limit("line-length=2_000_000") == ("line_length", 2_000_000)


def test_overrides_keep_the_other_defaults() -> None:
    limits = with_overrides(DEFAULT_LIMITS, {"lines": 7})
    assert limits == Limits(lines=7)


def test_a_limit_above_the_ceiling_is_refused() -> None:
    with pytest.raises(ValueError, match="positive integer up to"):
        Limits(links=MAX_LIMIT + 1)


def test_config_limits_are_read(tmp_path: Path) -> None:
    (tmp_path / "compliance.yaml").write_text("limits:\n  lines: 9\n", encoding="utf-8")
    assert load_config(tmp_path).limits == Limits(lines=9)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("limits:\n  hrefs: 5\n", "unknown limit 'hrefs' (expected one of characters, lines"),
        ("limits:\n  links: 0\n", "limit links must be a positive integer"),
        ("limits:\n  links: -1\n", "limit links must be a positive integer"),
        ("limits:\n  links: true\n", "limit links must be a positive integer"),
        ("limits:\n  links: 2.5\n", "limit links must be a positive integer"),
        ("limits:\n  links: '50'\n", "limit links must be a positive integer"),
        ("limits:\n  links: 1e30\n", "limit links must be a positive integer"),
        ("limits:\n  links: 99999999999999999999\n", "limit links must be a positive integer"),
        ("limits: [links]\n", "'limits' must be a mapping (got list)"),
    ],
    ids=["unknown", "zero", "negative", "bool", "float", "string", "exponent", "huge", "list"],
)
def test_a_bad_config_limit_names_the_file_and_line(
    tmp_path: Path, body: str, message: str
) -> None:
    path = tmp_path / "compliance.yaml"
    path.write_text("venue: community\n" + body, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    line = 2 if body.startswith("limits: [") else 3
    assert str(info.value).startswith(f"{path}:{line}: {message}")
    assert "\n" not in str(info.value)


def test_rules_detect_reads_the_original_within_the_config_limits(project: Path) -> None:
    (project / "compliance.yaml").write_text("limits:\n  links: 2\n", encoding="utf-8")
    done = run(project, "rules", "detect", "page.html")
    assert done.exit_code == 2 and "above the limit of 2 (links)" in done.output


def test_index_add_holds_each_warc_record_to_the_limit(project: Path) -> None:
    from test_warc_read import write_warc

    crawl = [
        ("https://a.example/links", "response", "text/html", THREE_LINKS.encode()),
        ("https://a.example/plain", "response", "text/html", ORIGINAL.encode()),
    ]
    write_warc(project / "crawl.warc", crawl, gzip=False)
    index = str(project / "index.sqlite")
    done = run(project, "index", "add", "crawl.warc", "--index", index, "--limit", "links=2")
    assert "1 added" in done.output
    assert "https://a.example/links: too many links: 3, above the limit of 2" in done.output
