"""What every command accepts and refuses: one vocabulary, one-line refusals, clean help pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import app
from compliance.config import load_config, venue_name
from compliance.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = str(ROOT / "samples" / "originals" / "northwind-port-strike.md")
COPY = str(ROOT / "samples" / "republished" / "compliant-full.md")

runner = CliRunner()


def _check(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", COPY, "--original", ORIGINAL, *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_venue_is_accepted_in_any_case() -> None:
    status, out, _ = _check("--venue", "Commercial", "--format", "json")
    assert status in (0, 1)
    assert json.loads(out)["venue"] == "commercial"


def test_an_unknown_venue_is_a_one_line_usage_error() -> None:
    status, _, err = _check("--venue", "space")
    assert status == 2
    assert err.strip().count("\n") == 0
    assert "unknown venue 'space'" in err


def test_the_config_takes_the_same_venue_vocabulary(tmp_path: Path) -> None:
    (tmp_path / "compliance.yaml").write_text("venue: Nonprofit\n", encoding="utf-8")
    assert load_config(tmp_path).venue == "nonprofit"
    (tmp_path / "compliance.yaml").write_text("venue: space\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown venue 'space'"):
        load_config(tmp_path)


def test_venue_name_lists_the_vocabulary_when_it_refuses() -> None:
    with pytest.raises(ValueError, match="community, nonprofit, commercial, print"):
        venue_name("space")


@pytest.mark.parametrize("command", ["check", "report", "hook", "scan"])
def test_output_into_a_missing_folder_is_refused(command: str, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "out.txt"
    args = {
        "check": ["check", COPY, "--original", ORIGINAL],
        "report": ["report", str(tmp_path / "r.json")],
        "hook": ["hook", COPY],
        "scan": ["scan", COPY, "--index", str(tmp_path / "i.sqlite")],
    }[command]
    result = runner.invoke(app, [*args, "--output", str(out)])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert "no such folder" in result.stderr
    assert not out.parent.exists()


def test_an_unknown_option_is_one_line() -> None:
    result = runner.invoke(app, ["check", COPY, "--original", ORIGINAL, "--colour"])
    assert result.exit_code == 2
    assert result.stderr.startswith("compliance: error: No such option '--colour'")
    assert result.stderr.strip().count("\n") == 0


def _commands() -> list[list[str]]:
    """Every command and subcommand of the real command tree, as argument lists."""
    import click

    ctx = click.Context(app)
    found: list[list[str]] = []
    for name in app.list_commands(ctx):
        command = app.get_command(ctx, name)
        found.append([name])
        if isinstance(command, click.Group):
            found.extend([name, sub] for sub in command.list_commands(ctx))
    return found


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_help_pages_show_no_python_type_for_a_flag(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "<bool>" not in result.stdout


def test_the_service_takes_the_same_venue_vocabulary() -> None:
    from pydantic import ValidationError

    from compliance.serve import CheckRequest

    assert CheckRequest(draft="text", venue="Commercial").venue == "commercial"
    with pytest.raises(ValidationError):
        CheckRequest(draft="text", venue="space")
