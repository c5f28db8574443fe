"""`compliance init` writes the commented starter config and never clobbers one by accident."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import app
from compliance.config import load_config, starter_config

runner = CliRunner()


def test_init_writes_the_starter_config_into_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "compliance.yaml").read_text(encoding="utf-8") == starter_config()


def test_the_written_config_loads_as_the_project_config(tmp_path: Path) -> None:
    runner.invoke(app, ["init", str(tmp_path)])
    config = load_config(tmp_path)
    assert config.path == (tmp_path / "compliance.yaml").resolve()


def test_init_into_a_folder_names_the_file_compliance_yaml(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0
    assert str(tmp_path / "compliance.yaml") in result.output


def test_init_refuses_to_overwrite_an_existing_config(tmp_path: Path) -> None:
    target = tmp_path / "compliance.yaml"
    target.write_text("fail_on: warning\n", encoding="utf-8")
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 2
    assert "already exists; pass --force" in result.output
    assert target.read_text(encoding="utf-8") == "fail_on: warning\n"


def test_init_force_overwrites_an_existing_config(tmp_path: Path) -> None:
    target = tmp_path / "compliance.yaml"
    target.write_text("fail_on: warning\n", encoding="utf-8")
    result = runner.invoke(app, ["init", str(target), "--force"])
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == starter_config()


def test_init_into_a_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "nowhere" / "compliance.yaml")])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "no such folder" in result.output
