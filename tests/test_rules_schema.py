"""Rule files: what loads, and the exact one-line message for each kind of mistake."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from compliance.checks import KINDS, link_to_original, proximity
from compliance.errors import RuleFileError
from compliance.model import VENUES
from compliance.terms import load_rule_file, validate
from compliance.terms.library import load_rules, validate_paths
from compliance.terms.structure import rule_file_schema, structure_problems
from compliance.terms.yamlload import load_yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = Path("tests/data/rules")
KIND_LIST = ", ".join(KINDS)


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages name files relative to the working directory; run from the checkout root."""
    monkeypatch.chdir(ROOT)


BAD = {
    "malformed": "tests/data/rules/bad/malformed.yaml:5: malformed YAML: "
    "expected ',' or '}', but got '{'",
    "tabs": "tests/data/rules/bad/tabs.yaml:5: indented with a tab character (YAML needs spaces)",
    "missing-kind": "tests/data/rules/bad/missing-kind.yaml:5: requirement 'credit' is missing "
    f"its kind (expected one of {KIND_LIST})",
    "unknown-kind": "tests/data/rules/bad/unknown-kind.yaml:8: requirement 'foo' has unknown kind "
    f"'linkk' (expected one of {KIND_LIST})",
    "unknown-venue": "tests/data/rules/bad/unknown-venue.yaml:6: unknown venue 'online' "
    "(expected one of community, nonprofit, commercial, print)",
    "unknown-policy": "tests/data/rules/bad/unknown-policy.yaml:5: venue 'print' has unknown "
    "policy 'maybe' (expected one of allowed, permission, forbidden)",
    "empty-phrase": "tests/data/rules/bad/empty-phrase.yaml:7: detect.phrases has an empty phrase",
    "unknown-key": "tests/data/rules/bad/unknown-key.yaml:4: unknown key 'venue' (expected one of "
    "id, name, publisher, url, nature, licensed, detect, clause, clauses, venues, contact, "
    "requirements)",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_rule_file_is_one_line_error_with_file_and_line(name: str) -> None:
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(DATA / "bad" / f"{name}.yaml")
    assert str(caught.value) == BAD[name]
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("name", sorted(BAD))
def test_validate_reports_the_same_message_as_loading(name: str) -> None:
    assert list(validate(DATA / "bad" / f"{name}.yaml")) == [BAD[name]]


def test_validate_yields_every_problem_of_a_file_in_line_order() -> None:
    messages = list(validate(DATA / "bad" / "many-problems.yaml"))
    prefix = "tests/data/rules/bad/many-problems.yaml"
    assert messages == [
        f"{prefix}:4: 'licensed' must be true or false (got 'sometimes' that is str)",
        f"{prefix}:6: unknown venue 'online' (expected one of community, nonprofit, commercial, "
        "print)",
        f"{prefix}:10: requirement 'link' parameter 'target' must be one of article, home, "
        "not_pdf (got 'page')",
        f"{prefix}:13: requirement 'near' parameter 'within_chars' must be an integer "
        "(got 'far' that is str)",
        f"{prefix}:16: requirement 'extra' (credit_source) has unknown key 'colour' (expected one "
        "of id, kind, severity, message, clause; parameters: edited_template, min_score, "
        "template)",
    ]


def test_loading_raises_the_first_of_several_problems() -> None:
    with pytest.raises(RuleFileError, match=r"many-problems\.yaml:4: 'licensed'"):
        load_rule_file(DATA / "bad" / "many-problems.yaml")


def test_duplicate_rule_id_across_files_names_both_files() -> None:
    with pytest.raises(RuleFileError) as caught:
        load_rules([DATA / "dup"])
    assert str(caught.value) == (
        "tests/data/rules/dup/b.yaml:2: duplicate rule id 'same-id' "
        "(already defined in tests/data/rules/dup/a.yaml:1)"
    )


def test_validating_a_folder_reports_duplicate_ids() -> None:
    count, messages = validate_paths([DATA / "dup"])
    assert count == 2
    assert messages == [
        "tests/data/rules/dup/b.yaml:2: duplicate rule id 'same-id' "
        "(already defined in tests/data/rules/dup/a.yaml:1)"
    ]


def test_clause_shorthand_becomes_the_main_clause() -> None:
    terms = load_rule_file(DATA / "good" / "house-terms.yaml")
    assert terms.clauses == {
        "main": "Partners may republish our stories with a credit and a link to the story."
    }


def test_requirement_keys_beyond_the_common_ones_become_params_with_defaults_filled() -> None:
    terms = load_rule_file(DATA / "good" / "house-terms.yaml")
    by_id = {r.id: r for r in terms.requirements}
    assert by_id["together"].params == proximity.Params(within_chars=300)
    assert by_id["link"].params == link_to_original.Params(target="article")
    assert by_id["link"].clause is None


def test_rule_file_records_where_it_came_from() -> None:
    terms = load_rule_file(DATA / "good" / "house-terms.yaml")
    assert terms.source == "tests/data/rules/good/house-terms.yaml"
    assert terms.detect.domains == ("gazette.example",)


def test_duplicate_key_in_one_mapping_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "twice.yaml"
    path.write_text("id: twice\nname: One\nname: Two\nclause: Words here.\n", encoding="utf-8")
    assert [m.split(": ", 1)[1] for m in validate(path)] == ["duplicate key 'name'"]


def test_requirement_clause_must_name_a_defined_clause(tmp_path: Path) -> None:
    path = tmp_path / "clauses.yaml"
    path.write_text(
        "id: c\nname: C\nclauses:\n  main: Words.\nrequirements:\n"
        "  - {id: r, kind: venue, clause: print}\n",
        encoding="utf-8",
    )
    (message,) = validate(path)
    assert message.endswith(":6: requirement 'r' refers to unknown clause 'print' (known: main)")


def test_clauses_mapping_must_include_main(tmp_path: Path) -> None:
    path = tmp_path / "nomain.yaml"
    path.write_text("id: c\nname: C\nclauses:\n  print: Ask first.\n", encoding="utf-8")
    (message,) = validate(path)
    assert message.endswith(":4: 'clauses' must include 'main'")


def test_one_word_phrase_is_too_short_to_identify_an_original(tmp_path: Path) -> None:
    path = tmp_path / "short.yaml"
    path.write_text(
        "id: s\nname: S\nclause: Words.\ndetect:\n  phrases: [copyright]\n", encoding="utf-8"
    )
    (message,) = validate(path)
    assert message.endswith(
        ":5: detect phrase 'copyright' is too short to identify an original (use at least 3 words)"
    )


def test_missing_name_is_reported_at_the_top_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "noname.yaml"
    path.write_text("id: n\nclause: Words.\n", encoding="utf-8")
    (message,) = validate(path)
    assert message.endswith(":1: missing required key 'name'")


def test_a_yaml_list_is_not_a_rule_file(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- id: x\n", encoding="utf-8")
    (message,) = validate(path)
    assert message.endswith(":1: a rule file must be a mapping of keys (got a list)")


def test_missing_rule_file_is_a_rule_file_error() -> None:
    with pytest.raises(RuleFileError, match=r"nowhere\.yaml: no such rule file"):
        load_rule_file(DATA / "nowhere.yaml")


def _requirement_problems(tmp_path: Path, requirement: str) -> list[str]:
    path = tmp_path / "params.yaml"
    path.write_text(
        f"id: p\nname: P\nclause: Words.\nrequirements:\n  - {requirement}\n", encoding="utf-8"
    )
    return [m.split(":", 2)[1] + ":" + m.split(":", 2)[2] for m in validate(path)]


@pytest.mark.parametrize(
    ("requirement", "problem"),
    [
        (
            "{id: short, kind: excerpt_limit}",
            "5: requirement 'short' (excerpt_limit): an excerpt limit needs max_words or "
            "max_paragraphs",
        ),
        (
            "{id: credit, kind: credit_source, min_score: 250}",
            "5: requirement 'credit' parameter 'min_score' must be at most 100 (got 250)",
        ),
        (
            "{id: near, kind: proximity, within_chars: -5}",
            "5: requirement 'near' parameter 'within_chars' must be at least 0 (got -5)",
        ),
        (
            "{id: credit, kind: credit_source, min_score: .nan}",
            "5: requirement 'credit' parameter 'min_score' must be a finite number (got nan)",
        ),
        (
            "{id: wait, kind: timing, min_delay_hours: -1}",
            "5: requirement 'wait' parameter 'min_delay_hours' must be at least 0 (got -1)",
        ),
        (
            "{id: near, kind: proximity, elements: [link]}",
            "5: requirement 'near' parameter 'elements' must name at least two different elements",
        ),
        (
            "{id: near, kind: proximity, elements: [link, byline, colour]}",
            "5: requirement 'near' parameter 'elements' must be a list of source, copyright, "
            "link, byline, license, credit (got 'colour')",
        ),
    ],
)
def test_parameter_values_the_kind_forbids_are_reported_at_their_line(
    tmp_path: Path, requirement: str, problem: str
) -> None:
    assert _requirement_problems(tmp_path, requirement) == [problem]


def test_a_multi_line_requirement_reports_a_bad_parameter_at_its_own_line(
    tmp_path: Path,
) -> None:
    requirement = "id: credit\n    kind: credit_source\n    min_score: 250"
    assert _requirement_problems(tmp_path, requirement) == [
        "7: requirement 'credit' parameter 'min_score' must be at most 100 (got 250)"
    ]


# -- the structure is a JSON Schema (compliance/schemas/rule-file.schema.json) ----------------


def test_the_rule_file_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(rule_file_schema())


@pytest.mark.parametrize("path", sorted((ROOT / "rules").glob("*.yaml")), ids=lambda p: p.name)
def test_every_built_in_rule_file_has_the_schemas_structure(path: Path) -> None:
    assert structure_problems(load_yaml(path.read_text(encoding="utf-8"))) == []


def test_the_schemas_venues_are_the_ones_the_model_knows() -> None:
    venues = rule_file_schema()["properties"]["venues"]
    assert tuple(venues["propertyNames"]["enum"]) == VENUES


def test_an_unknown_detect_key_is_named_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "detect.yaml"
    path.write_text(
        "id: d\nname: D\nclause: Words.\ndetect:\n  domains: [d.example]\n  domain: d.example\n",
        encoding="utf-8",
    )
    (message,) = validate(path)
    assert message.endswith(
        ":6: unknown key 'detect.domain' "
        "(expected one of domains, phrases, license_urls, any_publisher)"
    )


def test_a_clause_that_is_not_text_is_named_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "clauses.yaml"
    path.write_text("id: c\nname: C\nclauses:\n  main: Words.\n  print: 12\n", encoding="utf-8")
    (message,) = validate(path)
    assert message.endswith(":5: clause 'print' must be non-empty text (got 12 that is int)")


def test_every_structural_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    path = tmp_path / "several.yaml"
    path.write_text(
        "id: Bad Id\nname: ''\nclause: Words.\nnature: fiction\nvenues: [community]\n",
        encoding="utf-8",
    )
    assert [m.split(":", 2)[1:] for m in validate(path)] == [
        ["1", " 'id' must be lowercase letters, digits, '.', '_' or '-' (got 'Bad Id')"],
        ["2", " 'name' must be a non-empty string (got '' that is str)"],
        ["4", " 'nature' must be one of factual, creative (got 'fiction')"],
        ["5", " 'venues' must be a mapping of venue -> policy (got ['community'] that is list)"],
    ]
