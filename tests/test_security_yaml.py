"""Hostile YAML (rule files, compliance.yaml, front matter): refused with a line, never built.

Each refusal is a one-line error naming the file and the line, and the CLI exits 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import compliance

from compliance.config import load_config
from compliance.documents import load_bytes
from compliance.errors import ConfigError, InputError
from compliance.terms.yamlload import MAX_DEPTH, YamlProblem, load_yaml


def laughs(levels: int = 9) -> str:
    """The "billion laughs": each level lists the previous one ten times (10**levels leaves)."""
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n in range(1, levels + 1):
        lines.append(f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def problem(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as info:
        load_yaml(text)
    return info.value


def test_alias_bomb_is_refused_before_it_expands() -> None:
    found = problem(laughs())
    assert "aliases expand to more than" in found.message
    assert found.line == 5  # l4 holds 10**5 leaves: the first line past the bound


def test_aliases_within_the_bound_still_load() -> None:
    data = load_yaml("base: &b {source: Example News}\ncopy: *b\n")
    assert data["copy"] == {"source": "Example News"}


def test_merge_keys_still_load() -> None:
    data = load_yaml("base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n")
    assert data["other"] == {"x": 1, "y": 2}


def test_aliases_repeating_a_long_scalar_are_refused() -> None:
    text = "a: &a " + "x" * 200_000 + "\nb: [" + ", ".join(["*a"] * 10) + "]\n"
    assert "aliases repeat more than" in problem(text).message


def test_recursive_alias_is_refused() -> None:
    assert problem("a: &a [1, *a]\n").message == "recursive alias *a"


def test_deep_nesting_is_refused() -> None:
    depth = MAX_DEPTH + 1
    assert problem("[" * depth + "]" * depth).message == f"nested deeper than {MAX_DEPTH} levels"


def test_very_deep_nesting_is_refused_without_recursion_error() -> None:
    assert "nested deeper" in problem("[" * 20_000 + "]" * 20_000).message


def test_impossible_date_names_its_line() -> None:
    found = problem("title: x\ndate: 0000-00-00\n")
    assert (found.line, found.message.split(" (")[0]) == (2, "invalid date '0000-00-00'")


def test_integer_past_the_digit_limit_is_refused() -> None:
    assert problem("n: " + "9" * 5000 + "\n").message.startswith("invalid number '9999")


def test_front_matter_alias_bomb_is_an_input_error_naming_the_file() -> None:
    text = "---\n" + laughs() + "---\n\nBody text of the post.\n"
    with pytest.raises(InputError) as info:
        load_bytes(text.encode(), "posts/bomb.md")
    assert str(info.value).startswith("posts/bomb.md: front matter is not valid YAML at line 6")


def test_front_matter_impossible_date_is_an_input_error() -> None:
    text = "---\ndate: 0000-00-00\n---\n\nBody text of the post.\n"
    with pytest.raises(InputError, match="line 2: invalid date '0000-00-00'"):
        load_bytes(text.encode(), "posts/date.md")


def test_config_alias_bomb_is_a_config_error_naming_the_line(tmp_path: Path) -> None:
    (tmp_path / "compliance.yaml").write_text(laughs(), encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert str(info.value).startswith(f"{tmp_path / 'compliance.yaml'}:5: aliases expand")


def test_config_index_mapping_is_validated(tmp_path: Path) -> None:
    (tmp_path / "compliance.yaml").write_text("index:\n  type: sqlite\n  path: [1]\n")
    with pytest.raises(ConfigError, match=r"compliance.yaml:3: 'path' must be a non-empty"):
        load_config(tmp_path)


def test_config_index_mapping_with_an_unknown_key_is_refused(tmp_path: Path) -> None:
    (tmp_path / "compliance.yaml").write_text("index:\n  tpye: redis\n")
    with pytest.raises(ConfigError, match=r"compliance.yaml:2: unknown index key 'tpye'"):
        load_config(tmp_path)


@pytest.mark.parametrize(
    "front",
    [
        laughs(),
        "date: 0000-00-00\n",
        "n: " + "9" * 5000 + "\n",
        "a: &a [*a]\n",
        "a: " + "[" * 500 + "]" * 500 + "\n",
    ],
    ids=["alias-bomb", "bad-date", "huge-int", "recursive-alias", "deep"],
)
def test_cli_answers_hostile_front_matter_with_one_line_and_exit_2(
    tmp_path: Path, front: str
) -> None:
    copy = tmp_path / "copy.md"
    copy.write_text(f"---\n{front}---\n\nBody text of the post.\n", encoding="utf-8")
    original = tmp_path / "original.txt"
    original.write_text("Body text of the post.\n", encoding="utf-8")
    done = compliance("check", copy, "--original", original, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        line for line in done.stderr.strip().splitlines() if str(copy) in line
    ]
    assert len(done.stderr.strip().splitlines()) == 1


def test_rule_file_alias_bomb_is_reported_by_rules_validate(tmp_path: Path) -> None:
    rule = tmp_path / "bomb.yaml"
    rule.write_text(laughs(), encoding="utf-8")
    done = compliance("rules", "validate", rule)
    assert done.returncode != 0
    assert f"{rule}:5: " in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
