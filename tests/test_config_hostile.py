"""compliance.yaml as hostile input: every bad key or value is one line naming the file and line
(a ConfigError, exit 2), never a traceback, a silent default or a megabyte-long message."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.config import ProjectConfig, load_config, parse_config
from compliance.errors import ConfigError
from compliance.limits import LIMIT_NAMES
from compliance.shipped import shipped_schema

FAIR_USE_NAMES = ("small_share", "max_share", "max_run", "lede_share")


def refusal(folder: Path, text: str) -> str:
    """The one-line message loading ``text`` as ``folder``/compliance.yaml gives."""
    path = folder / "compliance.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(folder)
    return str(info.value)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('venue: print\nindex: "a\\0b"\n', 2, "'index' must not contain a NUL character"),
        ('originals: "a\\0b"\n', 1, "'originals' must not contain a NUL character"),
        ('rules: ["ok", "a\\0b"]\n', 1, "'rules' must not contain a NUL character"),
        ('index:\n  path: "a\\0b"\n', 2, "'path' must not contain a NUL character"),
        ("index: ftp://host/x\n", 1, "an index URL must start with redis://"),
        ("index:\n  type: redis\n  url: http://x\n", 3, "index 'url' must start with redis://"),
        ("index:\n  type: 5\n", 2, "'type' must be a non-empty string (got 5)"),
        ("index:\n  type: mongo\n", 2, "unknown index type 'mongo'"),
        ("index:\n  host: x\n", 2, "unknown index key 'host'"),
        ("fair_use:\n  max_share: .nan\n", 2, "fair_use 'max_share' must be a finite number"),
        ("fair_use:\n  max_run: .inf\n", 2, "fair_use 'max_run' must be a finite number"),
        ("fair_use:\n  max_run: 1e400\n", 2, "fair_use 'max_run' must be a finite number"),
        ("fair_use:\n  bogus: 1\n", 2, "unknown fair_use threshold 'bogus'"),
        ("fair_use:\n  max_share: 3\n", 2, "fair_use 'max_share' must be a share from 0 to 1"),
        ("fair_use:\n  max_run: -1\n", 2, "fair_use 'max_run' must be 0 words or more"),
        (
            "fair_use:\n  small_share: 0.5\n  max_share: 0.2\n",
            2,
            "fair_use 'small_share' must not exceed 'max_share'",
        ),
        ("fail_on: [error]\n", 1, "'fail_on' must be one of error, warning, advisory, never"),
        ("venue: {a: 1}\n", 1, "unknown venue {'a': 1}"),
        ("sites:\n  x.example: [print]\n", 2, "unknown venue ['print']"),
        ("sites:\n  'http://': print\n", 2, "'http://' is not a domain"),
        ("domain_map:\n  a.example: [x]\n", 2, "domain_map 'a.example' must name a terms id"),
        ("grants:\n  - site: a\n    terms: b\n    reference: {x: 1}\n", 4, "grant 'reference'"),
        ("grants:\n  - site: a\n    terms: b\n    expires: soon\n", 4, "grant 'expires' must"),
        ("grants:\n  - site: a\n", 2, "a grant needs 'terms'"),
        ("grants:\n  - [a]\n", 2, "a grant must be a mapping (got list)"),
        ("grants:\n  site: a\n", 1, "'grants' must be a list (got mapping)"),
        ("front_matter:\n  title: t\n", 2, "unknown front_matter role 'title'"),
        ("files:\n  a: 1\n", 1, "'files' must be a list of strings"),
        ("limits:\n  links: 10000000000000000000000000000000000000000\n", 2, "limit links must"),
        ("venue: x\nfail_on: " + "9" * 5000 + "\n", 2, "integer"),
        ("sites: " + "[" * 500 + "]" * 500 + "\n", 1, "nested deeper than"),
        ("2020-01-01: x\n", 1, "unknown key '2020-01-01'"),
    ],
)
def test_a_bad_config_value_is_one_line_with_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    found = refusal(tmp_path, text)
    assert found.startswith(f"{tmp_path / 'compliance.yaml'}:{line}: ")
    assert message in found and "\n" not in found


def test_a_huge_value_is_cut_short_in_the_message(tmp_path: Path) -> None:
    found = refusal(tmp_path, "venue: " + "y" * 200_000 + "\n")
    assert "unknown venue 'yyy" in found and len(found) < 400


def test_a_huge_unknown_key_is_cut_short_in_the_message(tmp_path: Path) -> None:
    found = refusal(tmp_path, "? " + "k" * 100_000 + "\n: 1\n")
    assert "unknown key 'kkk" in found and len(found) < 400


def test_a_datetime_grant_end_keeps_its_date(tmp_path: Path) -> None:
    text = "grants:\n  - site: a.example\n    terms: b\n    expires: 2025-01-01 10:00:00\n"
    (tmp_path / "compliance.yaml").write_text(text, encoding="utf-8")
    assert load_config(tmp_path).grants[0].expires == "2025-01-01"


def test_a_toml_integer_past_the_digit_bound_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.compliance]\nfail_on = " + "9" * 5000 + "\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match=r"malformed TOML: an integer too long to read$"):
        load_config(tmp_path / "pyproject.toml")


def test_a_non_string_domain_from_the_api_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="1 is not a domain"):
        parse_config({"domain_map": {1: "x"}}, "api", tmp_path)


def test_the_cli_answers_a_hostile_config_with_exit_2(tmp_path: Path) -> None:
    from compliance.cli import app

    (tmp_path / "compliance.yaml").write_text('index: "a\\0b"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Some text to check.", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        done = CliRunner().invoke(app, ["check", "a.txt", "--original", "a.txt"])
    assert done.exit_code == 2
    assert done.output.count("\n") == 1 and "compliance.yaml:1:" in done.output


# -- properties -------------------------------------------------------------------------------

_SCHEMA = shipped_schema("config")["properties"]
KEYS = tuple(_SCHEMA)
_NAMES = (
    *KEYS,
    *_SCHEMA["grants"]["items"]["properties"],
    *_SCHEMA["index"]["properties"],
    *LIMIT_NAMES,
    *FAIR_USE_NAMES,
    *_SCHEMA["front_matter"]["propertyNames"]["enum"],
)
_TEXT = st.text(st.characters(codec="utf-8"), max_size=12)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(),
    _TEXT,
    st.sampled_from(["community", "print", "error", "sqlite", "redis", "a.example", "2025-01-01"]),
    st.dates(),
)
_KEYS = st.one_of(st.sampled_from(_NAMES), _TEXT)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
    max_leaves=12,
)
_CONFIGS = st.dictionaries(st.sampled_from(KEYS) | _TEXT, _VALUES, max_size=5)
_LINE = re.compile(r":\d+: \S")


def _outcome(data: dict[str, Any]) -> ProjectConfig | str:
    """Load ``data`` written as YAML: the config, or the refusal's message."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "compliance.yaml"
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
        try:
            return load_config(Path(folder))
        except ConfigError as exc:
            message = str(exc)
            assert message.startswith(str(path)), message
            assert _LINE.match(message[len(str(path)) :]), message
            return message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_CONFIGS)
def test_any_config_loads_or_is_refused_in_one_line_with_its_line(data: dict[str, Any]) -> None:
    outcome = _outcome(data)
    if isinstance(outcome, str):
        assert "\n" not in outcome and len(outcome) < 500


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS) | _TEXT, _VALUES, max_size=5))
def test_the_same_settings_from_toml_never_raise_anything_else(data: dict[str, Any]) -> None:
    try:
        parse_config(data, "pyproject.toml [tool.compliance]", Path.cwd())
    except ConfigError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("pyproject.toml [tool.compliance]")
