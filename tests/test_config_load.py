"""Project config: found by walking up, validated with file and line, defaults when absent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compliance.config import ProjectConfig, find_config, load_config, starter_config
from compliance.errors import ConfigError
from compliance.model import Grant


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_config_anywhere_gives_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config.path is None
    assert (config.fail_on, config.grants, config.rules_dirs) == ("error", (), ())


def test_config_is_found_by_walking_up_from_a_subfolder(tmp_path: Path) -> None:
    write(tmp_path / "compliance.yaml", "venue: commercial\n")
    deep = tmp_path / "content" / "posts"
    deep.mkdir(parents=True)
    config = load_config(deep)
    assert config.path == (tmp_path / "compliance.yaml").resolve()
    assert config.venue == "commercial"
    assert config.root == tmp_path.resolve()


def test_pyproject_tool_compliance_table_is_a_config(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.compliance]\nfail_on = "warning"\n',
    )
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    assert load_config(tmp_path).fail_on == "warning"


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "compliance.yaml", "fail_on: advisory\n")
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    assert load_config(tmp_path / "sub").fail_on == "advisory"


def test_relative_paths_resolve_against_the_config_folder(tmp_path: Path) -> None:
    write(
        tmp_path / "compliance.yaml",
        "rules: [legal/rules]\noriginals: originals\nindex: idx.sqlite\n",
    )
    config = load_config(tmp_path)
    assert config.rules_dirs == ((tmp_path / "legal" / "rules").resolve(),)
    assert config.originals == (tmp_path / "originals").resolve()
    assert config.index == str((tmp_path / "idx.sqlite").resolve())


def test_redis_index_url_is_kept_as_given(tmp_path: Path) -> None:
    write(tmp_path / "compliance.yaml", "index: redis://cache:6379/2\n")
    assert load_config(tmp_path).index == "redis://cache:6379/2"


def test_grants_carry_reference_and_end_date(tmp_path: Path) -> None:
    write(
        tmp_path / "compliance.yaml",
        "grants:\n  - site: www.Example.org\n    terms: wire-service\n"
        "    reference: Contract 17\n    expires: 2025-12-31\n",
    )
    assert load_config(tmp_path).grants == (
        Grant(
            site="example.org", terms="wire-service", reference="Contract 17", expires="2025-12-31"
        ),
    )


def test_site_venues_cover_subdomains_and_fall_back_to_the_project_venue() -> None:
    config = ProjectConfig(venue="community", sites={"paper.example": "print"})
    assert config.venue_for("news.paper.example") == "print"
    assert config.venue_for("other.example") == "community"
    assert config.venue_for(None) == "community"


def test_unknown_key_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "compliance.yaml", "venue: community\nfail_no: error\n")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert str(caught.value).startswith(f"{path}:2: unknown key 'fail_no' (expected one of ")


def test_unknown_venue_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "compliance.yaml", "sites:\n  a.example: blog\n")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert str(caught.value) == (
        f"{path}:2: unknown venue 'blog' (expected one of community, nonprofit, commercial, print)"
    )


def test_bad_fail_on_is_a_config_error(tmp_path: Path) -> None:
    path = write(tmp_path / "compliance.yaml", "fail_on: sometimes\n")
    with pytest.raises(
        ConfigError, match=re.escape(f"{path}:1: 'fail_on' must be one of error, warning")
    ):
        load_config(tmp_path)


def test_grant_with_a_bad_date_is_a_config_error(tmp_path: Path) -> None:
    path = write(
        tmp_path / "compliance.yaml", "grants:\n  - {site: a.example, terms: x, expires: soon}\n"
    )
    with pytest.raises(
        ConfigError, match=re.escape(f"{path}:2: grant 'expires' must be a date YYYY-MM-DD")
    ):
        load_config(tmp_path)


def test_grant_without_terms_is_a_config_error(tmp_path: Path) -> None:
    write(tmp_path / "compliance.yaml", "grants:\n  - {site: a.example}\n")
    with pytest.raises(ConfigError, match="a grant needs 'terms'"):
        load_config(tmp_path)


def test_malformed_yaml_is_a_config_error_with_line(tmp_path: Path) -> None:
    path = write(tmp_path / "compliance.yaml", "venue: community\nsites: {a: b\n")
    with pytest.raises(ConfigError, match="^" + re.escape(f"{path}:3: malformed YAML")):
        load_config(tmp_path)


def test_malformed_pyproject_is_a_config_error(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.compliance\n")
    with pytest.raises(ConfigError, match="^" + re.escape(f"{path}: malformed TOML")):
        load_config(tmp_path)


def test_bad_value_in_pyproject_names_the_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.compliance]\nvenue = "blog"\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml \[tool.compliance\]: unknown venue"):
        load_config(tmp_path)


def test_fair_use_thresholds_must_be_numbers(tmp_path: Path) -> None:
    write(tmp_path / "compliance.yaml", "fair_use:\n  max_share: lots\n")
    with pytest.raises(ConfigError, match="fair_use 'max_share' must be a finite number"):
        load_config(tmp_path)


def test_starter_config_loads_as_written(tmp_path: Path) -> None:
    write(tmp_path / "compliance.yaml", starter_config())
    config = load_config(tmp_path)
    assert config.venue == "community"
    assert config.fail_on == "error"
    assert config.front_matter == {
        "original_url": "original_url",
        "source": "source",
        "license": "license",
    }


def test_starter_config_explains_itself_in_comments() -> None:
    comments = [line for line in starter_config().splitlines() if line.startswith("#")]
    assert len(comments) >= 15
