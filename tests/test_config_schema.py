"""compliance.yaml's structure is the shipped JSON Schema (compliance/schemas/config.schema.json),
checked by the mechanism rule files use: its words are the messages, at file:line, exit 2."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from test_config_hostile import _CONFIGS

from compliance.config import starter_config
from compliance.hook import DEFAULT_KEYS
from compliance.limits import LIMIT_NAMES, MAX_LIMIT
from compliance.model import VENUES
from compliance.shipped import shipped_schema
from compliance.status import FAIL_ON_LEVELS
from compliance.terms.structure import _plain, conforms
from compliance.terms.yamlload import load_yaml
from compliance.thresholds import FairUseThresholds

SCHEMA = shipped_schema("config")
FULL_CONFIG = """\
index: {type: redis, url: "redis://localhost:6379/0", prefix: site}
originals: originals
rules: [legal/rules]
site: example.org
venue: Community
sites: {partner.example: print}
domain_map: {globalresearch.ca: globalresearch}
grants:
  - {site: example.org, terms: wire-service, reference: 17, expires: 2025-12-31}
fail_on: warning
files: "content/**/*.md"
front_matter: {original_url: url}
fair_use: {max_share: 0.3, max_run: 80}
limits: {links: 100}
"""


def _cli_refusal(folder: Path, text: str) -> tuple[int, str]:
    """Exit status and message of `compliance check` in a project whose config is ``text``."""
    from compliance.cli import app

    (folder / "compliance.yaml").write_text(text, encoding="utf-8")
    (folder / "a.txt").write_text("Some text to check.", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        done = CliRunner().invoke(app, ["check", "a.txt", "--original", "a.txt"])
    assert done.output.startswith("compliance: error: ")
    return done.exit_code, done.output.removeprefix("compliance: error: ")


def _full_verdict(data: Any) -> bool:
    return not any(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data))


def test_the_config_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_every_config_key_has_a_description_a_user_can_read() -> None:
    undescribed = [key for key, node in SCHEMA["properties"].items() if not node.get("description")]
    assert undescribed == []


def test_a_config_using_every_key_conforms() -> None:
    data = _plain(load_yaml(FULL_CONFIG))
    assert set(data) == set(SCHEMA["properties"])
    assert conforms(data, "config") and _full_verdict(data)


def test_the_starter_config_conforms() -> None:
    assert conforms(_plain(load_yaml(starter_config())), "config")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_CONFIGS)
def test_fast_and_full_validators_agree_on_any_config(data: dict[str, Any]) -> None:
    plain = _plain(data)
    assert conforms(plain, "config") == _full_verdict(plain)


@pytest.mark.parametrize(
    ("path", "vocabulary"),
    [
        (("fail_on", "enum"), FAIL_ON_LEVELS),
        (("limits", "propertyNames", "enum"), LIMIT_NAMES),
        (("fair_use", "propertyNames", "enum"), tuple(f.name for f in fields(FairUseThresholds))),
        (("front_matter", "propertyNames", "enum"), tuple(DEFAULT_KEYS)),
    ],
    ids=["fail_on", "limits", "fair_use", "front_matter"],
)
def test_the_schema_allows_exactly_the_values_the_code_knows(
    path: tuple[str, ...], vocabulary: tuple[str, ...]
) -> None:
    node: Any = SCHEMA["properties"]
    for token in path:
        node = node[token]
    assert tuple(node) == vocabulary


def test_the_schema_names_exactly_the_venues_the_code_knows() -> None:
    message = SCHEMA["$defs"]["venue"]["x-messages"]["type"]
    assert message.endswith(f"(expected one of {', '.join(VENUES)})")


def test_a_limit_past_the_shared_bound_is_refused_by_code_not_schema(tmp_path: Path) -> None:
    status, output = _cli_refusal(tmp_path, f"limits:\n  links: {MAX_LIMIT + 1}\n")
    assert status == 2
    assert output.startswith(f"{tmp_path / 'compliance.yaml'}:2: limit links must be a positive")


def test_an_unknown_key_is_exit_2_with_file_line_and_the_known_keys(tmp_path: Path) -> None:
    status, output = _cli_refusal(tmp_path, "venue: print\nfial_on: error\n")
    assert status == 2 and output.count("\n") == 1
    assert output.startswith(f"{tmp_path / 'compliance.yaml'}:2: unknown key 'fial_on' (expected ")
    assert "fail_on" in output


def test_a_value_of_the_wrong_type_is_exit_2_with_file_line_and_what_was_expected(
    tmp_path: Path,
) -> None:
    status, output = _cli_refusal(tmp_path, "venue: print\ngrants:\n  site: a.example\n")
    assert status == 2
    assert output == f"{tmp_path / 'compliance.yaml'}:2: 'grants' must be a list (got mapping)\n"


def test_a_value_outside_its_enum_is_exit_2_with_file_line_and_the_allowed_values(
    tmp_path: Path,
) -> None:
    status, output = _cli_refusal(tmp_path, "index:\n  type: mongo\n")
    assert status == 2
    assert output == (
        f"{tmp_path / 'compliance.yaml'}:2: unknown index type 'mongo' (expected one of sqlite, "
        "redis)\n"
    )


def test_an_unknown_key_in_a_nested_mapping_names_its_line(tmp_path: Path) -> None:
    status, output = _cli_refusal(
        tmp_path, "grants:\n  - site: a.example\n    terms: x\n    til: 1\n"
    )
    assert status == 2
    assert output.startswith(f"{tmp_path / 'compliance.yaml'}:4: unknown grant key 'til'")


def test_a_config_that_is_not_a_mapping_names_its_line(tmp_path: Path) -> None:
    status, output = _cli_refusal(tmp_path, "- venue: print\n")
    assert status == 2
    assert (
        output
        == f"{tmp_path / 'compliance.yaml'}:1: the config must be a mapping of keys (got list)\n"
    )
